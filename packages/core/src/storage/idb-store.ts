import {
  openDB,
  type DBSchema,
  type IDBPDatabase,
  type IDBPTransaction,
  type StoreNames,
} from 'idb';
import { StueError } from '../errors.js';
import type {
  NewOutboxRecord,
  OutboxRecord,
  OutboxStore,
  StoreQueueOptions,
} from '../sync/outbox.js';
import { migrate, STUE_MIGRATIONS, type Migration } from './migrations.js';

/** An answer in progress, saved on every tap so a reload or a crash loses nothing. */
export interface Draft<T = unknown> {
  /** The feedback session (or debrief) it belongs to. */
  sessionId: string;
  value: T;
  /** When it was saved, by the device clock: for display only. */
  savedAt: number;
}

/**
 * The IndexedDB schema of Stue's browser store.
 *
 * - `outbox`: {@link OutboxRecord}s by `id`, indexed by `deviceSeq` (unique: a number is never
 *   given twice);
 * - `meta`: key/value: `nextSeq` (owned by the outbox), `schema`, and what the app keeps there
 *   (its device id, …);
 * - `drafts`: {@link Draft}s by `sessionId`.
 */
export interface StueDbSchema extends DBSchema {
  outbox: { key: string; value: OutboxRecord; indexes: { 'by-seq': number } };
  meta: { key: string; value: unknown };
  drafts: { key: string; value: Draft };
}

/**
 * The default database name.
 *
 * @example
 * await openStueDb(STUE_DB_NAME); // the same as openStueDb()
 */
export const STUE_DB_NAME = 'stue';

/**
 * The schema version this build of `@stue/core` opens (one per migration step).
 *
 * @example
 * console.log(`database schema v${STUE_DB_VERSION}`);
 */
export const STUE_DB_VERSION = STUE_MIGRATIONS.length;

/** Meta keys that belong to the store itself and cannot be set from outside. */
const RESERVED_META_KEYS: readonly string[] = ['nextSeq', 'schema'];

type Db = IDBPDatabase<StueDbSchema>;
type Operation<T> = (db: Db) => Promise<T>;
type Run = <T>(operation: Operation<T>) => Promise<T>;

/**
 * Fired as `stue-db-versionchange` on a {@link StueDb} when another tab opens a newer schema (or
 * deletes the database): this connection has closed itself so the other can proceed, and the
 * app should ask the person to reload. Its operations fail with `db_version_changed` from now on.
 *
 * @example
 * db.addEventListener('stue-db-versionchange', () => showBanner('Genindlæs siden'));
 */
export class StueDbVersionChangeEvent extends Event {
  constructor(
    /** The version being opened elsewhere; `null` when the database is being deleted. */
    readonly newVersion: number | null,
  ) {
    super('stue-db-versionchange');
  }
}

/** Options for {@link openStueDb}. */
export interface OpenStueDbOptions {
  /** Called (besides the event) when a newer version elsewhere made this connection close. */
  onVersionChange?: (event: StueDbVersionChangeEvent) => void;
  /** Called when this open waits for an older connection elsewhere that does not close. */
  onBlocked?: () => void;
}

function abortQuietly(tx: IDBPTransaction<StueDbSchema, StoreNames<StueDbSchema>[], 'readwrite'>) {
  // The abort rejects `done`; nobody else is waiting on it now.
  tx.done.catch(() => undefined);
  try {
    tx.abort();
  } catch {
    // Already committed or aborted by the failing request itself.
  }
}

function isInvalidState(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'InvalidStateError';
}

/**
 * The outbox over IndexedDB: an {@link OutboxStore} for `Outbox`. Queuing assigns the sequence
 * number and writes the record (and deletes a finished draft) in one strict-durability
 * transaction, and resolves only after it has committed.
 *
 * @example
 * const db = await openStueDb();
 * const outbox = new Outbox({ store: db.outbox, transport });
 */
export class IdbOutboxStore implements OutboxStore {
  readonly #run: Run;

  /** Made by {@link openStueDb}; use `db.outbox`. */
  constructor(run: Run) {
    this.#run = run;
  }

