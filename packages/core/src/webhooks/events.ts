import * as z from 'zod/mini';
import { freeText } from '../schemas/fields.js';
import { BOOKING_STATUSES } from '../lifecycle/booking.js';
import { NOMINATION_STATUSES } from '../lifecycle/nomination.js';
import { webhookUrlProblem } from './addresses.js';

/** The events a partner's webhook endpoint can subscribe to. */
export const WEBHOOK_EVENTS = [
  'nomination.status_changed',
  'booking.confirmed',
  'booking.cancelled',
] as const;
/** One of {@link WEBHOOK_EVENTS}. */
export type WebhookEventType = (typeof WEBHOOK_EVENTS)[number];

/** The most endpoints one partner may register. */
export const MAX_WEBHOOK_ENDPOINTS = 10;

/**
 * A webhook endpoint as a partner registers it: where to send (see {@link webhookUrlProblem}),
 * which events, and an optional note for the partner's own people.
 *
 * @example
 * validate(webhookEndpointInputSchema, {
 *   url: 'https://api.besoeg.example.dk/stue/events',
 *   events: ['nomination.status_changed', 'booking.confirmed'],
 * });
 */
export const webhookEndpointInputSchema = z.strictObject({
  url: z.string().check(
    z.trim(),
    z.maxLength(2000, { error: 'too_long' }),
    z.superRefine((value, ctx) => {
      const problem = webhookUrlProblem(value);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: value });
    }),
  ),
  events: z.array(z.enum(WEBHOOK_EVENTS, { error: 'invalid_choice' })).check(
    z.minLength(1, { error: 'required' }),
    z.maxLength(WEBHOOK_EVENTS.length, { error: 'too_many' }),
    z.refine((list) => new Set(list).size === list.length, { error: 'duplicate_choice' }),
  ),
  description: z.optional(freeText(200)),
});
/** What a partner sends to register a webhook endpoint. */
export type WebhookEndpointInput = z.input<typeof webhookEndpointInputSchema>;

/** `nomination.status_changed`: a nomination the partner sent moved on. */
const nominationStatusChangedDataSchema = z.object({
  nominationId: z.string(),
  reference: z.string(),
  from: z.enum(NOMINATION_STATUSES),
  to: z.enum(NOMINATION_STATUSES),
  changedAt: z.string(),
});
/** `nomination.status_changed`: a nomination the partner sent moved on. */
export type NominationStatusChangedData = z.output<typeof nominationStatusChangedDataSchema>;

/** `booking.confirmed` and `booking.cancelled`: a concert for one of the partner's nominations. */
const bookingEventDataSchema = z.object({
  bookingId: z.string(),
  nominationId: z.string(),
  reference: z.string(),
  /** The concert's start, ISO 8601 with offset. */
  start: z.string(),
  status: z.enum(BOOKING_STATUSES),
  changedAt: z.string(),
});
/** `booking.confirmed` and `booking.cancelled`: a concert for one of the partner's nominations. */
export type BookingEventData = z.output<typeof bookingEventDataSchema>;

/**
 * The body of every webhook the hub sends (Standard Webhooks): the event type, when it
 * happened, and ids, the reference, statuses and times — never a person's details.
 */
export const webhookEventSchema = z.union([
  z.object({
    type: z.literal('nomination.status_changed'),
    timestamp: z.string(),
    data: nominationStatusChangedDataSchema,
  }),
  z.object({
    type: z.enum(['booking.confirmed', 'booking.cancelled']),
    timestamp: z.string(),
    data: bookingEventDataSchema,
  }),
]);
/** The body of every webhook the hub sends (see {@link webhookEventSchema}). */
export type WebhookEvent = z.output<typeof webhookEventSchema>;
