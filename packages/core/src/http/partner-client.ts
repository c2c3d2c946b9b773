import * as z from 'zod/mini';
import type { NominationStatus } from '../lifecycle/nomination.js';
import { reportSchema, type Report } from '../reports/report-row.js';
import {
  createdWebhookEndpointSchema,
  partnerNominationDetailSchema,
  partnerNominationPageSchema,
  webhookDeliveryPageSchema,
  webhookEndpointListSchema,
  type CreatedWebhookEndpoint,
  type PartnerNominationDetail,
  type PartnerNominationPage,
  type WebhookDelivery,
  type WebhookDeliveryPage,
  type WebhookEndpoint,
} from '../schemas/partner-answers.js';
import type { WebhookEndpointInput } from '../webhooks/events.js';
import { pages } from './pages.js';
import { expectJson, request, requestJson, withBearer, type RequestOptions } from './request.js';

export type {
  CreatedWebhookEndpoint,
  PartnerNomination,
  PartnerNominationDetail,
  PartnerNominationPage,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookEndpoint,
} from '../schemas/partner-answers.js';

// These calls need a partner's secret key (`sk_…`) and are for the partner's servers only: the
// hub refuses a secret key sent from a browser (a request with `Origin`).

/** Where the hub is, and the partner's secret key. */
export interface SecretKeyOptions extends RequestOptions {
  /**
   * The partner's secret key, `sk_…`. Keep it on the server. Missing or empty (an unset
   * environment variable), the call fails before sending anything with a `StueError` `missing_key`.
   */
  key: string | undefined;
}

/** Reads `path` with the secret key; the answer is checked against `schema`. */
const get = <S extends z.core.$ZodType>(path: string, schema: S, options: SecretKeyOptions) =>
  requestJson(path, withBearer({ method: 'GET' }, options.key, options.lang), schema, options);

/** Filters for {@link listPartnerNominations}. */
export interface PartnerNominationFilter {
  status?: NominationStatus[];
  /** Only nominations whose status changed at or after this instant (ISO 8601). */
  updatedSince?: string;
  limit?: number;
  cursor?: string;
}

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
  return get(`api/v1/partner/nominations${query}`, partnerNominationPageSchema, options);
}

/**
 * Every page of the partner's own nominations that fit `filter`, one at a time, as
 * {@link listPartnerNominations} reads them (`filter.cursor` is where to start).
 *
 * @example
 * for await (const page of partnerNominationPages({ api, key: process.env.STUE_SECRET_KEY })) {
 *   for (const { reference, status } of page.items) console.log(reference, status);
 * }
 */
export function partnerNominationPages(
  options: SecretKeyOptions,
  filter: PartnerNominationFilter = {},
): AsyncGenerator<PartnerNominationPage, void, undefined> {
  return pages((cursor = filter.cursor) => listPartnerNominations(options, { ...filter, cursor }));
}

/**
 * One of the partner's own nominations by id, with its status history (when and to what; the
 * coordinators' notes stay with them). Another organisation's id is `not_found` (404).
 */
export async function getPartnerNomination(
  options: SecretKeyOptions,
  id: string,
): Promise<PartnerNominationDetail> {
  return get(
    `api/v1/partner/nominations/${encodeURIComponent(id)}`,
    partnerNominationDetailSchema,
    options,
  );
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
  return get(`api/v1/partner/reports?${new URLSearchParams({ period })}`, reportSchema, options);
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
  return requestJson(
    'api/v1/partner/webhooks',
    withBearer({ method: 'POST', body: JSON.stringify(endpoint) }, options.key, options.lang),
    createdWebhookEndpointSchema,
    options,
  );
}

/** The partner's webhook endpoints (their secrets are never shown again). */
export async function listWebhooks(options: SecretKeyOptions): Promise<WebhookEndpoint[]> {
  return (await get('api/v1/partner/webhooks', webhookEndpointListSchema, options)).items;
}

/**
 * Removes one of the partner's webhook endpoints: nothing more is sent to it.
 *
 * @throws {StueHttpError} `not_found` (404) when the partner has no such active endpoint
 */
export async function removeWebhook(options: SecretKeyOptions, id: string): Promise<void> {
  const response = await request(
    `api/v1/partner/webhooks/${encodeURIComponent(id)}`,
    withBearer({ method: 'DELETE' }, options.key, options.lang),
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
  return get(`api/v1/partner/webhooks/deliveries${query}`, webhookDeliveryPageSchema, options);
}

/**
 * Every page of the delivery log of the partner's webhooks that fits `filter`, newest first, as
 * {@link listWebhookDeliveries} reads them.
 */
export function webhookDeliveryPages(
  options: SecretKeyOptions,
  filter: WebhookDeliveryFilter = {},
): AsyncGenerator<WebhookDeliveryPage, void, undefined> {
  return pages((cursor = filter.cursor) => listWebhookDeliveries(options, { ...filter, cursor }));
}
