/// <reference types="mocha" />
import { expect, waitUntil } from '@open-wc/testing';
import { deleteDB } from 'idb';
import { newId } from '../ids.js';
import { openStueDb, type StueDb } from '../storage/idb-store.js';
import { httpTransport } from './http-transport.js';
import { Outbox, type OutboxOptions, type OutboxRecord } from './outbox.js';

type Step = 'ok' | 'hang' | 'lose' | { status: number; code?: string; retryAfter?: number };
interface HubRequest {
  id: string;
  deviceSeq: number;
  at: number;
  result: string;
}
interface HubState {
  rows: { id: string; deviceSeq: number; kind: string; body: unknown }[];
  requests: HubRequest[];
}

/** The test-only hub that web-test-runner.config.js serves, one fresh instance per test. */
function fakeHub() {
  const base = new URL(`/__stue-test/hub/${newId()}/`, location.origin);
  return {
    api: base.href,
    async control(setup: { script?: Step[]; erased?: string[]; seed?: HubState['rows'] }) {
      const response = await fetch(new URL('control', base), {
        method: 'POST',
        body: JSON.stringify(setup),
      });
      expect(response.status).to.equal(204);
    },
    async state(): Promise<HubState> {
      return (await fetch(new URL('state', base))).json() as Promise<HubState>;
    },
  };
}

const paths = { 'feedback-response': 'feedback', debrief: 'debriefs' };

