import type { BookingDetail } from '@stue/core';
import {
  allowedTransitions,
  BOOKING_MACHINE,
  bookingSchema,
  slotProblem,
  transition,
  validate,
  type Booking,
  type BookingInput,
  type BookingStatus,
  type Issue,
  type Lang,
} from '@stue/core';
import type { HubDatabase } from '../../db/database.js';
import { emitWebhookEvent } from '../../webhooks/index.js';
import { auditHistory, writeAudit } from '../../audit/store.js';
import {
  HUB_FIELDS,
  planningIssue,
  createOnce,
  sameInput,
  type ChangeBy,
  type CreateOutcome,
} from '../records.js';
import { changeNominationStatus } from '../nomination-status.js';
import {
  findBookingView,
  hasActiveBooking,
  insertBooking,
  isActiveCoordinator,
  lockedActiveBookingsOf,
  lockedBooking,
  lockedNominationStatus,
  lockedTourDay,
  nominationOwner,
  storedBooking,
  takenSlots,
  updateBooking,
  type BookingView,
} from './store.js';

export type { ChangeBy } from '../records.js';

/** The endpoint (under `/api/v1/bookings/{id}/`) of each booking action. */
export const BOOKING_ACTION_PATHS = {
  confirm: 'confirm',
  cancel: 'cancel',
  hold: 'held',
  'mark-no-show': 'no-show',
  reschedule: 'reschedule',
} as const;

/** The moves a booking in `status` allows now, each with its endpoint. */
export function bookingActions(id: string, status: BookingStatus) {
  return allowedTransitions(BOOKING_MACHINE, status).map((move) => ({
    ...move,
    href: `/api/v1/bookings/${id}/${BOOKING_ACTION_PATHS[move.action]}`,
  }));
}

/** A booking with its history from the audit trail and the moves it allows now. */
export async function bookingDetail(
  db: HubDatabase,
  id: string,
): Promise<BookingDetail | undefined> {
  const view = await findBookingView(db, id);
  if (!view) return undefined;
  return {
    ...view,
    history: await auditHistory(db, 'booking', id),
    allowedActions: bookingActions(id, view.status),
  };
}

/** Why the hub refused a booking change that was well formed: a 409 with this code. */
export type BookingRefusal =
  'nomination_not_accepted' | 'nomination_has_booking' | 'tour_day_full' | 'booking_overlap';

/** The outcome of a booking write that is not a plain create. */
export type BookingOutcome =
  | { kind: 'done'; booking: BookingView }
  | { kind: 'not_found' }
  | { kind: 'invalid'; issues: Issue[] }
  | { kind: 'refused'; code: BookingRefusal; status?: string };

// A booking is made and confirmed only for an accepted nomination; the answer says its status.
const notAccepted = (status: string) =>
  ({ kind: 'refused', code: 'nomination_not_accepted', status }) as const;

/**
 * Proposes a booking: an accepted nomination without another active booking, on a tour day, at a
 * start inside its window that leaves room for the concert, below the day's maximum and clear of
 * the day's other concerts. The nomination stays `accepted` until the booking is confirmed. The
 * same id again is a replay (same input) or a conflict.
 */
