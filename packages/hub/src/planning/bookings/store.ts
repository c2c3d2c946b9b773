import type { BookingDetail, BookingListItem } from '@stue/core';
import { decodeCursor, page } from '../../http/paging.js';
import {
  allowedTransitions,
  BOOKING_MACHINE,
  bookingSchema,
  danishLocal,
  NOMINATION_MACHINE,
  slotProblem,
  transition,
  validate,
  type Actor,
  type Booking,
  type BookingInput,
  type BookingStatus,
  type Issue,
  type Lang,
  type NominationStatus,
  type NominationV2,
  type TakenSlot,
  type TourDay,
} from '@stue/core';
import type { HubDatabase } from '../../db/database.js';
import { emitWebhookEvent } from '../../webhooks/store.js';
import { auditHistory, writeAudit } from '../../audit/store.js';
import { locksRows } from '../../db/dialect.js';
import {
  HUB_FIELDS,
  planningIssue,
  createOnce,
  sameInput,
  type CreateOutcome,
} from '../records.js';

/** Bookings that hold a place on a tour day and a nomination: not yet held, cancelled or missed. */
export const ACTIVE_BOOKING_STATUSES = ['proposed', 'confirmed'] as const satisfies BookingStatus[];

/** The endpoint (under `/api/v1/bookings/{id}/`) of each booking action. */
export const BOOKING_ACTION_PATHS = {
  confirm: 'confirm',
  cancel: 'cancel',
  hold: 'held',
  'mark-no-show': 'no-show',
  reschedule: 'reschedule',
} as const;

/**
 * A booking as coordinators read it: the record, and who it is for (first name, municipality;
 * `null` once the host has withdrawn consent, RELIABILITY.md S14). Core's answer type, so that
 * the hub and the console cannot disagree on it.
 */
export type BookingView = BookingListItem;

/** Who makes a change: the lifecycle's actor and the audit trail's name for them. */
export interface ChangeBy {
  actor: Actor;
  audit: string;
}

const viewQuery = (db: HubDatabase) =>
  db
    .selectFrom('bookings')
    .innerJoin('nominations', 'nominations.id', 'bookings.nomination_id')
    .select([
      'bookings.id',
      'bookings.start',
      'bookings.body',
      'nominations.reference',
      'nominations.status as nominationStatus',
      'nominations.body as nominationBody',
      'nominations.hidden_at as nominationHiddenAt',
    ]);

type ViewRow = {
  body: string;
  reference: string;
  nominationStatus: string;
  nominationBody: string;
  nominationHiddenAt: string | null;
};

function toView(row: ViewRow): BookingView {
  const booking = JSON.parse(row.body) as Booking;
  const host =
    row.nominationHiddenAt === null
      ? (JSON.parse(row.nominationBody) as NominationV2).host
      : undefined;
  return {
    ...booking,
    nomination: {
      id: booking.nominationId,
      reference: row.reference,
      status: row.nominationStatus as NominationStatus,
      host: host ? { firstName: host.firstName, municipalityCode: host.municipalityCode } : null,
    },
  };
}

/** A booking with who it is for, or `undefined`. */
export async function findBookingView(db: HubDatabase, id: string) {
  const row = await viewQuery(db).where('bookings.id', '=', id).executeTakeFirst();
  return row && toView(row);
}

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

/** Every booking on a tour day, in start order, whatever its status. */
export async function bookingsOnTourDay(db: HubDatabase, tourDayId: string) {
  const rows = await viewQuery(db)
    .where('bookings.tour_day_id', '=', tourDayId)
    .orderBy('bookings.start')
    .orderBy('bookings.id')
    .execute();
  return rows.map(toView);
}

/** The active bookings on a tour day (their id and start), except `exceptId`. */
export async function takenSlots(
  db: HubDatabase,
  tourDayId: string,
  exceptId?: string,
): Promise<TakenSlot[]> {
  const rows = await db
    .selectFrom('bookings')
    .select(['id', 'body'])
    .where('tour_day_id', '=', tourDayId)
    .where('status', 'in', ACTIVE_BOOKING_STATUSES)
    .$if(exceptId !== undefined, (q) => q.where('id', '!=', exceptId!))
    .orderBy('start')
    .execute();
  return rows.map((row) => ({ id: row.id, start: (JSON.parse(row.body) as Booking).start }));
}

