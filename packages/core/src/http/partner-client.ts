import * as z from 'zod/mini';
import { NOMINATION_STATUSES, type NominationStatus } from '../lifecycle/nomination.js';
import { reportSchema, type Report } from '../reports/report-row.js';
import { WEBHOOK_EVENTS, type WebhookEndpointInput } from '../webhooks/events.js';
import { expectJson, request, type RequestOptions } from './request.js';

// These calls need a partner's secret key (`sk_…`) and are for the partner's servers only: the
// hub refuses a secret key sent from a browser (a request with `Origin`).

/** Where the hub is, and the partner's secret key. */
export interface SecretKeyOptions extends RequestOptions {
  /** The partner's secret key, `sk_…`. Keep it on the server. */
  key: string;
}

const withKey = (init: RequestInit, key: string): RequestInit => ({
  ...init,
  headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${key}` },
});

const historyEntry = z.object({
  at: z.string(),
  action: z.string(),
  from: z.optional(z.string()),
  to: z.optional(z.string()),
});

const partnerNominationSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(NOMINATION_STATUSES),
  receivedAt: z.string(),
  updatedAt: z.string(),
  /** When the host withdrew consent (a hub before this field leaves it out). */
  consentWithdrawnAt: z.optional(z.nullable(z.string())),
  /** The record as sent; `null` once the host has withdrawn consent. */
  nomination: z.unknown(),
  history: z.optional(z.array(historyEntry)),
});
/**
 * One of the partner's own nominations, as it sent it, with its status now. Once the host has
 * withdrawn consent (`consentWithdrawnAt` set), `nomination` is `null`: the hub tells no one the
 * pair's details any more, only the status, the reference and the dates.
 */
export type PartnerNomination = z.output<typeof partnerNominationSchema>;

const partnerNominationPageSchema = z.object({
  items: z.array(partnerNominationSchema),
  nextCursor: z.nullable(z.string()),
});
/** A page of the partner's own nominations. */
export type PartnerNominationPage = z.output<typeof partnerNominationPageSchema>;

/** Filters for {@link listPartnerNominations}. */
export interface PartnerNominationFilter {
  status?: NominationStatus[];
  /** Only nominations whose status changed at or after this instant (ISO 8601). */
  updatedSince?: string;
  limit?: number;
  cursor?: string;
}

const endpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  description: z.optional(z.string()),
  createdAt: z.string(),
  disabledAt: z.nullable(z.string()),
});
/** A registered webhook endpoint (without its secret). */
export type WebhookEndpoint = z.output<typeof endpointSchema>;

const createdEndpointSchema = z.extend(endpointSchema, { secret: z.string() });
/** A newly registered endpoint, with its signing secret — shown this once. */
export type CreatedWebhookEndpoint = z.output<typeof createdEndpointSchema>;

const deliverySchema = z.object({
  id: z.string(),
  endpointId: z.string(),
  eventType: z.enum(WEBHOOK_EVENTS),
  status: z.enum(['pending', 'delivered', 'failed']),
  createdAt: z.string(),
  attemptCount: z.number(),
  nextAttemptAt: z.nullable(z.string()),
  /** The body that is (or was) sent. */
  payload: z.unknown(),
  attempts: z.array(
    z.object({
      attempt: z.number(),
      at: z.string(),
      statusCode: z.nullable(z.number()),
      error: z.nullable(z.string()),
      durationMs: z.number(),
    }),
  ),
});
/** One event for one endpoint, with every attempt to deliver it. */
export type WebhookDelivery = z.output<typeof deliverySchema>;

const deliveryPageSchema = z.object({
  items: z.array(deliverySchema),
  nextCursor: z.nullable(z.string()),
});
/** A page of the delivery log, newest first. */
export type WebhookDeliveryPage = z.output<typeof deliveryPageSchema>;

/** Filters for {@link listWebhookDeliveries}. */
export interface WebhookDeliveryFilter {
  endpoint?: string;
  status?: WebhookDelivery['status'][];
  limit?: number;
  cursor?: string;
}

function search(entries: [string, string | number | undefined][]): string {
  const query = new URLSearchParams();
  for (const [name, value] of entries) if (value !== undefined) query.append(name, String(value));
  return query.size > 0 ? `?${query}` : '';
}

/**
 * The partner's own nominations, longest waiting first, a page at a time, with the records as
 * the partner sent them.
 *
 * @example
 * const page = await listPartnerNominations({ api, key: process.env.STUE_SECRET_KEY }, { status: ['accepted'] });
 */
export async function listPartnerNominations(
  options: SecretKeyOptions,
  filter: PartnerNominationFilter = {},
): Promise<PartnerNominationPage> {
  const query = search([
    ...(filter.status ?? []).map((s): [string, string] => ['status', s]),
    ['updatedSince', filter.updatedSince],
    ['limit', filter.limit],
    ['cursor', filter.cursor],
  ]);
  const response = await request(
    `api/v1/partner/nominations${query}`,
    withKey({ method: 'GET' }, options.key),
    options,
  );
  return expectJson(response, partnerNominationPageSchema);
}

/**
 * One of the partner's own nominations by id, with its status history (when and to what; the
 * coordinators' notes stay with them). Another organisation's id is `not_found` (404).
 */
export async function getPartnerNomination(
  options: SecretKeyOptions,
  id: string,
): Promise<PartnerNomination> {
  const response = await request(
    `api/v1/partner/nominations/${encodeURIComponent(id)}`,
    withKey({ method: 'GET' }, options.key),
    options,
  );
  return expectJson(response, partnerNominationSchema);
}

/**
 * The organisation's own part of a month's report (`YYYY-MM`): its rows of the report grouped
 * by partner, with small counts suppressed (`value: null, suppressed: true`) exactly as the
 * programme publishes them. docs/reports.md says what each measure means.
 *
 * @example
 * const { rows } = await getPartnerReport({ api, key: process.env.STUE_SECRET_KEY }, '2026-10');
 * rows.find((r) => r.measure === 'concerts-held')?.value; // 12, or null when below 5
 */
export async function getPartnerReport(options: SecretKeyOptions, period: string): Promise<Report> {
  const response = await request(
    `api/v1/partner/reports?${new URLSearchParams({ period })}`,
    withKey({ method: 'GET' }, options.key),
    options,
  );
  return expectJson(response, reportSchema);
}

/**
 * Registers a webhook endpoint. The answer carries the signing secret (`whsec_…`) this once:
 * store it where the receiving server can read it, for {@link verifyWebhook}.
 *
 * @example
 * const { secret } = await registerWebhook(
 *   { api, key: process.env.STUE_SECRET_KEY },
 *   { url: 'https://api.besoeg.example.dk/stue/events', events: ['booking.confirmed'] },
 * );
 */
export async function registerWebhook(
  options: SecretKeyOptions,
  endpoint: WebhookEndpointInput,
): Promise<CreatedWebhookEndpoint> {
  const response = await request(
    'api/v1/partner/webhooks',
    withKey({ method: 'POST', body: JSON.stringify(endpoint) }, options.key),
    options,
  );
  return expectJson(response, createdEndpointSchema);
}

/** The partner's webhook endpoints (their secrets are never shown again). */
export async function listWebhooks(options: SecretKeyOptions): Promise<WebhookEndpoint[]> {
  const response = await request(
    'api/v1/partner/webhooks',
    withKey({ method: 'GET' }, options.key),
    options,
  );
  return (await expectJson(response, z.object({ items: z.array(endpointSchema) }))).items;
}

/**
 * Removes one of the partner's webhook endpoints: nothing more is sent to it.
 *
 * @throws {StueHttpError} `not_found` (404) when the partner has no such active endpoint
 */
export async function removeWebhook(options: SecretKeyOptions, id: string): Promise<void> {
  const response = await request(
    `api/v1/partner/webhooks/${encodeURIComponent(id)}`,
    withKey({ method: 'DELETE' }, options.key),
    options,
  );
  if (!response.ok) await expectJson(response, z.unknown());
}

/**
 * The delivery log of the partner's webhooks, newest first: each event, its status, and every
 * attempt (when, the answer's status code or the error, and when the next attempt is due).
 */
export async function listWebhookDeliveries(
  options: SecretKeyOptions,
  filter: WebhookDeliveryFilter = {},
): Promise<WebhookDeliveryPage> {
  const query = search([
    ['endpoint', filter.endpoint],
    ...(filter.status ?? []).map((s): [string, string] => ['status', s]),
    ['limit', filter.limit],
    ['cursor', filter.cursor],
  ]);
  const response = await request(
    `api/v1/partner/webhooks/deliveries${query}`,
    withKey({ method: 'GET' }, options.key),
    options,
  );
  return expectJson(response, deliveryPageSchema);
}
