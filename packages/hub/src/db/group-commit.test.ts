import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase, type HubDatabase } from './database.js';
import { tempDirs } from './database.test-support.js';
import { writeDurably } from './group-commit.js';

const tempDir = tempDirs('stue-group-');
const tempFile = () => join(tempDir(), 'stue.sqlite');

const synchronous = async (db: HubDatabase) =>
  Object.values((await sql.raw('PRAGMA synchronous').execute(db)).rows[0] as object)[0];

const partner = (id: string) => ({
  id,
  name: id,
  kind: 'other',
  allowed_origins: '[]',
  created_at: '2026-01-01',
});

describe('writeDurably', () => {
  it('commits on an SQLite file, and every other transaction keeps synchronous=FULL', async () => {
    const file = tempFile();
    const db = await openDatabase(file);
    await writeDurably(db, (tx) => tx.insertInto('partners').values(partner('a')).execute());
    expect(await synchronous(db)).toBe(2);
    await db.destroy();

    const reopened = await openDatabase(file);
    expect(await reopened.selectFrom('partners').select('id').execute()).toEqual([{ id: 'a' }]);
    await reopened.destroy();
  });

  it('rolls back what failed, and still leaves synchronous=FULL', async () => {
    const db = await openDatabase(tempFile());
    await expect(
      writeDurably(db, async (tx) => {
        await tx.insertInto('partners').values(partner('b')).execute();
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await db.selectFrom('partners').select('id').execute()).toEqual([]);
    expect(await synchronous(db)).toBe(2);
    await db.destroy();
  });

  it('writes side by side without losing any: 50 at once', async () => {
    const file = tempFile();
    const db = await openDatabase(file);
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        writeDurably(db, (tx) =>
          tx
            .insertInto('partners')
            .values(partner(`p${i}`))
            .execute(),
        ),
      ),
    );
    await db.destroy();
    const reopened = await openDatabase(file);
    expect(await reopened.selectFrom('partners').select('id').execute()).toHaveLength(50);
    await reopened.destroy();
  });

  it('is an ordinary transaction on a database in memory', async () => {
    const db = await openDatabase(':memory:');
    await writeDurably(db, (tx) => tx.insertInto('partners').values(partner('c')).execute());
    expect(await db.selectFrom('partners').select('id').execute()).toEqual([{ id: 'c' }]);
    await db.destroy();
  });
});
