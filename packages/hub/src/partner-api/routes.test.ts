import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { at, planner } from '../planning/fixtures.test-support.js';
import { aNomination, json, testHub, withKey } from '../helpers.test-support.js';
import { createKey } from '../partners/keys.js';

let hub: Awaited<ReturnType<typeof testHub>>;
let p: Awaited<ReturnType<typeof planner>>;
let secretKey: string;
let otherSecret: string;
let ownIds: string[];
let otherId: string;

const asPartner = (path: string, init: RequestInit = {}, key = secretKey) =>
  hub.app.request(path, { ...init, headers: { ...withKey(key), ...(init.headers ?? {}) } });

async function nominate(key: string) {
  const nomination = aNomination();
  const res = await hub.app.request('/api/v1/nominations', {
    method: 'POST',
    headers: withKey(key),
    body: JSON.stringify(nomination),
  });
  expect(res.status).toBe(201);
  return nomination.id;
}

beforeAll(async () => {
  hub = await testHub();
  p = await planner(hub);
  secretKey = (await createKey(hub.db, 'demo-partner', 'secret'))!.key;
  otherSecret = (await createKey(hub.db, 'other-partner', 'secret'))!.key;
  ownIds = [await nominate('pk_demo'), await nominate('pk_demo'), await nominate(secretKey)];
  otherId = await nominate('pk_other');
  await p.act(`/api/v1/nominations/${ownIds[0]}/review`);
});
afterAll(() => hub.db.destroy());

describe('a partner’s own nominations, with the secret key', () => {
  it('lists its own only, a page at a time, filtered by status', async () => {
    const first = await json(await asPartner('/api/v1/partner/nominations?limit=2'));
    expect(first.items.map((i: { id: string }) => i.id)).toEqual(ownIds.slice(0, 2));
    expect(first.items[0].nomination.host.firstName).toBe('Inger');
    const second = await json(
      await asPartner(`/api/v1/partner/nominations?limit=2&cursor=${first.nextCursor}`),
    );
    expect(second.items.map((i: { id: string }) => i.id)).toEqual(ownIds.slice(2));
    expect(second.nextCursor).toBeNull();
    const inReview = await json(await asPartner('/api/v1/partner/nominations?status=in-review'));
    expect(inReview.items.map((i: { id: string }) => i.id)).toEqual([ownIds[0]]);
    const other = await json(await asPartner('/api/v1/partner/nominations', {}, otherSecret));
    expect(other.items.map((i: { id: string }) => i.id)).toEqual([otherId]);
  });

  it('refuses a malformed filter or cursor with invalid_parameter', async () => {
    for (const query of ['status=lost', 'limit=0', 'cursor=nope', 'updatedSince=yesterday']) {
      const res = await asPartner(`/api/v1/partner/nominations?${query}`);
      expect(res.status, query).toBe(400);
      expect((await json(res)).error.code).toBe('invalid_parameter');
    }
  });

  it('reads one with its status history; another organisation’s is not found', async () => {
    const res = await asPartner(`/api/v1/partner/nominations/${ownIds[0]}`);
    expect(res.status).toBe(200);
    const detail = await json(res);
    expect(detail).toMatchObject({ id: ownIds[0], status: 'in-review' });
    expect(detail.history).toEqual([
      { at: expect.any(String), action: 'received' },
      { at: expect.any(String), action: 'review', from: 'received', to: 'in-review' },
    ]);
    expect(JSON.stringify(detail.history)).not.toContain('coordinator');
    const foreign = await asPartner(`/api/v1/partner/nominations/${otherId}`);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).not.toMatch(/Inger|Bent/);
    expect((await asPartner('/api/v1/partner/nominations/not-an-id')).status).toBe(400);
  });

  it('is refused from a browser, even from an allowed origin, and a secret key cannot nominate from one', async () => {
    const res = await asPartner('/api/v1/partner/nominations', {
      headers: { origin: 'http://127.0.0.1:3000' },
    });
    expect(res.status).toBe(403);
    expect((await json(res)).error.code).toBe('secret_key_in_browser');
    const nominate = await hub.app.request('/api/v1/nominations', {
      method: 'POST',
      headers: withKey(secretKey, 'http://127.0.0.1:3000'),
      body: JSON.stringify(aNomination()),
    });
    expect(nominate.status).toBe(403);
    expect((await json(nominate)).error.code).toBe('secret_key_in_browser');
    // No CORS answer either: a browser would not even send it.
    const preflight = await hub.app.request('/api/v1/partner/nominations', {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:3000', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('is not open to a publishable key, which never sees personal data', async () => {
    const res = await asPartner('/api/v1/partner/nominations', {}, 'pk_demo');
    expect(res.status).toBe(403);
    const body = await res.text();
    expect(JSON.parse(body).error.code).toBe('secret_key_required');
    expect(body).not.toMatch(/Inger|Bent|20304050/);
  });
});

describe('partner keys, for coordinators', () => {
  it('lists partners with their keys: kind, prefix and dates, never a key or its hash', async () => {
    const res = await p.get('/api/v1/partners');
    expect(res.status).toBe(200);
    const text = await res.text();
    const { items } = JSON.parse(text);
    const demo = items.find((x: { id: string }) => x.id === 'demo-partner');
    // The demo's own pk_demo and sk_demo, then the one this file made.
    expect(demo.keys.map((k: { kind: string }) => k.kind)).toEqual([
      'publishable',
      'secret',
      'secret',
    ]);
    expect(demo.keys[2]).toEqual({
      id: expect.any(String),
      kind: 'secret',
      prefix: secretKey.slice(0, 11),
      createdAt: expect.any(String),
      revokedAt: null,
    });
    expect(text).not.toContain(secretKey);
    const hashes = await hub.db.selectFrom('partner_keys').select('key_hash').execute();
    for (const { key_hash } of hashes) expect(text).not.toContain(key_hash);
  });

  it('makes a secret key that works at once, and a revoked key is refused at once', async () => {
    const res = await p.send('POST', '/api/v1/partners/other-partner/keys', { kind: 'secret' });
    expect(res.status).toBe(201);
    const made = await json(res);
    expect(made.key).toMatch(/^sk_[\w-]{43}$/);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const use = () => asPartner('/api/v1/partner/nominations', {}, made.key);
    expect((await use()).status).toBe(200);

    const revoke = await p.send('POST', `/api/v1/partners/other-partner/keys/${made.id}/revoke`);
    expect(revoke.status).toBe(200);
    expect((await json(revoke)).revokedAt).toEqual(expect.any(String));
    expect((await use()).status).toBe(401);
    // Another partner's key cannot be revoked through this partner.
    const cross = await p.send('POST', `/api/v1/partners/demo-partner/keys/${made.id}/revoke`);
    expect(cross.status).toBe(404);
    const history = await hub.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity', '=', 'partner')
      .where('entity_id', '=', 'other-partner')
      .execute();
    expect(history.map((h) => h.action)).toEqual(['key-created', 'key-revoked']);
  });

  it('refuses an unknown kind or partner', async () => {
    const bad = await p.send('POST', '/api/v1/partners/demo-partner/keys', { kind: 'master' });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.issues[0]).toMatchObject({
      path: 'kind',
      code: 'invalid_choice',
    });
    const none = await p.send('POST', '/api/v1/partners/nobody/keys', { kind: 'secret' });
    expect(none.status).toBe(404);
  });
});

