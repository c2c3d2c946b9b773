import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { json, signIn, testHub } from '../helpers.test-support.js';
import { createCoordinator } from './coordinators.js';
import {
  PasswordHasher,
  passwordHasher,
  replacePasswordHasher,
  verifyPassword,
} from './passwords.js';
import { DEVICE_COOKIE } from './routes.js';

let hub: Awaited<ReturnType<typeof testHub>>;
beforeEach(async () => {
  hub = await testHub();
  await createCoordinator(hub.db, {
    email: 'Mette@Example.dk',
    name: 'Mette',
    password: 'korrekt hest batteri',
  });
});
afterEach(() => hub.db.destroy());

const login = (email: string, password: string, app = hub.app) =>
  app.request('/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });

describe('coordinator sign-in', () => {
  it('sets an HttpOnly, Secure, SameSite=Strict session cookie and returns a CSRF token', async () => {
    const res = await login(' mette@example.dk ', 'korrekt hest batteri');
    expect(res.status).toBe(200);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^stue_session=[\w-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const body = await json(res);
    expect(body.coordinator).toEqual({
      id: expect.any(String),
      email: 'mette@example.dk',
      name: 'Mette',
    });
    expect(body.csrfToken).toMatch(/^[\w-]{43}$/);
  });

  it('answers a wrong password and an unknown e-mail alike: 401 invalid_credentials', async () => {
    for (const [email, password] of [
      ['mette@example.dk', 'forkert'],
      ['nobody@example.dk', 'korrekt hest batteri'],
    ]) {
      const res = await login(email!, password!);
      expect(res.status).toBe(401);
      expect(await json(res)).toMatchObject({ error: { code: 'invalid_credentials' } });
      expect(res.headers.get('set-cookie')).toBeNull();
    }
  });

  it('400 with issues for a malformed body', async () => {
    const res = await hub.app.request('/api/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: '', role: 'admin' }),
    });
    expect(res.status).toBe(400);
    const paths = (await json(res)).error.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'password', 'role']));
  });

  it('limits sign-in attempts per address: 429 with Retry-After', async () => {
    const app = createApp({ db: hub.db });
    const statuses = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await login('mette@example.dk', 'gæt', app)).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
    // Ten scrypt checks take seconds on a busy machine.
  }, 30_000);

  it('stores the password as a salted scrypt hash', async () => {
    const row = await hub.db
      .selectFrom('coordinators')
      .select('password_hash')
      .where('email', '=', 'mette@example.dk')
      .executeTakeFirstOrThrow();
    // At the cost of the process's hasher (lowered for tests; passwords.test.ts checks production's).
    const { N, r, p } = passwordHasher().cost;
    expect(row.password_hash.startsWith(`scrypt$${N}$${r}$${p}$`)).toBe(true);
    expect(row.password_hash).not.toContain('korrekt');
    expect(await verifyPassword('korrekt hest batteri', row.password_hash)).toBe(true);
    expect(await verifyPassword('korrekt hest batteri ', row.password_hash)).toBe(false);
  });
});

describe('the session', () => {
  it('GET tells who is signed in; DELETE signs out and the cookie stops working', async () => {
    const { headers, cookie } = await signIn(hub.app, hub.db);
    const me = await hub.app.request('/api/v1/session', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect((await json(me)).coordinator.name).toBe('Mette Koordinator');

    const out = await hub.app.request('/api/v1/session', { method: 'DELETE', headers });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/stue_session=;.*Max-Age=0/);
    expect((await hub.app.request('/api/v1/session', { headers: { cookie } })).status).toBe(401);
  });

  it('refuses a write without the CSRF token (403 csrf_failed), even with the cookie', async () => {
    const { cookie } = await signIn(hub.app, hub.db);
    for (const token of [undefined, 'wrong']) {
      const res = await hub.app.request('/api/v1/session', {
        method: 'DELETE',
        headers: { cookie, ...(token ? { 'x-csrf-token': token } : {}) },
      });
      expect(res.status).toBe(403);
      expect(await json(res)).toMatchObject({ error: { code: 'csrf_failed' } });
    }
  });

  it('401 without a cookie, with a made-up cookie, and after the session expired', async () => {
    expect((await hub.app.request('/api/v1/session')).status).toBe(401);
    const fake = { cookie: 'stue_session=abc' };
    expect((await hub.app.request('/api/v1/session', { headers: fake })).status).toBe(401);
    const { cookie } = await signIn(hub.app, hub.db);
    await hub.db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    expect((await hub.app.request('/api/v1/session', { headers: { cookie } })).status).toBe(401);
  });

  it('stores only a hash of the session token', async () => {
    const { cookie } = await signIn(hub.app, hub.db);
    const rows = await hub.db.selectFrom('sessions').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(cookie.split('=')[1]);
  });
});

