import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StueError, StueHttpError, StueNetworkError, type StueHttpErrorCode } from '../errors.js';
import { isUuidV7, newId } from '../ids.js';
import { MemoryOutboxStore } from './memory-store.js';
import {
  Outbox,
  type OutboxOptions,
  type OutboxRecord,
  type OutboxRecordEvent,
  type OutboxStatus,
  type SendOutcome,
  type Transport,
} from './outbox.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60 * MINUTE;

/** What the scripted hub does with the next request. */
type Step =
  | 'ok'
  /** Commits, then the answer never arrives. */
  | 'lose'
  /** Never answers; only the outbox's abort ends it. */
  | 'hang'
  /** Never answers and ignores the abort signal too. */
  | 'deaf'
  | { status: number; code?: string; retryAfter?: number };

/** A hub that speaks the sync protocol, with a script of failures for the next requests. */
class FakeHub {
  readonly rows = new Map<string, { body: string; deviceSeq: number }>();
  readonly erased = new Set<string>();
  readonly sends: { id: string; deviceSeq: number; at: number; result: string }[] = [];
  script: Step[] = [];
  /** Answer 503 to everything while this returns true. */
  down: () => boolean = () => false;

  readonly transport: Transport = {
    send: (record, { signal }) => this.#receive(record, signal),
  };

  async #receive(record: OutboxRecord, signal: AbortSignal): Promise<SendOutcome> {
    const step = this.down() ? { status: 503 } : (this.script.shift() ?? 'ok');
    const log = (result: string) =>
      this.sends.push({ id: record.id, deviceSeq: record.deviceSeq, at: Date.now(), result });
    if (step === 'hang' || step === 'deaf') {
      log(step);
      return new Promise((_, reject) => {
        if (step === 'hang') signal.addEventListener('abort', () => reject(signal.reason));
      });
    }
    if (typeof step === 'object') {
      log(String(step.status));
      throw new StueHttpError(
        step.status,
        // A code may be one this SDK does not know yet (a newer hub's).
        (step.code ?? `http_${step.status}`) as StueHttpErrorCode,
        'No',
        step.retryAfter,
      );
    }
    if (this.erased.has(record.id)) {
      log('410');
      return { kind: 'gone', code: 'erased' };
    }
    const body = JSON.stringify(record.body);
    const existing = this.rows.get(record.id);
    let outcome: SendOutcome;
    if (!existing) {
      this.rows.set(record.id, { body, deviceSeq: record.deviceSeq });
      outcome = { kind: 'acknowledged', replayed: false };
    } else if (existing.body === body) {
      outcome = { kind: 'acknowledged', replayed: true };
    } else {
      outcome = { kind: 'conflict', code: 'record_conflict' };
    }
    const result = outcome.kind === 'conflict' ? '409' : outcome.replayed ? '200' : '201';
    log(step === 'lose' ? `${result}-lost` : result);
    if (step === 'lose') throw new StueNetworkError('network', 'The answer was lost');
    return outcome;
  }

  sendsOf(id: string) {
    return this.sends.filter((send) => send.id === id);
  }
}

/** A small seeded generator, so jittered runs repeat exactly. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function setup(options: Partial<OutboxOptions> = {}) {
  const hub = new FakeHub();
  const store = new MemoryOutboxStore();
  const outbox = new Outbox({ store, transport: hub.transport, random: seeded(7), ...options });
  const statuses: OutboxStatus[] = [];
  outbox.subscribe((status) => statuses.push(status));
  return { hub, store, outbox, statuses };
}

async function queueMany(outbox: Outbox, count: number, kind = 'feedback-response') {
  const records: OutboxRecord[] = [];
  for (let i = 0; i < count; i += 1) records.push(await outbox.queue(kind, { n: i }));
  return records;
}

/** One queued record, and the outbox started against a hub that meets it with `script`. */
async function startWithOne(script: Step[], options: Partial<OutboxOptions> = {}) {
  const parts = setup(options);
  const [record] = await queueMany(parts.outbox, 1);
  parts.hub.script = script;
  parts.outbox.start();
  return { ...parts, record };
}

