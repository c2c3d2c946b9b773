import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { openDatabase } from '../db/database.js';
import { tempDirs, testDatabase } from '../db/database.test-support.js';
import { integrityCheck } from '../db/migrations.js';
import { aNomination, json, withKey } from '../helpers.test-support.js';
import { seedDemo } from '../partners/partners.js';
import { erasePerson } from '../privacy/erasure.js';
import { backupDatabase, createPartner, newPublishableKey, restoreDatabase } from './operations.js';

const tempDir = tempDirs('stue-cli-');

describe('createPartner', () => {
  it('registers a partner whose new key works from its origin only', async () => {
    const db = await testDatabase();
    const { publishableKey, secretKey } = await createPartner(db, {
      name: 'Besøgsvenner Eksempelby',
      kind: 'visit-service',
      allowedOrigins: ['https://besoeg.example'],
    });
    expect(publishableKey).toMatch(/^pk_[\w-]{43}$/);
    expect(secretKey).toMatch(/^sk_[\w-]{43}$/);
    const app = createApp({ db });
    const send = (origin: string) =>
      app.request('/api/v1/nominations', {
        method: 'POST',
        headers: withKey(publishableKey, origin),
        body: JSON.stringify(aNomination()),
      });
    expect((await send('https://besoeg.example')).status).toBe(201);
    expect((await send('https://other.example')).status).toBe(403);
    // The secret key reads the partner's own nominations from a server, never from a browser.
    const read = (origin?: string) =>
      app.request('/api/v1/partner/nominations', { headers: withKey(secretKey, origin) });
    expect((await read()).status).toBe(200);
    expect((await read('https://besoeg.example')).status).toBe(403);
    const stored = await db.selectFrom('partner_keys').select('key_hash').execute();
    expect(JSON.stringify(stored)).not.toContain(publishableKey);
    expect(JSON.stringify(stored)).not.toContain(secretKey);
    await db.destroy();
  });

  it('makes a different key every time', () => {
    expect(newPublishableKey()).not.toBe(newPublishableKey());
  });
});

describe('backupDatabase', () => {
  it('writes a sound copy holding every committed nomination, and never overwrites', async () => {
    const dir = tempDir();
    const db = await openDatabase(join(dir, 'stue.sqlite'));
    const { publishableKey } = await createPartner(db, {
      name: 'P',
      kind: 'other',
      allowedOrigins: [],
    });
    const app = createApp({ db });
    const references: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await app.request('/api/v1/nominations', {
        method: 'POST',
        headers: withKey(publishableKey),
        body: JSON.stringify(aNomination()),
      });
      references.push((await json(res)).reference);
    }
    const target = join(dir, 'backup.sqlite');
    await backupDatabase(db, target);
    await expect(backupDatabase(db, target)).rejects.toThrow(/exists already/);
    await db.destroy();

    const copy = await openDatabase(target);
    expect(await integrityCheck(copy)).toBe('ok');
    const rows = await copy.selectFrom('nominations').select('reference').execute();
    expect(rows.map((r) => r.reference).sort()).toEqual(references.sort());
    await copy.destroy();
  });
});

describe('restoreDatabase', () => {
  it('restores a backup taken during writes, and an erasure made since stays erased (S7)', async () => {
    const dir = tempDir();
    const live = join(dir, 'stue.sqlite');
    const db = await openDatabase(live);
    await seedDemo(db);
    const app = createApp({ db });
    const send = async () => {
      const nomination = aNomination();
      const res = await app.request('/api/v1/nominations', {
        method: 'POST',
        headers: withKey('pk_demo'),
        body: JSON.stringify(nomination),
      });
      expect(res.status).toBe(201);
      return nomination.id;
    };
    const person = await send();
    const before = [await send(), await send()];
    // Writes keep arriving while the backup is taken.
    const target = join(dir, 'backup.sqlite');
    const during = Promise.all(Array.from({ length: 10 }, send));
    await backupDatabase(db, target);
    const written = await during;
    const copy = await openDatabase(target);
    const inBackup = (await copy.selectFrom('nominations').select('id').execute()).map((r) => r.id);
    await copy.destroy();
    expect(inBackup).toEqual(expect.arrayContaining([person, ...before]));
    expect(await erasePerson(db, person, 'coordinator:test')).toMatchObject({ kind: 'erased' });
    await db.destroy();

    const outcome = await restoreDatabase(target, live);
    expect(outcome.reapplied).toBe(1);
    expect(outcome.previous && existsSync(outcome.previous)).toBe(true);
    expect(existsSync(`${live}.restoring`)).toBe(false);

    const restored = await openDatabase(live);
    expect(await integrityCheck(restored)).toBe('ok');
    const ids = (await restored.selectFrom('nominations').select('id').execute()).map((r) => r.id);
    expect(ids).not.toContain(person);
    expect(ids.sort()).toEqual(inBackup.filter((id) => id !== person).sort());
    expect(ids).toEqual(expect.arrayContaining(before));
    expect(written.filter((id) => ids.includes(id)).length).toBe(ids.length - before.length);
    const consents = await restored
      .selectFrom('consents')
      .select('id')
      .where('nomination_id', '=', person)
      .execute();
    expect(consents).toEqual([]);
    const erased = await createApp({ db: restored }).request('/api/v1/nominations', {
      method: 'POST',
      headers: withKey('pk_demo'),
      body: JSON.stringify({ ...aNomination(), id: person }),
    });
    expect(erased.status).toBe(410);
    await restored.destroy();

    // Restoring again with the same list changes nothing more.
    expect((await restoreDatabase(target, live)).reapplied).toBe(1);
    const again = await openDatabase(live);
    expect(
      (await again.selectFrom('nominations').select('id').execute()).map((r) => r.id),
    ).not.toContain(person);
    await again.destroy();
  });

  it('refuses a backup that does not exist, and leaves the live database alone', async () => {
    const dir = tempDir();
    const live = join(dir, 'stue.sqlite');
    const db = await openDatabase(live);
    await db.destroy();
    await expect(restoreDatabase(join(dir, 'nope.sqlite'), live)).rejects.toThrow(/does not exist/);
    expect(existsSync(live)).toBe(true);
  });
});