describe('Outbox over IndexedDB against a hub, in Chromium', () => {
  let db: StueDb;
  let name: string;
  let outbox: Outbox | undefined;
  let hub: ReturnType<typeof fakeHub>;

  const make = (options: Partial<OutboxOptions> = {}, token = 'test-device') => {
    outbox = new Outbox({
      store: db.outbox,
      transport: httpTransport({ api: hub.api, token, paths }),
      backoffBaseMs: 20,
      backoffCapMs: 100,
      intervalMs: 50,
      ...options,
    });
    return outbox;
  };
  const stored = () => db.outbox.list();
  const settled = async () => (await stored()).every((r) => r.state !== 'pending');
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const requestsOf = (state: HubState, id: string) =>
    state.requests.filter((request) => request.id === id).map((request) => request.result);

  beforeEach(async () => {
    name = `stue-sync-test-${newId()}`;
    db = await openStueDb(name);
    hub = fakeHub();
  });

  afterEach(async () => {
    await outbox?.stop();
    outbox = undefined;
    db.close();
    await deleteDB(name);
  });

  it('F3: the hub commits, the answer is lost: the retry is answered as a replay, one row', async () => {
    await hub.control({ script: ['lose'] });
    const sender = make();
    const record = await sender.queue('feedback-response', { envelope: 'sealed-1' });
    sender.start({ window, document });
    await waitUntil(settled, 'the record was not delivered', { timeout: 5000 });
    const state = await hub.state();
    expect(requestsOf(state, record.id)).to.deep.equal(['201-lost', '200']);
    expect(state.rows.map((row) => row.id)).to.deep.equal([record.id]);
    expect(await stored()).to.deep.equal([]);
    expect(sender.status).to.include({ pending: 0, needsAttention: 0, lastError: null });
  });

  it('F4: same id, changed body: 409, kept as needing attention, no retry loop', async () => {
    const id = newId();
    await hub.control({
      seed: [{ id, deviceSeq: 1, kind: 'feedback-response', body: { envelope: 'first' } }],
    });
    const sender = make({ intervalMs: 10, backoffBaseMs: 5 });
    await sender.queue('feedback-response', { envelope: 'changed' }, { id });
    const later = await sender.queue('debrief', { howItWent: 'good' });
    sender.start({ window, document });
    await waitUntil(settled, 'not settled', { timeout: 5000 });
    await sleep(500); // fifty timer ticks, an online event and a visibility change
    window.dispatchEvent(new Event('online'));
    document.dispatchEvent(new Event('visibilitychange'));
    await sleep(100);
    const state = await hub.state();
    expect(requestsOf(state, id)).to.deep.equal(['409']);
    expect(requestsOf(state, later.id)).to.deep.equal(['201']);
    const [kept] = await stored();
    expect(kept).to.include({ id, state: 'needs-attention' });
    expect(kept!.body).to.deep.equal({ envelope: 'changed' });
    expect(kept!.lastError).to.include({ code: 'record_conflict', status: 409 });
    expect(sender.status.needsAttention).to.equal(1);
  });

  it('F5: a record about an erased person: 410, purged locally, never sent again', async () => {
    const sender = make();
    const erased = await sender.queue('feedback-response', { envelope: 'about-an-erased-person' });
    await hub.control({ erased: [erased.id] });
    const purged: string[] = [];
    sender.addEventListener('stue-outbox-purge', (event) => purged.push(event.record.id));
    sender.start({ window, document });
    await waitUntil(async () => (await stored()).length === 0, 'not purged', { timeout: 5000 });
    await sleep(300);
    const state = await hub.state();
    expect(requestsOf(state, erased.id)).to.deep.equal(['410']);
    expect(state.rows).to.deep.equal([]);
    expect(purged).to.deep.equal([erased.id]);
  });

  it('F6: 503s, Retry-After and a hanging request, then each record arrives exactly once', async () => {
    await hub.control({
      script: [
        { status: 503 },
        { status: 503 },
        { status: 503, retryAfter: 1 },
        'hang',
        { status: 502 },
        'ok',
        { status: 503 },
      ],
    });
    const sender = make({ timeoutMs: 300 });
    const records: OutboxRecord[] = [];
    for (let i = 0; i < 5; i += 1) {
      records.push(await sender.queue('feedback-response', { envelope: `sealed-${i}` }));
    }
    sender.start({ window, document });
    await waitUntil(async () => (await stored()).length === 0, 'not drained', { timeout: 8000 });
    const state = await hub.state();
    expect(state.rows.map((row) => row.deviceSeq)).to.deep.equal([1, 2, 3, 4, 5]);
    for (const record of records) {
      const results = requestsOf(state, record.id);
      expect(results.filter((result) => result === '201')).to.have.length(1);
      expect(results.filter((result) => result === '200')).to.have.length(0);
    }
    const first = state.requests.filter((request) => request.deviceSeq === 1);
    expect(first.map((request) => request.result)).to.deep.equal([
      '503',
      '503',
      '503',
      'hang',
      '502',
      '201',
    ]);
    // Retry-After: 1 outweighs a backoff capped at 100 ms.
    expect(first[3]!.at - first[2]!.at).to.be.at.least(950);
    // The hanging request was given up after the 300 ms timeout, not the hub's 30 s.
    expect(first[4]!.at - first[3]!.at).to.be.below(1500);
  });

  it('keeps records queued while the device is refused, and sends them with a new token', async () => {
    let token = 'revoked';
    outbox = new Outbox({
      store: db.outbox,
      transport: httpTransport({ api: hub.api, token: () => token, paths }),
      backoffBaseMs: 20,
      backoffCapMs: 50,
    });
    const record = await outbox.queue('debrief', { howItWent: 'good' });
    outbox.start({ window, document });
    await waitUntil(() => outbox!.status.lastError?.code === 'unauthorized', 'not refused', {
      timeout: 5000,
    });
    expect((await stored())[0]).to.include({ id: record.id, state: 'pending' });
    token = 'test-device';
    await waitUntil(async () => (await stored()).length === 0, 'not sent', { timeout: 5000 });
    expect((await hub.state()).rows.map((row) => row.id)).to.deep.equal([record.id]);
  });

  it('F10: a device clock forty years ahead: nothing is refused or held back', async () => {
    const realNow = Date.now;
    Date.now = () => realNow() + 40 * 365 * 24 * 3600 * 1000;
    try {
      const sender = make();
      const record = await sender.queue('feedback-response', { envelope: 'from-the-future' });
      await sender.flush();
      const state = await hub.state();
      expect(state.rows.map((row) => row.id)).to.deep.equal([record.id]);
      expect(await stored()).to.deep.equal([]);
    } finally {
      Date.now = realNow;
    }
  });

  it('L1: 500 records made offline drain once, in order, with no long main-thread task', async function () {
    this.timeout(60_000);
    const sender = make();
    for (let i = 0; i < 500; i += 1) {
      await sender.queue('feedback-response', {
        envelope: `sealed-${i}`,
        padding: 'x'.repeat(1024),
      });
    }
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    sender.start({ window, document });
    await waitUntil(async () => sender.status.pending === 0, 'not drained', {
      timeout: 55_000,
      interval: 200,
    });
    observer.disconnect();
    const state = await hub.state();
    expect(state.rows).to.have.length(500);
    expect(state.rows.map((row) => row.deviceSeq)).to.deep.equal(
      Array.from({ length: 500 }, (_, i) => i + 1),
    );
    expect(state.requests.every((request) => request.result === '201')).to.equal(true);
    expect(await stored()).to.deep.equal([]);
    expect(Math.max(0, ...longTasks)).to.be.below(200);
  });
});