/** An EventTarget that stands in for `window` and `document` in Node. */
function fakePage(visibilityState: DocumentVisibilityState = 'visible', onLine = true) {
  const window = Object.assign(new EventTarget(), { navigator: { onLine } });
  const document = Object.assign(new EventTarget(), { visibilityState });
  return { window, document };
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-06-01T10:00:00Z') });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('Outbox: queuing', () => {
  it('stores a record with a UUIDv7 id and the next sequence number before any send', async () => {
    const { hub, store, outbox } = setup();
    const first = await outbox.queue('feedback-response', { answer: 'glad' });
    const second = await outbox.queue('debrief', { howItWent: 'good' });
    expect(isUuidV7(first.id)).toBe(true);
    expect([first.deviceSeq, second.deviceSeq]).toEqual([1, 2]);
    expect(await store.get(first.id)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(hub.sends).toHaveLength(0);
    expect(outbox.status.pending).toBe(2);
  });

  it('never reuses a sequence number, also after records are sent and deleted', async () => {
    const { store, outbox } = setup();
    await queueMany(outbox, 3);
    await outbox.flush();
    expect(await store.list()).toEqual([]);
    const next = await outbox.queue('debrief', {});
    expect(next.deviceSeq).toBe(4);
  });

  it('keeps a caller-made id, and queues the same record twice only once', async () => {
    const { store, outbox } = setup();
    const id = newId();
    const first = await outbox.queue('debrief', { a: 1 }, { id });
    const again = await outbox.queue('debrief', { a: 1 }, { id });
    expect(again).toEqual(first);
    expect(await store.nextSeq()).toBe(2);
    expect(outbox.status.pending).toBe(1);
    await expect(outbox.queue('debrief', { a: 2 }, { id })).rejects.toMatchObject({
      code: 'outbox_duplicate_id',
    });
  });

  it('stores the body as JSON carries it and refuses what JSON cannot carry', async () => {
    const { store, outbox } = setup();
    const record = await outbox.queue('debrief', { at: new Date(0), gone: undefined });
    expect(record.body).toEqual({ at: '1970-01-01T00:00:00.000Z' });
    await expect(outbox.queue('debrief', { big: 1n })).rejects.toMatchObject({
      code: 'outbox_body_not_json',
    });
    await expect(outbox.queue('debrief', undefined)).rejects.toBeInstanceOf(StueError);
    await expect(outbox.queue('debrief', {}, { id: 'not-a-uuid' })).rejects.toMatchObject({
      code: 'invalid_id',
    });
    await expect(outbox.queue('', {})).rejects.toMatchObject({ code: 'invalid_kind' });
    expect(await store.nextSeq()).toBe(2);
  });
});

