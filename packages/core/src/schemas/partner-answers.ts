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

/** One entry of a nomination's status history: when, and from which status to which. */
export const partnerHistoryEntrySchema = z.object({
  at: z.string(),
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
  id: z.string(),
  reference: z.string(),
  status: z.enum(NOMINATION_STATUSES),
  receivedAt: z.string(),
  updatedAt: z.string(),
  /** When the host withdrew consent (a hub before this field leaves it out). */
  consentWithdrawnAt: z.optional(z.nullable(z.string())),
  /** The record as sent; `null` once the host has withdrawn consent. */
  nomination: z.nullable(nominationRecord),
  /** Only on a single nomination: its status history (the coordinators' notes stay with them). */
  history: z.optional(z.array(partnerHistoryEntrySchema)),
});
/** One of the partner's own nominations (see {@link partnerNominationSchema}). */
export type PartnerNomination = z.output<typeof partnerNominationSchema>;

/** A page of the partner's own nominations. */
export const partnerNominationPageSchema = z.object({
  items: z.array(partnerNominationSchema),
  nextCursor: z.nullable(z.string()),
});
/** A page of the partner's own nominations. */
export type PartnerNominationPage = z.output<typeof partnerNominationPageSchema>;

/** A registered webhook endpoint (without its secret). */
export const webhookEndpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.enum(WEBHOOK_EVENTS)),
  description: z.optional(z.string()),
  createdAt: z.string(),
  disabledAt: z.nullable(z.string()),
});
/** A registered webhook endpoint (without its secret). */
export type WebhookEndpoint = z.output<typeof webhookEndpointSchema>;

/** The partner's webhook endpoints, newest first (removed ones have `disabledAt`). */
export const webhookEndpointListSchema = z.object({ items: z.array(webhookEndpointSchema) });

/** A newly registered endpoint, with its signing secret (`whsec_…`) — shown this once. */
export const createdWebhookEndpointSchema = z.extend(webhookEndpointSchema, { secret: z.string() });
/** A newly registered endpoint, with its signing secret — shown this once. */
export type CreatedWebhookEndpoint = z.output<typeof createdWebhookEndpointSchema>;

/** Where a delivery stands. */
export const WEBHOOK_DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
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
  id: z.string(),
  endpointId: z.string(),
  eventType: z.enum(WEBHOOK_EVENTS),
  status: z.enum(WEBHOOK_DELIVERY_STATUSES),
  createdAt: z.string(),
  attemptCount: z.number(),
  nextAttemptAt: z.nullable(z.string()),
  /** The body that is (or was) sent. */
  payload: webhookEventRecord,
  attempts: z.array(
    z.object({
      attempt: z.number(),
      at: z.string(),
      statusCode: z.nullable(z.number()),
      error: z.nullable(z.enum(WEBHOOK_ATTEMPT_ERRORS)),
      durationMs: z.number(),
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
