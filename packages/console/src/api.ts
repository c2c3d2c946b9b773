import {
  apiErrorSchema,
  StueHttpError,
  StueNetworkError,
  StueValidationError,
  type Booking,
  type BookingInput,
  type BookingStatus,
  type ConsentPerson,
  type ConsentScope,
  type ConsentVia,
  type Issue,
  type Musician,
  type MusicianInput,
  type NominationStatus,
  type NominationV2,
  type PartnerKind,
  type TourDay,
  type TourDayInput,
  type WebhookEvent,
  type WebhookEventType,
} from '@stue/core';
import { listNominations, type RequestOptions } from '@stue/core/client';
import type { Report, ReportGrouping } from '@stue/core/reports';

// Typed requests for the hub endpoints that @stue/core has no client function for yet. They
// behave like core's: same-origin cookie, `X-CSRF-Token` on writes, a timeout, and errors mapped
// to `StueNetworkError`, `StueValidationError` (400 with issues) and `StueHttpError`.

const DEFAULT_TIMEOUT_MS = 15_000;

/** The hub's base URL for a console served at `/console/`: one folder up. */
export function hubBase(base: string = document.baseURI): URL {
  return new URL('../', base);
}

/**
 * A `fetch` that asks the hub for its messages (validation issues, errors) in `lang`. It looks
 * up the global `fetch` on each call, so a test's stand-in is used.
 */
export function fetchIn(lang: 'da' | 'en'): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('accept-language', lang);
    return globalThis.fetch(input, { ...init, headers });
  };
}

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) ? Math.max(0, seconds) : undefined;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/** The typed error for an error answer, as core's client makes it. */
export async function errorFromResponse(response: Response): Promise<Error> {
  const json = await readJson(response);
  const parsed = apiErrorSchema.safeParse(json);
  const body = parsed.success ? parsed.data.error : undefined;
  if (response.status === 400 && body?.issues) {
    return new StueValidationError(body.issues as Issue[], body.message);
  }
  return new StueHttpError(
    response.status,
    body?.code ?? `http_${response.status}`,
    body?.message ?? (response.statusText || `HTTP ${response.status}`),
    retryAfterSeconds(response),
  );
}

interface SendInit {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  csrfToken?: string;
}

/** Sends one request to the hub and returns its JSON (`undefined` for 204). */
export async function send<T>(
  path: string,
  { method = 'GET', body, csrfToken }: SendInit,
  options: RequestOptions,
): Promise<T> {
  const url = new URL(path, options.api);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers = new Headers({ accept: 'application/json' });
  if (body !== undefined) headers.set('content-type', 'application/json');
  if (csrfToken !== undefined) headers.set('x-csrf-token', csrfToken);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      method,
      headers,
      credentials: 'same-origin',
      cache: 'no-store',
      signal,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (cause) {
    if (timeout.aborted) {
      throw new StueNetworkError('timeout', 'The hub did not answer in time', { cause });
    }
    if (options.signal?.aborted) throw cause;
    throw new StueNetworkError('network', 'The hub could not be reached', { cause });
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  const json = await readJson(response);
  if (typeof json !== 'object' || json === null) {
    throw new StueHttpError(
      response.status,
      'invalid_response',
      'The hub sent an unexpected answer',
    );
  }
  return json as T;
}

/** A page of a keyset-paged list. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Every item of a paged list, following the cursor (at most `maxPages` pages). */
export async function allPages<T>(
  load: (cursor: string | undefined) => Promise<Page<T>>,
  maxPages = 50,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let pageNo = 0; pageNo < maxPages; pageNo += 1) {
    const page = await load(cursor);
    items.push(...page.items);
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return items;
}

const query = (params: Record<string, string | readonly string[] | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const one of value) search.append(key, one);
    else search.set(key, String(value));
  }
  return search.size > 0 ? `?${search}` : '';
};

// ---------------------------------------------------------------- nominations

/** One move the lifecycle allows now. */
export interface AllowedAction<A extends string = string> {
  action: A;
  to: string;
  reasonRequired: boolean;
  href?: string;
}

