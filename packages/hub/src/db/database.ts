import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { Kysely } from 'kysely';
import { migrate } from './migrations.js';
import { nodeSqliteDialect } from './node-sqlite-dialect.js';
import type { Database } from './schema.js';

/** The hub's database handle. */
export type HubDatabase = Kysely<Database>;

/**
 * Opens (creating if needed) the SQLite database at `file` — `':memory:'` for a throwaway one —
 * sets the durability pragmas and runs pending migrations.
 *
 * WAL with `synchronous=FULL` keeps every acknowledged commit through a power cut;
 * `busy_timeout` lets a second process (a backup) wait instead of failing.
 *
 * @example
 * const db = await openDatabase('.stue/stue.sqlite');
 */
export async function openDatabase(file: string): Promise<HubDatabase> {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new DatabaseSync(file);
  sqlite.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = FULL;
    PRAGMA busy_timeout = 5000;
    PRAGMA foreign_keys = ON;
  `);
  const db = new Kysely<Database>({ dialect: nodeSqliteDialect(sqlite) });
  await migrate(db as Kysely<unknown>);
  return db;
}
