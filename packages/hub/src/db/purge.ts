import { sql, type Kysely } from 'kysely';
import type { HubDatabase } from './database.js';
import { isPostgres } from './dialect.js';

/**
 * How many rows a `DELETE` removed, as a number (Kysely counts them in a bigint).
 *
 * @example
 * const removed = await deletedCount(tx.deleteFrom('sessions').where('expires_at', '<', now));
 */
export async function deletedCount(query: {
  executeTakeFirst(): Promise<{ numDeletedRows: bigint }>;
}): Promise<number> {
  return Number((await query.executeTakeFirst()).numDeletedRows);
}

/** The tables an erasure deletes from; on PostgreSQL they are vacuumed after it. */
export const ERASED_TABLES = [
  'nominations',
  'consents',
  'nomination_notes',
  'bookings',
  'device_records',
  'debrief_calls',
  'audit_events',
  'webhook_deliveries',
  'webhook_attempts',
] as const;

/** How long to wait between tries when another process keeps SQLite's log from being emptied. */
const RETRY_MS = 2_000;
/** How many tries, about five minutes' worth, before leaving it to the next purge or the close. */
const RETRIES = 150;

// One retry timer per database at most.
const retrying = new WeakMap<HubDatabase, NodeJS.Timeout>();

/**
 * Empties SQLite's write-ahead log into the database file and truncates it to nothing. The log
 * keeps old page images — rows as they were before they were deleted — until it is overwritten,
 * and a normal checkpoint only rewinds it. `secure_delete` (on for every connection, see
 * `openDatabase`) has zeroed the deleted rows in the pages, so once the newest pages are in the
 * file and the log is empty nothing deleted is left to read. Answers `false` when another
 * process's read (a backup running) keeps the log in use; it never waits for one, so the hub is
 * never stalled.
 */
async function truncateLog(db: HubDatabase): Promise<boolean> {
  return db.connection().execute(async (connection) => {
    await sql`PRAGMA busy_timeout = 0`.execute(connection);
    try {
      const { rows } = await sql<{
        busy: number;
      }>`PRAGMA wal_checkpoint(TRUNCATE)`.execute(connection);
      return rows[0]?.busy === 0;
    } catch {
      // Busy with another process's write: tried again like a reader in the way.
      return false;
    } finally {
      await sql`PRAGMA busy_timeout = 5000`.execute(connection);
    }
  });
}

function retryLater(db: HubDatabase, left: number) {
  if (retrying.has(db) || left <= 0) return;
  const timer = setTimeout(() => {
    retrying.delete(db);
    truncateLog(db).then(
      (done) => {
        if (!done) retryLater(db, left - 1);
      },
      // The database was closed meanwhile: closing the last connection empties the log itself.
      () => {},
    );
  }, RETRY_MS);
  timer.unref();
  retrying.set(db, timer);
}

/**
 * After deleting personal data (an erasure, retention), makes the deleted bytes unreadable on
 * disk as far as the database allows, and answers whether that is done.
 *
 * - **SQLite** (a file): `secure_delete` has zeroed the deleted rows and freed pages already; the
 *   write-ahead log, which still holds older copies of the pages, is checkpointed into the file
 *   and truncated. If another process holds a read on the database at that moment (a backup), it
 *   is tried again in the background every few seconds, and the log is emptied at the latest when
 *   the hub closes the database.
 * - **PostgreSQL**: the erased tables are vacuumed, so the space of the deleted rows can be
 *   reused (and overwritten) at once. VACUUM does not overwrite that space itself, and the
 *   server's own write-ahead log, its archives and backups keep the rows: see docs/privacy.md.
 *   It answers `true` once VACUUM has run; a failure (no permission) answers `false`.
 * - A database in memory: nothing to do.
 *
 * Never throws: the deletion it follows has committed whatever happens here.
 */
export async function purgeDeleted(db: HubDatabase): Promise<boolean> {
  try {
    if (isPostgres(db as Kysely<unknown>)) {
      await sql`VACUUM ${sql.join(ERASED_TABLES.map((table) => sql.table(table)))}`.execute(db);
      return true;
    }
    const done = await truncateLog(db);
    if (!done) retryLater(db, RETRIES);
    return done;
  } catch {
    return false;
  }
}