/** A row of a record's audit trail. */
export interface AuditEntry {
  at: string;
  actor: string;
  action: string;
  reason?: string;
  details?: Record<string, unknown>;
}

/** A nomination as coordinators see it. */
export interface NominationItem {
  id: string;
  reference: string;
  status: NominationStatus;
  partner: { id: string; name: string };
  receivedAt: string;
  /** The stored record; the hub keeps only valid version 2 nominations. */
  nomination: NominationV2;
  /** The audit trail, when the hub sends it (a single-nomination read). */
  history?: AuditEntry[];
  /** Coordinators' notes, oldest first, when the hub sends them (a single-nomination read). */
  notes?: NominationNote[];
}

/**
 * A nomination as `GET /api/v1/nominations/{id}` answers it: without its record
 * (`nomination: null`) once the host has withdrawn consent — its reference, status, history and
 * consents stay, to act on the withdrawal, and nothing about the pair.
 */
export interface NominationDetail extends Omit<NominationItem, 'nomination'> {
  nomination: NominationV2 | null;
  /** When the host withdrew consent to be contacted; `null` while it holds. */
  consentWithdrawnAt?: string | null;
}

/** Whether the hub sent the nomination's record: the host's consent holds. */
export const isShown = (item: NominationDetail): item is NominationItem => item.nomination !== null;

/** A coordinator's note about a nomination, with who wrote it and when. */
export interface NominationNote {
  id: string;
  text: string;
  createdAt: string;
  author: { id: string; name: string };
}

/** Filters for {@link listNominationItems}, as core's `listNominations` takes them. */
export interface NominationItemFilter {
  status?: NominationStatus[];
  partner?: string;
  waitingDays?: number;
  limit?: number;
  cursor?: string;
}

/** A page of nominations, longest waiting first (core's `listNominations`, typed records). */
export async function listNominationItems(
  options: RequestOptions,
  filter: NominationItemFilter,
): Promise<Page<NominationItem>> {
  const page = await listNominations(options, filter);
  return page as Page<NominationItem>;
}

/** One nomination by id, with its history from the audit trail and the moves it allows now. */
export function getNomination(options: RequestOptions, id: string): Promise<NominationDetail> {
  return send<NominationDetail>(`api/v1/nominations/${encodeURIComponent(id)}`, {}, options);
}

/** The screening moves a coordinator makes. */
export type ScreeningAction = 'review' | 'accept' | 'decline' | 'withdraw';

/** What the hub answers to a screening move. */
export interface NominationMoved {
  id: string;
  reference: string;
  status: NominationStatus;
  allowedActions: AllowedAction[];
}

/** Moves a nomination through screening (`POST /api/v1/nominations/{id}/{action}`). */
export function moveNomination(
  options: RequestOptions,
  csrfToken: string,
  id: string,
  action: ScreeningAction,
  body: { reason?: string; referral?: string } = {},
): Promise<NominationMoved> {
  return send(
    `api/v1/nominations/${encodeURIComponent(id)}/${action}`,
    { method: 'POST', body, csrfToken },
    options,
  );
}

/** Writes a note about a nomination; `id` is the client's, so a resend is not stored twice. */
export function addNominationNote(
  options: RequestOptions,
  csrfToken: string,
  nominationId: string,
  note: { id: string; text: string },
): Promise<NominationNote> {
  return send(
    `api/v1/nominations/${encodeURIComponent(nominationId)}/notes`,
    { method: 'POST', body: note, csrfToken },
    options,
  );
}

// ---------------------------------------------------------------- the pair's data rights

/** A consent as the hub keeps it: whose, what for, through whom, when, and whether withdrawn. */
export interface ConsentView {
  id: string;
  person: string;
  scope: string;
  via: string;
  givenAt: string;
  noticeVersion: string;
  withdrawnAt: string | null;
}

