import { PostgresAdapter, type Kysely } from 'kysely';

/** Whether a database location is a PostgreSQL URL rather than an SQLite file. */
export const isPostgresUrl = (location: string) => /^postgres(ql)?:\/\//.test(location);

/** Whether a handle speaks to PostgreSQL (a few statements differ, e.g. backups). */
export const isPostgres = (db: Kysely<unknown>) =>
  db.getExecutor().adapter instanceof PostgresAdapter;