export function createBooking(
  db: HubDatabase,
  input: BookingInput,
  by: ChangeBy,
  lang: Lang,
  now = new Date().toISOString(),
): Promise<CreateOutcome<BookingView> | Extract<BookingOutcome, { kind: 'refused' }>> {
  return createOnce(() =>
    db.transaction().execute(async (tx) => {
      const stored = await storedBooking(tx, input.id);
      if (stored) {
        if (!sameInput(stored, input, [...HUB_FIELDS, 'status', 'reschedules'])) {
          return { kind: 'conflict' } as const;
        }
        return { kind: 'replayed', record: (await findBookingView(tx, input.id))! } as const;
      }
      const nominationStatus = await lockedNominationStatus(tx, input.nominationId);
      const day = await lockedTourDay(tx, input.tourDayId);
      const coordinator = await isActiveCoordinator(tx, input.contactCoordinatorId);
      const issues: Issue[] = [];
      if (!nominationStatus) issues.push(planningIssue(lang, 'nominationId', 'not_found'));
      if (!day) issues.push(planningIssue(lang, 'tourDayId', 'not_found'));
      if (!coordinator) issues.push(planningIssue(lang, 'contactCoordinatorId', 'not_found'));
      const taken = day ? await takenSlots(tx, day.id) : [];
      const problem = day && slotProblem(day, input.start, taken);
      if (problem === 'outside_window') issues.push(planningIssue(lang, 'start', problem));
      if (issues.length > 0 || !nominationStatus || !day) {
        return { kind: 'invalid', issues } as const;
      }

      if (nominationStatus !== 'accepted') return notAccepted(nominationStatus);
      if (await hasActiveBooking(tx, input.nominationId)) {
        return { kind: 'refused', code: 'nomination_has_booking' } as const;
      }
      if (problem && problem !== 'outside_window') {
        return { kind: 'refused', code: problem } as const;
      }

      const booking: Booking = {
        ...input,
        status: BOOKING_MACHINE.initial,
        reschedules: [],
        createdBy: by.actor.id,
        createdAt: now,
        updatedAt: now,
      };
      await insertBooking(tx, booking, now);
      await writeAudit(tx, {
        at: now,
        actor: by.audit,
        entity: 'booking',
        entityId: booking.id,
        action: 'created',
        details: { to: booking.status, tourDayId: booking.tourDayId, start: booking.start },
      });
      return { kind: 'created', record: (await findBookingView(tx, booking.id))! } as const;
    }),
  );
}

/** The booking moves with an endpoint of their own (reschedule has {@link rescheduleBooking}). */
export type BookingMove = 'confirm' | 'cancel' | 'held' | 'no-show';

/** Queues `booking.confirmed` or `booking.cancelled` for the partner of the booking's nomination. */
async function emitBookingEvent(
  tx: HubDatabase,
  type: 'booking.confirmed' | 'booking.cancelled',
  booking: Booking,
  status: BookingStatus,
  now: string,
): Promise<void> {
  const owner = await nominationOwner(tx, booking.nominationId);
  await emitWebhookEvent(
    tx,
    owner.partner_id,
    type,
    {
      bookingId: booking.id,
      nominationId: booking.nominationId,
      reference: owner.reference,
      start: booking.start,
      status,
      changedAt: now,
    },
    now,
  );
}

async function saveBookingMove(
  tx: HubDatabase,
  booking: Booking,
  changes: Partial<Booking>,
  by: ChangeBy,
  now: string,
  audit: { action: string; reason?: string; details: Record<string, unknown> },
) {
  const next: Booking = { ...booking, ...changes, updatedAt: now };
  await updateBooking(tx, next, now);
  await writeAudit(tx, {
    at: now,
    actor: by.audit,
    entity: 'booking',
    entityId: booking.id,
    ...audit,
  });
  return next;
}

/**
 * Moves a booking through its lifecycle (`BOOKING_MACHINE`) and its nomination with it, in one
 * transaction with both audit rows:
 *
 * - confirm: the nomination must still be `accepted`, and becomes `booked`;
 * - cancel (reason): a confirmed booking's nomination goes back to `accepted` with the reason;
 * - held: the nomination is `completed`;
 * - no-show (reason): the nomination goes back to `accepted`, to be planned again or withdrawn.
 *
 * A move the lifecycle does not allow, or one without a required reason, throws its
 * `StueLifecycleError` and changes nothing.
 */
export function moveBooking(
  db: HubDatabase,
  id: string,
  move: BookingMove,
  by: ChangeBy,
  reason: string | undefined,
  now = new Date().toISOString(),
): Promise<BookingOutcome> {
  return db.transaction().execute((tx) => moveBookingIn(tx, id, move, by, reason, now));
}

/**
 * {@link moveBooking} in the caller's transaction, so that a move can commit together with what
 * caused it (a tablet's "cancelled at the door" record). `details` go into the booking's audit
 * entry beside `from` and `to`.
 */
