import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { containsCprNumber } from '@stue/core';
import { isPostgres, isPostgresUrl, openDatabase, type HubDatabase } from '../db/database.js';
import { integrityCheck } from '../db/migrations.js';
import { createPrivateFile, makePrivate } from '../db/private-files.js';
import { newKey, ensurePartner, type NewPartner } from '../partners/index.js';
import { erasureList, reapplyErasures, type ErasureEntry } from '../privacy/index.js';

/**
 * Writes a consistent copy of the live database to `file` with SQLite's `VACUUM INTO`, which is
 * safe while the hub is writing (a file copy of a WAL database is not). The file is readable by
 * the hub's user only (0600). Refuses to overwrite.
 *
 * @example
 * await backupDatabase(db, '/backups/stue-2026-11-26.sqlite');
 */
export async function backupDatabase(db: HubDatabase, file: string): Promise<void> {
  if (isPostgres(db as Kysely<unknown>)) {
    throw new Error('On PostgreSQL, back up with pg_dump (see docs/operations.md).');
  }
  // VACUUM INTO fills an empty file, and one made here first is private from the start.
  try {
    createPrivateFile(file, { exclusive: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new Error(`${file} exists already; choose a new file name.`, { cause: error });
  }
  try {
    await sql`VACUUM INTO ${file}`.execute(db);
  } catch (error) {
    rmSync(file, { force: true });
    throw error;
  }
}

/** A new publishable key: `pk_` and 32 random bytes, URL-safe. Shown once, stored as a hash. */
export function newPublishableKey(): string {
  return newKey('publishable');
}

/**
 * Registers a partner organisation with a new publishable key (for its website) and a new secret
 * key (for its servers) and returns them. The keys are not stored, only their hashes: give them
 * to the partner now. A name that holds a CPR number is refused.
 */
export async function createPartner(
  db: HubDatabase,
  partner: Omit<NewPartner, 'publishableKey' | 'secretKey'>,
): Promise<{ id: string; publishableKey: string; secretKey: string }> {
  if (containsCprNumber(partner.name)) throw new Error('A name must not contain a CPR number.');
  const publishableKey = newPublishableKey();
  const secretKey = newKey('secret');
  const id = await ensurePartner(db, { ...partner, publishableKey, secretKey });
  return { id, publishableKey, secretKey };
}

/** What {@link restoreDatabase} did. */
export interface RestoreOutcome {
  /** Erasures made after the backup was taken, applied to the restored database. */
  reapplied: number;
  /** Where the database that was replaced now lies, or `undefined` when there was none. */
  previous: string | undefined;
}

const removeSqliteFiles = (file: string) => {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
};

/**
 * Restores an SQLite backup made by {@link backupDatabase} as the database at `live`, with the hub
 * stopped. The backup is copied beside the live file, brought up to the newest schema and checked;
 * then every erasure on the live database's re-erase list that the backup does not know — those
 * made after it was taken — is applied again, so an erased person never comes back. Only then is
 * the live file moved aside (to `<live>.before-restore-<time>`) and the restored one put in its
 * place. The backup file itself is never changed.
 *
 * @example
 * await restoreDatabase('/backups/stue-2026-11-26.sqlite', '.stue/stue.sqlite');
 */
export async function restoreDatabase(
  backup: string,
  live: string,
  now = new Date(),
): Promise<RestoreOutcome> {
  if (isPostgresUrl(live)) {
    throw new Error(
      'On PostgreSQL, restore with pg_restore, then run `stue-hub erasures apply <file>` ' +
        '(see docs/operations.md).',
    );
  }
  if (!existsSync(backup)) throw new Error(`${backup} does not exist.`);
  const staging = `${live}.restoring`;
  removeSqliteFiles(staging);
  // A backup is a closed, single file (VACUUM INTO): copying it is safe, unlike a live database.
  copyFileSync(backup, staging);
  // A copy takes the backup's mode, which a backup moved about by hand may have lost.
  makePrivate(staging);

  let list: ErasureEntry[] = [];
  if (existsSync(live)) {
    const current = await openDatabase(live);
    try {
      list = await erasureList(current);
      // Everything committed goes into the main file, so moving it aside moves all of it.
      await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(current);
    } finally {
      await current.destroy();
    }
  }

  let reapplied: number;
  try {
    const restored = await openDatabase(staging);
    try {
      const before = await integrityCheck(restored);
      if (before !== 'ok') throw new Error(`The backup is not sound: ${before}`);
      reapplied = (await reapplyErasures(restored, list)).length;
      const after = await integrityCheck(restored);
      if (after !== 'ok') throw new Error(`The restored database is not sound: ${after}`);
    } finally {
      await restored.destroy();
    }
  } catch (error) {
    removeSqliteFiles(staging);
    throw error;
  }

  let previous: string | undefined;
  if (existsSync(live)) {
    previous = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(live, previous);
    makePrivate(previous);
    for (const suffix of ['-wal', '-shm']) rmSync(`${live}${suffix}`, { force: true });
  }
  renameSync(staging, live);
  for (const suffix of ['-wal', '-shm']) rmSync(`${staging}${suffix}`, { force: true });
  return { reapplied, previous };
}