describe('webhook endpoints', () => {
  it('registers an endpoint and shows its secret once', async () => {
    const res = await asPartner('/api/v1/partner/webhooks', {
      method: 'POST',
      body: JSON.stringify({
        url: 'https://api.besoeg.example/stue',
        events: ['booking.confirmed'],
        description: 'Vores CRM',
      }),
    });
    expect(res.status).toBe(201);
    const created = await json(res);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const list = await json(await asPartner('/api/v1/partner/webhooks'));
    expect(list.items).toEqual([
      {
        id: created.id,
        url: 'https://api.besoeg.example/stue',
        events: ['booking.confirmed'],
        description: 'Vores CRM',
        createdAt: expect.any(String),
        disabledAt: null,
      },
    ]);
    const forCoordinators = await p.get('/api/v1/webhooks?partner=demo-partner');
    const text = await forCoordinators.text();
    expect(JSON.parse(text).items.map((e: { id: string }) => e.id)).toContain(created.id);
    expect(text).not.toContain(created.secret);
    // Another organisation neither sees nor removes it.
    const others = await json(await asPartner('/api/v1/partner/webhooks', {}, otherSecret));
    expect(others.items).toEqual([]);
    const cross = await asPartner(
      `/api/v1/partner/webhooks/${created.id}`,
      { method: 'DELETE' },
      otherSecret,
    );
    expect(cross.status).toBe(404);
    const gone = await asPartner(`/api/v1/partner/webhooks/${created.id}`, { method: 'DELETE' });
    expect(gone.status).toBe(204);
    const again = await asPartner(`/api/v1/partner/webhooks/${created.id}`, { method: 'DELETE' });
    expect(again.status).toBe(404);
  });

  it.each([
    ['http://api.besoeg.example/stue', 'invalid_webhook_url'],
    ['https://192.168.1.20/stue', 'webhook_private_address'],
    ['https://[fd00::2]/stue', 'webhook_private_address'],
  ])('refuses %s (%s), in Danish by default and English on request', async (url, code) => {
    const send = (lang?: string) =>
      asPartner('/api/v1/partner/webhooks', {
        method: 'POST',
        headers: lang ? { 'accept-language': lang } : {},
        body: JSON.stringify({ url, events: ['booking.confirmed'] }),
      });
    const da = await json(await send());
    expect(da.error.issues).toEqual([{ path: 'url', code, message: expect.any(String) }]);
    const en = await json(await send('en'));
    expect(en.error.issues[0].message).not.toBe(da.error.issues[0].message);
    expect(en.error.issues[0].message).toMatch(/address/);
  });

  // RELIABILITY.md S15: the same private address in every spelling the URL parser accepts.
  it.each([
    'https://167772161/stue',
    'https://0xa.0.0.1/stue',
    'https://012.0.0.1/stue',
    'https://10.1/stue',
    'https://[::ffff:10.0.0.1]/stue',
    'https://[::a00:1]/stue',
    'https://[64:ff9b::a00:1]/stue',
    'https://[64:ff9b::169.254.169.254]/stue',
    'https://[2002:a00:1::]/stue',
    'https://[2001::1]/stue',
  ])('refuses %s as a private address and stores nothing', async (url) => {
    const before = await hub.db.selectFrom('webhook_endpoints').selectAll().execute();
    const res = await asPartner('/api/v1/partner/webhooks', {
      method: 'POST',
      body: JSON.stringify({ url, events: ['booking.confirmed'] }),
    });
    expect(res.status).toBe(400);
    expect((await json(res)).error.issues).toEqual([
      { path: 'url', code: 'webhook_private_address', message: expect.stringMatching(/privat/) },
    ]);
    expect(await hub.db.selectFrom('webhook_endpoints').selectAll().execute()).toEqual(before);
  });

  it('stops at ten active endpoints per partner', async () => {
    const register = () =>
      asPartner(
        '/api/v1/partner/webhooks',
        {
          method: 'POST',
          body: JSON.stringify({
            url: 'https://api.kommune.example/x',
            events: ['booking.cancelled'],
          }),
        },
        otherSecret,
      );
    for (let i = 0; i < 10; i += 1) expect((await register()).status).toBe(201);
    const refused = await register();
    expect(refused.status).toBe(409);
    expect((await json(refused)).error.code).toBe('webhook_limit_reached');
  });
});