  /**
   * Assigns the next sequence number and stores the record in one strict transaction. The body
   * must already be final (sealed): nothing but IndexedDB is awaited inside the transaction.
   */
  queue(record: NewOutboxRecord, options: StoreQueueOptions = {}): Promise<OutboxRecord> {
    const { clearDraft } = options;
    return this.#run(async (db) => {
      const names: StoreNames<StueDbSchema>[] =
        clearDraft === undefined ? ['outbox', 'meta'] : ['outbox', 'meta', 'drafts'];
      const tx = db.transaction(names, 'readwrite', { durability: 'strict' });
      try {
        const outbox = tx.objectStore('outbox');
        const existing = await outbox.get(record.id);
        if (existing) {
          if (JSON.stringify(existing.body) !== JSON.stringify(record.body)) {
            throw new StueError('outbox_duplicate_id', 'Another record with this id is queued');
          }
          // A repeated finish: the record is queued already; the draft must not outlive it.
          if (clearDraft !== undefined) await tx.objectStore('drafts').delete(clearDraft);
          await tx.done;
          return existing;
        }
        const meta = tx.objectStore('meta');
        const next = await meta.get('nextSeq');
        const deviceSeq = typeof next === 'number' ? next : 1;
        const stored: OutboxRecord = { ...record, deviceSeq };
        await Promise.all([
          outbox.add(stored),
          meta.put(deviceSeq + 1, 'nextSeq'),
          clearDraft === undefined ? undefined : tx.objectStore('drafts').delete(clearDraft),
          tx.done,
        ]);
        return stored;
      } catch (error) {
        abortQuietly(tx);
        throw error;
      }
    });
  }

  get(id: string): Promise<OutboxRecord | undefined> {
    return this.#run((db) => db.get('outbox', id));
  }

  /** Every record in sequence order. */
  list(): Promise<OutboxRecord[]> {
    return this.#run((db) => db.getAllFromIndex('outbox', 'by-seq'));
  }

  /**
   * Replaces a stored record; does nothing when it is gone (another tab may have sent it), so a
   * late update cannot bring back a record the hub already has.
   */
  put(record: OutboxRecord): Promise<void> {
    return this.#run(async (db) => {
      const tx = db.transaction('outbox', 'readwrite');
      const existing = await tx.store.getKey(record.id);
      if (existing !== undefined) await tx.store.put(record);
      await tx.done;
    });
  }

  delete(id: string): Promise<void> {
    return this.#run((db) => db.delete('outbox', id));
  }

  async nextSeq(): Promise<number> {
    const next = await this.#run((db) => db.get('meta', 'nextSeq'));
    return typeof next === 'number' ? next : 1;
  }
}

/**
 * Answers in progress. Saves and deletes use strict durability and resolve after the commit,
 * so "saved" is shown only for what is on disk.
 *
 * @example
 * await db.drafts.save(sessionId, { mood: 'calm' }); // now the UI may say "saved"
 */
export class IdbDrafts {
  readonly #run: Run;

  /** Made by {@link openStueDb}; use `db.drafts`. */
  constructor(run: Run) {
    this.#run = run;
  }

  /** Saves (replaces) the draft of a session; `value` is copied at once, as IndexedDB does. */
  save<T>(sessionId: string, value: T): Promise<Draft<T>> {
    const draft: Draft<T> = { sessionId, value, savedAt: Date.now() };
    return this.#run(async (db) => {
      const tx = db.transaction('drafts', 'readwrite', { durability: 'strict' });
      await Promise.all([tx.store.put(draft), tx.done]);
      return draft;
    });
  }

  get<T = unknown>(sessionId: string): Promise<Draft<T> | undefined> {
    return this.#run((db) => db.get('drafts', sessionId) as Promise<Draft<T> | undefined>);
  }

  list(): Promise<Draft[]> {
    return this.#run((db) => db.getAll('drafts'));
  }

  /** Deletes a draft for good (strict), e.g. when a respondent abandons a session. */
  delete(sessionId: string): Promise<void> {
    return this.#run(async (db) => {
      const tx = db.transaction('drafts', 'readwrite', { durability: 'strict' });
      await Promise.all([tx.store.delete(sessionId), tx.done]);
    });
  }
}

