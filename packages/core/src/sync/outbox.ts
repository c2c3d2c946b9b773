import { isRetryable, StueError, StueHttpError, StueNetworkError } from '../errors.js';
import { isUuidV7, newId } from '../ids.js';
import { backoffDelay } from './backoff.js';

/** Where a queued record stands: waiting to be sent, or set aside for a person to look at. */
export type OutboxRecordState = 'pending' | 'needs-attention';

/** Why the last attempt failed, without personal data: codes and hub messages only. */
export interface OutboxErrorInfo {
  /** A stable code: the hub's error code, `network`, `timeout`, `http_<status>`, … */
  code: string;
  message: string;
  /** The HTTP status, when the hub answered. */
  status?: number;
  /** When it happened, by the device clock (for display only; never compared). */
  at: number;
}

/**
 * One record in the outbox. It is stored before its first send and stays until the hub has
 * acknowledged it (or answered that it must not be resent).
 *
 * @example
 * const record: OutboxRecord = {
 *   id: newId(), kind: 'feedback-response', deviceSeq: 7, body: sealedEnvelope,
 *   queuedAt: Date.now(), attempts: 0, state: 'pending',
 * };
 */
export interface OutboxRecord {
  /** The client id (UUIDv7), the hub's dedupe key: every retry sends the same one. */
  id: string;
  /** What the record is, e.g. `feedback-response`; the transport maps it to an endpoint. */
  kind: string;
  /** This device's sequence number, assigned when queued and never reused; lets the hub see gaps. */
  deviceSeq: number;
  /** The payload, as JSON would carry it (for feedback: a sealed envelope). */
  body: unknown;
  /** When it was queued, by the device clock: informational, never compared with anything. */
  queuedAt: number;
  /** How many sends have been answered or have failed. */
  attempts: number;
  lastError?: OutboxErrorInfo;
  state: OutboxRecordState;
}

/** A record as handed to {@link OutboxStore.queue}: everything but the sequence number. */
export type NewOutboxRecord = Omit<OutboxRecord, 'deviceSeq'>;

/** Options for {@link OutboxStore.queue}. */
export interface StoreQueueOptions {
  /**
   * A draft (by session id) to delete in the same atomic write, so a finished answer is either
   * still a draft or already queued, never neither. Only stores that keep drafts support it.
   */
  clearDraft?: string;
}

/**
 * Where the outbox keeps its records: {@link MemoryOutboxStore} in Node and tests, the IndexedDB
 * store from `@stue/core/idb` in browsers. `queue` must be atomic and durable before it resolves.
 *
 * @example
 * const store: OutboxStore = new MemoryOutboxStore();
 * const record = await store.queue({ id: newId(), kind: 'debrief', body: {}, queuedAt: Date.now(),
 *   attempts: 0, state: 'pending' });
 * record.deviceSeq; // 1
 */
export interface OutboxStore {
  /**
   * Assigns the next sequence number and stores the record, in one atomic operation. Queuing an
   * id that is already stored with the same body returns the stored record (no new number);
   * with a different body it rejects with `outbox_duplicate_id`.
   */
  queue(record: NewOutboxRecord, options?: StoreQueueOptions): Promise<OutboxRecord>;
  get(id: string): Promise<OutboxRecord | undefined>;
  /** Every record, in sequence order. */
  list(): Promise<OutboxRecord[]>;
  /**
   * Replaces a stored record (state, attempts, last error). Does nothing when the record is gone:
   * another tab may have sent it meanwhile, and it must not come back.
   */
  put(record: OutboxRecord): Promise<void>;
  delete(id: string): Promise<void>;
  /** The number the next `queue` will assign. */
  nextSeq(): Promise<number>;
}

/**
 * What the hub said about a record. Acknowledged covers both "created" (201) and "replay of one
 * I already have" (200): both mean the hub holds it. Failures that may pass are thrown instead.
 */