describe('events go into the outbox with the change, and only then', () => {
  it('queues status changes, confirmation and cancellation for subscribed endpoints only', async () => {
    const all = await json(
      await asPartner('/api/v1/partner/webhooks', {
        method: 'POST',
        body: JSON.stringify({
          url: 'https://api.besoeg.example/all',
          events: ['nomination.status_changed', 'booking.confirmed', 'booking.cancelled'],
        }),
      }),
    );
    const day = await p.tourDay();
    const booking = await p.booking(day.id, at('10:00'));
    await p.act(`/api/v1/bookings/${booking.id}/confirm`);
    await p.act(`/api/v1/nominations/${booking.nominationId}/withdraw`, { reason: 'Flyttet' });

    const log = await json(
      await asPartner(`/api/v1/partner/webhooks/deliveries?endpoint=${all.id}`),
    );
    const events = log.items
      .map((d: { payload: { type: string; data: { to?: string; status?: string } } }) => [
        d.payload.type,
        d.payload.data.to ?? d.payload.data.status,
      ])
      .reverse();
    expect(events).toEqual([
      ['nomination.status_changed', 'in-review'],
      ['nomination.status_changed', 'accepted'],
      ['nomination.status_changed', 'booked'],
      ['booking.confirmed', 'confirmed'],
      ['nomination.status_changed', 'withdrawn'],
      ['booking.cancelled', 'cancelled'],
    ]);
    const text = JSON.stringify(log);
    expect(text).not.toMatch(/Inger|Bent|20304050|Flyttet/);
    expect(log.items[0]).toMatchObject({ status: 'pending', attemptCount: 0, attempts: [] });
    expect(log.items[0]).not.toHaveProperty('partnerId');

    // A refused move writes no event: the booking is cancelled, so confirming it is refused.
    const before = await hub.db.selectFrom('webhook_deliveries').select('id').execute();
    const again = await p.send('POST', `/api/v1/bookings/${booking.id}/confirm`);
    expect(again.status).toBe(409);
    const after = await hub.db.selectFrom('webhook_deliveries').select('id').execute();
    expect(after).toHaveLength(before.length);
    // The other partner's log does not show them.
    const others = await json(
      await asPartner('/api/v1/partner/webhooks/deliveries', {}, otherSecret),
    );
    expect(others.items).toEqual([]);
  });
});

describe('GET /api/v1/nominations/{id}, for coordinators', () => {
  it('answers the record with its history and the moves it allows now', async () => {
    const res = await p.get(`/api/v1/nominations/${ownIds[0]}`);
    expect(res.status).toBe(200);
    const item = await json(res);
    expect(item).toMatchObject({
      id: ownIds[0],
      status: 'in-review',
      partner: { id: 'demo-partner', name: 'Demo Besøgstjeneste' },
      nomination: { host: { firstName: 'Inger' } },
    });
    expect(item.history.map((h: { action: string }) => h.action)).toEqual(['received', 'review']);
    expect(item.history[1].actor).toMatch(/^coordinator:/);
    expect(item.allowedActions.map((a: { action: string }) => a.action)).toEqual(
      expect.arrayContaining(['accept', 'decline']),
    );
    expect((await p.get('/api/v1/nominations/01890000-0000-7000-8000-000000000000')).status).toBe(
      404,
    );
    expect((await p.get('/api/v1/nominations/x')).status).toBe(400);
  });
});