/**
 * Small facts the app keeps on the device (its device id, …), written with strict durability.
 * `nextSeq` and `schema` belong to the store and can be read but not set.
 *
 * @example
 * await db.meta.set('deviceId', enrolment.deviceId);
 */
export class IdbMeta {
  readonly #run: Run;

  /** Made by {@link openStueDb}; use `db.meta`. */
  constructor(run: Run) {
    this.#run = run;
  }

  get<T = unknown>(key: string): Promise<T | undefined> {
    return this.#run((db) => db.get('meta', key) as Promise<T | undefined>);
  }

  /**
   * Several keys in one read-only transaction (one round trip where an app starts): the values
   * in the order of `keys`, `undefined` for a key not set.
   *
   * @example
   * const [deviceId, lang] = await db.meta.getMany(['deviceId', 'lang']);
   */
  getMany(keys: readonly string[]): Promise<unknown[]> {
    return this.#run(async (db) => {
      const tx = db.transaction('meta', 'readonly');
      const [values] = await Promise.all([
        Promise.all(keys.map((key) => tx.store.get(key))),
        tx.done,
      ]);
      return values;
    });
  }

  /** @throws {StueError} `reserved_key` for `nextSeq` and `schema` */
  set(key: string, value: unknown): Promise<void> {
    if (RESERVED_META_KEYS.includes(key)) {
      return Promise.reject(new StueError('reserved_key', `"${key}" is kept by the store itself`));
    }
    return this.#run(async (db) => {
      const tx = db.transaction('meta', 'readwrite', { durability: 'strict' });
      await Promise.all([tx.store.put(value, key), tx.done]);
    });
  }
}

/**
 * Stue's browser database (open it with {@link openStueDb}): the outbox, drafts and meta
 * stores over one IndexedDB connection, which it manages:
 *
 * - when another tab opens a newer schema, it closes itself, fires `stue-db-versionchange` and
 *   calls `onVersionChange`, so the app can ask for a reload (its operations then fail with
 *   `db_version_changed`);
 * - when the browser closes the connection (iOS does under memory pressure) or an operation
 *   meets `InvalidStateError`, it reopens and retries that operation once.
 *
 * @example
 * const db = await openStueDb('stue', { onVersionChange: () => showReloadBanner() });
 * await db.drafts.save(sessionId, answers);
 */
export class StueDb extends EventTarget {
  /** The outbox store, for `new Outbox({ store: db.outbox, … })`. */
  readonly outbox: IdbOutboxStore;
  readonly drafts: IdbDrafts;
  readonly meta: IdbMeta;
  readonly name: string;
  readonly #migrations: readonly Migration[];
  readonly #options: OpenStueDbOptions;
  #connection: Db | null = null;
  #connecting: Promise<Db> | null = null;
  #terminated = false;
  #stale = false;
  #closed = false;

  /** Use {@link openStueDb}. */
  constructor(name: string, migrations: readonly Migration[], options: OpenStueDbOptions = {}) {
    super();
    this.name = name;
    this.#migrations = migrations;
    this.#options = options;
    const run: Run = (operation) => this.#run(operation);
    this.outbox = new IdbOutboxStore(run);
    this.drafts = new IdbDrafts(run);
    this.meta = new IdbMeta(run);
  }

  /** The schema version this connection opens. */
  get version(): number {
    return this.#migrations.length;
  }

  /** The open `idb` connection, or `null` between a loss and the next operation. */
  get connection(): IDBPDatabase<StueDbSchema> | null {
    return this.#connection;
  }

  /** Opens the connection now (operations open it on demand); rejects as `openStueDb` does. */
  async open(): Promise<void> {
    await this.#ready();
  }

  /** Closes the connection for good; later operations fail with `db_closed`. */
  close(): void {
    this.#closed = true;
    this.#connection?.close();
    this.#connection = null;
    this.#connecting = null;
  }

