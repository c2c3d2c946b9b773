import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from './app.js';
import { openDatabase, type HubDatabase } from './db/database.js';
import { unlessRunningElsewhere } from './db/dialect.js';
import { tempDirs, testSchemaUrl } from './db/database.test-support.js';
import { MIGRATIONS } from './db/migrations.js';
import { ephemeralHubKey } from './devices/hub-key.js';
import { aNomination, json, signIn, withKey } from './helpers.test-support.js';
import type { LogEntry } from './http/log.js';
import { seedDemo } from './partners/index.js';
import { DEFAULT_RETENTION } from './privacy/retention.js';
import { startServer, type RunningHub } from './server.js';
import { startWebhookDispatcher } from './webhooks/dispatcher.js';
import { registerEndpoint } from './webhooks/store.js';

// Issue 14 item 4: several `stue-hub serve` processes on one PostgreSQL database. Two hubs are
// started in this test process with `startServer`, each with its own connection pool, HTTP
// server, webhook dispatcher and retention timer — everything a second process would have apart
// from the event loop. They run from the sources the suite tests (a spawned `stue-hub` runs the
// build, which may be older), and with a dispatcher that polls every few milliseconds so that the
// two keep reaching for the same deliveries.

const url = process.env.STUE_TEST_DATABASE_URL;
const NOMINATIONS = 500;

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

// The served apps play no part here: an empty folder stands in for each.
const emptyDir = tempDirs('stue-two-hubs-');
const roots = () => {
  const dir = emptyDir();
  return { demo: dir, embed: dir, kiosk: dir, console: dir };
};

/** A webhook receiver on 127.0.0.1 that counts what it gets, per nomination and per delivery id. */
async function countingReceiver() {
  const perNomination = new Map<string, number>();
  const perDelivery = new Map<string, number>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        data: { nominationId: string };
      };
      const id = String(req.headers['webhook-id']);
      perNomination.set(
        event.data.nominationId,
        (perNomination.get(event.data.nominationId) ?? 0) + 1,
      );
      perDelivery.set(id, (perDelivery.get(id) ?? 0) + 1);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/stue-events`, perNomination, perDelivery };
}

async function hub(location: string, logged: LogEntry[]): Promise<RunningHub> {
  const running = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseFile: location,
    demo: false,
    staticRoots: roots(),
    hubKey: await ephemeralHubKey(),
    log: (entry) => {
      if (entry.msg !== 'request') logged.push(entry);
    },
    limits: {
      perPartner: { limit: 1_000_000, windowMs: 60_000 },
      perAddress: { limit: 1_000_000, windowMs: 60_000 },
    },
    webhooks: { pollMs: 2, batchSize: 8 },
    retention: { policy: DEFAULT_RETENTION, everyMs: 20 },
  });
  cleanups.push(() => running.close());
  return running;
}

async function until(check: () => Promise<boolean>, ms: number) {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const tables = async (db: HubDatabase) =>
  (
    await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() ORDER BY table_name`.execute(db)
  ).rows.map((row) => row.name);

