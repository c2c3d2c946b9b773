import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { openDatabase } from '../db/database.js';
import { testDatabase } from '../db/test-database.js';
import { integrityCheck } from '../db/migrations.js';
import { aNomination, json, withKey } from '../test-helpers.js';
import { backupDatabase, createPartner, newPublishableKey } from './operations.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'stue-cli-'));
  dirs.push(dir);
  return dir;
};

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
