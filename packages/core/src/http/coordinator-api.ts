// The console's client of the hub's coordinator API: nominations and the pair's data rights,
// musicians, tour days, bookings, what the tablets sent about a concert, the calls musicians asked
// for, the month's report, and the administration of tablets, partners' keys and webhooks. One module, so that a bundler keeps it with the console's entry
// rather than splitting a shared chunk for the pages.
import type { BookingStatus } from '../lifecycle/booking.js';
import type { Report, ReportGrouping } from '../reports/report-row.js';
import type { BookingInput } from '../schemas/booking.js';
import type { Musician, MusicianInput } from '../schemas/musician.js';
import type { TourDay, TourDayInput } from '../schemas/tour-day.js';
import type { Page } from '../schemas/answers/common.js';
import type {
  BookingFeedback,
  CallState,
  CallTask,
  CallTaskFor,
} from '../schemas/answers/feedback.js';
import type {
  BookingDetail,
  BookingListItem,
  MusicianDetail,
  TourDayDetail,
} from '../schemas/answers/planning.js';
import type { ConsentPerson, ConsentScope, ConsentVia } from '../schemas/vocabulary.js';
import type {
  ProgrammeContentInput,
  ProgrammeDetail,
  ProgrammeVersion,
} from '../programme/record.js';
import type { NominationStatus } from '../lifecycle/nomination.js';
import type { EnrolledDevice, EnrolmentCode } from '../schemas/device-answers.js';
import type {
  CreatedPartnerKey,
  PartnerKeySummary,
  PartnersWebhookDelivery,
  PartnersWebhookEndpoint,
  PartnerWithKeys,
  WebhookDeliveryStatus,
} from '../schemas/partner-answers.js';
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
import type { RequestOptions } from './request.js';
import { query, send } from './coordinator-send.js';

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

// ---------------------------------------------------------------- planning

const at = (collection: string, id: string, rest = '') =>
  `api/v1/${collection}/${encodeURIComponent(id)}${rest}`;

/** Musicians by name, a page at a time. */
export function listMusicians(
  options: RequestOptions,
  filter: { active?: boolean; cursor?: string } = {},
): Promise<Page<Musician>> {
  const search = query({
    active: filter.active === undefined ? undefined : String(filter.active),
    limit: 100,
    cursor: filter.cursor,
  });
  return send(`api/v1/musicians${search}`, {}, options);
}

/** Registers a musician (the same id again is a replay). */
export function createMusician(
  options: RequestOptions,
  csrfToken: string,
  input: MusicianInput,
): Promise<Musician> {
  return send('api/v1/musicians', { method: 'POST', body: input, csrfToken }, options);
}

/** One musician, with their history from the audit trail. */
export function getMusician(options: RequestOptions, id: string): Promise<MusicianDetail> {
  return send(at('musicians', id), {}, options);
}

/** Changes some of a musician's fields (a merge patch); the hub audits which ones changed. */
export function updateMusician(
  options: RequestOptions,
  csrfToken: string,
  id: string,
  patch: Partial<Omit<MusicianInput, 'id' | 'schemaVersion'>>,
): Promise<Musician> {
  return send(at('musicians', id), { method: 'PATCH', body: patch, csrfToken }, options);
}

/** Tour days by date, a page at a time. */
export function listTourDays(
  options: RequestOptions,
  filter: { from?: string; to?: string; musician?: string; cursor?: string } = {},
): Promise<Page<TourDay>> {
  return send(`api/v1/tour-days${query({ ...filter, limit: 100 })}`, {}, options);
}

/** Creates a tour day (the same id again is a replay). */
export function createTourDay(
  options: RequestOptions,
  csrfToken: string,
  input: TourDayInput,
): Promise<TourDay> {
  return send('api/v1/tour-days', { method: 'POST', body: input, csrfToken }, options);
}

/** One tour day, with its bookings and its history from the audit trail. */
export function getTourDay(options: RequestOptions, id: string): Promise<TourDayDetail> {
  return send(at('tour-days', id), {}, options);
}