async function lockedTourDay(db: HubDatabase, id: string): Promise<TourDay | undefined> {
  const row = await db
    .selectFrom('tour_days')
    .select('body')
    .where('id', '=', id)
    .$if(locksRows(db), (q) => q.forUpdate())
    .executeTakeFirst();
  return row && (JSON.parse(row.body) as TourDay);
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
      const existing = await tx
        .selectFrom('bookings')
        .select('body')
        .where('id', '=', input.id)
        .executeTakeFirst();
      if (existing) {
        const stored = JSON.parse(existing.body) as Booking;
        if (!sameInput(stored, input, [...HUB_FIELDS, 'status', 'reschedules'])) {
          return { kind: 'conflict' } as const;
        }
        return { kind: 'replayed', record: (await findBookingView(tx, input.id))! } as const;
      }
      const nomination = await tx
        .selectFrom('nominations')
        .select('status')
        .where('id', '=', input.nominationId)
        .$if(locksRows(db), (q) => q.forUpdate())
        .executeTakeFirst();
      const day = await lockedTourDay(tx, input.tourDayId);
      const coordinator = await tx
        .selectFrom('coordinators')
        .select('id')
        .where('id', '=', input.contactCoordinatorId)
        .where('disabled_at', 'is', null)
        .executeTakeFirst();
      const issues: Issue[] = [];
      if (!nomination) issues.push(planningIssue(lang, 'nominationId', 'not_found'));
      if (!day) issues.push(planningIssue(lang, 'tourDayId', 'not_found'));
      if (!coordinator) issues.push(planningIssue(lang, 'contactCoordinatorId', 'not_found'));
      const taken = day ? await takenSlots(tx, day.id) : [];
      const problem = day && slotProblem(day, input.start, taken);
      if (problem === 'outside_window') issues.push(planningIssue(lang, 'start', problem));
      if (issues.length > 0 || !nomination || !day) return { kind: 'invalid', issues } as const;

      if (nomination.status !== 'accepted') {
        return {
          kind: 'refused',
          code: 'nomination_not_accepted',
          status: nomination.status,
        } as const;
      }
      const other = await tx
        .selectFrom('bookings')
        .select('id')
        .where('nomination_id', '=', input.nominationId)
        .where('status', 'in', ACTIVE_BOOKING_STATUSES)
        .executeTakeFirst();
      if (other) return { kind: 'refused', code: 'nomination_has_booking' } as const;
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
      await tx
        .insertInto('bookings')
        .values({
          id: booking.id,
          nomination_id: booking.nominationId,
          tour_day_id: booking.tourDayId,
          start: danishLocal(booking.start).local,
          status: booking.status,
          contact_coordinator_id: booking.contactCoordinatorId,
          body: JSON.stringify(booking),
          created_at: now,
          updated_at: now,
        })
        .execute();
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

/**
 * Queues `nomination.status_changed` for the nomination's partner (in the caller's transaction).
 * The payload carries ids, the reference, the statuses and the time — not the reason, which a
 * coordinator wrote for coordinators.
 */
export async function emitStatusChanged(
  tx: HubDatabase,
  partnerId: string,
  nomination: { id: string; reference: string },
  from: NominationStatus,
  to: NominationStatus,
  now: string,
): Promise<void> {
  if (from === to) return;
  await emitWebhookEvent(
    tx,
    partnerId,
    'nomination.status_changed',
    {
      nominationId: nomination.id,
      reference: nomination.reference,
      from,
      to,
      changedAt: now,
    },
    now,
  );
}

/** Queues `booking.confirmed` or `booking.cancelled` for the partner of the booking's nomination. */
async function emitBookingEvent(
  tx: HubDatabase,
  type: 'booking.confirmed' | 'booking.cancelled',
  booking: Booking,
  status: BookingStatus,
  now: string,
): Promise<void> {
  const owner = await tx
    .selectFrom('nominations')
    .select(['partner_id', 'reference'])
    .where('id', '=', booking.nominationId)
    .executeTakeFirstOrThrow();
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

async function moveNomination(
  tx: HubDatabase,
  id: string,
  from: NominationStatus,
  action: 'book' | 'unbook' | 'complete',
  by: ChangeBy,
  now: string,
  reason: string | undefined,
  bookingId: string,
) {
  const { status, event } = transition(NOMINATION_MACHINE, from, action, {
    actor: by.actor,
    at: now,
    reason,
  });
  await tx
    .updateTable('nominations')
    .set({ status, updated_at: now })
    .where('id', '=', id)
    .execute();
  const row = await tx
    .selectFrom('nominations')
    .select(['partner_id', 'reference'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  await writeAudit(tx, {
    at: now,
    actor: by.audit,
    entity: 'nomination',
    entityId: id,
    action: event.action,
    reason: event.reason,
    details: { from, to: status, bookingId },
  });
  await emitStatusChanged(tx, row.partner_id, { id, reference: row.reference }, from, status, now);
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
  await tx
    .updateTable('bookings')
    .set({
      status: next.status,
      tour_day_id: next.tourDayId,
      start: danishLocal(next.start).local,
      body: JSON.stringify(next),
      updated_at: now,
    })
    .where('id', '=', booking.id)
    .execute();
  await writeAudit(tx, {
    at: now,
    actor: by.audit,
    entity: 'booking',
    entityId: booking.id,
    ...audit,
  });
  return next;
}

async function lockedBooking(db: HubDatabase, id: string) {
  const row = await db
    .selectFrom('bookings')
    .select('body')
    .where('id', '=', id)
    .$if(locksRows(db), (q) => q.forUpdate())
    .executeTakeFirst();
  return row && (JSON.parse(row.body) as Booking);
}

async function lockedNominationStatus(db: HubDatabase, id: string) {
  const row = await db
    .selectFrom('nominations')
    .select('status')
    .where('id', '=', id)
    .$if(locksRows(db), (q) => q.forUpdate())
    .executeTakeFirstOrThrow();
  return row.status as NominationStatus;
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
  const follow = (action: 'book' | 'unbook' | 'complete') =>
    moveNomination(tx, booking.nominationId, nominationStatus, action, by, now, event.reason, id);
  if (move === 'confirm') {
    if (nominationStatus !== 'accepted') {
      return {
        kind: 'refused',
        code: 'nomination_not_accepted',
        status: nominationStatus,
      } as const;
    }
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
  const rows = await tx
    .selectFrom('bookings')
    .select('body')
    .where('nomination_id', '=', nominationId)
    .where('status', 'in', ACTIVE_BOOKING_STATUSES)
    .$if(locksRows(tx), (q) => q.forUpdate())
    .execute();
  for (const row of rows) {
    const booking = JSON.parse(row.body) as Booking;
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
  return rows.length;
}

/** Filters and paging for {@link listBookings}. */
export interface BookingQuery {
  /** Danish local date of the start, `YYYY-MM-DD`. */
  date?: string;
  tourDayId?: string;
  nominationId?: string;
  status?: BookingStatus[];
  limit: number;
  cursor?: string;
}

/** Bookings in start order, a page at a time; `undefined` when the cursor is not the hub's. */
export async function listBookings(db: HubDatabase, query: BookingQuery) {
  let select = viewQuery(db)
    .orderBy('bookings.start')
    .orderBy('bookings.id')
    .limit(query.limit + 1);
  if (query.date) {
    select = select
      .where('bookings.start', '>=', `${query.date}T00:00`)
      .where('bookings.start', '<=', `${query.date}T23:59`);
  }
  if (query.tourDayId) select = select.where('bookings.tour_day_id', '=', query.tourDayId);
  if (query.nominationId) select = select.where('bookings.nomination_id', '=', query.nominationId);
  if (query.status?.length) select = select.where('bookings.status', 'in', query.status);
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor, 2);
    if (!after) return undefined;
    const [start = '', id = ''] = after;
    select = select.where((eb) =>
      eb.or([
        eb('bookings.start', '>', start),
        eb.and([eb('bookings.start', '=', start), eb('bookings.id', '>', id)]),
      ]),
    );
  }
  const rows = await select.execute();
  return page(rows, query.limit, toView, (row) => [row.start, row.id]);
}
