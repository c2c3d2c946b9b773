import { close, fsync, open } from 'node:fs';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import type { HubDatabase } from './database.js';

const openFile = promisify(open);
const flushFile = promisify(fsync);

/** Flushes an SQLite database's write-ahead log to disk, off the main thread. */
export interface LogFlusher {
  /** Resolves once everything written to the log so far is on disk. */
  flush(): Promise<void>;
  /** Lets go of the log file; called when the database closes. */
  close(): void;
}

/**
 * A {@link LogFlusher} for the SQLite database in `file`. The log (`<file>-wal`) is opened on the
 * first flush and kept open: `fsync` flushes a file whichever descriptor asks, so the hub's own
 * descriptor covers what SQLite wrote through its.
 */
export function logFlusher(file: string): LogFlusher {
  let descriptor: Promise<number> | undefined;
  return {
    async flush() {
      descriptor ??= openFile(`${file}-wal`, 'r').catch((error: unknown) => {
        descriptor = undefined;
        throw error;
      });
      await flushFile(await descriptor);
    },
    close() {
      void descriptor?.then((fd) => close(fd, () => {}));
      descriptor = undefined;
    },
  };
}

// The log flusher of each SQLite file database the hub opened (see openDatabase).
const flushers = new WeakMap<HubDatabase, LogFlusher>();

/** Records the log flusher of the SQLite file database `db`. */
export function registerLogFlusher(db: HubDatabase, flusher: LogFlusher): void {
  flushers.set(db, flusher);
}

/**
 * Runs `work` in a transaction and resolves once it is on disk: as durable as a commit with
 * `synchronous = FULL`, but without stopping the event loop while the disk flushes.
 *
 * On an SQLite file the transaction commits with `synchronous = NORMAL` (the log is written, not
 * yet flushed), then the log file is flushed with `fsync` on a libuv thread, and only then does
 * the promise resolve. Requests keep being read meanwhile, and the next group commit carries
 * all of them: one flush acknowledges many writes (docs/adr/0009-group-commit.md). Other
 * transactions keep `synchronous = FULL`. On PostgreSQL, and on a database in memory, it is an
 * ordinary transaction.
 */
export async function writeDurably<T>(
  db: HubDatabase,
  work: (tx: HubDatabase) => Promise<T>,
): Promise<T> {
  const log = flushers.get(db);
  if (!log) return db.transaction().execute(work);
  const result = await db.connection().execute(async (connection) => {
    await sql`PRAGMA synchronous = NORMAL`.execute(connection);
    try {
      return await connection.transaction().execute(work);
    } finally {
      await sql`PRAGMA synchronous = FULL`.execute(connection);
    }
  });
  await log.flush();
  return result;
}
