import type { DatabaseSync, SQLInputValue } from 'node:sqlite';
import { SqliteDialect, type SqliteDatabase, type SqliteStatement } from 'kysely';

// Kysely's SQLite dialect expects a better-sqlite3-shaped database. node:sqlite differs only in
// how a statement says whether it returns rows, so a thin adapter is all that is needed
// (docs/adr/0002-node-sqlite.md).
/** How many prepared statements a database keeps; the hub's queries are far fewer. */
const STATEMENT_CACHE_SIZE = 500;

function adapt(db: DatabaseSync, onClose?: () => void): SqliteDatabase {
  // The hub runs the same few hundred queries over and over: preparing each once saves SQLite
  // parsing and planning it on every request. Oldest out first when the cache is full.
  const statements = new Map<string, SqliteStatement>();
  const args = (parameters: ReadonlyArray<unknown>) => parameters as SQLInputValue[];
  return {
    close: () => {
      statements.clear();
      db.close();
      onClose?.();
    },
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      if (cached) return cached;
      const statement = db.prepare(sql);
      // A full disk (SQLITE_FULL), like a few other errors, rolls the transaction back by itself;
      // Kysely's ROLLBACK after it would then fail and hide the error that matters.
      const rollback = /^rollback$/i.test(sql.trim());
      const prepared: SqliteStatement = {
        reader: statement.columns().length > 0,
        all: (parameters) => statement.all(...args(parameters)),
        run: (parameters) =>
          rollback && !db.isTransaction
            ? { changes: 0, lastInsertRowid: 0 }
            : statement.run(...args(parameters)),
        iterate: (parameters) => statement.iterate(...args(parameters)),
      };
      if (statements.size >= STATEMENT_CACHE_SIZE) {
        statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, prepared);
      return prepared;
    },
  };
}

/**
 * A Kysely dialect over Node's built-in `node:sqlite` database; `onClose` runs when Kysely closes
 * it (`db.destroy()`).
 */
export function nodeSqliteDialect(
  db: DatabaseSync,
  { onClose }: { onClose?: () => void } = {},
): SqliteDialect {
  return new SqliteDialect({ database: adapt(db, onClose) });
}