describe('Outbox: the sync protocol', () => {
  it('sends records one at a time in sequence order and empties the outbox', async () => {
    const { hub, store, outbox } = setup();
    const records = await queueMany(outbox, 5);
    await outbox.flush();
    expect(hub.sends.map((send) => send.deviceSeq)).toEqual([1, 2, 3, 4, 5]);
    expect([...hub.rows.keys()]).toEqual(records.map((record) => record.id));
    expect(await store.list()).toEqual([]);
    expect(outbox.status).toMatchObject({ pending: 0, sending: false, lastError: null });
    expect(outbox.status.lastSuccessAt).toBe(Date.now());
  });

  it('F3: a lost acknowledgement is replayed and answered as a replay: one row', async () => {
    const { hub, store, outbox, record } = await startWithOne(['lose']);
    await vi.advanceTimersByTimeAsync(0);
    expect(hub.rows.size).toBe(1);
    expect(await store.get(record!.id)).toMatchObject({ state: 'pending', attempts: 1 });
    expect(outbox.status.lastError).toMatchObject({ code: 'network' });
    await vi.advanceTimersByTimeAsync(2 * SECOND);
    expect(hub.sendsOf(record!.id).map((send) => send.result)).toEqual(['201-lost', '200']);
    expect(hub.rows.size).toBe(1);
    expect(await store.list()).toEqual([]);
    expect(outbox.status.lastError).toBeNull();
    await outbox.stop();
  });

  it('F4: a conflict sets the record aside, keeps it, never retries it by itself', async () => {
    const { hub, store, outbox } = setup();
    const [clash, other] = await queueMany(outbox, 2);
    hub.rows.set(clash!.id, { body: '{"n":"something else"}', deviceSeq: 1 });
    const attention: OutboxRecordEvent[] = [];
    outbox.addEventListener('stue-outbox-attention', (event) => attention.push(event));
    outbox.start();
    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE);
    expect(hub.sendsOf(clash!.id)).toHaveLength(1);
    expect(hub.rows.has(other!.id)).toBe(true);
    expect(await store.get(clash!.id)).toMatchObject({
      state: 'needs-attention',
      body: clash!.body,
      lastError: { code: 'record_conflict', status: 409 },
    });
    expect(outbox.status).toMatchObject({ pending: 0, needsAttention: 1 });
    expect(attention.map((event) => event.record.id)).toEqual([clash!.id]);
    expect(attention[0]!.record).not.toHaveProperty('body');
    await outbox.stop();
  });

  it('F4: retry sends a set-aside record once more; discard removes it and says so', async () => {
    const { hub, store, outbox } = setup();
    const [clash] = await queueMany(outbox, 1);
    hub.rows.set(clash!.id, { body: '{}', deviceSeq: 1 });
    await outbox.flush();
    expect(await outbox.retry(clash!.id)).toBe(true);
    await outbox.flush();
    expect(hub.sendsOf(clash!.id)).toHaveLength(2);
    expect(outbox.status.needsAttention).toBe(1);
    const discarded: string[] = [];
    outbox.addEventListener('stue-outbox-discard', (event) => discarded.push(event.record.id));
    expect(await outbox.discard(clash!.id)).toBe(true);
    expect(discarded).toEqual([clash!.id]);
    expect(await store.list()).toEqual([]);
    expect(outbox.status.needsAttention).toBe(0);
  });

  it('refuses to discard a pending record: it is not lost yet', async () => {
    const { store, outbox } = setup();
    const [record] = await queueMany(outbox, 1);
    await expect(outbox.discard(record!.id)).rejects.toMatchObject({
      code: 'outbox_not_discardable',
    });
    expect(await store.get(record!.id)).toBeDefined();
    expect(await outbox.retry(record!.id)).toBe(false);
  });

  it('F5: gone purges the local copy and never resends it', async () => {
    const { hub, store, outbox } = setup();
    const [erased, kept] = await queueMany(outbox, 2);
    hub.erased.add(erased!.id);
    const purged: string[] = [];
    outbox.addEventListener('stue-outbox-purge', (event) => purged.push(event.record.id));
    outbox.start();
    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE);
    expect(hub.sendsOf(erased!.id)).toHaveLength(1);
    expect(hub.rows.has(erased!.id)).toBe(false);
    expect(hub.rows.has(kept!.id)).toBe(true);
    expect(await store.list()).toEqual([]);
    expect(purged).toEqual([erased!.id]);
    await outbox.stop();
  });

  it('sets aside a record the hub refuses for itself and goes on with the next', async () => {
    const { hub, store, outbox } = setup();
    const [refused, next] = await queueMany(outbox, 2);
    hub.script = [{ status: 422, code: 'client_outdated' }];
    await outbox.flush();
    expect(await store.get(refused!.id)).toMatchObject({
      state: 'needs-attention',
      lastError: { code: 'client_outdated', status: 422 },
    });
    expect(hub.rows.has(next!.id)).toBe(true);
  });

  it('treats an unknown transport failure as not retryable, without keeping its message', async () => {
    const store = new MemoryOutboxStore();
    const transport: Transport = {
      send: async () => {
        throw new TypeError('Inger Hansen, Aarhus');
      },
    };
    const outbox = new Outbox({ store, transport });
    const [record] = await queueMany(outbox, 1);
    await outbox.flush();
    const stored = await store.get(record!.id);
    expect(stored).toMatchObject({
      state: 'needs-attention',
      lastError: { code: 'transport_error' },
    });
    expect(JSON.stringify(stored!.lastError)).not.toContain('Inger');
  });

  it('keeps records queued while the device is refused (401), backing off', async () => {
    const { hub, store, outbox } = setup();
    const records = await queueMany(outbox, 3);
    hub.script = [
      { status: 401, code: 'unauthorized' },
      { status: 401, code: 'unauthorized' },
    ];
    outbox.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(outbox.status).toMatchObject({ pending: 3, lastError: { code: 'unauthorized' } });
    expect((await store.list()).every((record) => record.state === 'pending')).toBe(true);
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(hub.rows.size).toBe(records.length);
    await outbox.stop();
  });
});

