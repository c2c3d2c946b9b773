import type { Page } from '../schemas/answers/common.js';

/**
 * The pages of a keyset-paged list, one at a time, each loaded when the loop asks for it: the
 * first with no cursor, each next one with the `nextCursor` of the one before, until a page has
 * none. Leaving the loop early loads no further page.
 *
 * @example
 * const client = { api: 'https://stue.example.dk/', key: process.env.STUE_SECRET_KEY };
 * for await (const page of pages((cursor) => listPartnerNominations(client, { cursor }))) {
 *   for (const item of page.items) console.log(item.reference, item.status);
 * }
 */
export async function* pages<T>(
  load: (cursor: string | undefined) => Promise<Page<T>>,
): AsyncGenerator<Page<T>, void, undefined> {
  let cursor: string | undefined;
  do {
    const page = await load(cursor);
    yield page;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
