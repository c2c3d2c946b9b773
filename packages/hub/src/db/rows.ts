import type { HubDatabase } from './database.js';
import { locksRows } from './dialect.js';

/** The tables asked whether they hold a row under an id. */
export type TableWithId =
  'musicians' | 'tour_days' | 'bookings' | 'nominations' | 'partners' | 'devices' | 'erasures';

/**
 * Whether `table` holds a row under `id`. With `lock`, the row stays locked for the rest of the
 * transaction where the database can (PostgreSQL), so that it cannot go before the caller is done.
 */
export async function hasRow(
  db: HubDatabase,
  table: TableWithId,
  id: string,
  { lock = false }: { lock?: boolean } = {},
): Promise<boolean> {
  const row = await db
    .selectFrom(table)
    .select('id')
    .where('id', '=', id)
    .$if(lock && locksRows(db), (q) => q.forUpdate())
    .executeTakeFirst();
  return row !== undefined;
}
