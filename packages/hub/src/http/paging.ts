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
