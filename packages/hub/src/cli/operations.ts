import { existsSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { isPostgres, type HubDatabase } from '../db/database.js';
import { newKey } from '../partners/keys.js';
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
  return newKey('publishable');
}

/**
 * Registers a partner organisation with a new publishable key (for its website) and a new secret
 * key (for its servers) and returns them. The keys are not stored, only their hashes: give them
 * to the partner now.
 */
export async function createPartner(
  db: HubDatabase,
  partner: Omit<NewPartner, 'publishableKey' | 'secretKey'>,
): Promise<{ id: string; publishableKey: string; secretKey: string }> {
  const publishableKey = newPublishableKey();
  const secretKey = newKey('secret');
  const id = await ensurePartner(db, { ...partner, publishableKey, secretKey });
  return { id, publishableKey, secretKey };
}
