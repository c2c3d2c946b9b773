import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { SESSION_COOKIE } from './accounts/coordinator-auth.js';
import type { StaticRoots } from './http/static-apps.js';
import { aNomination, json, signIn, testHub, withKey } from './helpers.test-support.js';

// The attacks of issue 16 that the hub already withstood, kept as tests so that it goes on
// withstanding them (docs/security.md). The role × endpoint matrix lives in
// authorization.test.ts, forged device ids in devices/routes.test.ts and kill -9 during writes in
// test/durability.test.ts; these are the rest: origins, CSRF, session fixation, replays, nesting,
// SQL injection and path traversal.

let hub: Awaited<ReturnType<typeof testHub>>;
let session: Awaited<ReturnType<typeof signIn>>;
let root: string;
let app: ReturnType<typeof createApp>;
const SECRET = 'a line only the hub machine holds';

beforeAll(async () => {
  hub = await testHub();
  session = await signIn(hub.app, hub.db);
  // Served folders inside a parent that holds a file no request may ever read.
  root = mkdtempSync(join(tmpdir(), 'stue-adversarial-'));
  writeFileSync(join(root, 'secret.txt'), SECRET);
  const roots: StaticRoots = { demo: '', embed: '', kiosk: '', console: '' };
  for (const name of Object.keys(roots) as (keyof StaticRoots)[]) {
    roots[name] = join(root, 'apps', name);
    mkdirSync(join(roots[name], 'assets'), { recursive: true });
    writeFileSync(join(roots[name], 'index.html'), `<title>${name}</title>`);
  }
  writeFileSync(join(roots.embed, 'stue-embed.js'), 'export {};');
  app = createApp({ db: hub.db, hubKey: hub.hubKey, staticRoots: roots });
});
afterAll(async () => {
  await hub.db.destroy();
  rmSync(root, { recursive: true, force: true });
});

const nominate = (origin: string, body: unknown = aNomination()) =>
  app.request('/api/v1/nominations', {
    method: 'POST',
    headers: withKey('pk_other', origin),
    body: JSON.stringify(body),
  });

describe('origin spoofing (S4)', () => {
  // `pk_other` may be used from https://kommune.example only.
  it.each([
    'https://kommune.example.evil.example',
    'https://evil.example',
    'https://evil-kommune.example',
    'http://kommune.example',
    'https://kommune.example:8443',
    'https://kommune.example.',
    'null',
  ])('refuses the key from %j: 403 origin_not_allowed, nothing kept', async (origin) => {
    // The preflight cannot know the key, so CORS answers any origin; the key's own allow-list
    // is what refuses, and the refusal carries nothing but the error.
    const res = await nominate(origin);
    expect(res.status).toBe(403);
    const body = await json(res);
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe('origin_not_allowed');
    expect(await hub.db.selectFrom('nominations').select('id').execute()).toHaveLength(0);
  });
});

describe('cross-site request forgery', () => {
  const cancelAll = (headers: Record<string, string>, body = '{}') =>
    app.request('/api/v1/musicians', { method: 'POST', headers, body });

  it('refuses a write that carries the cookie with a wrong, empty or other session’s token', async () => {
    const other = await signIn(app, hub.db);
    for (const token of ['', 'x', other.csrfToken, session.csrfToken.toUpperCase()]) {
      const res = await cancelAll({
        'content-type': 'application/json',
        cookie: session.cookie,
        'x-csrf-token': token,
      });
      expect(res.status).toBe(403);
      expect((await json(res)).error.code).toBe('csrf_failed');
    }
  });

  it('refuses what a cross-site form can send: a text/plain body with the cookie and no token', async () => {
    const res = await cancelAll(
      { 'content-type': 'text/plain', cookie: session.cookie, origin: 'https://evil.example' },
      '{"name":"Maja","instruments":["guitar"]}',
    );
    expect(res.status).toBe(403);
    expect(await hub.db.selectFrom('musicians').select('id').execute()).toHaveLength(0);
  });
});