/** Changes some of a tour day's fields; 409 when its bookings would no longer fit. */
export function updateTourDay(
  options: RequestOptions,
  csrfToken: string,
  id: string,
  patch: Record<string, unknown>,
): Promise<TourDay> {
  return send(at('tour-days', id), { method: 'PATCH', body: patch, csrfToken }, options);
}

/** Deletes a tour day; 409 while it has a confirmed, held or missed concert. */
export function deleteTourDay(
  options: RequestOptions,
  csrfToken: string,
  id: string,
): Promise<void> {
  return send(at('tour-days', id), { method: 'DELETE', csrfToken }, options);
}

/** Bookings in start order, a page at a time. */
export function listBookings(
  options: RequestOptions,
  filter: {
    status?: BookingStatus[];
    date?: string;
    tourDay?: string;
    nomination?: string;
    cursor?: string;
  } = {},
): Promise<Page<BookingListItem>> {
  return send(`api/v1/bookings${query({ ...filter, limit: 100 })}`, {}, options);
}

/** One booking with its history and the moves it allows now. */
export function getBooking(options: RequestOptions, id: string): Promise<BookingDetail> {
  return send(at('bookings', id), {}, options);
}

/** Proposes a booking (the same id again is a replay). */
export function createBooking(
  options: RequestOptions,
  csrfToken: string,
  input: BookingInput,
): Promise<BookingDetail> {
  return send('api/v1/bookings', { method: 'POST', body: input, csrfToken }, options);
}

/** The booking moves with an endpoint of their own. */
export type BookingMove = 'confirm' | 'cancel' | 'held' | 'no-show';

/** Moves a booking (`POST /api/v1/bookings/{id}/{move}`); cancel and no-show need a reason. */
export function moveBooking(
  options: RequestOptions,
  csrfToken: string,
  id: string,
  move: BookingMove,
  reason?: string,
): Promise<BookingDetail> {
  return send(
    at('bookings', id, `/${move}`),
    { method: 'POST', body: reason ? { reason } : {}, csrfToken },
    options,
  );
}

/** Moves a booking to a new start (an ISO instant with offset), keeping its history. */
export function rescheduleBooking(
  options: RequestOptions,
  csrfToken: string,
  id: string,
  change: { start: string; reason?: string },
): Promise<BookingDetail> {
  return send(
    at('bookings', id, '/reschedule'),
    { method: 'POST', body: change, csrfToken },
    options,
  );
}

/** Where a booking's calendar file is (the session cookie authorises the download). */
export function bookingCalendarUrl(options: RequestOptions, id: string): string {
  return new URL(at('bookings', id, '.ics'), options.api).pathname;
}

/** A booking's opened feedback and debriefs. The hub logs every read. */
export function getBookingFeedback(options: RequestOptions, id: string): Promise<BookingFeedback> {
  return send(at('bookings', id, '/feedback'), {}, options);
}

/**
 * Call tasks, open (longest waiting first) or done (most recent first), a page at a time; with
 * `for`, only those for the coordinator or only those for a peer.
 */
export function listCallTasks(
  options: RequestOptions,
  filter: { state: CallState; for?: CallTaskFor; limit?: number; cursor?: string },
): Promise<Page<CallTask>> {
  return send(`api/v1/tasks${query({ limit: 100, ...filter })}`, {}, options);
}

/** Marks a musician's requested call as made, with an optional note (idempotent). */
export function markCallDone(
  options: RequestOptions,
  csrfToken: string,
  id: string,
  note?: string,
): Promise<CallTask> {
  return send(
    at('tasks', id, '/call-done'),
    { method: 'POST', body: note ? { note } : {}, csrfToken },
    options,
  );
}

/**
 * A month's report for one grouping, with small counts suppressed by the hub; `lang` names the
 * programme in that language.
 */
export function getReport(
  options: RequestOptions,
  request: { period: string; grouping: ReportGrouping; lang: 'da' | 'en' },
): Promise<Report> {
  return send<Report>(`api/v1/reports?${new URLSearchParams(request)}`, {}, options);
}

// ---------------------------------------------------------------- tablets

/** Every enrolled tablet, newest first. */
export async function listDevices(options: RequestOptions): Promise<EnrolledDevice[]> {
  const answer = await send<{ items: EnrolledDevice[] }>('api/v1/devices', {}, options);
  return answer.items;
}

