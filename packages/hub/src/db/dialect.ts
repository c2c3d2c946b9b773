import { PostgresAdapter, sql, type Kysely } from 'kysely';
import type { HubDatabase } from './database.js';

/** Whether a database location is a PostgreSQL URL rather than an SQLite file. */
export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//.test(location);

/** Whether a handle speaks to PostgreSQL (a few statements differ, e.g. backups). */
export const isPostgres = (db: Kysely<unknown>) =>
  db.getExecutor().adapter instanceof PostgresAdapter;

/**
 * Whether to lock rows read for a change (`SELECT … FOR UPDATE`). PostgreSQL runs transactions
 * side by side and needs it; SQLite runs one writer at a time and has no such clause.
 */
export const locksRows = (db: HubDatabase) => isPostgres(db as never);

/**
 * Runs `work` unless another process on the same PostgreSQL database (and schema) is running
 * work of the same `name` at this moment. It holds a session-level advisory lock
 * (`pg_try_advisory_lock`) on one connection of its own while `work` runs, and never waits for
 * it: when another hub holds the lock, `work` does not run and the answer is `{ ran: false }`. The
 * lock goes with the connection, so a hub that dies mid-run frees it. On SQLite, which one process
 * serves, `work` always runs.
 *
 * @example
 * const outcome = await unlessRunningElsewhere(db, 'retention', () => runRetention(db, policy));
 */
export async function unlessRunningElsewhere<T>(
  db: HubDatabase,
  name: string,
  work: () => Promise<T>,
): Promise<{ ran: true; value: T } | { ran: false }> {
  if (!isPostgres(db as never)) return { ran: true, value: await work() };
  return db.connection().execute(async (connection) => {
    const key = sql`hashtext(${`stue:${name}`}), hashtext(current_schema())`;
    const { rows } = await sql<{
      locked: boolean;
    }>`SELECT pg_try_advisory_lock(${key}) AS locked`.execute(connection);
    if (!rows[0]?.locked) return { ran: false } as const;
    try {
      return { ran: true, value: await work() } as const;
    } finally {
      await sql`SELECT pg_advisory_unlock(${key})`.execute(connection);
    }
  });
}
