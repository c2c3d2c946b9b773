import { PostgresAdapter, type Kysely } from 'kysely';
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
