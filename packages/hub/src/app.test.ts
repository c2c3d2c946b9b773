import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { openDatabase, type HubDatabase } from './db/database.js';
import type { LogEntry } from './http/log.js';
import type { StaticRoots } from './http/static-apps.js';
import { seedDemo } from './partners/partners.js';
import { ephemeralHubKey, type HubKey } from './devices/hub-key.js';
import { MAX_SIGN_IN_BYTES } from './accounts/routes.js';
import { MAX_ENROL_BYTES } from './devices/routes.js';
import { aNomination, withKey, json } from './helpers.test-support.js';

let root: string;
let db: HubDatabase;
let roots: StaticRoots;
let hubKey: HubKey;
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
  writeFileSync(join(roots.embed, 'integrity.json'), '{"stue-embed.js":"sha384-test"}');
  mkdirSync(join(roots.embed, 'chunks'));
  writeFileSync(join(roots.embed, 'chunks', 'nomination-form.journey-AbCd1234.js'), 'export {};');
  writeFileSync(join(roots.demo, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(join(roots.kiosk, 'assets', 'index-AbCd1234.js'), 'export {};');
  db = await openDatabase(':memory:');
  await seedDemo(db);
  hubKey = await ephemeralHubKey();
});
afterAll(async () => {
  await db.destroy();
  rmSync(root, { recursive: true, force: true });
});

