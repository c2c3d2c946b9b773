import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { isPostgres, type HubDatabase } from '../db/database.js';
import { ensurePartner, type NewPartner } from '../partners/partners.js';

/**
 * Writes a consistent copy of the live database to `file` with SQLite's `VACUUM INTO`, which is
 * safe while the hub is writing (a file copy of a WAL database is not). Refuses to overwrite.
 *
 * @example
 * await backupDatabase(db, '/backups/stue-2026-11-26.sqlite');
 */
export async function backupDatabase(db: HubDatabase, file: string): Promise<void> {
  if (isPostgres(db as Kysely<unknown>)) {
    throw new Error('On PostgreSQL, back up with pg_dump (see docs/operations.md).');
  }
  if (existsSync(file)) throw new Error(`${file} exists already; choose a new file name.`);
  await sql`VACUUM INTO ${file}`.execute(db);
}

/** A new publishable key: `pk_` and 32 random bytes, URL-safe. Shown once, stored as a hash. */
export function newPublishableKey(): string {
  return `pk_${randomBytes(32).toString('base64url')}`;
}

/**
 * Registers a partner organisation with a new publishable key and returns both. The key is not
 * stored, only its hash: give it to the partner now.
 */
export async function createPartner(
  db: HubDatabase,
  partner: Omit<NewPartner, 'publishableKey'>,
): Promise<{ id: string; publishableKey: string }> {
  const publishableKey = newPublishableKey();
  const id = await ensurePartner(db, { ...partner, publishableKey });
  return { id, publishableKey };
}