export type SendOutcome =
  | { kind: 'acknowledged'; replayed?: boolean }
  /** Same id, different body (409): kept locally, set aside, never retried automatically. */
  | { kind: 'conflict'; code: string }
  /** The hub must not receive it again, e.g. its person was erased (410): purged locally. */
  | { kind: 'gone'; code: string };

/** Options the outbox passes to each send. */
export interface SendOptions {
  /** Aborted on the outbox's request timeout and on `stop()`. */
  signal: AbortSignal;
}

/**
 * Sends one record. Resolves with the hub's verdict, or throws a `StueError`: retryable ones
 * (per `isRetryable`) are retried with backoff, others set the record aside. See `httpTransport`.
 *
 * @example
 * const transport: Transport = { send: async () => ({ kind: 'acknowledged' }) };
 */
export interface Transport {
  send(record: OutboxRecord, options: SendOptions): Promise<SendOutcome>;
}

/**
 * What a UI shows about syncing. A new object on every change. The counts are read from the
 * store by `start()`, `flush()` and `list()` (so a reload shows what is still queued) and kept
 * up to date by the outbox's own changes in between.
 */
export interface OutboxStatus {
  /** Records waiting to be sent (including one being sent). */
  pending: number;
  /** A flush is sending records now. */
  sending: boolean;
  /** Records set aside (409, or refused by the hub); see {@link Outbox.retry} and `discard`. */
  needsAttention: number;
  /** When the hub last acknowledged a record, by the device clock; `null` since start. */
  lastSuccessAt: number | null;
  /** Why the last flush stopped early (network, timeout, 5xx, 401…); cleared by a success. */
  lastError: OutboxErrorInfo | null;
}

/** A record, without its body, as announced in outbox events (bodies may be personal). */
export interface OutboxRecordSummary {
  id: string;
  kind: string;
  deviceSeq: number;
  attempts: number;
  lastError?: OutboxErrorInfo;
}

/**
 * Fired as `stue-outbox-change` whenever {@link OutboxStatus} changes.
 *
 * @example
 * outbox.addEventListener('stue-outbox-change', (event) => render(event.status));
 */
export class OutboxChangeEvent extends Event {
  constructor(readonly status: OutboxStatus) {
    super('stue-outbox-change');
  }
}

/**
 * Fired as `stue-outbox-attention` (a record was set aside), `stue-outbox-purge` (the hub said
 * 410: removed locally) or `stue-outbox-discard` (a person discarded a set-aside record). These
 * are the outbox's log of records that left the queue without an acknowledgement.
 *
 * @example
 * outbox.addEventListener('stue-outbox-purge', ({ record }) => log('purged', record.kind, record.deviceSeq));
 */
export class OutboxRecordEvent extends Event {
  constructor(
    type: 'stue-outbox-attention' | 'stue-outbox-purge' | 'stue-outbox-discard',
    readonly record: OutboxRecordSummary,
  ) {
    super(type);
  }
}

/** The events an {@link Outbox} dispatches, by type. */
export interface OutboxEventMap {
  'stue-outbox-change': OutboxChangeEvent;
  'stue-outbox-attention': OutboxRecordEvent;
  'stue-outbox-purge': OutboxRecordEvent;
  'stue-outbox-discard': OutboxRecordEvent;
}

/**
 * The defaults of {@link OutboxOptions}: backoff from 1 s doubling to a 5-minute cap, a 15 s
 * request timeout, a look every minute while idle, `Retry-After` honoured up to an hour.
 *
 * @example
 * new Outbox({ store, transport, backoffCapMs: OUTBOX_DEFAULTS.backoffCapMs / 5 });
 */
export const OUTBOX_DEFAULTS = {
  backoffBaseMs: 1_000,
  backoffCapMs: 5 * 60_000,
  timeoutMs: 15_000,
  intervalMs: 60_000,
  maxRetryAfterMs: 60 * 60_000,
} as const;