describe.skipIf(!url)('two hubs on one PostgreSQL database', () => {
  it('migrate an empty database together: each sees the newest schema, made once', async () => {
    const location = await testSchemaUrl(url!);
    const [a, b] = await Promise.all([openDatabase(location), openDatabase(location)]);
    cleanups.push(
      () => a.destroy(),
      () => b.destroy(),
    );
    const applied = await sql<{ name: string }>`
      SELECT name FROM kysely_migration ORDER BY name`.execute(a);
    expect(applied.rows.map((row) => row.name)).toEqual(Object.keys(MIGRATIONS).sort());
    expect(await tables(b)).toEqual(await tables(a));
    expect(await tables(a)).toContain('webhook_deliveries');
  });

  it('store 500 nominations, each sent to both at once, once each, and send each webhook once', async () => {
    const location = await testSchemaUrl(url!);
    const receiver = await countingReceiver();
    const logA: LogEntry[] = [];
    const logB: LogEntry[] = [];
    // Both start on the empty database at once: two migrations side by side, as at an upgrade.
    const [a, b] = await Promise.all([hub(location, logA), hub(location, logB)]);

    const db = await openDatabase(location);
    cleanups.push(() => db.destroy());
    await seedDemo(db);
    const endpoint = await registerEndpoint(db, 'demo-partner', {
      url: receiver.url,
      events: ['nomination.status_changed'],
    });
    expect(endpoint.kind).toBe('created');
    // A coordinator's session is a row in the database: it works on either hub.
    const session = await signIn(createApp({ db }), db);

    const nominations = Array.from({ length: NOMINATIONS }, () => aNomination());
    const hubFor = (i: number) => (i % 2 === 0 ? a : b);
    let next = 0;
    const worker = async () => {
      while (next < nominations.length) {
        const i = next++;
        const nomination = nominations[i]!;
        // Sent to its hub, and at the same moment to the other, as a partner's retry after a
        // lost answer might be: one is stored, the other is answered as its replay.
        const [sent, retried] = await Promise.all(
          [hubFor(i), hubFor(i + 1)].map(async (to) => {
            const res = await fetch(`${to.url}/api/v1/nominations`, {
              method: 'POST',
              headers: withKey('pk_demo'),
              body: JSON.stringify(nomination),
            });
            return { status: res.status, reference: (await json(res)).reference as string };
          }),
        );
        expect([sent!.status, retried!.status].sort()).toEqual([200, 201]);
        expect(retried!.reference).toBe(sent!.reference);
        // Reviewed on the other hub: the change that queues `nomination.status_changed`.
        const reviewed = await fetch(
          `${hubFor(i + 1).url}/api/v1/nominations/${nomination.id}/review`,
          {
            method: 'POST',
            headers: session.headers,
          },
        );
        expect(reviewed.status).toBe(200);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));

    const pending = async () =>
      Number(
        (
          await db
            .selectFrom('webhook_deliveries')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('status', '!=', 'delivered')
            .executeTakeFirstOrThrow()
        ).n,
      );
    await until(
      async () => receiver.perNomination.size === NOMINATIONS && (await pending()) === 0,
      60_000,
    );
    // A second send would come within a few polls of the first: give it time to show.
    await new Promise((resolve) => setTimeout(resolve, 300));

    const rows = await db.selectFrom('nominations').select('id').execute();
    expect(rows.map((row) => row.id).sort()).toEqual(nominations.map((n) => n.id).sort());
    const deliveries = await db
      .selectFrom('webhook_deliveries')
      .select(['status', 'attempt_count'])
      .execute();
    expect(deliveries).toHaveLength(NOMINATIONS);
    expect(deliveries.every((d) => d.status === 'delivered' && d.attempt_count === 1)).toBe(true);
    const twice = [...receiver.perNomination].filter(([, count]) => count !== 1);
    expect(twice, 'nominations whose event arrived more than once').toEqual([]);
    expect([...receiver.perDelivery.values()].every((count) => count === 1)).toBe(true);
    expect(receiver.perDelivery.size).toBe(NOMINATIONS);
    // Both dispatchers did part of the work.
    const sent = (log: LogEntry[]) =>
      log.filter((entry) => entry.msg === 'webhook' && entry.outcome === 'delivered').length;
    expect(sent(logA)).toBeGreaterThan(0);
    expect(sent(logB)).toBeGreaterThan(0);
    expect(sent(logA) + sent(logB)).toBe(NOMINATIONS);
  }, 120_000);
});

