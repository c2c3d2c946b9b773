import type { ErasureReceipt } from '@stue/core';
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { isPostgres, type HubDatabase } from '../db/database.js';
import { deletedCount, purgeDeleted } from '../db/purge.js';
import { writeAudit } from '../audit/store.js';
import { locksRows } from '../db/dialect.js';
import { hasRow } from '../db/rows.js';
import { isErased } from '../consents/index.js';
import { REFERENCE_PATTERN } from '../nominations/index.js';

/** One row of the re-erase list: an erased record's id, what it was, and when. */
export interface ErasureEntry {
  id: string;
  kind: 'nomination' | 'booking';
  erasureId: string;
  erasedAt: string;
}

/** What one erasure removed, counted; it names nobody (core's answer type). */
export type { ErasureReceipt };

/**
 * The nomination id behind an id or a reference (`STUE-…`), or `undefined` when there is none.
 * An id already on the re-erase list is returned as it is, so that erasing again can say so.
 */
export async function resolveNominationId(
  db: HubDatabase,
  idOrReference: string,
): Promise<string | undefined> {
  const value = idOrReference.trim();
  if (REFERENCE_PATTERN.test(value.toUpperCase())) {
    const row = await db
      .selectFrom('nominations')
      .select('id')
      .where('reference', '=', value.toUpperCase())
      .executeTakeFirst();
    return row?.id;
  }
  const row = await db
    .selectFrom('nominations')
    .select('id')
    .where('id', '=', value)
    .executeTakeFirst();
  if (row) return row.id;
  return (await isErased(db, [value])) ? value : undefined;
}

/** The whole re-erase list, oldest first. */
export async function erasureList(db: HubDatabase): Promise<ErasureEntry[]> {
  const rows = await db
    .selectFrom('erasures')
    .selectAll()
    .orderBy('erased_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind as ErasureEntry['kind'],
    erasureId: row.erasure_id,
    erasedAt: row.erased_at,
  }));
}

// Deletes the webhook deliveries (the outbox and the delivery log are one table) whose event is
// about the nomination or one of its bookings, with their attempts, and answers how many. Each
// event names its nomination (`"nominationId":"…"`), a booking event its booking too; the ids are
// found as plain substrings, never as patterns, so an id from a re-erase list file cannot match
// other rows.
async function deleteWebhookDeliveries(
  tx: HubDatabase,
  nominationId: string,
  bookingIds: readonly string[],
): Promise<number> {
  const needles = [
    JSON.stringify({ nominationId }).slice(1, -1),
    ...bookingIds.map((bookingId) => JSON.stringify({ bookingId }).slice(1, -1)),
  ];
  const find = isPostgres(tx as Kysely<unknown>) ? 'strpos' : 'instr';
  const deliveries = (
    await tx
      .selectFrom('webhook_deliveries')
      .select('id')
      .where((eb) =>
        eb.or(needles.map((needle) => eb(eb.fn(find, ['payload', eb.val(needle)]), '>', 0))),
      )
      .execute()
  ).map((row) => row.id);
  if (deliveries.length === 0) return 0;
  await tx.deleteFrom('webhook_attempts').where('delivery_id', 'in', deliveries).execute();
  await tx.deleteFrom('webhook_deliveries').where('id', 'in', deliveries).execute();
  return deliveries.length;
}

interface EraseStep {
  nominationId: string;
  /** Bookings known to be the nomination's besides those still in the database (a restore). */
  bookingIds?: readonly string[];
  erasureId: string;
  erasedAt: string;
  actor: string;
  action: 'erased' | 're-erased';
}

