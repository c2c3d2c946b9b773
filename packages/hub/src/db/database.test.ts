import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { seedDemo } from '../partners/partners.js';
import { aNomination, withKey, json } from '../helpers.test-support.js';
import { openDatabase } from './database.js';
import { tempDirs, testDatabase } from './database.test-support.js';
import { integrityCheck } from './migrations.js';

const tempDir = tempDirs('stue-db-');
const tempFile = () => join(tempDir(), 'nested', 'stue.sqlite');

describe('openDatabase', () => {
  it('sets WAL, synchronous=FULL, a busy timeout, foreign keys and secure delete', async () => {
    const db = await openDatabase(tempFile());
    const pragma = async (name: string): Promise<unknown> =>
      Object.values((await sql.raw(`PRAGMA ${name}`).execute(db)).rows[0] as object)[0];
    expect(await pragma('journal_mode')).toBe('wal');
    expect(await pragma('synchronous')).toBe(2); // FULL
    expect(await pragma('busy_timeout')).toBe(5000);
    expect(await pragma('foreign_keys')).toBe(1);
    expect(await pragma('secure_delete')).toBe(1);
    expect(await integrityCheck(db)).toBe('ok');
    await db.destroy();
  });

  it('refuses a nomination for a partner that does not exist (foreign keys hold)', async () => {
    const db = await testDatabase();
    const insert = db
      .insertInto('nominations')
      .values({
        id: 'x',
        partner_id: 'nobody',
        reference: 'STUE-AAAA-AAAA',
        status: 'received',
        schema_version: 1,
        body: '{}',
        body_hash: '',
        received_at: '',
        updated_at: '',
      })
      .execute();
    await expect(insert).rejects.toThrow(/FOREIGN KEY|foreign key/);
    await db.destroy();
  });

  it('keeps a nomination across a close and reopen, and migrates only once', async () => {
    const file = tempFile();
    const first = await openDatabase(file);
    await seedDemo(first);
    const nomination = aNomination();
    const created = await createApp({ db: first }).request('/api/v1/nominations', {
      method: 'POST',
      headers: withKey('pk_demo'),
      body: JSON.stringify(nomination),
    });
    const { reference } = await json(created);
    await first.destroy();

    const second = await openDatabase(file);
    await seedDemo(second);
    const res = await createApp({ db: second }).request(`/api/v1/nominations/${reference}/status`, {
      headers: withKey('pk_demo'),
    });
    expect(await json(res)).toEqual({ reference, status: 'received' });
    // Seeding twice made the demo's two keys (pk_demo, sk_demo) once.
    const keys = await second.selectFrom('partner_keys').select('kind').orderBy('kind').execute();
    expect(keys.map((k) => k.kind)).toEqual(['publishable', 'secret']);
    await second.destroy();
  });
});
