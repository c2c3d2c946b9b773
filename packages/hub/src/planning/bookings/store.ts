import type { BookingListItem } from '@stue/core';
import { decodeCursor, page } from '../../http/paging.js';
import {
  danishLocal,
  type Booking,
  type BookingStatus,
  type NominationStatus,
  type NominationV2,
  type TakenSlot,
  type TourDay,
} from '@stue/core';
import type { HubDatabase } from '../../db/database.js';
import { locksRows } from '../../db/dialect.js';
import { storedRecord } from '../records.js';

// Kysely only: the rules that decide what is written are in service.ts.

/** Bookings that hold a place on a tour day and a nomination: not yet held, cancelled or missed. */
export const ACTIVE_BOOKING_STATUSES = ['proposed', 'confirmed'] as const satisfies BookingStatus[];

/**
 * A booking as coordinators read it: the record, and who it is for (first name, municipality;
 * `null` once the host has withdrawn consent, RELIABILITY.md S14). Core's answer type, so that
 * the hub and the console cannot disagree on it.
 */
export type BookingView = BookingListItem;

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

/** A tour day, locked for the rest of the transaction where the database can. */
export const lockedTourDay = (db: HubDatabase, id: string) =>
  storedRecord<TourDay>(db, 'tour_days', id, { lock: true });

/** A booking as stored, or `undefined`. */
export const storedBooking = (db: HubDatabase, id: string) =>
  storedRecord<Booking>(db, 'bookings', id);

/** A booking as stored, locked for the rest of the transaction where the database can. */
export const lockedBooking = (db: HubDatabase, id: string) =>
  storedRecord<Booking>(db, 'bookings', id, { lock: true });

/** A nomination's status, locked for the rest of the transaction; `undefined` when there is none. */
export async function lockedNominationStatus(db: HubDatabase, id: string) {
  const row = await db
    .selectFrom('nominations')
    .select('status')
    .where('id', '=', id)
    .$if(locksRows(db), (q) => q.forUpdate())
    .executeTakeFirst();
  return row?.status as NominationStatus | undefined;
}

/** Whether a coordinator with this id exists and is not disabled. */
export async function isActiveCoordinator(db: HubDatabase, id: string) {
  const row = await db
    .selectFrom('coordinators')
    .select('id')
    .where('id', '=', id)
    .where('disabled_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

// The query of a nomination's active bookings, to pick columns from.
const activeBookingsOf = (db: HubDatabase, nominationId: string) =>
  db
    .selectFrom('bookings')
    .where('nomination_id', '=', nominationId)
    .where('status', 'in', ACTIVE_BOOKING_STATUSES);

/** Whether a nomination has an active booking. */
export async function hasActiveBooking(db: HubDatabase, nominationId: string) {
  const row = await activeBookingsOf(db, nominationId).select('id').executeTakeFirst();
  return row !== undefined;
}

/** A nomination's active bookings, locked for the rest of the transaction where the database can. */
export async function lockedActiveBookingsOf(db: HubDatabase, nominationId: string) {
  const rows = await activeBookingsOf(db, nominationId)
    .select('body')
    .$if(locksRows(db), (q) => q.forUpdate())
    .execute();
  return rows.map((row) => JSON.parse(row.body) as Booking);
}

/** The partner and reference of a nomination that exists. */
export function nominationOwner(db: HubDatabase, id: string) {
  return db
    .selectFrom('nominations')
    .select(['partner_id', 'reference'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
}

/** Stores a new booking. */
export async function insertBooking(db: HubDatabase, booking: Booking, now: string) {
  await db
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
}

/** Stores a changed booking (its status, day, start and body). */
export async function updateBooking(db: HubDatabase, booking: Booking, now: string) {
  await db
    .updateTable('bookings')
    .set({
      status: booking.status,
      tour_day_id: booking.tourDayId,
      start: danishLocal(booking.start).local,
      body: JSON.stringify(booking),
      updated_at: now,
    })
    .where('id', '=', booking.id)
    .execute();
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
