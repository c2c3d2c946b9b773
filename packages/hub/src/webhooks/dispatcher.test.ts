import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createKey } from '../partners/keys.js';
import { aNomination, json, signIn, testHub, withKey } from '../helpers.test-support.js';
import {
  guardedLookup,
  retryDelay,
  startWebhookDispatcher,
  type Resolve,
  type WebhookDispatcher,
} from './dispatcher.js';

interface Received {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A receiver on 127.0.0.1 that answers each request with the next scripted status. */
async function receiver(script: (number | 'hang')[]) {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const next = script.length > 1 ? script.shift()! : script[0]!;
      if (next === 'hang') return;
      res.writeHead(next).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/stue-events`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

let hub: Awaited<ReturnType<typeof testHub>>;
let session: Awaited<ReturnType<typeof signIn>>;
let secretKey: string;
let dispatcher: WebhookDispatcher | undefined;
let closeReceiver: (() => Promise<void>) | undefined;

// One hub for the file (signing in is slow by design); each test registers its own endpoint and
// reads that endpoint's deliveries only.
beforeAll(async () => {
  hub = await testHub();
  session = await signIn(hub.app, hub.db);
  secretKey = (await createKey(hub.db, 'demo-partner', 'secret'))!.key;
});
afterEach(async () => {
  await dispatcher?.stop();
  await closeReceiver?.();
  dispatcher = undefined;
  closeReceiver = undefined;
  // Earlier tests' endpoints receive nothing more.
  await hub.db
    .updateTable('webhook_endpoints')
    .set({ disabled_at: new Date().toISOString() })
    .execute();
});
afterAll(() => hub.db.destroy());

async function register(url: string, events = ['nomination.status_changed']) {
  const res = await hub.app.request('/api/v1/partner/webhooks', {
    method: 'POST',
    headers: withKey(secretKey),
    body: JSON.stringify({ url, events }),
  });
  expect(res.status).toBe(201);
  return json(res) as Promise<{ id: string; secret: string }>;
}

async function reviewANomination() {
  const nomination = aNomination();
  await hub.app.request('/api/v1/nominations', {
    method: 'POST',
    headers: withKey('pk_demo'),
    body: JSON.stringify(nomination),
  });
  const res = await hub.app.request(`/api/v1/nominations/${nomination.id}/review`, {
    method: 'POST',
    headers: session.headers,
  });
  expect(res.status).toBe(200);
  return nomination.id;
}

const fast = { pollMs: 10, baseDelayMs: 20, maxDelayMs: 40, timeoutMs: 300, random: () => 0.5 };

async function until<T>(check: () => Promise<T | undefined>, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const deliveries = async (endpoint: string) =>
  (
    await json(
      await hub.app.request(`/api/v1/webhooks/deliveries?endpoint=${endpoint}`, {
        headers: session.headers,
      }),
    )
  ).items as {
    id: string;
    status: string;
    nextAttemptAt: string | null;
    attempts: { attempt: number; statusCode: number | null; error: string | null }[];
  }[];

// The endpoint's deliveries, once the first one listed has the given status.
const deliveriesOnceFirstIs = (endpoint: string, status: 'delivered' | 'failed') =>
  until(async () => {
    const items = await deliveries(endpoint);
    return items[0]?.status === status ? items : undefined;
  });

// A receiver that is closed after the test.
async function listening(script: (number | 'hang')[]) {
  const target = await receiver(script);
  closeReceiver = target.close;
  return target;
}

describe('webhook dispatcher', () => {
  it('signs so that a Standard Webhooks verifier accepts it, retries a failure, then delivers', async () => {
    const target = await listening([503, 200]);
    const endpoint = await register(target.url);
    const nominationId = await reviewANomination();
    dispatcher = startWebhookDispatcher(hub.db, fast);

    const [delivery] = await deliveriesOnceFirstIs(endpoint.id, 'delivered');
    expect(delivery!.attempts.map((a) => [a.attempt, a.statusCode, a.error])).toEqual([
      [1, 503, 'http_status'],
      [2, 200, null],
    ]);
    expect(delivery!.nextAttemptAt).toBeNull();

    expect(target.received).toHaveLength(2);
    const verifier = new Webhook(endpoint.secret);
    for (const { headers, body } of target.received) {
      const event = verifier.verify(body, headers as Record<string, string>);
      expect(event).toEqual({
        type: 'nomination.status_changed',
        timestamp: expect.any(String),
        data: {
          nominationId,
          reference: expect.stringMatching(/^STUE-/),
          from: 'received',
          to: 'in-review',
          changedAt: expect.any(String),
        },
      });
      // The same message id on every attempt, so the receiver can drop a repeat.
      expect(headers['webhook-id']).toBe(delivery!.id);
      // Nothing about the people in it.
      expect(body).not.toMatch(/Inger|Bent|20304050/);
    }
    // A wrong secret is refused by the independent verifier.
    const wrong = new Webhook(Buffer.from('another secret entirely').toString('base64'));
    const first = target.received[0]!;
    expect(() => wrong.verify(first.body, first.headers as Record<string, string>)).toThrow();
  });

  it('gives up after the last attempt and says so in the log', async () => {
    const target = await listening([500]);
    const endpoint = await register(target.url);
    await reviewANomination();
    dispatcher = startWebhookDispatcher(hub.db, { ...fast, maxAttempts: 3 });

    const [delivery] = await deliveriesOnceFirstIs(endpoint.id, 'failed');
    expect(delivery!.attempts.map((a) => a.statusCode)).toEqual([500, 500, 500]);
    expect(delivery!.nextAttemptAt).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(target.received).toHaveLength(3);
  });

  it('cuts an attempt off at the timeout and records it', async () => {
    const target = await listening(['hang', 200]);
    const endpoint = await register(target.url);
    await reviewANomination();
    dispatcher = startWebhookDispatcher(hub.db, { ...fast, timeoutMs: 100 });

    const [delivery] = await deliveriesOnceFirstIs(endpoint.id, 'delivered');
    expect(delivery!.attempts.map((a) => [a.statusCode, a.error])).toEqual([
      [null, 'timeout'],
      [200, null],
    ]);
  });

  it('never calls an address in a private network', async () => {
    const endpoint = await register('https://192.0.2.1/unused');
    // Written past the API's check, as an older hub might have stored it.
    await hub.db
      .updateTable('webhook_endpoints')
      .set({ url: 'https://10.0.0.1/hook' })
      .where('id', '=', endpoint.id)
      .execute();
    await reviewANomination();
    dispatcher = startWebhookDispatcher(hub.db, { ...fast, maxAttempts: 1 });
    const [delivery] = await deliveriesOnceFirstIs(endpoint.id, 'failed');
    expect(delivery!.attempts[0]).toMatchObject({ statusCode: null, error: 'blocked_address' });
  });

  it('never follows a name that resolves into a private network or back to this machine', async () => {
    const target = await listening([200]);
    const port = new URL(target.url).port;
    const endpoint = await register(`https://hooks.besoeg.example:${port}/stue-events`);
    // The name points at the receiver on loopback: a rebinding attack's second answer.
    const resolve: Resolve = (_host, _options, callback) =>
      callback(null, [{ address: '127.0.0.1', family: 4 }]);
    await reviewANomination();
    dispatcher = startWebhookDispatcher(hub.db, { ...fast, maxAttempts: 1, resolve });
    const [delivery] = await deliveriesOnceFirstIs(endpoint.id, 'failed');
    expect(delivery!.attempts[0]).toMatchObject({ statusCode: null, error: 'blocked_address' });
    expect(target.received).toHaveLength(0);
  });

  // RELIABILITY.md S15: the answer is checked at send time in every IPv6 spelling of an IPv4
  // address inside. The first one, written out in full, leads to the receiver on 127.0.0.1.
  it.each([
    '0:0:0:0:0:ffff:7f00:1',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    '64:ff9b::a9fe:a9fe',
    '::a00:1',
    '2002:a00:1::1',
    '2001:0:4136:e378:8000:63bf:3fff:fdd2',
  ])('fails the attempt as blocked_address when the name resolves to %s', async (address) => {
    const target = await listening([200]);
    const port = new URL(target.url).port;
    const endpoint = await register(`https://hooks.besoeg.example:${port}/stue-events`);
    const resolve: Resolve = (_host, _options, callback) =>
      callback(null, [{ address, family: 6 }]);
    await reviewANomination();
    dispatcher = startWebhookDispatcher(hub.db, { ...fast, maxAttempts: 1, resolve });
    const [delivery] = await deliveriesOnceFirstIs(endpoint.id, 'failed');
    expect(delivery!.attempts[0]).toMatchObject({ statusCode: null, error: 'blocked_address' });
    expect(target.received).toHaveLength(0);
  });

  it('stops cleanly with an attempt in flight, leaving no sockets or timers behind', async () => {
    const baseline = process.getActiveResourcesInfo();
    const count = (list: string[], kind: string) => list.filter((r) => r === kind).length;
    const target = await receiver(['hang']);
    const endpoint = await register(target.url);
    await reviewANomination();
    dispatcher = startWebhookDispatcher(hub.db, { ...fast, timeoutMs: 60_000 });
    await until(async () => (target.received.length > 0 ? true : undefined));

    const started = Date.now();
    await dispatcher.stop();
    expect(Date.now() - started).toBeLessThan(1_000);
    await target.close();
    // The interrupted attempt is not counted against the receiver; it is tried after a restart.
    const [delivery] = await deliveries(endpoint.id);
    expect(delivery).toMatchObject({ status: 'pending', attempts: [] });

    await new Promise((resolve) => setTimeout(resolve, 50));
    const after = process.getActiveResourcesInfo();
    expect(count(after, 'TCPSocketWrap')).toBeLessThanOrEqual(count(baseline, 'TCPSocketWrap'));
    expect(count(after, 'TCPServerWrap')).toBeLessThanOrEqual(count(baseline, 'TCPServerWrap'));
    expect(count(after, 'Timeout')).toBeLessThanOrEqual(count(baseline, 'Timeout'));
    const received = target.received.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(target.received).toHaveLength(received);
  });
});

