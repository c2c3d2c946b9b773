import * as z from 'zod/mini';
import { NOMINATION_STATUSES } from '../lifecycle/nomination.js';
import { WEBHOOK_EVENTS, type WebhookEvent } from '../webhooks/events.js';
import type { NominationV2 } from './nomination-v2.js';

// What the hub answers a partner's servers on its secret-key API (`/api/v1/partner/…`). The hub
// types its answers with these (so a field renamed there fails its typecheck), core's partner
// client parses them, and the hub's OpenAPI document is generated from them.

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// A record the hub stored after checking it with its own schema, passed on as it is: the client
// checks that it is one, not every rule again (a rule tightened later must not make a partner's
// older records unreadable). The document describes it by the components named here.
const nominationRecord = z
  .custom<NominationV2>(isRecord)
  .register(z.globalRegistry, { $ref: '#/components/schemas/Nomination' });
const webhookEventRecord = z
  .custom<WebhookEvent>(isRecord)
  .register(z.globalRegistry, { $ref: '#/components/schemas/WebhookEvent' });

// Documented, not checked: the hub writes these, and a client has no use for refusing a page
// over one.
function documented<S extends z.core.$ZodType>(schema: S, meta: z.core.GlobalMeta): S {
  z.globalRegistry.add(schema, meta);
  return schema;
}
const instant = () => documented(z.string(), { format: 'date-time' });
const uuid = () => documented(z.string(), { format: 'uuid' });

/** One entry of a nomination's status history: when, and from which status to which. */
export const partnerHistoryEntrySchema = z.object({
  at: instant(),
  action: z.string(),
  from: z.optional(z.string()),
  to: z.optional(z.string()),
});

/**
 * One of the partner's own nominations, as it sent it, with its status now. Once the host has
 * withdrawn consent (`consentWithdrawnAt` set), `nomination` is `null`: the hub tells no one the
 * pair's details any more, only the status, the reference and the dates.
 */
export const partnerNominationSchema = z.object({
  id: uuid(),
  reference: documented(z.string(), { example: 'STUE-7KQ3-9XZD' }),
  status: z.enum(NOMINATION_STATUSES),
  receivedAt: instant(),
  updatedAt: instant(),
  /** When the host withdrew consent (a hub before this field leaves it out). */
  consentWithdrawnAt: z.optional(
    documented(z.nullable(instant()), {
      description: 'When the host withdrew consent to be contacted; `null` while it holds.',
    }),
  ),
  /** The record as sent; `null` once the host has withdrawn consent. */
  nomination: documented(z.nullable(nominationRecord), {
    description:
      'The record as the partner sent it; `null` once the host has withdrawn consent: from ' +
      'then on the status, the reference and the dates are all the hub tells anyone.',
  }),
});
/** One of the partner's own nominations (see {@link partnerNominationSchema}). */
export type PartnerNomination = z.output<typeof partnerNominationSchema>;

/** One of the partner's own nominations with its status history (the coordinators' notes stay with them). */
export const partnerNominationDetailSchema = z.extend(partnerNominationSchema, {
  history: z.array(partnerHistoryEntrySchema),
});
/** One of the partner's own nominations with its status history. */
export type PartnerNominationDetail = z.output<typeof partnerNominationDetailSchema>;

/** A page of the partner's own nominations. */
export const partnerNominationPageSchema = z.object({
  items: z.array(partnerNominationSchema),
  nextCursor: z.nullable(z.string()),
});
/** A page of the partner's own nominations. */
export type PartnerNominationPage = z.output<typeof partnerNominationPageSchema>;

/** A registered webhook endpoint (without its secret). */
export const webhookEndpointSchema = z.object({
  id: uuid(),
  url: documented(z.string(), { format: 'uri' }),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  description: z.optional(z.string()),
  createdAt: instant(),
  disabledAt: z.nullable(instant()),
});
/** A registered webhook endpoint (without its secret). */
export type WebhookEndpoint = z.output<typeof webhookEndpointSchema>;

/** The partner's webhook endpoints, newest first (removed ones have `disabledAt`). */
export const webhookEndpointListSchema = z.object({ items: z.array(webhookEndpointSchema) });