describe.skipIf(!url)('the webhook dispatcher beside another hub', () => {
  it('passes over a delivery another hub is claiming instead of waiting for it', async () => {
    const location = await testSchemaUrl(url!);
    const receiver = await countingReceiver();
    const db = await openDatabase(location);
    cleanups.push(() => db.destroy());
    await seedDemo(db);
    await registerEndpoint(db, 'demo-partner', {
      url: receiver.url,
      events: ['nomination.status_changed'],
    });
    const app = createApp({ db });
    const session = await signIn(app, db);
    for (let i = 0; i < 3; i++) {
      const nomination = aNomination();
      await app.request('/api/v1/nominations', {
        method: 'POST',
        headers: withKey('pk_demo'),
        body: JSON.stringify(nomination),
      });
      await app.request(`/api/v1/nominations/${nomination.id}/review`, {
        method: 'POST',
        headers: session.headers,
      });
    }
    const [held] = await db.selectFrom('webhook_deliveries').select('id').orderBy('id').execute();
    // Another hub in the middle of claiming one delivery: its transaction holds the row.
    const other = new pg.Client({ connectionString: location });
    await other.connect();
    await other.query('BEGIN');
    await other.query('SELECT id FROM webhook_deliveries WHERE id = $1 FOR UPDATE', [held!.id]);

    const dispatcher = startWebhookDispatcher(db, { pollMs: 60_000 });
    // Cleaned up in reverse: the other hub's transaction ends before the dispatcher stops.
    cleanups.push(
      () => dispatcher.stop(),
      () => other.end(),
    );
    const outcome = await Promise.race([
      dispatcher.runOnce().then(() => 'done'),
      new Promise((resolve) => setTimeout(resolve, 5_000, 'waited')),
    ]);
    expect(outcome).toBe('done');
    expect(receiver.perDelivery.size).toBe(2);
    expect(receiver.perDelivery.has(held!.id)).toBe(false);

    await other.query('ROLLBACK');
    await dispatcher.runOnce();
    expect(receiver.perDelivery.size).toBe(3);
    expect(receiver.perDelivery.get(held!.id)).toBe(1);
  });
});

describe.skipIf(!url)('retention beside another hub', () => {
  it('is skipped while another hub holds the lock, and runs on the next turn after', async () => {
    const location = await testSchemaUrl(url!);
    const schema = new URL(location).searchParams.get('options')!.split('=')[1]!;
    // Another hub in the middle of its retention run: it holds the lock on a session of its own.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    const key = [`stue:retention`, schema];
    await other.query('SELECT pg_advisory_lock(hashtext($1), hashtext($2))', key);
    cleanups.push(() => other.end());
    const logged: LogEntry[] = [];
    await hub(location, logged);
    const runs = () => logged.filter((entry) => String(entry.msg).startsWith('retention'));
    await until(async () => runs().length >= 2, 10_000);
    expect(runs().every((entry) => entry.msg === 'retention running on another hub')).toBe(true);

    await other.query('SELECT pg_advisory_unlock(hashtext($1), hashtext($2))', key);
    await until(async () => runs().some((entry) => entry.msg === 'retention'), 10_000);
    expect(runs().find((entry) => entry.msg === 'retention')).toMatchObject({
      erasedNominations: 0,
    });
  });
});

describe.skipIf(!url)('unlessRunningElsewhere on PostgreSQL', () => {
  it('skips the work while another connection pool runs it, and runs it once that is done', async () => {
    const location = await testSchemaUrl(url!);
    const [a, b] = await Promise.all([openDatabase(location), openDatabase(location)]);
    cleanups.push(
      () => a.destroy(),
      () => b.destroy(),
    );
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const first = unlessRunningElsewhere(a, 'retention', async () => {
      started();
      await held;
      return 'first';
    });
    await running;
    expect(await unlessRunningElsewhere(b, 'retention', async () => 'second')).toEqual({
      ran: false,
    });
    // Another name, or another schema's hubs, are not held up.
    expect(await unlessRunningElsewhere(b, 'other', async () => 'other')).toEqual({
      ran: true,
      value: 'other',
    });
    const elsewhere = await openDatabase(await testSchemaUrl(url!));
    cleanups.push(() => elsewhere.destroy());
    expect(await unlessRunningElsewhere(elsewhere, 'retention', async () => 'x')).toEqual({
      ran: true,
      value: 'x',
    });
    release();
    expect(await first).toEqual({ ran: true, value: 'first' });
    expect(await unlessRunningElsewhere(b, 'retention', async () => 'second')).toEqual({
      ran: true,
      value: 'second',
    });
  });
});
