import * as z from 'zod/mini';
import {
  allFit,
  tourDayInputSchema,
  type Booking,
  type Issue,
  type Lang,
  type TourDay,
} from '@stue/core';
import type { HubDatabase } from '../../db/database.js';
import { afterKey, decodeCursor, page } from '../../http/paging.js';
import { takenSlots } from '../bookings/index.js';
import { writeAudit } from '../../audit/store.js';
import { locksRows } from '../../db/dialect.js';
import { hasRow } from '../../db/rows.js';
import {
  applyPatch,
  changedKeys,
  createOnce,
  planningIssue,
  replayOrConflict,
  storedRecord,
  type CreateOutcome,
} from '../records.js';

/** A musician who may be given a tour day: one who exists and is active. */
async function musicianIssues(db: HubDatabase, musicianId: string, lang: Lang): Promise<Issue[]> {
  const musician = await db
    .selectFrom('musicians')
    .select('active')
    .where('id', '=', musicianId)
    .executeTakeFirst();
  if (!musician) return [planningIssue(lang, 'musicianId', 'not_found')];
  return musician.active ? [] : [planningIssue(lang, 'musicianId', 'inactive')];
}

const columns = (day: TourDay, now: string) => ({
  musician_id: day.musicianId,
  date: day.date,
  base_municipality_code: day.baseMunicipalityCode,
  body: JSON.stringify(day),
  updated_at: now,
});

/**
 * Stores a new tour day once for an active musician; the same id again is a replay (same input)
 * or a conflict.
 */
export function createTourDay(
  db: HubDatabase,
  input: z.output<typeof tourDayInputSchema>,
  by: { coordinatorId: string; audit: string; lang: Lang },
  now = new Date().toISOString(),
): Promise<CreateOutcome<TourDay>> {
  return createOnce(() =>
    db.transaction().execute(async (tx) => {
      const stored = await storedRecord<TourDay>(tx, 'tour_days', input.id);
      if (stored) return replayOrConflict(stored, input);
      const issues = await musicianIssues(tx, input.musicianId, by.lang);
      if (issues.length > 0) return { kind: 'invalid', issues };
      const day: TourDay = {
        ...input,
        createdBy: by.coordinatorId,
        createdAt: now,
        updatedAt: now,
      };
      await tx
        .insertInto('tour_days')
        .values({ id: day.id, ...columns(day, now), created_at: now })
        .execute();
      await writeAudit(tx, {
        at: now,
        actor: by.audit,
        entity: 'tour-day',
        entityId: day.id,
        action: 'created',
      });
      return { kind: 'created', record: day };
    }),
  );
}

/** A tour day by id, or `undefined`. */
export function findTourDay(db: HubDatabase, id: string): Promise<TourDay | undefined> {
  return storedRecord<TourDay>(db, 'tour_days', id);
}

/** The outcome of changing or deleting a tour day. */
export type TourDayOutcome =
  | { kind: 'done'; record?: TourDay }
  | { kind: 'not_found' }
  | { kind: 'invalid'; issues: Issue[] }
  | { kind: 'has_bookings' };

/**
 * Changes some of a tour day's fields. The result must be a valid tour day, a new musician must
 * exist and be active, and every active booking on the day must still fit it (date, window,
 * maximum, spacing); otherwise the change is refused and the bookings are to be moved first.
 */
export function updateTourDay(
  db: HubDatabase,
  id: string,
  patch: Record<string, unknown>,
  by: { audit: string; lang: Lang },
  now = new Date().toISOString(),
): Promise<TourDayOutcome> {
  return db.transaction().execute(async (tx) => {
    const stored = await storedRecord<TourDay>(tx, 'tour_days', id, { lock: true });
    if (!stored) return { kind: 'not_found' } as const;
    const checked = applyPatch(tourDayInputSchema, stored, patch, id, by.lang);
    if (!checked.ok) return { kind: 'invalid', issues: checked.issues } as const;
    const changed = changedKeys(stored, checked.value);
    if (changed.length === 0) return { kind: 'done', record: stored } as const;
    if (changed.includes('musicianId')) {
      const issues = await musicianIssues(tx, checked.value.musicianId, by.lang);
      if (issues.length > 0) return { kind: 'invalid', issues } as const;
    }
    const day: TourDay = { ...stored, ...checked.value, updatedAt: now };
    if (!allFit(day, await takenSlots(tx, id))) return { kind: 'has_bookings' } as const;
    await tx.updateTable('tour_days').set(columns(day, now)).where('id', '=', id).execute();
    await writeAudit(tx, {
      at: now,
      actor: by.audit,
      entity: 'tour-day',
      entityId: id,
      action: 'updated',
      details: { changed },
    });
    return { kind: 'done', record: day } as const;
  });
}

/** Bookings that forbid deleting their tour day: a person was told, or the concert happened. */
const KEPT_BOOKING_STATUSES = ['confirmed', 'held', 'no-show'] as const;

/**
 * Deletes a tour day that has no confirmed, held or missed concert. Its proposed and cancelled
 * bookings go with it (each gets a `deleted` audit row; their earlier audit rows stay).
 */
export function deleteTourDay(
  db: HubDatabase,
  id: string,
  by: { audit: string },
  now = new Date().toISOString(),
): Promise<TourDayOutcome> {
  return db.transaction().execute(async (tx) => {
    if (!(await hasRow(tx, 'tour_days', id, { lock: true }))) return { kind: 'not_found' } as const;
    const bookings = await tx
      .selectFrom('bookings')
      .select(['id', 'status', 'body'])
      .where('tour_day_id', '=', id)
      .$if(locksRows(db), (q) => q.forUpdate())
      .execute();
    const kept: readonly string[] = KEPT_BOOKING_STATUSES;
    if (bookings.some((b) => kept.includes(b.status))) return { kind: 'has_bookings' } as const;
    for (const booking of bookings) {
      await writeAudit(tx, {
        at: now,
        actor: by.audit,
        entity: 'booking',
        entityId: booking.id,
        action: 'deleted',
        details: {
          status: booking.status,
          start: (JSON.parse(booking.body) as Booking).start,
          because: 'tour-day-deleted',
        },
      });
    }
    await tx.deleteFrom('bookings').where('tour_day_id', '=', id).execute();
    await tx.deleteFrom('tour_days').where('id', '=', id).execute();
    await writeAudit(tx, {
      at: now,
      actor: by.audit,
      entity: 'tour-day',
      entityId: id,
      action: 'deleted',
    });
    return { kind: 'done' } as const;
  });
}

/** Tour days by date (then id), a page at a time; `undefined` when the cursor is not the hub's. */
export async function listTourDays(
  db: HubDatabase,
  query: { from?: string; to?: string; musicianId?: string; limit: number; cursor?: string },
) {
  let select = db
    .selectFrom('tour_days')
    .select(['id', 'date', 'body'])
    .orderBy('date')
    .orderBy('id')
    .limit(query.limit + 1);
  if (query.from) select = select.where('date', '>=', query.from);
  if (query.to) select = select.where('date', '<=', query.to);
  if (query.musicianId) select = select.where('musician_id', '=', query.musicianId);
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor, 2);
    if (!after) return undefined;
    select = select.where((eb) => afterKey(eb, ['date', 'id'], after));
  }
  const rows = await select.execute();
  return page(
    rows,
    query.limit,
    (row) => JSON.parse(row.body) as TourDay,
    (row) => [row.date, row.id],
  );
}