const app = () => createApp({ db, staticRoots: roots, hubKey, log: (entry) => logged.push(entry) });

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

  it("serves the demo partner page's icon, which the page names", async () => {
    const res = await app().request('/favicon.svg');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    const page = readFileSync(new URL('../public/index.html', import.meta.url), 'utf8');
    expect(page).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml" />');
    expect(readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8')).toMatch(
      /^<svg /,
    );
  });

  it('serves the embed script as JavaScript that any origin may load as a module', async () => {
    const res = await app().request('/embed/stue-embed.js', {
      headers: { origin: 'https://besoeg.example' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('serves the same embed script at /embed/v1/, with its integrity hashes', async () => {
    const unversioned = await app().request('/embed/stue-embed.js');
    const versioned = await app().request('/embed/v1/stue-embed.js', {
      headers: { origin: 'https://besoeg.example' },
    });
    expect(versioned.status).toBe(200);
    expect(versioned.headers.get('access-control-allow-origin')).toBe('*');
    expect(versioned.headers.get('cache-control')).toBe('no-cache');
    expect(await versioned.text()).toBe(await unversioned.text());
    const hashes = await app().request('/embed/v1/integrity.json');
    expect(await json(hashes)).toEqual({ 'stue-embed.js': 'sha384-test' });
    expect((await app().request('/embed/v2/stue-embed.js')).status).toBe(404);
  });

  it('marks hashed assets immutable', async () => {
    const res = await app().request('/kiosk/assets/index-AbCd1234.js');
    expect(res.headers.get('cache-control')).toMatch(/immutable/);
  });

  it("serves the embed's chunks beside it, to any origin, as immutable", async () => {
    for (const prefix of ['/embed', '/embed/v1']) {
      const res = await app().request(`${prefix}/chunks/nomination-form.journey-AbCd1234.js`, {
        headers: { origin: 'https://besoeg.example' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/javascript/);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('cache-control')).toMatch(/immutable/);
    }
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

/** A POST whose `Content-Length` says `bytes`, with a body of that size. */
const postOf = (hub: ReturnType<typeof app>, path: string, bytes: number, headers = {}) =>
  hub.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(bytes), ...headers },
    body: 'x'.repeat(bytes),
  });

describe('body limits, before anything else', () => {
  it.each([
    ['/api/v1/session', MAX_SIGN_IN_BYTES],
    ['/api/v1/devices/enrol', MAX_ENROL_BYTES],
  ])('refuses a body over the limit of the anonymous %s with 413', async (path, limit) => {
    const res = await postOf(app(), path, limit + 1);
    expect(res.status).toBe(413);
    expect(await json(res)).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('lets the largest sign-in and enrolment bodies through, escaped as some clients send them', async () => {
    // Every letter outside ASCII \u-escaped (Python's json.dumps does so by default): six bytes.
    const escaped = (value: unknown) =>
      JSON.stringify(value).replace(
        /[^ -~]/g,
        (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`,
      );
    const signIn = escaped({ email: `${'ø'.repeat(240)}@eksempel.dk`, password: 'æ'.repeat(1024) });
    const enrol = escaped({ code: 'Å'.repeat(20), name: 'ø'.repeat(60) });
    expect(signIn.length).toBeLessThanOrEqual(MAX_SIGN_IN_BYTES);
    expect(enrol.length).toBeLessThanOrEqual(MAX_ENROL_BYTES);
    const hub = app();
    const headers = { 'content-type': 'application/json' };
    const session = await hub.request('/api/v1/session', { method: 'POST', headers, body: signIn });
    expect(session.status).not.toBe(413);
    const device = await hub.request('/api/v1/devices/enrol', {
      method: 'POST',
      headers,
      body: enrol,
    });
    expect(device.status).not.toBe(413);
  });

  it('runs before authentication: an oversized body without a session is 413, not 401', async () => {
    const res = await postOf(app(), '/api/v1/musicians', 64 * 1024);
    expect(res.status).toBe(413);
  });

  it('runs before the rate limit: an oversized sign-in is 413 even when the address has none left', async () => {
    const hub = app();
    let status = 0;
    // Wrong passwords until the sign-in throttle makes this address wait.
    for (let i = 0; i < 100 && status !== 429; i++) {
      const res = await hub.request('/api/v1/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'mette@example.dk', password: 'forkert' }),
      });
      status = res.status;
    }
    expect(status).toBe(429);
    expect((await postOf(hub, '/api/v1/session', MAX_SIGN_IN_BYTES + 1)).status).toBe(413);
  });

  it('logs a refused body under its route pattern, with no value from the path', async () => {
    logged.length = 0;
    await postOf(app(), '/api/v1/session', MAX_SIGN_IN_BYTES + 1);
    await postOf(
      app(),
      '/api/v1/nominations/0190d6b1-5c8e-7000-8000-000000000001/notes',
      64 * 1024,
    );
    expect(logged).toEqual([
      expect.objectContaining({ route: '/api/v1/session', status: 413 }),
      expect.objectContaining({ route: '/api/v1/nominations/:id/notes', status: 413 }),
    ]);
  });

  it('gives every other API route a default limit, and pages none', async () => {
    expect((await postOf(app(), '/api/v1/nothing', 1024)).status).toBe(404);
    expect((await postOf(app(), '/api/v1/nothing', 64 * 1024)).status).toBe(413);
    expect((await postOf(app(), '/console/', 1)).status).toBe(413);
  });
});

/** A response's Content-Security-Policy as directive → value. */
function policyOf(res: Response): Record<string, string> {
  const header = res.headers.get('content-security-policy') ?? '';
  return Object.fromEntries(
    header
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...values]) => [name, values.join(' ')]),
  );
}

describe('security headers on everything the hub serves (S16)', () => {
  it.each(['/console/', '/kiosk/', '/'])(
    '%s has a strict policy: scripts and styles from the hub only, Trusted Types, never framed',
    async (path) => {
      const res = await app().request(path);
      expect(res.status).toBe(200);
      const policy = policyOf(res);
      expect(policy).toMatchObject({
        'default-src': "'self'",
        'script-src': "'self'",
        'style-src': "'self'",
        'object-src': "'none'",
        'base-uri': "'none'",
        'frame-ancestors': "'none'",
        'require-trusted-types-for': "'script'",
      });
      expect(res.headers.get('content-security-policy')).not.toMatch(/unsafe|data:|\*/);
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    },
  );

  it('allows the camera to the kiosk only (QR enrolment)', async () => {
    const camera = async (path: string) =>
      /(?:^|, )camera=([^,]*)/.exec(
        (await app().request(path)).headers.get('permissions-policy') ?? '',
      )?.[1];
    expect(await camera('/kiosk/')).toBe('(self)');
    for (const path of ['/console/', '/', '/embed/stue-embed.js', '/api/health']) {
      expect(await camera(path), path).toBe('()');
    }
  });

  it.each(['/api/health', '/api/v1/nothing', '/embed/stue-embed.js'])(
    '%s, which is no page, may load nothing and be framed by nothing',
    async (path) => {
      const res = await app().request(path);
      expect(policyOf(res)).toEqual({ 'default-src': "'none'", 'frame-ancestors': "'none'" });
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
    },
  );

  it('sends the headers with a refused body too', async () => {
    const res = await postOf(app(), '/api/v1/session', MAX_SIGN_IN_BYTES + 1);
    expect(res.status).toBe(413);
    expect(policyOf(res)['default-src']).toBe("'none'");
  });
});
