import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleNomination } from '../packages/hub/dist/index.js';
import { newId } from '../packages/core/dist/index.js';
import {
  HUB_BIN,
  HUB_PROCESS,
  newDataDir,
  removeDataDir,
  startHub,
  type TestHub,
} from './support/hub.js';

// Issue 14 item 4 with two hub processes on one PostgreSQL database, each running the built
// server as `stue-hub serve` does, with the webhook dispatcher polling every 5 ms (the command
// polls every second, and two hubs would then rarely reach for the same delivery at once): 500
// nominations sent alternately to each, every one reviewed on the other hub, and a partner's
// receiver that counts the webhook events. Each nomination is one row, and each event arrives
// once. Runs when STUE_TEST_DATABASE_URL names a PostgreSQL database; the hubs get a schema of
// their own there, dropped afterwards.

const url = process.env.STUE_TEST_DATABASE_URL;
const NOMINATIONS = 500;
// The hub's own PostgreSQL driver (the journeys have no dependencies of their own), as far as
// this file uses it.
interface PgClient {
  connect(): Promise<void>;
  query<T>(text: string): Promise<{ rows: T[] }>;
  end(): Promise<void>;
}
const pg = createRequire(new URL('../packages/hub/package.json', import.meta.url))('pg') as {
  Client: new (options: { connectionString?: string }) => PgClient;
};

const schema = `t_${randomBytes(6).toString('hex')}`;
const hubs: TestHub[] = [];
const dataDirs: string[] = [];
let receiver: Server | undefined;
afterAll(async () => {
  await Promise.all(hubs.map((hub) => hub.stop()));
  await new Promise((resolve) => (receiver ? receiver.close(resolve) : resolve(undefined)));
  dataDirs.forEach(removeDataDir);
  if (url) await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
});

async function admin<T extends object>(query: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(query)).rows;
  } finally {
    await client.end();
  }
}

describe.skipIf(!url)('two hub processes on one PostgreSQL database', () => {
  it('store each of 500 nominations once and send each webhook event once', async () => {
    await admin(`CREATE SCHEMA ${schema}`);
    const location = new URL(url!);
    location.searchParams.set('options', `-c search_path=${schema}`);
    const perNomination = new Map<string, number>();
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        const id = (JSON.parse(body) as { data: { nominationId: string } }).data.nominationId;
        perNomination.set(id, (perNomination.get(id) ?? 0) + 1);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver!.listen(0, '127.0.0.1', resolve));

    // Each hub has a data folder of its own and the same sealing key, as operations.md says.
    const env = { STUE_DATABASE_URL: location.toString(), STUE_TEST_WEBHOOK_POLL_MS: '5' };
    const first = newDataDir();
    dataDirs.push(first);
    hubs.push(await startHub(first, env, { script: HUB_PROCESS }));
    const key = readFileSync(join(first, 'hub-key.json'), 'utf8');
    const second = newDataDir();
    dataDirs.push(second);
    hubs.push(
      await startHub(second, { ...env, STUE_HUB_PRIVATE_KEY: key }, { script: HUB_PROCESS }),
    );
    const [a, b] = hubs as [TestHub, TestHub];

    const { port } = receiver.address() as AddressInfo;
    const registered = await fetch(`${a.url}/api/v1/partner/webhooks`, {
      method: 'POST',
      headers: { authorization: 'Bearer sk_demo', 'content-type': 'application/json' },
      body: JSON.stringify({
        url: `http://127.0.0.1:${port}/stue-events`,
        events: ['nomination.status_changed'],
      }),
    });
    expect(registered.status).toBe(201);
    const session = await fetch(`${b.url}/api/v1/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'koordinator@demo.stue.dk',
        password: 'stue-demo-koordinator',
      }),
    });
    expect(session.status).toBe(200);
    const coordinator = {
      cookie: session.headers.get('set-cookie')!.split(';')[0]!,
      'x-csrf-token': ((await session.json()) as { csrfToken: string }).csrfToken,
    };

    const ids = Array.from({ length: NOMINATIONS }, () => newId());
    const hubFor = (i: number) => (i % 2 === 0 ? a : b);
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const i = next++;
        const created = await fetch(`${hubFor(i).url}/api/v1/nominations`, {
          method: 'POST',
          headers: { authorization: 'Bearer pk_demo', 'content-type': 'application/json' },
          body: JSON.stringify({ ...exampleNomination, id: ids[i] }),
        });
        expect(created.status).toBe(201);
        const reviewed = await fetch(`${hubFor(i + 1).url}/api/v1/nominations/${ids[i]}/review`, {
          method: 'POST',
          headers: coordinator,
        });
        expect(reviewed.status).toBe(200);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));

    // Wait for all, then a while longer for a second copy of any.
    await expect.poll(() => perNomination.size, { timeout: 60_000 }).toBe(NOMINATIONS);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect([...perNomination].filter(([, count]) => count !== 1)).toEqual([]);

    const [rows] = await admin<{ n: string; distinct: string }>(
      `SELECT count(*) AS n, count(DISTINCT id) AS distinct FROM ${schema}.nominations`,
    );
    expect(rows).toEqual({ n: String(NOMINATIONS), distinct: String(NOMINATIONS) });
    const sent = await admin<{ status: string; attempts: number; n: string }>(
      `SELECT status, attempt_count AS attempts, count(*) AS n
       FROM ${schema}.webhook_deliveries GROUP BY status, attempt_count`,
    );
    expect(sent).toEqual([{ status: 'delivered', attempts: 1, n: String(NOMINATIONS) }]);
    // Both hubs sent some of them.
    const delivered = (hub: TestHub) =>
      hub
        .output()
        .split('\n')
        .filter((line) => line.includes('"msg":"webhook"') && line.includes('delivered')).length;
    expect(delivered(a)).toBeGreaterThan(0);
    expect(delivered(b)).toBeGreaterThan(0);
    expect(delivered(a) + delivered(b)).toBe(NOMINATIONS);
  }, 240_000);

  it('stue-hub retention by hand does nothing while a hub runs retention on the same database', async () => {
    const location = new URL(url!);
    location.searchParams.set('options', `-c search_path=${schema}`);
    const retention = () =>
      execFileSync(process.execPath, [HUB_BIN, 'retention'], {
        env: { ...process.env, STUE_DATABASE_URL: location.toString() },
        encoding: 'utf8',
      });
    // A hub's retention run holds this lock (db/dialect.ts, unlessRunningElsewhere).
    const hub = new pg.Client({ connectionString: location.toString() });
    await hub.connect();
    try {
      await hub.query(
        `SELECT pg_advisory_lock(hashtext('stue:retention'), hashtext(current_schema()))`,
      );
      expect(retention()).toMatch(/^Retention is running on another hub right now/);
    } finally {
      await hub.end();
    }
    expect(retention()).toMatch(/^Retention: \d+ nominations erased/);
  }, 60_000);
});