describe('guardedLookup', () => {
  const answering =
    (...addresses: string[]): Resolve =>
    (_host, _options, callback) =>
      callback(
        null,
        addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      );
  const look = (resolve: Resolve, host: string, all = false) =>
    new Promise<{ error: Error | null; address: unknown }>((done) =>
      guardedLookup(resolve)(host, { all }, (error, address) => done({ error, address })),
    );

  it.each([
    ['api.example.dk', ['93.184.216.34'], true],
    ['api.example.dk', ['93.184.216.34', '10.0.0.8'], false],
    ['api.example.dk', ['169.254.169.254'], false],
    ['api.example.dk', ['fd00::5'], false],
    ['api.example.dk', ['127.0.0.1'], false],
    ['localhost', ['127.0.0.1', '::1'], true],
    ['localhost', ['10.0.0.1'], false],
    ['api.example.dk', [], false],
    ['api.example.dk', ['::ffff:10.0.0.1'], false],
    ['api.example.dk', ['0:0:0:0:0:ffff:a00:1'], false],
    ['api.example.dk', ['64:ff9b::a00:1'], false],
    ['api.example.dk', ['64:ff9b::7f00:1'], false],
    ['api.example.dk', ['::a00:1'], false],
    ['api.example.dk', ['2002:a9fe:a9fe::1'], false],
    ['api.example.dk', ['fe80::1%eth0'], false],
    ['api.example.dk', ['64:ff9b::5db8:d822'], true],
    ['localhost', ['64:ff9b::7f00:1'], false],
  ])('%s → %j allowed: %s', async (host, addresses, allowed) => {
    const { error, address } = await look(answering(...addresses), host);
    if (allowed) {
      expect(error).toBeNull();
      expect(address).toBe(addresses[0]);
    } else {
      expect(error?.message).toBe('blocked_address');
    }
  });

  it('answers every address when asked for all, and passes resolver errors on', async () => {
    const { address } = await look(answering('93.184.216.34', '2001:db8::1'), 'a.example', true);
    expect(address).toEqual([
      { address: '93.184.216.34', family: 4 },
      { address: '2001:db8::1', family: 6 },
    ]);
    const failing: Resolve = (_h, _o, callback) =>
      callback(Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' }), []);
    expect((await look(failing, 'nowhere.example')).error?.message).toBe('ENOTFOUND');
  });
});

describe('retryDelay', () => {
  const settings = { baseDelayMs: 1_000, maxDelayMs: 60_000 };
  it('doubles from the base, is capped, and jitters between half and all of it', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, settings, () => 0.999_999))).toEqual([
      1_000, 2_000, 4_000, 8_000,
    ]);
    expect(retryDelay(1, settings, () => 0)).toBe(500);
    expect(retryDelay(20, settings, () => 0.999_999)).toBe(60_000);
    expect(retryDelay(1_000, settings, () => 0)).toBe(30_000);
  });
});
