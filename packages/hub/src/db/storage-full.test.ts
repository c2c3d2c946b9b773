import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { ephemeralHubKey } from '../devices/hub-key.js';
import { seedDemo } from '../partners/partners.js';
import { aMusician } from '../planning/fixtures.test-support.js';
import { aNomination, json, signIn, testHub, withKey } from '../helpers.test-support.js';
import { openDatabase, type HubDatabase } from './database.js';
import { integrityCheck } from './migrations.js';
import { isStorageFull, noteStorageFull } from './storage.js';

// RELIABILITY.md F11, disk full: writes answer 503 with `Retry-After` (never 500), health says
// the database cannot be written, and nothing acknowledged is lost once space returns. The disk
// is "full" when SQLite may not grow the file any further (`max_page_count`), which fails a write
// exactly as a full disk does (SQLITE_FULL), and deterministically.

const dirs: string[] = [];
const open: HubDatabase[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.destroy();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

async function fileHub() {
  const dir = mkdtempSync(join(tmpdir(), 'stue-full-'));
  dirs.push(dir);
  const file = join(dir, 'stue.sqlite');
  const db = await openDatabase(file);
  open.push(db);
  await seedDemo(db);
  const app = createApp({ db, hubKey: await ephemeralHubKey() });
  return { file, db, app };
}

/** Lets the file grow no further than it is now; `false` gives the room back. */
async function diskFull(db: HubDatabase, full = true) {
  const { rows } = await sql<{ page_count: number }>`PRAGMA page_count`.execute(db);
  const limit = full ? rows[0]!.page_count : 1_073_741_823;
  await sql.raw(`PRAGMA max_page_count = ${limit}`).execute(db);
}

describe('disk full (F11)', () => {
  it('answers writes 503 with Retry-After, says so on /api/health, and loses nothing acknowledged', async () => {
    const { file, db, app } = await fileHub();
    const session = await signIn(app, db);
    const post = (nomination: object) =>
      app.request('/api/v1/nominations', {
        method: 'POST',
        headers: withKey('pk_demo', 'http://127.0.0.1:8080'),
        body: JSON.stringify(nomination),
      });
    const acknowledged: string[] = [];
    for (let i = 0; i < 3; i++) {
      const nomination = aNomination();
      expect((await post(nomination)).status).toBe(201);
      acknowledged.push(nomination.id);
    }
    expect(await json(await app.request('/api/health'))).toEqual({ ok: true });

    await diskFull(db);
    // Nominations arrive together and share a group commit; whatever free space is left in the
    // file takes some of them: each answer is 201 (and then stored) or 503 (and then not).
    const waiting = Array.from({ length: 40 }, () => aNomination());
    const answers = await Promise.all(waiting.map(post));
    const refused = waiting.filter((_, i) => answers[i]!.status !== 201);
    expect(refused.length).toBeGreaterThan(0);
    for (const [i, answer] of answers.entries()) {
      if (answer.status === 201) {
        acknowledged.push(waiting[i]!.id);
        continue;
      }
      expect(answer.status).toBe(503);
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0);
      // … which the partner's page may read.
      expect(answer.headers.get('access-control-expose-headers')).toMatch(/retry-after/i);
      expect((await json(answer)).error).toMatchObject({
        code: 'storage_full',
        message: expect.stringMatching(/plads/),
      });
    }
    // A coordinator's write too, in English when asked: musicians fill what room their table's
    // pages have left, and the first that needs a new page is refused.
    const addMusician = () =>
      app.request('/api/v1/musicians', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'accept-language': 'en',
          ...session.headers,
        },
        body: JSON.stringify(aMusician()),
      });
    let musician = await addMusician();
    for (let tries = 1; musician.status === 201 && tries < 500; tries++) {
      musician = await addMusician();
    }
    expect(musician.status).toBe(503);
    expect(musician.headers.get('retry-after')).not.toBeNull();
    expect((await json(musician)).error).toMatchObject({
      code: 'storage_full',
      message: expect.stringMatching(/space/),
    });

    const health = await app.request('/api/health');
    expect(health.status).toBe(503);
    expect(health.headers.get('retry-after')).not.toBeNull();
    expect(await json(health)).toEqual({ ok: false, database: 'not_writable' });
    // Reading still works.
    expect((await app.request('/api/v1/nominations', { headers: session.headers })).status).toBe(
      200,
    );

    // Space returns: health recovers on its own, and the refused ones go in when sent again.
    await diskFull(db, false);
    const recovered = await app.request('/api/health');
    expect(recovered.status).toBe(200);
    expect(await json(recovered)).toEqual({ ok: true });
    for (const nomination of refused) {
      expect((await post(nomination)).status).toBe(201);
      acknowledged.push(nomination.id);
    }

    await db.destroy();
    open.splice(0);
    const reopened = await openDatabase(file);
    open.push(reopened);
    expect(await integrityCheck(reopened)).toBe('ok');
    const stored = (await reopened.selectFrom('nominations').select('id').execute()).map(
      (row) => row.id,
    );
    expect(stored.sort()).toEqual(acknowledged.sort());
    // Every stored nomination has its consent rows and audit entry: none was half written.
    const consents = await reopened.selectFrom('consents').select('nomination_id').execute();
    expect(new Set(consents.map((row) => row.nomination_id))).toEqual(new Set(acknowledged));
  });
});

describe('health after a write found the disk full', () => {
  it('tries a write that needs room, says ok once it works, and leaves nothing behind', async () => {
    const { db, app } = await testHub();
    open.push(db);
    noteStorageFull(db);
    const health = await app.request('/api/health');
    expect(health.status).toBe(200);
    expect(await json(health)).toEqual({ ok: true });
    expect(await db.selectFrom('storage_probe').selectAll().execute()).toEqual([]);
  });
});

describe('isStorageFull', () => {
  it('knows a full disk in either database, and in the file system', () => {
    expect(
      isStorageFull(Object.assign(new Error('database or disk is full'), { errcode: 13 })),
    ).toBe(true);
    expect(
      isStorageFull(Object.assign(new Error('could not extend file'), { code: '53100' })),
    ).toBe(true);
    expect(isStorageFull(Object.assign(new Error('no space'), { code: 'ENOSPC' }))).toBe(true);
    expect(isStorageFull(Object.assign(new Error('locked'), { errcode: 5 }))).toBe(false);
    expect(isStorageFull(Object.assign(new Error('unique'), { code: '23505' }))).toBe(false);
    expect(isStorageFull(undefined)).toBe(false);
  });
});
