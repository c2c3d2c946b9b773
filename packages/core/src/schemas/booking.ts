import * as z from 'zod/mini';
import { BOOKING_STATUSES } from '../lifecycle/booking.js';
import { ACTOR_KINDS } from '../lifecycle/machine.js';
import { TEXT_LIMITS } from '../limits.js';
import { choice, clientId, isoDateTime, opaqueId, requiredText, storedTimes } from './fields.js';
import { versionedRecord } from './record.js';

/** The version of the booking record this SDK reads and writes. */
export const BOOKING_SCHEMA_VERSION = 1;

/** Most reschedules a booking's history keeps; a bound against a runaway client. */
const MAX_RESCHEDULES = 50;

/**
 * A booking as a coordinator (or the console, from a scheduler proposal) creates it: a nomination
 * on a tour day at a start time, with the coordinator who is the pair's one contact person. The
 * hub sets the status (`proposed` at first) and keeps the history. Whether `start` lies in the tour
 * day's window is checked where the tour day is known (the hub, the scheduler).
 *
 * @example
 * validate(bookingInputSchema, {
 *   schemaVersion: 1, id: newId(), nominationId, tourDayId,
 *   start: '2025-05-06T10:00:00+02:00', contactCoordinatorId: 'coordinator-7',
 * });
 */
export const bookingInputSchema = z.strictObject({
  ...versionedRecord(BOOKING_SCHEMA_VERSION),
  nominationId: clientId(),
  tourDayId: clientId(),
  start: isoDateTime(),
  contactCoordinatorId: opaqueId(),
});
/** What a coordinator may send to create a booking. */
export type BookingInput = z.input<typeof bookingInputSchema>;

/**
 * One move of a booking to another time: the start it had (`from`) and the new one (`to`), when
 * the move was made, by whom (as in the audit trail), and why, if a reason was given.
 */
export const rescheduleSchema = z.strictObject({
  from: isoDateTime(),
  to: isoDateTime(),
  at: isoDateTime(),
  by: z.strictObject({ kind: choice(ACTOR_KINDS), id: opaqueId() }),
  reason: z.optional(requiredText(TEXT_LIMITS.reason)),
});
/** One entry of a booking's reschedule history. */
export type Reschedule = z.output<typeof rescheduleSchema>;

/**
 * A booking as the hub stores and returns it: the input, its status (`BOOKING_STATUSES`), the
 * history of reschedules (oldest first; `start` is always the latest `to`), and who created it,
 * and when. Why a booking was cancelled or marked a no-show is in its audit trail.
 */
export const bookingSchema = z.extend(bookingInputSchema, {
  status: choice(BOOKING_STATUSES),
  reschedules: z._default(
    z.array(rescheduleSchema).check(z.maxLength(MAX_RESCHEDULES, { error: 'too_many' })),
    () => [],
  ),
  createdBy: opaqueId(),
  ...storedTimes(),
});
/** A valid booking record. */
export type Booking = z.output<typeof bookingSchema>;