/**
 * How an {@link Outbox} stores, sends and paces. Only `store` and `transport` are required; see
 * {@link OUTBOX_DEFAULTS}.
 *
 * @example
 * const options: OutboxOptions = { store: new MemoryOutboxStore(), transport, timeoutMs: 30_000 };
 */
export interface OutboxOptions {
  store: OutboxStore;
  transport: Transport;
  /** First backoff ceiling after a retryable failure (default 1 s); doubles per failure. */
  backoffBaseMs?: number;
  /** Largest backoff ceiling (default 5 min): a tablet back online waits at most this long. */
  backoffCapMs?: number;
  /** Abort a send that has not been answered after this long (default 15 s). */
  timeoutMs?: number;
  /** After a clean flush, look again this often while started (default 1 min). */
  intervalMs?: number;
  /** The longest `Retry-After` honoured (default 1 h), against a misconfigured hub. */
  maxRetryAfterMs?: number;
  /** A source of randomness in [0, 1) for jitter (default `Math.random`; tests pin it). */
  random?: () => number;
}

/** Options for {@link Outbox.queue}. */
export interface QueueOptions extends StoreQueueOptions {
  /** The record's client id, when the caller made it earlier (default: a new UUIDv7). */
  id?: string;
}

/**
 * What {@link Outbox.start} listens to: `online` on the window, `visibilitychange` on the
 * document. Without it only a timer is used and nothing global is touched. A window whose
 * `navigator.onLine` is false at the start makes no first try: the `online` event starts sending.
 */
export interface OutboxTriggerTarget {
  window?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & {
    readonly navigator?: { readonly onLine: boolean };
  };
  document?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'> & {
    // `string` rather than the DOM's `DocumentVisibilityState`, so the type reads without the DOM lib.
    readonly visibilityState: string;
  };
}

type PassResult = 'done' | 'retry' | 'stopped';

// EventTarget's own parameter types, named through EventTarget rather than the DOM lib's names
// (which a Node-only project without `DOM` in its lib does not have).
type Listener = Parameters<EventTarget['addEventListener']>[1];
type AddOptions = Parameters<EventTarget['addEventListener']>[2];
type Timer = ReturnType<typeof setTimeout>;

function later(callback: () => void, ms: number): Timer {
  const timer = setTimeout(callback, ms);
  // In Node a pending retry must not keep a script alive that has nothing else to do.
  if (typeof timer === 'object' && typeof timer.unref === 'function') timer.unref();
  return timer;
}

function errorInfo(error: unknown): OutboxErrorInfo {
  const at = Date.now();
  if (error instanceof StueHttpError) {
    return { code: error.code, message: error.message, status: error.status, at };
  }
  if (error instanceof StueError) return { code: error.code, message: error.message, at };
  // Messages of unknown errors can hold anything, so only their name is kept.
  const name = error instanceof Error ? error.name : typeof error;
  return { code: 'transport_error', message: `The transport failed (${name})`, at };
}

function summary(record: OutboxRecord): OutboxRecordSummary {
  const { id, kind, deviceSeq, attempts, lastError } = record;
  return lastError
    ? { id, kind, deviceSeq, attempts, lastError }
    : { id, kind, deviceSeq, attempts };
}

function asJson(body: unknown): unknown {
  let text: string | undefined;
  try {
    text = JSON.stringify(body);
  } catch (cause) {
    throw new StueError('outbox_body_not_json', 'The record body cannot be sent as JSON', {
      cause,
    });
  }
  if (text === undefined) {
    throw new StueError('outbox_body_not_json', 'The record body cannot be sent as JSON');
  }
  return JSON.parse(text);
}

/** Auth failures concern the device (revoked, token rotated), not the record: keep it queued. */
function isDeviceRefusal(error: unknown): boolean {
  return error instanceof StueHttpError && (error.status === 401 || error.status === 403);
}

