import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { openDatabase, type HubDatabase } from './db/database.js';
import type { LogEntry } from './http/log.js';
import type { StaticRoots } from './http/static-apps.js';
import { seedDemo } from './partners/partners.js';
import { aNomination, withKey, json } from './test-helpers.js';

let root: string;
let db: HubDatabase;
let roots: StaticRoots;
const logged: LogEntry[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'stue-static-'));
  roots = { demo: '', embed: '', kiosk: '', console: '' };
  for (const name of Object.keys(roots) as (keyof StaticRoots)[]) {
    roots[name] = join(root, name);
    mkdirSync(join(roots[name], 'assets'), { recursive: true });
    writeFileSync(join(roots[name], 'index.html'), `<title>${name}</title>`);
  }
  writeFileSync(join(roots.embed, 'stue-embed.js'), 'export {};');
  writeFileSync(join(roots.kiosk, 'assets', 'index-AbCd1234.js'), 'export {};');
  db = await openDatabase(':memory:');
  await seedDemo(db);
});
afterAll(async () => {
  await db.destroy();
  rmSync(root, { recursive: true, force: true });
});

const app = () => createApp({ db, staticRoots: roots, log: (entry) => logged.push(entry) });

describe('the hub app', () => {
  it('answers /api/health', async () => {
    const res = await app().request('/api/health');
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ ok: true });
  });

  it.each([
    ['/', 'demo'],
    ['/kiosk/', 'kiosk'],
    ['/console/', 'console'],
  ])('serves %s from the %s build', async (path, name) => {
    const res = await app().request(path);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(`<title>${name}</title>`);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });

  it('serves the embed script as JavaScript that any origin may load as a module', async () => {
    const res = await app().request('/embed/stue-embed.js', {
      headers: { origin: 'https://besoeg.example' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('marks hashed assets immutable', async () => {
    const res = await app().request('/kiosk/assets/index-AbCd1234.js');
    expect(res.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('redirects /kiosk to /kiosk/', async () => {
    const res = await app().request('/kiosk');
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/kiosk/');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await app().request('/api/v1/nothing');
    expect(res.status).toBe(404);
    expect(await json(res)).toMatchObject({ error: { code: 'not_found' } });
  });

  it('sets security headers', async () => {
    const res = await app().request('/');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('logs routes and statuses but no reference, name or phone number', async () => {
    logged.length = 0;
    const hub = app();
    const { reference } = await json(
      await hub.request('/api/v1/nominations', {
        method: 'POST',
        headers: withKey('pk_demo'),
        body: JSON.stringify(aNomination()),
      }),
    );
    await hub.request(`/api/v1/nominations/${reference}/status`, { headers: withKey('pk_demo') });
    expect(logged).toEqual([
      expect.objectContaining({ route: '/api/v1/nominations', status: 201 }),
      expect.objectContaining({ route: '/api/v1/nominations/:reference/status', status: 200 }),
    ]);
    expect(JSON.stringify(logged)).not.toMatch(new RegExp(`${reference}|Inger|Bent|2030`));
  });
});
