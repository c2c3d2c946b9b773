import type { HubDatabase } from '../db/database.js';
import { HubError } from '../http/hub-error.js';

// The re-erase list sits beside the consents: both answer whether the hub may keep something
// about a person, and nominations and devices ask before they store. Erasing itself is
// privacy's (privacy/erasure.ts), which stands above the features it erases from.

/** Whether any of `ids` (nominations or bookings) is on the re-erase list. */
export async function isErased(db: HubDatabase, ids: readonly string[]): Promise<boolean> {
  const wanted = ids.filter((id) => id.length > 0);
  if (wanted.length === 0) return false;
  const row = await db
    .selectFrom('erasures')
    .select('id')
    .where('id', 'in', wanted)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Throws the answer for a nomination that is not there: 410 `person_erased` when it was erased,
 * 404 `not_found` when it never was.
 */
export async function throwMissing(db: HubDatabase, id: string): Promise<never> {
  throw (await isErased(db, [id]))
    ? new HubError(410, 'person_erased')
    : new HubError(404, 'not_found');
}
