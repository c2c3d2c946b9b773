import type { IDBPDatabase, IDBPTransaction } from 'idb';
import { StueError } from '../errors.js';

/**
 * What a migration step may use. There is no `deleteObjectStore`: stores are dropped with
 * {@link MigrationContext.dropStore}, which refuses a store that still holds records.
 */
export interface MigrationContext {
  db: Omit<IDBPDatabase<unknown>, 'deleteObjectStore'>;
  /** The upgrade transaction: for moving records between stores and changing indexes. */
  tx: IDBPTransaction<unknown, string[], 'versionchange'>;
  /** The version the database had before this upgrade (0 when it is new). */
  oldVersion: number;
  /** The version this step brings the database to. */
  version: number;
  /**
   * Drops a store if it is empty, and aborts the whole upgrade if it is not: unsynced records
   * are never dropped by a migration. Move records out first, then drop.
   */
  dropStore(name: string): Promise<void>;
}

/**
 * One schema version's step; step `n` (1-based) takes the database from `n − 1` to `n`. A step
 * may await IndexedDB requests on `tx` and nothing else, or the upgrade transaction commits
 * half-way (platform fact 2).
 */
export type Migration = (context: MigrationContext) => void | Promise<void>;

/** Stue's schema history. Append; never edit a step that has shipped. */
export const STUE_MIGRATIONS: readonly Migration[] = [
  // 1: the outbox (by id, and by device sequence number, which must never repeat), a key/value
  // meta store (next sequence number, device id, schema info) and drafts by session id.
  ({ db }) => {
    const outbox = db.createObjectStore('outbox', { keyPath: 'id' });
    outbox.createIndex('by-seq', 'deviceSeq', { unique: true });
    db.createObjectStore('meta');
    db.createObjectStore('drafts', { keyPath: 'sessionId' });
  },
];

function refuse(name: string, count: number, version: number): StueError {
  return new StueError(
    'migration_refused',
    `Schema version ${version} would drop the store "${name}", which holds ${count} records`,
  );
}

/**
 * Runs the steps from `oldVersion` to `newVersion` inside an upgrade transaction. Rejects, so
 * the caller can abort the upgrade, when a step fails or when a store that held records before
 * the upgrade has vanished without being emptied and dropped through `dropStore`.
 */
export async function migrate(
  db: IDBPDatabase<unknown>,
  tx: IDBPTransaction<unknown, string[], 'versionchange'>,
  oldVersion: number,
  newVersion: number,
  steps: readonly Migration[],
): Promise<void> {
  if (newVersion > steps.length) {
    throw new StueError('migration_missing', `No migration step for schema version ${newVersion}`);
  }
  const before = new Map<string, number>();
  for (const name of Array.from(db.objectStoreNames)) {
    before.set(name, await tx.objectStore(name).count());
  }
  const dropped = new Set<string>();
  for (let version = oldVersion + 1; version <= newVersion; version += 1) {
    const dropStore = async (name: string) => {
      if (!db.objectStoreNames.contains(name)) return;
      const count = await tx.objectStore(name).count();
      if (count > 0) throw refuse(name, count, version);
      db.deleteObjectStore(name);
      dropped.add(name);
    };
    await steps[version - 1]!({ db, tx, oldVersion, version, dropStore });
  }
  for (const [name, count] of before) {
    if (count > 0 && !dropped.has(name) && !db.objectStoreNames.contains(name)) {
      throw refuse(name, count, newVersion);
    }
  }
}
