import { afterEach, describe, expect, it } from 'vitest';
import type { HubDatabase } from './database.js';
import { testDatabase } from './database.test-support.js';
import { preparedQuery } from './prepared.js';

const partner = (id: string, kind = 'other') => ({
  id,
  name: `Partner ${id}`,
  kind,
  allowed_origins: '[]',
  created_at: '2026-01-01',
});

const opened: HubDatabase[] = [];
const database = async (ids: string[]) => {
  const db = await testDatabase();
  opened.push(db);
  if (ids.length > 0)
    await db
      .insertInto('partners')
      .values(ids.map((id) => partner(id)))
      .execute();
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) await db.destroy();
});

describe('preparedQuery', () => {
  it('runs each call with its own arguments, beside the values the query fixes itself', async () => {
    const db = await database(['a', 'b']);
    await db.insertInto('partners').values(partner('c', 'school')).execute();
    const named = preparedQuery((db, id) =>
      db
        .selectFrom('partners')
        .select(['id', 'name'])
        .where('id', '=', id)
        .where('kind', '=', 'other'),
    );
    expect(await named(db, 'a')).toEqual([{ id: 'a', name: 'Partner a' }]);
    expect(await named(db, 'b')).toEqual([{ id: 'b', name: 'Partner b' }]);
    expect(await named(db, 'c')).toEqual([]);
    expect(await named(db, 'nobody')).toEqual([]);
  });

  it('compiles a list of arguments once for each length', async () => {
    const db = await database(['a', 'b', 'c']);
    const some = preparedQuery((db, ...ids) =>
      db.selectFrom('partners').select('id').where('id', 'in', ids).orderBy('id'),
    );
    expect(await some(db, 'c')).toEqual([{ id: 'c' }]);
    expect(await some(db, 'a', 'c')).toEqual([{ id: 'a' }, { id: 'c' }]);
    expect(await some(db, 'b')).toEqual([{ id: 'b' }]);
    expect(await some(db, 'c', 'b', 'x')).toEqual([{ id: 'b' }, { id: 'c' }]);
  });

  it('answers each database from its own rows', async () => {
    const [first, second] = [await database(['a']), await database(['b'])];
    const all = preparedQuery((db, kind) =>
      db.selectFrom('partners').select('id').where('kind', '=', kind),
    );
    expect(await all(first, 'other')).toEqual([{ id: 'a' }]);
    expect(await all(second, 'other')).toEqual([{ id: 'b' }]);
  });

  it('gives an argument used twice to both places', async () => {
    const db = await database(['a']);
    await db
      .insertInto('partners')
      .values({ ...partner('b'), name: 'b' })
      .execute();
    const selfNamed = preparedQuery((db, id) =>
      db.selectFrom('partners').select('id').where('id', '=', id).where('name', '=', id),
    );
    expect(await selfNamed(db, 'b')).toEqual([{ id: 'b' }]);
    expect(await selfNamed(db, 'a')).toEqual([]);
  });

  it('refuses a query that leaves an argument out', async () => {
    const db = await database([]);
    const unused = preparedQuery((db, _id) => db.selectFrom('partners').select('id'));
    await expect(unused(db, 'a')).rejects.toThrow(/each of its arguments as a value/);
  });
});