  #ready(): Promise<Db> {
    if (this.#closed) return Promise.reject(new StueError('db_closed', 'The database is closed'));
    if (this.#stale) return Promise.reject(staleError());
    this.#connecting ??= this.#open().then(
      (db) => {
        this.#connection = db;
        this.#terminated = false;
        return db;
      },
      (error: unknown) => {
        this.#connecting = null;
        throw error;
      },
    );
    return this.#connecting;
  }

  async #run<T>(operation: Operation<T>): Promise<T> {
    const db = await this.#ready();
    try {
      return await operation(db);
    } catch (error) {
      if (this.#stale) throw staleError(error);
      if (this.#closed || !(this.#terminated || isInvalidState(error))) throw error;
      // The connection was lost under us (fact 3): a fresh one, and one more try.
      if (this.#connection === db) {
        this.#connection = null;
        this.#connecting = null;
      }
      return operation(await this.#ready());
    }
  }

  async #open(): Promise<Db> {
    let failure: unknown;
    let opened: Db | undefined;
    const version = this.version;
    try {
      opened = await openDB<StueDbSchema>(this.name, version, {
        upgrade: (db, oldVersion, newVersion, tx) => {
          const untypedDb = db as unknown as IDBPDatabase<unknown>;
          const untypedTx = tx as unknown as IDBPTransaction<unknown, string[], 'versionchange'>;
          migrate(untypedDb, untypedTx, oldVersion, newVersion ?? version, this.#migrations)
            .then(() => tx.objectStore('meta').put({ version, from: oldVersion }, 'schema'))
            .catch((error: unknown) => {
              failure = error;
              // openDB reports the abort; the transaction's own promise would go unhandled.
              tx.done.catch(() => undefined);
              try {
                tx.abort();
              } catch {
                // The upgrade has ended already; openDB reports why.
              }
            });
        },
        blocked: () => this.#options.onBlocked?.(),
        blocking: (_current, newVersion) => {
          opened?.close();
          this.#versionChanged(newVersion);
        },
        terminated: () => {
          this.#terminated = true;
          this.#connection = null;
          this.#connecting = null;
        },
      });
      return opened;
    } catch (error) {
      if (failure !== undefined) throw failure;
      if (error instanceof DOMException && error.name === 'VersionError') {
        throw new StueError(
          'db_newer',
          'A newer version of the app has changed the database here; reload the page',
          { cause: error },
        );
      }
      throw error;
    }
  }

  #versionChanged(newVersion: number | null): void {
    this.#stale = true;
    this.#connection = null;
    this.#connecting = null;
    const event = new StueDbVersionChangeEvent(newVersion);
    this.dispatchEvent(event);
    this.#options.onVersionChange?.(event);
  }
}

function staleError(cause?: unknown): StueError {
  return new StueError(
    'db_version_changed',
    'A newer version of the app has changed the database; reload the page',
    cause === undefined ? undefined : { cause },
  );
}

/**
 * Opens (creating or upgrading as needed) Stue's browser database. Browser only: import it from
 * `@stue/core/idb`, never from Node code.
 *
 * @throws {StueError} `migration_refused` when an upgrade would drop a store holding records
 *   (the database stays as it was); `db_newer` when a newer app version has upgraded it already
 *
 * @example
 * import { openStueDb } from '@stue/core/idb';
 * const db = await openStueDb();
 * const outbox = new Outbox({ store: db.outbox, transport });
 */
export async function openStueDb(
  name: string = STUE_DB_NAME,
  options: OpenStueDbOptions = {},
): Promise<StueDb> {
  return openStueDbWith(name, STUE_MIGRATIONS, options);
}

/** {@link openStueDb} with a given schema history: for tests of future upgrades. */
export async function openStueDbWith(
  name: string,
  migrations: readonly Migration[],
  options: OpenStueDbOptions = {},
): Promise<StueDb> {
  const db = new StueDb(name, migrations, options);
  await db.open();
  return db;
}
