import {
  sql,
  type Expression,
  type ExpressionBuilder,
  type SqlBool,
  type StringReference,
} from 'kysely';

/** Keyset cursors: the sort key of the last item of a page, opaque to clients. */
export const encodeCursor = (key: readonly string[]) =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

/** The sort key in a cursor, or `undefined` when it is not one the hub made with `length` parts. */
export function decodeCursor(cursor: string, length: number): string[] | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    return Array.isArray(value) &&
      value.length === length &&
      value.every((v) => typeof v === 'string')
      ? (value as string[])
      : undefined;
  } catch {
    return undefined;
  }
}

/** A page of a keyset-paged list from `limit + 1` rows. */
export function page<R, T>(
  rows: R[],
  limit: number,
  toItem: (row: R) => T,
  keyOf: (row: R) => readonly string[],
) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return {
    items: items.map(toItem),
    nextCursor: rows.length > limit && last ? encodeCursor(keyOf(last)) : null,
  };
}

/**
 * The rows after a cursor's key in a list ordered by one column and then by id: a later value in
 * the first column, or the same value and a later id. The list must be ordered by exactly these
 * two columns, and the cursor made from them with {@link page}.
 *
 * @example
 * const after = decodeCursor(cursor, 2);
 * if (!after) return undefined;
 * select = select.where((eb) => afterKey(eb, ['name', 'id'], after));
 */
export function afterKey<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  [column, idColumn]: readonly [StringReference<DB, TB>, StringReference<DB, TB>],
  [value = '', id = '']: readonly string[],
): Expression<SqlBool> {
  // A cursor's parts are text; `sql.ref` says so, which a generic column reference cannot.
  const key = sql.ref<string>(column);
  const keyId = sql.ref<string>(idColumn);
  return eb.or([eb(key, '>', value), eb.and([eb(key, '=', value), eb(keyId, '>', id)])]);
}