describe('Outbox: backoff, Retry-After and timeouts', () => {
  it('backs off exponentially to the cap, with jitter at most the ceiling', async () => {
    const { hub, outbox } = setup({
      random: () => 1,
      backoffBaseMs: SECOND,
      backoffCapMs: 30 * SECOND,
    });
    await queueMany(outbox, 1);
    hub.down = () => hub.sends.length < 9;
    outbox.start();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    const gaps = hub.sends.slice(1).map((send, i) => send.at - hub.sends[i]!.at);
    expect(gaps).toEqual([1, 2, 4, 8, 16, 30, 30, 30, 30].map((s) => s * SECOND));
    expect(hub.rows.size).toBe(1);
    await outbox.stop();
  });

  it('F6: a ten-minute 503 storm, then every record arrives exactly once', async () => {
    const { hub, store, outbox } = setup();
    const records = await queueMany(outbox, 20);
    const stormEnds = Date.now() + 10 * MINUTE;
    hub.down = () => Date.now() < stormEnds;
    outbox.start();
    await vi.advanceTimersByTimeAsync(20 * MINUTE);
    const during = hub.sends.filter((send) => send.at < stormEnds);
    // Capped exponential backoff: a handful of requests in ten minutes, never a storm of our own.
    expect(during.length).toBeGreaterThan(3);
    expect(during.length).toBeLessThan(30);
    const gaps = hub.sends.slice(1).map((send, i) => send.at - hub.sends[i]!.at);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(5 * MINUTE);
    expect(hub.rows.size).toBe(20);
    for (const record of records) {
      expect(hub.sendsOf(record.id).filter((send) => send.result === '201')).toHaveLength(1);
      expect(hub.sendsOf(record.id).filter((send) => send.result === '200')).toHaveLength(0);
    }
    expect(await store.list()).toEqual([]);
    await outbox.stop();
  });

  it('makes no first try when the window says it is offline, and sends when it comes online', async () => {
    const { hub, outbox } = setup();
    const page = fakePage('visible', false);
    await queueMany(outbox, 1);
    const statuses: boolean[] = [];
    outbox.subscribe((status) => statuses.push(status.sending));
    outbox.start(page);
    await vi.advanceTimersByTimeAsync(10 * 60 * SECOND);
    expect(hub.sends).toHaveLength(0);
    expect(statuses).not.toContain(true);
    page.window.navigator.onLine = true;
    page.window.dispatchEvent(new Event('online'));
    await outbox.flush();
    expect(hub.sends).toHaveLength(1);
    await outbox.stop();
  });

  it('honours Retry-After over a shorter backoff, whatever triggers meanwhile', async () => {
    const { hub, outbox } = setup({ backoffBaseMs: 100 });
    const page = fakePage();
    await queueMany(outbox, 1);
    hub.script = [{ status: 429, code: 'rate_limited', retryAfter: 120 }];
    outbox.start(page);
    await vi.advanceTimersByTimeAsync(0);
    expect(hub.sends).toHaveLength(1);
    page.window.dispatchEvent(new Event('online'));
    page.document.dispatchEvent(new Event('visibilitychange'));
    await outbox.flush();
    await outbox.queue('debrief', {});
    await vi.advanceTimersByTimeAsync(119 * SECOND);
    expect(hub.sends).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1 * SECOND);
    expect(hub.sends).toHaveLength(3);
    expect(hub.sends[1]!.at - hub.sends[0]!.at).toBe(120 * SECOND);
    await outbox.stop();
  });

  it('aborts a send that hangs, then retries it', async () => {
    const { hub, store, outbox, record } = await startWithOne(['hang', 'deaf'], {
      timeoutMs: 5 * SECOND,
    });
    await vi.advanceTimersByTimeAsync(5 * SECOND);
    expect(outbox.status.lastError).toMatchObject({ code: 'timeout' });
    expect(await store.get(record!.id)).toMatchObject({ attempts: 1, state: 'pending' });
    // A transport that ignores its signal is cut off all the same.
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(hub.sendsOf(record!.id).map((send) => send.result)).toEqual(['hang', 'deaf', '201']);
    expect(await store.list()).toEqual([]);
    await outbox.stop();
  });

  it('keeps order: a failing record holds back the ones after it', async () => {
    const { hub, outbox } = setup();
    await queueMany(outbox, 3);
    hub.script = [{ status: 503 }, { status: 503 }];
    outbox.start();
    await vi.advanceTimersByTimeAsync(5 * MINUTE);
    expect(hub.sends.map((send) => send.deviceSeq)).toEqual([1, 1, 1, 2, 3]);
    expect([...hub.rows.values()].map((row) => row.deviceSeq)).toEqual([1, 2, 3]);
    await outbox.stop();
  });
});