/**
 * The offline outbox: records are stored with their client id and device sequence number before
 * the first send, and stay until the hub acknowledges them. It speaks the sync protocol of
 * RELIABILITY.md: a replay is a success (200), a conflict (409) sets the record aside for a
 * person, `gone` (410) purges it. Nothing is ever dropped for age, and no clock is compared.
 *
 * Records are sent one at a time in sequence order, so the hub sees a device's records in order
 * and a gap is a real gap. A retryable failure (network, timeout, 429, 5xx, and 401/403, which
 * concern the device, not the record) ends the flush; the next one starts after a capped
 * exponential backoff with full jitter, or after the hub's `Retry-After` if that is longer.
 * Other failures set the record aside and the flush goes on with the next.
 *
 * @example
 * const outbox = new Outbox({
 *   store: (await openStueDb()).outbox,
 *   transport: httpTransport({ api: 'https://hub.example.dk/', token, paths: { 'feedback-response': 'feedback' } }),
 * });
 * outbox.subscribe((status) => render(status)); // { pending: 0, sending: false, … }
 * outbox.start({ window, document });
 * await outbox.queue('feedback-response', sealedEnvelope); // resolves once durably stored
 */
export class Outbox extends EventTarget {
  readonly #store: OutboxStore;
  readonly #transport: Transport;
  readonly #options: Required<Omit<OutboxOptions, 'store' | 'transport'>>;
  #status: OutboxStatus = {
    pending: 0,
    sending: false,
    needsAttention: 0,
    lastSuccessAt: null,
    lastError: null,
  };
  #started = false;
  #target: OutboxTriggerTarget | undefined;
  #failures = 0;
  #retryAfterMs = 0;
  /** True while the hub's `Retry-After` runs: nothing is sent, whatever triggers. */
  #held = false;
  #holdTimer: Timer | undefined;
  #timer: Timer | undefined;
  readonly #pendingIds = new Set<string>();
  readonly #attentionIds = new Set<string>();
  #flushing: Promise<void> | null = null;
  #again = false;
  #generation = 0;
  #inFlight: AbortController | null = null;

  constructor(options: OutboxOptions) {
    super();
    this.#store = options.store;
    this.#transport = options.transport;
    this.#options = {
      backoffBaseMs: options.backoffBaseMs ?? OUTBOX_DEFAULTS.backoffBaseMs,
      backoffCapMs: options.backoffCapMs ?? OUTBOX_DEFAULTS.backoffCapMs,
      timeoutMs: options.timeoutMs ?? OUTBOX_DEFAULTS.timeoutMs,
      intervalMs: options.intervalMs ?? OUTBOX_DEFAULTS.intervalMs,
      maxRetryAfterMs: options.maxRetryAfterMs ?? OUTBOX_DEFAULTS.maxRetryAfterMs,
      random: options.random ?? Math.random,
    };
  }

  override addEventListener<K extends keyof OutboxEventMap>(
    type: K,
    listener: ((event: OutboxEventMap[K]) => void) | null,
    options?: AddOptions,
  ): void;
  override addEventListener(type: string, listener: Listener, options?: AddOptions): void;
  override addEventListener(type: string, listener: Listener, options?: AddOptions): void {
    super.addEventListener(type, listener, options);
  }

  override removeEventListener<K extends keyof OutboxEventMap>(
    type: K,
    listener: ((event: OutboxEventMap[K]) => void) | null,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: Listener,
    options?: boolean | EventListenerOptions,
  ): void;
  override removeEventListener(
    type: string,
    listener: Listener,
    options?: boolean | EventListenerOptions,
  ): void {
    super.removeEventListener(type, listener, options);
  }

  /** The current status; see {@link Outbox.subscribe} to follow it. */
  get status(): OutboxStatus {
    return this.#status;
  }

  /**
   * Calls `listener` with the current status now and after every change; returns the
   * unsubscribe function.
   *
   * @example
   * const stop = outbox.subscribe(({ pending, needsAttention }) => show(pending, needsAttention));
   */
  subscribe(listener: (status: OutboxStatus) => void): () => void {
    const onChange = (event: OutboxChangeEvent) => listener(event.status);
    this.addEventListener('stue-outbox-change', onChange);
    listener(this.#status);
    return () => this.removeEventListener('stue-outbox-change', onChange);
  }

  /**
   * Stores a record for sending and resolves once it is durably stored: only then may a UI say
   * "saved". The body is copied through JSON, so what is stored is exactly what every send
   * carries. When started and not backing off, a flush follows.
   *
   * @throws {StueError} `invalid_id`, `invalid_kind`, `outbox_body_not_json`,
   *   `outbox_duplicate_id`, or whatever the store throws (nothing was stored then)
   *
   * @example
   * const record = await outbox.queue('debrief', { howItWent: 'good' });
   * record.deviceSeq; // 12
   */
  async queue(kind: string, body: unknown, options: QueueOptions = {}): Promise<OutboxRecord> {
    const id = options.id ?? newId();
    if (!isUuidV7(id)) throw new StueError('invalid_id', 'An outbox record id must be a UUIDv7');
    if (typeof kind !== 'string' || kind === '') {
      throw new StueError('invalid_kind', 'An outbox record needs a kind');
    }
    const fresh: NewOutboxRecord = {
      id,
      kind,
      body: asJson(body),
      queuedAt: Date.now(),
      attempts: 0,
      state: 'pending',
    };
    const queueOptions = options.clearDraft === undefined ? {} : { clearDraft: options.clearDraft };
    const stored = await this.#store.queue(fresh, queueOptions);
    if (stored.state === 'pending') this.#track(stored.id, 'pending');
    if (this.#started && this.#failures === 0) void this.flush();
    return stored;
  }

  /**
   * Sends what is pending now, in sequence order, unless the hub's `Retry-After` is running.
   * Resolves when this flush ends (sent, set aside, or stopped by a retryable failure); it never
   * rejects: failures are in {@link OutboxStatus.lastError} and on the records.
   *
   * @example
   * await outbox.flush();
   */
  flush(): Promise<void> {
    if (this.#held) return this.#flushing ?? Promise.resolve();
    if (this.#flushing) {
      this.#again = true;
      return this.#flushing;
    }
    this.#flushing = this.#loop().finally(() => {
      this.#flushing = null;
    });
    return this.#flushing;
  }

  /**
   * Starts sending: a flush now, another after each backoff or interval, and, given a target,
   * on the window's `online` event and when the document becomes visible. A window that says it
   * is offline (`navigator.onLine` false, which browsers report only when no network is there)
   * gets no flush now: its `online` event starts the sending. Without a target nothing global is
   * touched (Node).
   *
   * @example
   * outbox.start({ window, document });
   */
  start(target?: OutboxTriggerTarget): void {
    if (this.#started) return;
    this.#started = true;
    this.#target = target;
    target?.window?.addEventListener('online', this.#onOnline);
    target?.document?.addEventListener('visibilitychange', this.#onVisibility);
    if (target?.window?.navigator?.onLine === false) return;
    void this.flush();
  }

  /**
   * Stops sending: removes listeners and timers and aborts a send in flight (its record stays
   * pending; if the hub got it, the next send is answered as a replay). Resolves when the
   * current flush has ended.
   *
   * @example
   * await outbox.stop();
   */
  stop(): Promise<void> {
    this.#started = false;
    this.#target?.window?.removeEventListener('online', this.#onOnline);
    this.#target?.document?.removeEventListener('visibilitychange', this.#onVisibility);
    this.#target = undefined;
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#generation += 1;
    this.#inFlight?.abort(new StueError('outbox_stopped', 'The outbox was stopped'));
    return this.#flushing ?? Promise.resolve();
  }

  /**
   * Every record in the outbox, in sequence order (e.g. for a "needs attention" list).
   *
   * @example
   * const setAside = (await outbox.list()).filter((r) => r.state === 'needs-attention');
   */
  async list(): Promise<OutboxRecord[]> {
    const records = await this.#store.list();
    this.#recount(records);
    return records;
  }

  /**
   * Puts a set-aside record back in the queue and flushes. Returns false when there is no such
   * record or it is not set aside.
   *
   * @example
   * await outbox.retry(record.id);
   */
  async retry(id: string): Promise<boolean> {
    const record = await this.#store.get(id);
    if (!record || record.state !== 'needs-attention') return false;
    await this.#store.put({ ...record, state: 'pending' });
    this.#track(id, 'pending');
    void this.flush();
    return true;
  }

  /**
   * Deletes a set-aside record for good, as a person's explicit decision, and announces it with
   * a `stue-outbox-discard` event. Pending records cannot be discarded: they are not lost yet.
   *
   * @throws {StueError} `outbox_not_discardable` when the record is pending
   *
   * @example
   * outbox.addEventListener('stue-outbox-discard', (e) => audit('discarded', e.record.id));
   * await outbox.discard(record.id);
   */
  async discard(id: string): Promise<boolean> {
    const record = await this.#store.get(id);
    if (!record) return false;
    if (record.state !== 'needs-attention') {
      throw new StueError(
        'outbox_not_discardable',
        'Only a record that needs attention can be discarded',
      );
    }
    await this.#store.delete(id);
    this.#track(id, null);
    this.dispatchEvent(new OutboxRecordEvent('stue-outbox-discard', summary(record)));
    return true;
  }

  readonly #onOnline = () => {
    void this.flush();
  };

  readonly #onVisibility = () => {
    if (this.#target?.document?.visibilityState === 'visible') void this.flush();
  };

  async #loop(): Promise<void> {
    let result: PassResult;
    do {
      this.#again = false;
      clearTimeout(this.#timer);
      this.#timer = undefined;
      result = await this.#pass(this.#generation);
    } while (this.#again && result === 'done' && !this.#held);
    if (this.#status.sending) this.#update({ sending: false });
    this.#schedule(result);
  }

  async #pass(generation: number): Promise<PassResult> {
    let records: OutboxRecord[];
    try {
      records = await this.#store.list();
    } catch (error) {
      return this.#retryLater(error);
    }
    this.#recount(records);
    for (const record of records) {
      if (generation !== this.#generation) return 'stopped';
      if (record.state !== 'pending') continue;
      if (!this.#status.sending) this.#update({ sending: true });
      const result = await this.#attempt(record, generation);
      if (result !== 'done') return result;
    }
    return 'done';
  }

  async #attempt(record: OutboxRecord, generation: number): Promise<PassResult> {
    const controller = new AbortController();
    this.#inFlight = controller;
    const timeout = later(
      () => controller.abort(new StueNetworkError('timeout', 'The hub did not answer in time')),
      this.#options.timeoutMs,
    );
    let outcome: SendOutcome | undefined;
    let failure: unknown;
    try {
      outcome = await untilAborted(
        this.#transport.send(record, { signal: controller.signal }),
        controller.signal,
      );
    } catch (error) {
      failure = error;
    } finally {
      clearTimeout(timeout);
      this.#inFlight = null;
    }
    if (generation !== this.#generation) return 'stopped';
    try {
      if (outcome) return await this.#settle(record, outcome);
      const info = errorInfo(failure);
      if (isRetryable(failure) || isDeviceRefusal(failure)) {
        await this.#store.put({ ...record, attempts: record.attempts + 1, lastError: info });
        const seconds = failure instanceof StueHttpError ? failure.retryAfter : undefined;
        return this.#retryLater(failure, seconds, info);
      }
      await this.#setAside(record, info);
      return 'done';
    } catch (storeError) {
      return this.#retryLater(storeError);
    }
  }

  async #settle(record: OutboxRecord, outcome: SendOutcome): Promise<PassResult> {
    const at = Date.now();
    switch (outcome.kind) {
      case 'acknowledged':
        await this.#store.delete(record.id);
        this.#failures = 0;
        this.#track(record.id, null, { lastSuccessAt: at, lastError: null });
        return 'done';
      case 'conflict':
        await this.#setAside(record, {
          code: outcome.code,
          message: 'The hub holds a different record with this id',
          status: 409,
          at,
        });
        return 'done';
      case 'gone': {
        await this.#store.delete(record.id);
        this.#track(record.id, null);
        const lastError = { code: outcome.code, message: 'The hub must not receive it', at };
        const purged = { ...record, attempts: record.attempts + 1, lastError };
        this.dispatchEvent(new OutboxRecordEvent('stue-outbox-purge', summary(purged)));
        return 'done';
      }
    }
  }

  async #setAside(record: OutboxRecord, lastError: OutboxErrorInfo): Promise<void> {
    const setAside: OutboxRecord = {
      ...record,
      state: 'needs-attention',
      attempts: record.attempts + 1,
      lastError,
    };
    await this.#store.put(setAside);
    this.#track(record.id, 'needs-attention');
    this.dispatchEvent(new OutboxRecordEvent('stue-outbox-attention', summary(setAside)));
  }

  #retryLater(error: unknown, retryAfterSeconds?: number, info = errorInfo(error)): PassResult {
    this.#failures += 1;
    this.#retryAfterMs =
      retryAfterSeconds === undefined
        ? 0
        : Math.min(retryAfterSeconds * 1000, this.#options.maxRetryAfterMs);
    this.#update({ lastError: info });
    return 'retry';
  }

  #schedule(result: PassResult): void {
    if (result === 'stopped') return;
    let delay = this.#options.intervalMs;
    if (result === 'retry') {
      const { backoffBaseMs: baseMs, backoffCapMs: capMs, random } = this.#options;
      delay = Math.max(backoffDelay(this.#failures, { baseMs, capMs }, random), this.#retryAfterMs);
      if (this.#retryAfterMs > 0) {
        // The hub asked for quiet: hold every trigger (even unstarted), and flush when it ends.
        this.#hold(delay);
        return;
      }
    }
    if (!this.#started) return;
    clearTimeout(this.#timer);
    this.#timer = later(() => {
      this.#timer = undefined;
      void this.flush();
    }, delay);
  }

  /** A timer, not a timestamp, ends the hold: a clock changed meanwhile cannot stretch it. */
  #hold(ms: number): void {
    this.#held = true;
    clearTimeout(this.#holdTimer);
    this.#holdTimer = later(() => {
      this.#held = false;
      this.#holdTimer = undefined;
      if (this.#started) void this.flush();
    }, ms);
  }

  /** Rebuilds the counts from the store, which other tabs may have changed. */
  #recount(records: OutboxRecord[]): void {
    this.#pendingIds.clear();
    this.#attentionIds.clear();
    for (const record of records) {
      (record.state === 'pending' ? this.#pendingIds : this.#attentionIds).add(record.id);
    }
    this.#track(undefined, null);
  }

  /**
   * Moves a record between the counted sets (`null`: gone) and announces the status if it
   * changed. Sets, not counters, so a repeated queue or a double delete cannot skew the counts.
   */
  #track(
    id: string | undefined,
    state: OutboxRecordState | null,
    change: Partial<OutboxStatus> = {},
  ): void {
    if (id !== undefined) {
      this.#pendingIds.delete(id);
      this.#attentionIds.delete(id);
      if (state === 'pending') this.#pendingIds.add(id);
      if (state === 'needs-attention') this.#attentionIds.add(id);
    }
    const next = {
      ...change,
      pending: this.#pendingIds.size,
      needsAttention: this.#attentionIds.size,
    };
    const changed = (Object.keys(next) as (keyof OutboxStatus)[]).some(
      (key) => next[key] !== this.#status[key],
    );
    if (changed) this.#update(next);
  }

  #update(change: Partial<OutboxStatus>): void {
    this.#status = { ...this.#status, ...change };
    this.dispatchEvent(new OutboxChangeEvent(this.#status));
  }
}

/** Settles with `promise`, or rejects with the abort reason, so a transport that ignores its signal cannot stall a flush. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