describe('session fixation', () => {
  it('never adopts a session id the client brings, and sign-out ends the session on the hub', async () => {
    const planted = 'planted-by-an-attacker';
    const signedIn = await signIn(app, hub.db);
    const res = await app.request('/api/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `${SESSION_COOKIE}=${planted}` },
      body: JSON.stringify({ email: 'nobody@example.dk', password: 'forkert' }),
    });
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
    const withPlanted = await app.request('/api/v1/session', {
      headers: { cookie: `${SESSION_COOKIE}=${planted}` },
    });
    expect(withPlanted.status).toBe(401);
    expect(signedIn.cookie).not.toContain(planted);

    await app.request('/api/v1/session', { method: 'DELETE', headers: signedIn.headers });
    const after = await app.request('/api/v1/session', { headers: signedIn.headers });
    expect(after.status).toBe(401);
  });
});

describe('replays', () => {
  it('answers the same nomination again with the original, and a changed one with 409', async () => {
    const nomination = aNomination();
    const send = (body: unknown) =>
      app.request('/api/v1/nominations', {
        method: 'POST',
        headers: withKey('pk_demo', 'http://127.0.0.1:3000'),
        body: JSON.stringify(body),
      });
    const first = await send(nomination);
    expect(first.status).toBe(201);
    const again = await send(nomination);
    expect(again.status).toBe(200);
    expect((await json(again)).reference).toBe((await json(first)).reference);
    const changed = await send({ ...nomination, host: { ...nomination.host, firstName: 'Ib' } });
    expect(changed.status).toBe(409);
    const rows = await hub.db
      .selectFrom('nominations')
      .select('id')
      .where('id', '=', nomination.id)
      .execute();
    expect(rows).toHaveLength(1);
  });
});

describe('nesting', () => {
  const deep = '['.repeat(5_000) + ']'.repeat(5_000);
  it.each(['/api/v1/session', '/api/v1/devices/enrol', '/api/v1/nominations'])(
    'answers deeply nested JSON on %s with a 4xx, and keeps answering',
    async (path) => {
      const res = await app.request(path, {
        method: 'POST',
        headers: withKey('pk_demo'),
        body: deep,
      });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect((await app.request('/api/health')).status).toBe(200);
    },
  );
});

describe('SQL injection', () => {
  const injections = [
    "' OR '1'='1",
    "x'; DROP TABLE nominations; --",
    '1 UNION SELECT * FROM coordinators --',
    '") OR ("1"="1',
  ];

  it.each(injections)('treats %j in query parameters as data, never as SQL', async (value) => {
    for (const query of ['status', 'partner', 'cursor', 'waitingDays']) {
      const res = await app.request(`/api/v1/nominations?${query}=${encodeURIComponent(value)}`, {
        headers: session.headers,
      });
      expect([200, 400]).toContain(res.status);
      if (res.status === 200) expect((await json(res)).items).toEqual([]);
    }
    const status = await app.request(`/api/v1/nominations/${encodeURIComponent(value)}/status`, {
      headers: withKey('pk_demo'),
    });
    expect([400, 404]).toContain(status.status);
    const login = await app.request('/api/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: value, password: value }),
    });
    expect(login.status).toBe(401);
    // Every table is still there and still answers.
    expect(await hub.db.selectFrom('coordinators').select('id').execute()).not.toHaveLength(0);
    expect((await app.request('/api/v1/nominations', { headers: session.headers })).status).toBe(
      200,
    );
  });
});

describe('path traversal', () => {
  it.each([
    '/console/../secret.txt',
    '/console/../../secret.txt',
    '/console/%2e%2e/%2e%2e/secret.txt',
    '/kiosk/..%2f..%2fsecret.txt',
    '/kiosk/%2e%2e%2f%2e%2e%2fsecret.txt',
    '/embed/..%5c..%5csecret.txt',
    '/embed/%252e%252e/%252e%252e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/%2e%2e/secret.txt',
    '/console/....//....//secret.txt',
    '/console/%c0%ae%c0%ae/secret.txt',
  ])('never serves a file outside the apps for %s', async (path) => {
    const res = await app.request(`http://127.0.0.1${path}`);
    expect(res.status).not.toBe(500);
    expect(await res.text()).not.toContain(SECRET);
  });
});