export async function moveBookingIn(
  tx: HubDatabase,
  id: string,
  move: BookingMove,
  by: ChangeBy,
  reason: string | undefined,
  now: string,
  details: Record<string, unknown> = {},
): Promise<BookingOutcome> {
  const booking = await lockedBooking(tx, id);
  if (!booking) return { kind: 'not_found' } as const;
  const { status, event } = transition(BOOKING_MACHINE, booking.status, move, {
    actor: by.actor,
    at: now,
    reason,
    entityId: id,
  });
  const nominationStatus = await lockedNominationStatus(tx, booking.nominationId);
  if (!nominationStatus) throw new Error('A booking without its nomination');
  const follow = (action: 'book' | 'unbook' | 'complete') =>
    changeNominationStatus(
      tx,
      {
        id: booking.nominationId,
        from: nominationStatus,
        action,
        reason: event.reason,
        details: { bookingId: id },
      },
      by,
      now,
    );
  if (move === 'confirm') {
    if (nominationStatus !== 'accepted') return notAccepted(nominationStatus);
    await follow('book');
  } else if (nominationStatus === 'booked' && booking.status === 'confirmed') {
    await follow(move === 'held' ? 'complete' : 'unbook');
  }
  await saveBookingMove(tx, booking, { status }, by, now, {
    action: event.action,
    reason: event.reason,
    details: { from: booking.status, to: status, ...details },
  });
  if (move === 'confirm') await emitBookingEvent(tx, 'booking.confirmed', booking, status, now);
  if (move === 'cancel') await emitBookingEvent(tx, 'booking.cancelled', booking, status, now);
  return { kind: 'done', booking: (await findBookingView(tx, id))! } as const;
}

/** A new time for a booking, and optionally another tour day. */
export interface RescheduleRequest {
  start: string;
  tourDayId?: string;
  reason?: string;
}

/**
 * Moves a proposed or confirmed booking to a new start, on the same or another tour day, keeping
 * its status. The old and new start go into the booking's `reschedules` (its kept history) and
 * the audit trail; the new time must fit the (new) day like a new booking.
 */
export function rescheduleBooking(
  db: HubDatabase,
  id: string,
  request: RescheduleRequest,
  by: ChangeBy,
  lang: Lang,
  now = new Date().toISOString(),
): Promise<BookingOutcome> {
  return db.transaction().execute(async (tx) => {
    const booking = await lockedBooking(tx, id);
    if (!booking) return { kind: 'not_found' } as const;
    const tourDayId = request.tourDayId ?? booking.tourDayId;
    const { status, event } = transition(BOOKING_MACHINE, booking.status, 'reschedule', {
      actor: by.actor,
      at: now,
      reason: request.reason,
      entityId: id,
    });
    const day = await lockedTourDay(tx, tourDayId);
    if (!day) {
      return { kind: 'invalid', issues: [planningIssue(lang, 'tourDayId', 'not_found')] } as const;
    }
    const problem = slotProblem(day, request.start, await takenSlots(tx, tourDayId, id));
    if (problem === 'outside_window') {
      return { kind: 'invalid', issues: [planningIssue(lang, 'start', problem)] } as const;
    }
    if (problem) return { kind: 'refused', code: problem } as const;
    const next = {
      ...booking,
      start: request.start,
      tourDayId,
      reschedules: [
        ...booking.reschedules,
        {
          from: booking.start,
          to: request.start,
          at: now,
          by: { ...by.actor },
          ...(event.reason ? { reason: event.reason } : {}),
        },
      ],
    };
    // The history is bounded (a runaway client cannot grow a booking without end).
    const checked = validate(bookingSchema, next, { lang });
    if (!checked.ok) return { kind: 'invalid', issues: checked.issues } as const;
    await saveBookingMove(tx, booking, next, by, now, {
      action: event.action,
      reason: event.reason,
      details: {
        from: booking.status,
        to: status,
        previousStart: booking.start,
        start: request.start,
        ...(tourDayId === booking.tourDayId
          ? {}
          : { previousTourDayId: booking.tourDayId, tourDayId }),
      },
    });
    return { kind: 'done', booking: (await findBookingView(tx, id))! } as const;
  });
}

/**
 * Cancels a nomination's active bookings with a reason (the nomination was withdrawn). Runs in
 * the caller's transaction; returns how many it cancelled.
 */
export async function cancelBookingsOf(
  tx: HubDatabase,
  nominationId: string,
  by: ChangeBy,
  reason: string,
  now: string,
): Promise<number> {
  const bookings = await lockedActiveBookingsOf(tx, nominationId);
  for (const booking of bookings) {
    const { status, event } = transition(BOOKING_MACHINE, booking.status, 'cancel', {
      actor: by.actor,
      at: now,
      reason,
    });
    await saveBookingMove(tx, booking, { status }, by, now, {
      action: event.action,
      reason: event.reason,
      details: { from: booking.status, to: status, because: 'nomination-withdrawn' },
    });
    await emitBookingEvent(tx, 'booking.cancelled', booking, status, now);
  }
  return bookings.length;
}
