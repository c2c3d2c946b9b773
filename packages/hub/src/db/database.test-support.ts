import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach } from 'vitest';
import { openDatabase, type HubDatabase } from './database.js';

/**
 * A fresh, empty, migrated database for one test: in memory on SQLite, or — when
 * `STUE_TEST_DATABASE_URL` names a PostgreSQL database — a new schema of its own there, so the
 * same tests prove both databases.
 */
export async function testDatabase(): Promise<HubDatabase> {
  const url = process.env.STUE_TEST_DATABASE_URL;
  return openDatabase(url ? await testSchemaUrl(url) : ':memory:');
}

/**
 * A new, empty schema in the PostgreSQL database `url`, as a URL that works in it (its
 * `search_path`): what several hubs given the same URL share.
 */
export async function testSchemaUrl(url: string): Promise<string> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${schema}`);
  return scoped.toString();
}

/** Drops the schemas earlier test runs left in the PostgreSQL test database. */
export async function dropTestSchemas(url: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ nspname: string }>(
      "SELECT nspname FROM pg_namespace WHERE nspname LIKE 't\\_%'",
    );
    for (const { nspname } of rows) await admin.query(`DROP SCHEMA ${nspname} CASCADE`);
  } finally {
    await admin.end();
  }
}

/**
 * A maker of fresh temporary folders (named `prefix` and a random tail) for the tests of one
 * file; each test's folders are removed after it. Call it once, at the top of the test file.
 */
export function tempDirs(prefix: string): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    dirs.push(dir);
    return dir;
  };
}