describe('Outbox: time', () => {
  it('L4: thirty days offline with 200 records queued: none dropped, all arrive once', async () => {
    const { hub, store, outbox } = setup({ backoffCapMs: 60 * MINUTE });
    const records = await queueMany(outbox, 200);
    hub.down = () => true;
    outbox.start();
    await vi.advanceTimersByTimeAsync(30 * DAY);
    const stored = await store.list();
    expect(stored).toHaveLength(200);
    expect(stored.every((record) => record.state === 'pending')).toBe(true);
    expect(outbox.status.pending).toBe(200);
    hub.down = () => false;
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect([...hub.rows.keys()]).toEqual(records.map((record) => record.id));
    expect(hub.sends.filter((send) => send.result === '201')).toHaveLength(200);
    await outbox.stop();
  });

  it('F10: a device clock years off is never a reason to refuse or wait', async () => {
    const { hub, outbox } = setup();
    vi.setSystemTime(new Date('1999-12-31T23:59:00Z'));
    const old = await outbox.queue('debrief', {});
    vi.setSystemTime(new Date('2091-01-01T00:00:00Z'));
    const future = await outbox.queue('debrief', {});
    await outbox.flush();
    expect(hub.rows.has(old.id) && hub.rows.has(future.id)).toBe(true);

    // The clock is put back years while the hub's Retry-After runs: the wait is not stretched.
    const [late] = await queueMany(outbox, 1);
    hub.script = [{ status: 503, retryAfter: 30 }];
    outbox.start();
    await vi.advanceTimersByTimeAsync(1 * SECOND);
    vi.setSystemTime(new Date('2019-01-01T00:00:00Z'));
    await vi.advanceTimersByTimeAsync(30 * SECOND);
    expect(hub.rows.has(late!.id)).toBe(true);
    await outbox.stop();
  });
});

describe('Outbox: triggers and status', () => {
  it('flushes on start, on online, on becoming visible and on its timer; stop unwires all', async () => {
    const { hub, store, outbox } = setup({ intervalMs: 10 * MINUTE });
    const page = fakePage('hidden');
    // Records queued behind this outbox's back (another tab) are found only by a trigger.
    const behindItsBack = () =>
      store.queue({
        id: newId(),
        kind: 'debrief',
        body: {},
        queuedAt: 0,
        attempts: 0,
        state: 'pending',
      });
    await behindItsBack();
    outbox.start(page);
    await vi.advanceTimersByTimeAsync(0);
    expect(hub.sends).toHaveLength(1);

    await behindItsBack();
    page.window.dispatchEvent(new Event('online'));
    await vi.advanceTimersByTimeAsync(0);
    expect(hub.sends).toHaveLength(2);

    await behindItsBack();
    page.document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(hub.sends).toHaveLength(2);
    page.document.visibilityState = 'visible';
    page.document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(hub.sends).toHaveLength(3);

    await behindItsBack();
    await vi.advanceTimersByTimeAsync(10 * MINUTE);
    expect(hub.sends).toHaveLength(4);

    await outbox.stop();
    expect(vi.getTimerCount()).toBe(0);
    await behindItsBack();
    page.window.dispatchEvent(new Event('online'));
    page.document.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(hub.sends).toHaveLength(4);
  });

  it('sends nothing by itself until started', async () => {
    const { hub, outbox } = setup();
    await queueMany(outbox, 2);
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(hub.sends).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('announces pending, sending, needs attention and the last success', async () => {
    const { hub, outbox, statuses } = setup();
    const [first] = await queueMany(outbox, 2);
    hub.rows.set(first!.id, { body: 'other', deviceSeq: 1 });
    await outbox.flush();
    expect(statuses[0]).toEqual({
      pending: 0,
      sending: false,
      needsAttention: 0,
      lastSuccessAt: null,
      lastError: null,
    });
    expect(statuses.some((status) => status.sending && status.pending === 2)).toBe(true);
    expect(statuses.at(-1)).toEqual({
      pending: 0,
      sending: false,
      needsAttention: 1,
      lastSuccessAt: Date.now(),
      lastError: null,
    });
  });

  it('stop() aborts a send in flight and keeps its record pending', async () => {
    const { hub, store, outbox, record } = await startWithOne(['hang']);
    await vi.advanceTimersByTimeAsync(0);
    await outbox.stop();
    expect(await store.get(record!.id)).toMatchObject({ state: 'pending', attempts: 0 });
    expect(outbox.status.lastError).toBeNull();
    await vi.advanceTimersByTimeAsync(60 * MINUTE);
    expect(hub.sends).toHaveLength(1);
  });
});