// Deletes everything about a nomination and puts its ids on the re-erase list. Runs in the
// caller's transaction. Device records go before their bookings, bookings before the nomination
// (the foreign keys), and the rows are locked first on PostgreSQL so that a record arriving at
// the same moment either lands before and is deleted, or finds the id on the list.
async function eraseIn(tx: HubDatabase, step: EraseStep): Promise<ErasureReceipt> {
  const lock = locksRows(tx);
  const nomination = await hasRow(tx, 'nominations', step.nominationId, { lock: true });
  const bookings = await tx
    .selectFrom('bookings')
    .select('id')
    .where('nomination_id', '=', step.nominationId)
    .$if(lock, (q) => q.forUpdate())
    .execute();
  const bookingIds = [...new Set([...bookings.map((b) => b.id), ...(step.bookingIds ?? [])])];
  const consentIds = (
    await tx
      .selectFrom('consents')
      .select('id')
      .where('nomination_id', '=', step.nominationId)
      .execute()
  ).map((c) => c.id);

  if (bookingIds.length > 0) {
    // The notes of calls made after a debrief go with the debrief.
    await tx
      .deleteFrom('debrief_calls')
      .where('debrief_id', 'in', (eb) =>
        eb.selectFrom('device_records').select('id').where('booking_id', 'in', bookingIds),
      )
      .execute();
  }
  const deviceRecords =
    bookingIds.length === 0
      ? 0
      : await deletedCount(tx.deleteFrom('device_records').where('booking_id', 'in', bookingIds));
  // What people typed into the history (reasons, referrals, moves' details) may name someone:
  // it goes; who did what, and when, stays.
  await tx
    .updateTable('audit_events')
    .set({ reason: null, details: null })
    .where((eb) =>
      eb.or([
        eb.and([eb('entity', '=', 'nomination'), eb('entity_id', '=', step.nominationId)]),
        ...(bookingIds.length > 0
          ? [eb.and([eb('entity', '=', 'booking'), eb('entity_id', 'in', bookingIds)])]
          : []),
        ...(consentIds.length > 0
          ? [eb.and([eb('entity', '=', 'consent'), eb('entity_id', 'in', consentIds)])]
          : []),
      ]),
    )
    .execute();
  await tx.deleteFrom('consents').where('nomination_id', '=', step.nominationId).execute();
  // Coordinators' notes about the pair go entirely; the audit row of each keeps only who and when.
  const notes = await deletedCount(
    tx.deleteFrom('nomination_notes').where('nomination_id', '=', step.nominationId),
  );
  const webhookDeliveries = await deleteWebhookDeliveries(tx, step.nominationId, bookingIds);
  if (bookings.length > 0) {
    await tx
      .deleteFrom('bookings')
      .where(
        'id',
        'in',
        bookings.map((b) => b.id),
      )
      .execute();
  }
  if (nomination) await tx.deleteFrom('nominations').where('id', '=', step.nominationId).execute();

  const listed = new Set(
    (
      await tx
        .selectFrom('erasures')
        .select('id')
        .where('id', 'in', [step.nominationId, ...bookingIds])
        .execute()
    ).map((row) => row.id),
  );
  const entries = [
    { id: step.nominationId, kind: 'nomination' },
    ...bookingIds.map((id) => ({ id, kind: 'booking' })),
  ].filter((entry) => !listed.has(entry.id));
  if (entries.length > 0) {
    await tx
      .insertInto('erasures')
      .values(
        entries.map((entry) => ({
          ...entry,
          erasure_id: step.erasureId,
          erased_at: step.erasedAt,
        })),
      )
      .execute();
  }
  const removed = {
    nominations: nomination ? 1 : 0,
    bookings: bookings.length,
    deviceRecords,
    consents: consentIds.length,
    notes,
    webhookDeliveries,
  };
  await writeAudit(tx, {
    at: new Date().toISOString(),
    actor: step.actor,
    entity: 'nomination',
    entityId: step.nominationId,
    action: step.action,
    details: { erasureId: step.erasureId, removed },
  });
  return {
    erasureId: step.erasureId,
    erasedAt: step.erasedAt,
    nominationId: step.nominationId,
    removed,
  };
}

/** The outcome of {@link erasePerson}. */
export type EraseOutcome =
  { kind: 'erased'; receipt: ErasureReceipt } | { kind: 'already-erased' } | { kind: 'not-found' };

/**
 * Erases the people of a nomination — host and visiting friend — at their request (or when
 * retention says their time is up): the nomination, its consents, its bookings, every tablet
 * record about those bookings and every webhook delivery about them (with its attempts) are
 * deleted; what was typed into their history is blanked; the ids go on the re-erase list, so that
 * the hub answers `410 person_erased` to anything about them and a restored backup loses them
 * again. One transaction, with an audit entry that names nobody. Once it has committed, the
 * deleted bytes are purged from the files ({@link purgeDeleted}) unless `purge` is `false` (a
 * caller erasing many at once purges once at the end).
 *
 * @example
 * const outcome = await erasePerson(db, nominationId, 'coordinator:42');
 */
export async function erasePerson(
  db: HubDatabase,
  nominationId: string,
  actor: string,
  now = new Date(),
  { purge = true }: { purge?: boolean } = {},
): Promise<EraseOutcome> {
  const outcome = await eraseTransaction(db, nominationId, actor, now);
  if (purge && outcome.kind === 'erased') await purgeDeleted(db);
  return outcome;
}

function eraseTransaction(
  db: HubDatabase,
  nominationId: string,
  actor: string,
  now: Date,
): Promise<EraseOutcome> {
  return db.transaction().execute(async (tx) => {
    if (!(await hasRow(tx, 'nominations', nominationId, { lock: true }))) {
      return (await isErased(tx, [nominationId]))
        ? ({ kind: 'already-erased' } as const)
        : ({ kind: 'not-found' } as const);
    }
    const receipt = await eraseIn(tx, {
      nominationId,
      erasureId: randomUUID(),
      erasedAt: now.toISOString(),
      actor,
      action: 'erased',
    });
    return { kind: 'erased', receipt } as const;
  });
}

/**
 * Applies a re-erase list to a database again — after a backup is restored, every erasure made
 * since the backup was taken — and returns how many erasures it applied. Entries the database
 * already lists are skipped, so it can run any number of times. Each erasure keeps its id and
 * time. When anything was erased, the deleted bytes are purged from the files
 * ({@link purgeDeleted}).
 */
export async function reapplyErasures(
  db: HubDatabase,
  entries: readonly ErasureEntry[],
  actor = 'restore',
): Promise<ErasureReceipt[]> {
  const known = new Set((await erasureList(db)).map((entry) => entry.id));
  const missing = entries.filter((entry) => !known.has(entry.id));
  const byErasure = new Map<string, ErasureEntry[]>();
  for (const entry of missing) {
    byErasure.set(entry.erasureId, [...(byErasure.get(entry.erasureId) ?? []), entry]);
  }
  const receipts: ErasureReceipt[] = [];
  for (const [erasureId, group] of byErasure) {
    const nominations = group.filter((entry) => entry.kind === 'nomination');
    const bookingIds = group.filter((entry) => entry.kind === 'booking').map((entry) => entry.id);
    await db.transaction().execute(async (tx) => {
      for (const nomination of nominations) {
        receipts.push(
          await eraseIn(tx, {
            nominationId: nomination.id,
            bookingIds,
            erasureId,
            erasedAt: nomination.erasedAt,
            actor,
            action: 're-erased',
          }),
        );
      }
    });
  }
  if (receipts.length > 0) await purgeDeleted(db);
  return receipts;
}
