import type { Machine } from './machine.js';

/** Where a booking is: proposed → confirmed → held | cancelled | no-show. */
export const BOOKING_STATUSES = ['proposed', 'confirmed', 'held', 'cancelled', 'no-show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** What can happen to a booking; see {@link BOOKING_MACHINE}. */
export const BOOKING_ACTIONS = ['confirm', 'cancel', 'hold', 'mark-no-show', 'reschedule'] as const;
export type BookingAction = (typeof BOOKING_ACTIONS)[number];

/**
 * The booking lifecycle as a pure table:
 *
 * - `confirm`: proposed → confirmed (the visiting friend said yes to the time);
 * - `cancel`: proposed | confirmed → cancelled, with a reason (afbud, from either side);
 * - `hold`: confirmed → held (the concert took place);
 * - `mark-no-show`: confirmed → no-show, with a reason (nobody opened the door);
 * - `reschedule`: proposed → proposed, confirmed → confirmed. A new time keeps the status but is
 *   an event of its own; put the old and new start in the context's `details` so the history
 *   shows both.
 *
 * held, cancelled and no-show are final.
 *
 * @example
 * transition(BOOKING_MACHINE, 'confirmed', 'reschedule', {
 *   actor, at, details: { previousStart: '2025-05-06T10:00', start: '2025-05-13T10:00' },
 * }).status; // 'confirmed'
 */
export const BOOKING_MACHINE: Machine<BookingStatus, BookingAction> = {
  entity: 'booking',
  statuses: BOOKING_STATUSES,
  initial: 'proposed',
  transitions: [
    { action: 'confirm', from: ['proposed'], to: 'confirmed' },
    { action: 'cancel', from: ['proposed', 'confirmed'], to: 'cancelled', reasonRequired: true },
    { action: 'hold', from: ['confirmed'], to: 'held' },
    { action: 'mark-no-show', from: ['confirmed'], to: 'no-show', reasonRequired: true },
    // Listed per status so that rescheduling can never move a booking between statuses.
    { action: 'reschedule', from: ['proposed'], to: 'proposed' },
    { action: 'reschedule', from: ['confirmed'], to: 'confirmed' },
  ],
};