/** A nomination's consents, withdrawn ones included, oldest first. */
export async function listConsents(options: RequestOptions, id: string): Promise<ConsentView[]> {
  const page = await send<{ items: ConsentView[] }>(
    `api/v1/nominations/${encodeURIComponent(id)}/consents`,
    {},
    options,
  );
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
    `api/v1/nominations/${encodeURIComponent(id)}/consents`,
    { method: 'POST', body: consent, csrfToken },
    options,
  );
}

/** What the hub answers to a withdrawal: whether the pair is now hidden, and when erased. */
export interface ConsentWithdrawn {
  hidden: boolean;
  erasureDueAt: string | null;
}

/** Records that the host withdraws every consent (`POST …/consents/withdraw`). */
export function withdrawConsent(
  options: RequestOptions,
  csrfToken: string,
  id: string,
  reason: string,
): Promise<ConsentWithdrawn> {
  return send(
    `api/v1/nominations/${encodeURIComponent(id)}/consents/withdraw`,
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
): Promise<{ erasureId: string; erasedAt: string }> {
  return send(
    `api/v1/nominations/${encodeURIComponent(id)}/erase`,
    { method: 'POST', body: { reference }, csrfToken },
    options,
  );
}

/** Where the data-subject export is (the session cookie authorises the download). */
export function exportUrl(options: RequestOptions, id: string): string {
  return new URL(`api/v1/nominations/${encodeURIComponent(id)}/export`, options.api).pathname;
}

// ---------------------------------------------------------------- musicians and tour days

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

// ---------------------------------------------------------------- bookings

/** A booking as coordinators read it: the record and who it is for. */
export interface BookingView extends Booking {
  nomination: {
    id: string;
    reference: string;
    status: NominationStatus;
    /** `null` once the host has withdrawn consent: the hub no longer says who it is. */
    host: { firstName: string; municipalityCode: string } | null;
  };
  history?: AuditEntry[];
  allowedActions?: AllowedAction[];
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
): Promise<Page<BookingView>> {
  return send(`api/v1/bookings${query({ ...filter, limit: 100 })}`, {}, options);
}

/** One booking with its history and the moves it allows now. */
export function getBooking(options: RequestOptions, id: string): Promise<BookingView> {
  return send(`api/v1/bookings/${encodeURIComponent(id)}`, {}, options);
}

/** Proposes a booking (the same id again is a replay). */
export function createBooking(
  options: RequestOptions,
  csrfToken: string,
  input: BookingInput,
): Promise<BookingView> {
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
): Promise<BookingView> {
  return send(
    `api/v1/bookings/${encodeURIComponent(id)}/${move}`,
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
): Promise<BookingView> {
  return send(
    `api/v1/bookings/${encodeURIComponent(id)}/reschedule`,
    { method: 'POST', body: change, csrfToken },
    options,
  );
}

/** Where a booking's calendar file is (the session cookie authorises the download). */
export function bookingCalendarUrl(options: RequestOptions, id: string): string {
  return new URL(`api/v1/bookings/${encodeURIComponent(id)}.ics`, options.api).pathname;
}

// ---------------------------------------------------------------- devices

/** A kiosk tablet. */
export interface Device {
  id: string;
  name: string;
  musician: { id: string; name: string };
  enrolledAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
  lastSequence: number;
  /**
   * When it last sent a new record under a sequence number it had used before, or an earlier one:
   * it may have been restored from a backup or copied. `null` while it counts up as it should.
   */
  sequenceReusedAt: string | null;
}

/** Every enrolled tablet, newest first. */
export async function listDevices(options: RequestOptions): Promise<Device[]> {
  const answer = await send<{ items: Device[] }>('api/v1/devices', {}, options);
  return answer.items;
}

/** A one-time code a musician's tablet enrols with. */
export interface EnrolmentCode {
  code: string;
  expiresAt: string;
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
export function revokeDevice(options: RequestOptions, csrfToken: string, id: string) {
  return send<undefined>(
    `api/v1/devices/${encodeURIComponent(id)}/revoke`,
    { method: 'POST', csrfToken },
    options,
  );
}

/**
 * A month's report for one grouping, with small counts suppressed by the hub; `lang` names the
 * programme in that language.
 */
export function getReport(
  options: RequestOptions,
  query: { period: string; grouping: ReportGrouping; lang: 'da' | 'en' },
): Promise<Report> {
  return send<Report>(`api/v1/reports?${new URLSearchParams(query)}`, {}, options);
}

// ---------------------------------------------------------------- feedback and call tasks

/** One question of an opened feedback response, as the hub renders it in the console's language. */
export interface FeedbackAnswer {
  questionId: string;
  question: string;
  state: 'answered' | 'skipped' | 'not-reached';
  choices: { id: string; label: string; pictogram: string | null }[];
}

/** One respondent's opened feedback response. */
export interface FeedbackResponseView {
  id: string;
  receivedAt: string;
  /** False when the hub could not open it. */
  readable: boolean;
  role?: 'host' | 'visiting-friend' | 'guest' | 'together';
  answeredWithHelp?: boolean;
  instrument?: { id: string; version: number; title: string | null };
  answers?: FeedbackAnswer[];
}

/** A made call: when, by whom, and the note from it. */
export interface CallDone {
  at: string;
  by: { id: string; name: string | null };
  note: string | null;
}

/** A musician's debrief, read whichever version the tablet wrote. */
export interface DebriefView {
  id: string;
  receivedAt: string;
  howItWent: 'good' | 'mixed' | 'hard' | null;
  wasAnythingHard: boolean | null;
  anythingHard: string | null;
  wouldLikeACall: boolean;
  note: string | null;
  call: { state: 'open' | 'done'; done: CallDone | null } | null;
}

/** Everything the tablet sent about a concert. */
export interface BookingFeedback {
  bookingId: string;
  responses: FeedbackResponseView[];
  debriefs: DebriefView[];
}

/** A booking's opened feedback and debriefs. The hub logs every read. */
export function getBookingFeedback(options: RequestOptions, id: string): Promise<BookingFeedback> {
  return send(`api/v1/bookings/${encodeURIComponent(id)}/feedback`, {}, options);
}

/** One tour day, with its history from the audit trail. */
export function getTourDay(
  options: RequestOptions,
  id: string,
): Promise<TourDay & { history?: AuditEntry[] }> {
  return send(`api/v1/tour-days/${encodeURIComponent(id)}`, {}, options);
}

/** One musician, with their history from the audit trail. */
export function getMusician(
  options: RequestOptions,
  id: string,
): Promise<Musician & { history?: AuditEntry[] }> {
  return send(`api/v1/musicians/${encodeURIComponent(id)}`, {}, options);
}

/** Changes some of a musician's fields (a merge patch); the hub audits which ones changed. */
export function updateMusician(
  options: RequestOptions,
  csrfToken: string,
  id: string,
  patch: Partial<Omit<MusicianInput, 'id' | 'schemaVersion'>>,
): Promise<Musician> {
  return send(
    `api/v1/musicians/${encodeURIComponent(id)}`,
    { method: 'PATCH', body: patch, csrfToken },
    options,
  );
}

/** Changes some of a tour day's fields; 409 when its bookings would no longer fit. */
export function updateTourDay(
  options: RequestOptions,
  csrfToken: string,
  id: string,
  patch: Record<string, unknown>,
): Promise<TourDay> {
  return send(
    `api/v1/tour-days/${encodeURIComponent(id)}`,
    { method: 'PATCH', body: patch, csrfToken },
    options,
  );
}

/** Deletes a tour day; 409 while it has a confirmed, held or missed concert. */
export function deleteTourDay(
  options: RequestOptions,
  csrfToken: string,
  id: string,
): Promise<void> {
  return send(
    `api/v1/tour-days/${encodeURIComponent(id)}`,
    { method: 'DELETE', csrfToken },
    options,
  );
}

/** Whether a musician's requested call is still to be made. */
export type CallState = 'open' | 'done';

/** A musician who asked for a call in a debrief. `id` is the debrief's. */
export interface CallTask {
  id: string;
  state: CallState;
  musician: { id: string; name: string };
  booking: {
    id: string;
    date: string;
    /** Danish local start, `YYYY-MM-DDTHH:MM`. */
    start: string;
    /** `null` once the host has withdrawn consent: the hub no longer says who it is. */
    host: { firstName: string; municipalityCode: string } | null;
  } | null;
  receivedAt: string;
  howItWent: 'good' | 'mixed' | 'hard' | null;
  done: CallDone | null;
}

/** Call tasks, open (longest waiting first) or done (most recent first), a page at a time. */
export function listCallTasks(
  options: RequestOptions,
  filter: { state: CallState; limit?: number; cursor?: string },
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
    `api/v1/tasks/${encodeURIComponent(id)}/call-done`,
    { method: 'POST', body: note ? { note } : {}, csrfToken },
    options,
  );
}

// ---------------------------------------------------------------- partners and webhooks

/** A partner's key as lists show it: never the key itself. */
export interface PartnerKey {
  id: string;
  kind: 'publishable' | 'secret';
  /** The key's first characters (`sk_AbCdEfGh`); null for keys made before prefixes were kept. */
  prefix: string | null;
  createdAt: string;
  revokedAt: string | null;
}

/** A partner organisation with its keys. */
export interface PartnerView {
  id: string;
  name: string;
  kind: PartnerKind;
  allowedOrigins: string[];
  createdAt: string;
  keys: PartnerKey[];
}

/** Every partner with its keys, by name. */
export async function listPartnerViews(options: RequestOptions): Promise<PartnerView[]> {
  const answer = await send<{ items: PartnerView[] }>('api/v1/partners', {}, options);
  return answer.items;
}

/** Makes a key for a partner; the answer carries the key this once. */
export function createPartnerKey(
  options: RequestOptions,
  csrfToken: string,
  partnerId: string,
  kind: PartnerKey['kind'],
): Promise<PartnerKey & { key: string }> {
  return send(
    `api/v1/partners/${encodeURIComponent(partnerId)}/keys`,
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
): Promise<PartnerKey> {
  return send(
    `api/v1/partners/${encodeURIComponent(partnerId)}/keys/${encodeURIComponent(keyId)}/revoke`,
    { method: 'POST', csrfToken },
    options,
  );
}

/** A partner's webhook endpoint (never its secret). */
export interface WebhookEndpointView {
  id: string;
  partnerId: string;
  url: string;
  events: WebhookEventType[];
  description?: string;
  createdAt: string;
  disabledAt: string | null;
}

/** Every partner's webhook endpoints (or one partner's), newest first. */
export async function listWebhookEndpoints(
  options: RequestOptions,
  partner?: string,
): Promise<WebhookEndpointView[]> {
  const answer = await send<{ items: WebhookEndpointView[] }>(
    `api/v1/webhooks${query({ partner })}`,
    {},
    options,
  );
  return answer.items;
}

/** Whether a webhook event has reached its endpoint. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** Why an attempt failed, as the delivery log records it. */
export type AttemptError = 'timeout' | 'network' | 'blocked_address' | 'redirect' | 'http_status';

/** One webhook event on its way to one endpoint, with every attempt so far. */
export interface WebhookDelivery {
  id: string;
  endpointId: string;
  partnerId: string;
  eventType: WebhookEventType;
  status: DeliveryStatus;
  createdAt: string;
  attemptCount: number;
  nextAttemptAt: string | null;
  payload: WebhookEvent;
  attempts: {
    attempt: number;
    at: string;
    statusCode: number | null;
    error: AttemptError | null;
    durationMs: number;
  }[];
}

/** The webhook delivery log, newest first, a page at a time. */
export function listWebhookDeliveryLog(
  options: RequestOptions,
  filter: {
    partner?: string;
    endpoint?: string;
    status?: DeliveryStatus[];
    limit?: number;
    cursor?: string;
  } = {},
): Promise<Page<WebhookDelivery>> {
  return send(`api/v1/webhooks/deliveries${query({ limit: 25, ...filter })}`, {}, options);
}
