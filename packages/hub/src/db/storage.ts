import { randomBytes, randomUUID } from 'node:crypto';
import type { HubDatabase } from './database.js';

/**
 * How long a client is told to wait (`Retry-After`, seconds) when the disk is full: long enough
 * for someone to make room, short enough that nothing waits long once there is.
 */
export const STORAGE_FULL_RETRY_AFTER = 60;

/**
 * Whether an error means there is no room to write: SQLite's SQLITE_FULL (a full disk, or a file
 * at its size limit), PostgreSQL's `disk_full` (53100), or the file system's ENOSPC or EDQUOT
 * (the write-ahead log's flush in a group commit).
 */
export function isStorageFull(error: unknown): boolean {
  const e = error as { code?: unknown; errcode?: unknown } | null | undefined;
  return (
    (typeof e?.errcode === 'number' && (e.errcode & 0xff) === 13) || // SQLITE_FULL and its kin
    e?.code === '53100' ||
    e?.code === 'ENOSPC' ||
    e?.code === 'EDQUOT'
  );
}

// The databases whose last write found no room, since when; cleared once a trial write succeeds.
const full = new WeakMap<HubDatabase, string>();

/** Records that a write to `db` failed for lack of room, for {@link databaseWritable}. */
export function noteStorageFull(db: HubDatabase): void {
  if (!full.has(db)) full.set(db, new Date().toISOString());
}

// Enough bytes that the write needs new room (16 pages of SQLite's 4 KiB, several of
// PostgreSQL's 8 KiB), and few enough that trying costs nothing.
const PROBE_BYTES = 64 * 1024;

/**
 * Whether the hub can write to `db`. True unless a write failed for lack of room
 * ({@link noteStorageFull}); then it tries a write that needs new room — a row of 64 KiB,
 * deleted again in the same transaction, so nothing stays — and answers whether that worked.
 * Once it does, it is true again: the hub recovers on its own when space returns.
 */
export async function databaseWritable(db: HubDatabase): Promise<boolean> {
  if (!full.has(db)) return true;
  try {
    await db.transaction().execute(async (tx) => {
      const id = randomUUID();
      await tx
        .insertInto('storage_probe')
        .values({ id, filler: randomBytes(PROBE_BYTES / 2).toString('hex') })
        .execute();
      await tx.deleteFrom('storage_probe').where('id', '=', id).execute();
    });
  } catch (error) {
    if (isStorageFull(error)) return false;
    throw error;
  }
  full.delete(db);
  return true;
}
