import { CompiledQuery, type Compilable } from 'kysely';
import type { HubDatabase } from './database.js';

// A text no caller passes: the placeholder of the `i`th parameter while the query is compiled.
const placeholder = (i: number) => `\u0000stue-parameter-${i}\u0000`;

interface Compiled {
  sql: string;
  /** Per parameter of the SQL: the index of the argument it takes, or its fixed value. */
  slots: ({ argument: number } | { value: unknown })[];
}

/**
 * A query that Kysely builds and compiles once per database and number of arguments, then runs
 * with each call's arguments. Kysely otherwise builds and compiles a query on every call, which
 * on a path every request takes (the partner key, the programme check) costs more than the
 * database's own work. `build` gets a placeholder for each argument and must use each as a value
 * (not as a name, nor inside `sql` text); values it writes itself stay fixed.
 *
 * @example
 * const byEmail = preparedQuery((db, email) =>
 *   db.selectFrom('coordinators').select('id').where('email', '=', email),
 * );
 * const rows = await byEmail(db, 'anna@example.dk');
 */
export function preparedQuery<Row>(
  build: (db: HubDatabase, ...args: string[]) => Compilable<Row>,
): (db: HubDatabase, ...args: string[]) => Promise<Row[]> {
  const cache = new WeakMap<HubDatabase, Map<number, Compiled>>();
  const compile = (db: HubDatabase, count: number): Compiled => {
    const placeholders = Array.from({ length: count }, (_, i) => placeholder(i));
    const { sql, parameters } = build(db, ...placeholders).compile();
    const slots = parameters.map((value) => {
      const argument = placeholders.indexOf(value as string);
      return argument === -1 ? { value } : { argument };
    });
    const used = slots.flatMap((slot) => ('argument' in slot ? [slot.argument] : []));
    if (new Set(used).size !== count) {
      throw new Error('A prepared query must use each of its arguments as a value');
    }
    return { sql, slots };
  };
  return async (db, ...args) => {
    let forDb = cache.get(db);
    if (!forDb) cache.set(db, (forDb = new Map()));
    let compiled = forDb.get(args.length);
    if (!compiled) forDb.set(args.length, (compiled = compile(db, args.length)));
    const parameters = compiled.slots.map((slot) =>
      'argument' in slot ? args[slot.argument] : slot.value,
    );
    const { rows } = await db.executeQuery<Row>(CompiledQuery.raw(compiled.sql, parameters));
    return rows;
  };
}