/** Makes a one-time enrolment code for a musician's tablet. */
export function createEnrolmentCode(
  options: RequestOptions,
  csrfToken: string,
  musicianId: string,
): Promise<EnrolmentCode> {
  return send(
    'api/v1/devices/enrolment-codes',
    { method: 'POST', body: { musicianId }, csrfToken },
    options,
  );
}

/** Revokes a tablet: its token stops working at once. */
export function revokeDevice(
  options: RequestOptions,
  csrfToken: string,
  id: string,
): Promise<undefined> {
  return send(at('devices', id, '/revoke'), { method: 'POST', csrfToken }, options);
}

// ---------------------------------------------------------------- partners and webhooks

/** Every partner with its keys, by name. */
export async function listPartnerViews(options: RequestOptions): Promise<PartnerWithKeys[]> {
  const answer = await send<{ items: PartnerWithKeys[] }>('api/v1/partners', {}, options);
  return answer.items;
}

/** Makes a key for a partner; the answer carries the key this once. */
export function createPartnerKey(
  options: RequestOptions,
  csrfToken: string,
  partnerId: string,
  kind: PartnerKeySummary['kind'],
): Promise<CreatedPartnerKey> {
  return send(
    at('partners', partnerId, '/keys'),
    { method: 'POST', body: { kind }, csrfToken },
    options,
  );
}

/** Revokes a partner's key: it is refused from the next request on. */
export function revokePartnerKey(
  options: RequestOptions,
  csrfToken: string,
  partnerId: string,
  keyId: string,
): Promise<PartnerKeySummary> {
  return send(
    at('partners', partnerId, `/keys/${encodeURIComponent(keyId)}/revoke`),
    { method: 'POST', csrfToken },
    options,
  );
}

/** Every partner's webhook endpoints (or one partner's), newest first. */
export async function listWebhookEndpoints(
  options: RequestOptions,
  partner?: string,
): Promise<PartnersWebhookEndpoint[]> {
  const answer = await send<{ items: PartnersWebhookEndpoint[] }>(
    `api/v1/webhooks${query({ partner })}`,
    {},
    options,
  );
  return answer.items;
}

/** Filters for {@link listWebhookDeliveryLog}; 25 to a page unless `limit` says otherwise. */
export interface WebhookDeliveryLogFilter {
  partner?: string;
  endpoint?: string;
  status?: WebhookDeliveryStatus[];
  limit?: number;
  cursor?: string;
}

/** The delivery log of every partner's webhooks (or one partner's), newest first, a page at a time. */
export function listWebhookDeliveryLog(
  options: RequestOptions,
  filter: WebhookDeliveryLogFilter = {},
): Promise<Page<PartnersWebhookDelivery>> {
  return send(`api/v1/webhooks/deliveries${query({ limit: 25, ...filter })}`, {}, options);
}

/** Every programme's newest version, by slug. */
export async function listProgrammes(options: RequestOptions): Promise<ProgrammeVersion[]> {
  const answer = await send<{ items: ProgrammeVersion[] }>('api/v1/programmes', {}, options);
  return answer.items;
}

/** A programme: its newest version, every version (newest first) and its history. */
export function getProgramme(options: RequestOptions, slug: string): Promise<ProgrammeDetail> {
  return send(at('programmes', slug), {}, options);
}

/** Creates a programme with its first version; 409 `programme_exists` for a taken slug. */
export function createProgramme(
  options: RequestOptions,
  csrfToken: string,
  input: ProgrammeContentInput & { slug: string },
): Promise<ProgrammeVersion> {
  return send('api/v1/programmes', { method: 'POST', body: input, csrfToken }, options);
}

/** Adds a whole new version to a programme; the earlier ones stay as they were. */
export function addProgrammeVersion(
  options: RequestOptions,
  csrfToken: string,
  slug: string,
  content: ProgrammeContentInput,
): Promise<ProgrammeVersion> {
  return send(
    at('programmes', slug, '/versions'),
    { method: 'POST', body: content, csrfToken },
    options,
  );
}
