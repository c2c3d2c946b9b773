import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { isPostgresUrl } from './dialect.js';
import { migrate } from './migrations.js';
import { nodeSqliteDialect } from './node-sqlite-dialect.js';
import { logFlusher, registerLogFlusher } from './group-commit.js';
import { createPrivateFile, ensurePrivateDir, makePrivate } from './private-files.js';
import type { Database } from './schema.js';

/** The hub's database handle, on SQLite or PostgreSQL. */
export type HubDatabase = Kysely<Database>;

function openSqlite(file: string): HubDatabase {
  if (file !== ':memory:') {
    // A folder made for the database is private. The file is made (or found and set) 0600 before
    // SQLite opens it: SQLite gives its log and shared-memory file the database file's mode.
    if (!existsSync(dirname(file))) ensurePrivateDir(dirname(file));
    createPrivateFile(file);
    makePrivate(`${file}-wal`, `${file}-shm`);
  }
  const sqlite = new DatabaseSync(file);
  // WAL with synchronous=FULL keeps every acknowledged commit through a power cut;
  // busy_timeout lets a second process (a backup) wait instead of failing; secure_delete zeroes
  // what is deleted (rows, index entries, freed pages) instead of leaving it readable in the
  // file, so that an erased person is gone from the bytes (db/purge.ts empties the log).
  sqlite.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = FULL;
    PRAGMA busy_timeout = 5000;
    PRAGMA foreign_keys = ON;
    PRAGMA secure_delete = ON;
  `);
  const flusher = file === ':memory:' ? undefined : logFlusher(file);
  const db = new Kysely<Database>({
    dialect: nodeSqliteDialect(sqlite, { onClose: () => flusher?.close() }),
  });
  if (flusher) registerLogFlusher(db, flusher);
  return db;
}

function openPostgres(url: string): HubDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/**
 * Opens the hub's database and runs pending migrations: an SQLite file (created if needed;
 * `':memory:'` for a throwaway one), or PostgreSQL when `location` is a `postgres://` URL.
 *
 * @example
 * const db = await openDatabase('.stue/stue.sqlite');
 * const big = await openDatabase('postgres://stue@db.internal/stue');
 */
export async function openDatabase(location: string): Promise<HubDatabase> {
  const db = isPostgresUrl(location) ? openPostgres(location) : openSqlite(location);
  try {
    await migrate(db as Kysely<unknown>);
  } catch (error) {
    await db.destroy();
    throw error;
  }
  return db;
}

export { isPostgres, isPostgresUrl } from './dialect.js';

/**
 * Whether an error is a unique-key violation, in either database: two writers raced for the same
 * key, and the loser should read what the winner wrote.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: unknown; errcode?: unknown; message?: unknown } | null;
  return (
    e?.code === '23505' || // PostgreSQL unique_violation
    e?.errcode === 2067 || // SQLITE_CONSTRAINT_UNIQUE
    e?.errcode === 1555 || // SQLITE_CONSTRAINT_PRIMARYKEY
    (typeof e?.message === 'string' && /UNIQUE constraint failed/.test(e.message))
  );
}
