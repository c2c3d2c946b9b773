import type { PartnerKind, WebhookEvent, WebhookEventType } from '@stue/core';
import { query, send, type Page, type RequestOptions } from '@stue/core/client';

// The console's requests to the hub are core's coordinator client (`@stue/core/client`), typed by
// the answer schemas the hub is held to. What stays here is console-only: where the hub is from
// the console's page, and the tablets', partners' and webhooks' administration, whose answers
// are not yet in core.

export {
  addNominationNote,
  allPages,
  bookingCalendarUrl,
  createBooking,
  createMusician,
  createTourDay,
  deleteTourDay,
  erasePair,
  exportUrl,
  fetchIn,
  getBooking,
  getBookingFeedback,
  getMusician,
  getNomination,
  getReport,
  getTourDay,
  isShown,
  listBookings,
  listCallTasks,
  listConsents,
  listMusicians,
  listNominationItems,
  listTourDays,
  markCallDone,
  moveBooking,
  moveNomination,
  recordConsent,
  rescheduleBooking,
  send,
  updateMusician,
  updateTourDay,
  withdrawConsent,
  type AllowedAction,
  type AuditEntry,
  type BookingFeedback,
  type BookingMove,
  type BookingView,
  type CallDone,
  type CallState,
  type CallTask,
  type ConsentToRecord,
  type ConsentView,
  type ConsentWithdrawn,
  type DebriefView,
  type FeedbackAnswerView as FeedbackAnswer,
  type FeedbackResponseView,
  // What the console's pages call a nomination's detail: the inbox's item or the single read.
  type NominationView as NominationDetail,
  type NominationItem,
  type NominationItemFilter,
  type NominationMoved,
  type NominationNote,
  type Page,
  type ScreeningAction,
} from '@stue/core/client';

/** The hub's base URL for a console served at `/console/`: one folder up. */
export function hubBase(base: string = document.baseURI): URL {
  return new URL('../', base);
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
