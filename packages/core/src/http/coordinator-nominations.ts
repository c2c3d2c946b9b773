// The console's client for nominations: screening, notes, and the pair's data rights.
import type { ConsentPerson, ConsentScope, ConsentVia } from '../schemas/vocabulary.js';
import type { NominationStatus } from '../lifecycle/nomination.js';
import type { Page } from '../schemas/answers/common.js';
import type {
  ConsentView,
  ConsentWithdrawn,
  ErasureReceipt,
} from '../schemas/answers/data-rights.js';
import type {
  NominationDetail,
  NominationItem,
  NominationMoved,
  NominationNote,
  NominationView,
} from '../schemas/answers/nominations.js';
import { listNominations } from './coordinator-client.js';
import { send } from './coordinator-send.js';
import type { RequestOptions } from './request.js';

const nominationPath = (id: string, rest = '') =>
  `api/v1/nominations/${encodeURIComponent(id)}${rest}`;

/** Whether the hub sent the nomination's record: the host's consent holds. */
export const isShown = (item: NominationView): item is NominationItem => item.nomination !== null;

/** Filters for {@link listNominationItems}, as `listNominations` takes them. */
export interface NominationItemFilter {
  status?: NominationStatus[];
  partner?: string;
  waitingDays?: number;
  limit?: number;
  cursor?: string;
}

/** A page of nominations, longest waiting first (`listNominations`, typed records). */
export async function listNominationItems(
  options: RequestOptions,
  filter: NominationItemFilter,
): Promise<Page<NominationItem>> {
  const page = await listNominations(options, filter);
  return page as Page<NominationItem>;
}

/** One nomination by id, with its history from the audit trail and the moves it allows now. */
export function getNomination(options: RequestOptions, id: string): Promise<NominationDetail> {
  return send<NominationDetail>(nominationPath(id), {}, options);
}

/** The screening moves a coordinator makes. */
export type ScreeningAction = 'review' | 'accept' | 'decline' | 'withdraw';

/** Moves a nomination through screening (`POST /api/v1/nominations/{id}/{action}`). */
export function moveNomination(
  options: RequestOptions,
  csrfToken: string,
  id: string,
  action: ScreeningAction,
  body: { reason?: string; referral?: string } = {},
): Promise<NominationMoved> {
  return send(nominationPath(id, `/${action}`), { method: 'POST', body, csrfToken }, options);
}

/** Writes a note about a nomination; `id` is the client's, so a resend is not stored twice. */
export function addNominationNote(
  options: RequestOptions,
  csrfToken: string,
  nominationId: string,
  note: { id: string; text: string },
): Promise<NominationNote> {
  return send(
    nominationPath(nominationId, '/notes'),
    { method: 'POST', body: note, csrfToken },
    options,
  );
}

/** A nomination's consents, withdrawn ones included, oldest first. */
export async function listConsents(options: RequestOptions, id: string): Promise<ConsentView[]> {
  const page = await send<{ items: ConsentView[] }>(nominationPath(id, '/consents'), {}, options);
  return page.items;
}

/** A consent to record: whose, what for, through whom, when (ISO with offset), which notice. */
export interface ConsentToRecord {
  person: ConsentPerson;
  scope: ConsentScope;
  via: ConsentVia;
  at: string;
  noticeVersion: string;
}

/** Records a further consent, e.g. the host's yes to be quoted (`POST …/consents`). */
export function recordConsent(
  options: RequestOptions,
  csrfToken: string,
  id: string,
  consent: ConsentToRecord,
): Promise<ConsentView> {
  return send(
    nominationPath(id, '/consents'),
    { method: 'POST', body: consent, csrfToken },
    options,
  );
}

/** Records that the host withdraws every consent (`POST …/consents/withdraw`). */
export function withdrawConsent(
  options: RequestOptions,
  csrfToken: string,
  id: string,
  reason: string,
): Promise<ConsentWithdrawn> {
  return send(
    nominationPath(id, '/consents/withdraw'),
    { method: 'POST', body: { person: 'host', ...(reason ? { reason } : {}) }, csrfToken },
    options,
  );
}

/** Erases the pair; the hub checks that `reference` is the nomination's own. */
export function erasePair(
  options: RequestOptions,
  csrfToken: string,
  id: string,
  reference: string,
): Promise<ErasureReceipt> {
  return send(
    nominationPath(id, '/erase'),
    { method: 'POST', body: { reference }, csrfToken },
    options,
  );
}

/** Where the data-subject export is (the session cookie authorises the download). */
export function exportUrl(options: RequestOptions, id: string): string {
  return new URL(nominationPath(id, '/export'), options.api).pathname;
}