/** A newly registered endpoint, with its signing secret (`whsec_…`) — shown this once. */
export const createdWebhookEndpointSchema = z.extend(webhookEndpointSchema, {
  secret: documented(z.string(), { example: 'whsec_…' }),
});
/** A newly registered endpoint, with its signing secret — shown this once. */
export type CreatedWebhookEndpoint = z.output<typeof createdWebhookEndpointSchema>;

/** Where a delivery stands. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
/** Where a delivery stands. */
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];
/** Why an attempt to deliver failed, when it had no answer to show or a wrong one. */
export const WEBHOOK_ATTEMPT_ERRORS = [
  'timeout',
  'network',
  'blocked_address',
  'redirect',
  'http_status',
] as const;
/** Why an attempt to deliver failed. */
export type WebhookAttemptError = (typeof WEBHOOK_ATTEMPT_ERRORS)[number];

/** One event for one endpoint, with every attempt to deliver it. */
export const webhookDeliverySchema = z.object({
  id: documented(z.string(), {
    description: 'Also the `webhook-id` header, the same on every attempt.',
  }),
  endpointId: uuid(),
  eventType: z.enum(WEBHOOK_EVENTS),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  createdAt: instant(),
  attemptCount: z.int(),
  nextAttemptAt: z.nullable(instant()),
  /** The body that is (or was) sent. */
  payload: webhookEventRecord,
  attempts: z.array(
    z.object({
      attempt: z.int(),
      at: instant(),
      statusCode: z.nullable(z.int()),
      error: z.nullable(z.enum(WEBHOOK_ATTEMPT_ERRORS)),
      durationMs: z.int(),
    }),
  ),
});
/** One event for one endpoint, with every attempt to deliver it. */
export type WebhookDelivery = z.output<typeof webhookDeliverySchema>;

/** A page of the delivery log, newest first. */
export const webhookDeliveryPageSchema = z.object({
  items: z.array(webhookDeliverySchema),
  nextCursor: z.nullable(z.string()),
});
/** A page of the delivery log, newest first. */
export type WebhookDeliveryPage = z.output<typeof webhookDeliveryPageSchema>;

// What the hub answers coordinators about partners, their keys and their webhooks.

/** A partner's key as lists show it: never the key itself or its hash. */
export const partnerKeySummarySchema = documented(
  z.object({
    id: z.string(),
    kind: z.enum(['publishable', 'secret']),
    prefix: documented(z.nullable(z.string()), {
      description:
        'The first characters, e.g. `sk_AbCdEfGh`; null for keys made before prefixes were kept.',
    }),
    createdAt: instant(),
    revokedAt: z.nullable(instant()),
  }),
  { description: 'A key as lists show it: never the key itself or its hash.' },
);
/** A partner's key as lists show it. */
export type PartnerKeySummary = z.output<typeof partnerKeySummarySchema>;

/** A new key, with the key itself — shown this once; the hub keeps only its hash. */
export const createdPartnerKeySchema = z.extend(partnerKeySummarySchema, {
  key: documented(z.string(), { example: 'sk_…' }),
});
/** A new key, with the key itself — shown this once. */
export type CreatedPartnerKey = z.output<typeof createdPartnerKeySchema>;

/** The partner organisations with their keys, by name (`GET /api/v1/partners`). */
export const partnerListSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      kind: z.string(),
      allowedOrigins: z.array(z.string()),
      createdAt: instant(),
      keys: z.array(partnerKeySummarySchema),
    }),
  ),
});
/** A partner organisation with its keys. */
export type PartnerWithKeys = z.output<typeof partnerListSchema>['items'][number];

const ofPartner = { partnerId: z.string() };
/** Every partner's webhook endpoints, for coordinators (`GET /api/v1/webhooks`). */
export const partnersWebhookEndpointListSchema = z.object({
  items: z.array(z.extend(webhookEndpointSchema, ofPartner)),
});
/** A partner's webhook endpoint as coordinators see it (never its secret). */
export type PartnersWebhookEndpoint = z.output<
  typeof partnersWebhookEndpointListSchema
>['items'][number];
/** The delivery log of every partner's webhooks, for coordinators. */
export const partnersWebhookDeliveryPageSchema = z.object({
  items: z.array(z.extend(webhookDeliverySchema, ofPartner)),
  nextCursor: z.nullable(z.string()),
});
/** One event for one partner's endpoint, with every attempt so far, as coordinators see it. */
export type PartnersWebhookDelivery = z.output<
  typeof partnersWebhookDeliveryPageSchema
>['items'][number];