describe('sign-in under attack', () => {
  const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });
  const attempt = (
    app: ReturnType<typeof createApp>,
    address: string,
    password: string,
    cookie?: string,
  ) =>
    app.request(
      '/api/v1/session',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ email: 'mette@example.dk', password }),
      },
      from(address),
    );
  const deviceCookie = (res: Response) =>
    res.headers
      .getSetCookie()
      .find((c) => c.startsWith(`${DEVICE_COOKIE}=`))!
      .split(';')[0]!;

  it('a signed-in browser gets an HttpOnly, Secure, SameSite=Strict device cookie for sign-in only', async () => {
    const res = await attempt(createApp({ db: hub.db }), '192.0.2.10', 'korrekt hest batteri');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/v1\/session/);
  });

  it("an attacker's 100 wrong tries from one address never keep the coordinator out", async () => {
    const app = createApp({ db: hub.db });
    const earlier = await attempt(app, '192.0.2.10', 'korrekt hest batteri');
    const cookie = deviceCookie(earlier);
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++)
      statuses.push((await attempt(app, '203.0.113.66', `gæt ${i}`)).status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(10);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(90);
    // At once: from another address, and with the device cookie from the usual one.
    expect((await attempt(app, '198.51.100.20', 'korrekt hest batteri')).status).toBe(200);
    expect((await attempt(app, '192.0.2.10', 'korrekt hest batteri', cookie)).status).toBe(200);
  }, 30_000);

  it('wrong tries from many addresses slow the account by at most 30 s, and never its own browser', async () => {
    const app = createApp({ db: hub.db });
    const cookie = deviceCookie(await attempt(app, '192.0.2.10', 'korrekt hest batteri'));
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      statuses.push((await attempt(app, `203.0.113.${i}`, `gæt ${i}`)).status);
    }
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    // A new browser waits a moment (Retry-After, at most 30 s); the coordinator's goes through.
    const stranger = await attempt(app, '198.51.100.20', 'korrekt hest batteri');
    expect(stranger.status).toBe(429);
    expect(Number(stranger.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(stranger.headers.get('retry-after'))).toBeLessThanOrEqual(30);
    expect((await attempt(app, '198.51.100.21', 'korrekt hest batteri', cookie)).status).toBe(200);
  }, 30_000);

  it('a refused try is told to wait a second, not fifteen minutes', async () => {
    const app = createApp({ db: hub.db });
    for (let i = 0; i < 10; i++) expect((await attempt(app, '192.0.2.1', 'gæt')).status).toBe(401);
    const refused = await attempt(app, '192.0.2.1', 'gæt');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await json(refused)).toMatchObject({ error: { code: 'rate_limited' } });
  });

  it("while strangers' tries fill the password pool, the coordinator's own browser still signs in", async () => {
    const app = createApp({ db: hub.db });
    const cookie = deviceCookie(await attempt(app, '192.0.2.10', 'korrekt hest batteri'));
    const busy = new PasswordHasher({ cost: { N: 2 ** 16, r: 8, p: 1 }, threads: 1, maxQueue: 1 });
    const previous = replacePasswordHasher(busy);
    try {
      const stored = await busy.hash('x');
      const filling = [busy.verify('x', stored), busy.verify('x', stored)];
      expect((await attempt(app, '198.51.100.20', 'korrekt hest batteri')).status).toBe(429);
      expect((await attempt(app, '192.0.2.10', 'korrekt hest batteri', cookie)).status).toBe(200);
      await Promise.all(filling);
    } finally {
      replacePasswordHasher(previous);
      await busy.close();
    }
  });

  it('429 with Retry-After, before hashing, while every hashing thread is busy and the queue is full', async () => {
    const busy = new PasswordHasher({ cost: { N: 2 ** 16, r: 8, p: 1 }, threads: 1, maxQueue: 1 });
    const previous = replacePasswordHasher(busy);
    try {
      const stored = await busy.hash('x');
      const filling = [busy.verify('x', stored), busy.verify('x', stored)];
      const res = await login('mette@example.dk', 'korrekt hest batteri');
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(await json(res)).toMatchObject({ error: { code: 'rate_limited' } });
      await Promise.all(filling);
      expect((await login('mette@example.dk', 'korrekt hest batteri')).status).toBe(200);
    } finally {
      replacePasswordHasher(previous);
      await busy.close();
    }
  });
});
