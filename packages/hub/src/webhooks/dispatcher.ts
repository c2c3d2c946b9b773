import { createHmac } from 'node:crypto';
import { lookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { addressKind } from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import { locksRows } from '../db/dialect.js';
import type { Log } from '../http/log.js';

/** How the dispatcher sends and retries. */
export interface DispatcherOptions {
  /** How often to look for due deliveries (default 1 000 ms). */
  pollMs?: number;
  /** How long one attempt may take, connection to last byte (default 10 000 ms). */
  timeoutMs?: number;
  /** Attempts before a delivery is given up as `failed` (default 12: about 14 hours). */
  maxAttempts?: number;
  /** The wait after the first failure; it doubles with every further one (default 30 000 ms). */
  baseDelayMs?: number;
  /** The longest wait between attempts (default 6 hours). */
  maxDelayMs?: number;
  /** Deliveries worked on per round (default 20). */
  batchSize?: number;
  /** A number in [0, 1) for the jitter (default `Math.random`). */
  random?: () => number;
  /** How host names are resolved (default `dns.lookup`); the answer is checked either way. */
  resolve?: Resolve;
  log?: Log;
}

/** The dispatcher's defaults. */
export const DISPATCHER_DEFAULTS = {
  pollMs: 1_000,
  timeoutMs: 10_000,
  maxAttempts: 12,
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 60 * 60_000,
  batchSize: 20,
} as const;

/**
 * The wait before attempt `attempt + 1` after `attempt` failures: exponential from `baseDelayMs`,
 * capped at `maxDelayMs`, then "equal jitter" (between half and all of it) so that endpoints
 * that failed together do not all come back at the same moment.
 *
 * @example
 * retryDelay(1, { baseDelayMs: 30_000, maxDelayMs: 21_600_000 }, () => 0.5); // 22 500
 */
export function retryDelay(
  attempt: number,
  { baseDelayMs, maxDelayMs }: { baseDelayMs: number; maxDelayMs: number },
  random: () => number,
): number {
  const capped = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(attempt - 1, 30));
  return Math.round(capped / 2 + (random() * capped) / 2);
}

/** Why an attempt failed, as the delivery log records it. */
type AttemptError = 'timeout' | 'network' | 'blocked_address' | 'redirect' | 'http_status';

class AttemptFailed extends Error {
  constructor(readonly reason: AttemptError) {
    super(reason);
  }
}

/** A resolver shaped like `dns.lookup` with `all: true`. */
export type Resolve = (
  hostname: string,
  options: { all: true; family?: number },
  callback: (error: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/**
 * A `lookup` for connections that resolves a host name like the system does, but refuses names
 * that lead into a private network or back to this machine. Used for the connection itself, so a
 * name cannot pass a check and then resolve elsewhere when connecting (DNS rebinding). Loopback is
 * reached only by naming it (`127.0.0.1`, `localhost`), which the endpoint's URL check allows.
 */
export function guardedLookup(resolve: Resolve = lookup as unknown as Resolve) {
  return (
    hostname: string,
    options: { all?: boolean; family?: number },
    callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    resolve(hostname, { family: options.family, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const named = addressKind(hostname);
      const refused = addresses.some((a) => {
        const kind = addressKind(a.address);
        return kind === 'private' || (kind === 'loopback' && named !== 'loopback');
      });
      if (refused || addresses.length === 0) {
        return callback(new AttemptFailed('blocked_address'), []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** One POST with a deadline for the whole exchange; answers the status code. */
function post(
  url: URL,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  stop: AbortSignal,
  resolveName: Resolve | undefined,
): Promise<number> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      // A fresh connection per attempt, closed afterwards: no pooled sockets outlive a stop.
      agent: false,
      lookup: guardedLookup(resolveName) as never,
      signal: stop,
    });
    const timer = setTimeout(() => request.destroy(new AttemptFailed('timeout')), timeoutMs);
    request.on('response', (response) => {
      // The receiver's body is not kept; reading it to the end frees the connection.
      response.resume();
      response.on('end', () => {
        clearTimeout(timer);
        resolve(response.statusCode ?? 0);
      });
      response.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
    request.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    request.end(body);
  });
}

/**
 * The Standard Webhooks signature of a body: `v1,` and the base64 HMAC-SHA256 of
 * `id.timestamp.body` under the secret's bytes.
 */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/** A running dispatcher. */
export interface WebhookDispatcher {
  /** Works off what is due now, once (tests; the timer does this on its own). */
  runOnce(): Promise<void>;
  /**
   * Stops: no new round starts, attempts in flight are cut off (they are tried again after the
   * next start, with the same `webhook-id`), and the promise settles once nothing is left running.
   */
  stop(): Promise<void>;
}

/**
 * Starts the background dispatcher: every `pollMs` it takes the deliveries that are due from
 * the outbox (`webhook_deliveries`), sends each with its signature headers, and records the
 * attempt. A 2xx answer delivers it; anything else (another status, a redirect, a timeout, no
 * connection, an address in a private network) is retried after {@link retryDelay} until
 * `maxAttempts`, then it is `failed`. Every attempt goes into the delivery log.
 *
 * @example
 * const dispatcher = startWebhookDispatcher(db, { log: jsonLog });
 * // … on shutdown:
 * await dispatcher.stop();
 */
export function startWebhookDispatcher(
  db: HubDatabase,
  options: DispatcherOptions = {},
): WebhookDispatcher {
  const settings = { ...DISPATCHER_DEFAULTS, ...options };
  const random = options.random ?? Math.random;
  const stopping = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function attempt(row: {
    id: string;
    payload: string;
    attempt_count: number;
    url: string;
    secret: string;
  }) {
    if (stopping.signal.aborted) return;
    const startedAt = new Date();
    const timestamp = Math.floor(startedAt.getTime() / 1000);
    let statusCode: number | null = null;
    let error: AttemptError | null = null;
    try {
      const url = new URL(row.url);
      // An address written as digits is connected to without a lookup: check it here.
      if (addressKind(url.hostname) === 'private') throw new AttemptFailed('blocked_address');
      statusCode = await post(
        url,
        {
          'content-type': 'application/json',
          'user-agent': 'Stue-Webhooks/1',
          'webhook-id': row.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(row.secret, row.id, timestamp, row.payload),
        },
        row.payload,
        settings.timeoutMs,
        stopping.signal,
        options.resolve,
      );
      if (statusCode >= 300 && statusCode < 400) error = 'redirect';
      else if (statusCode < 200 || statusCode >= 300) error = 'http_status';
    } catch (cause) {
      // Cut off by stop(): not an attempt of the receiver's; the claim lapses and it is tried again.
      if (stopping.signal.aborted) return;
      error = cause instanceof AttemptFailed ? cause.reason : 'network';
    }
    const finishedAt = new Date();
    const number = row.attempt_count + 1;
    const delivered = error === null;
    const givenUp = !delivered && number >= settings.maxAttempts;
    const next =
      delivered || givenUp
        ? null
        : new Date(finishedAt.getTime() + retryDelay(number, settings, random)).toISOString();
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('webhook_attempts')
        .values({
          delivery_id: row.id,
          attempt: number,
          at: startedAt.toISOString(),
          status_code: statusCode,
          error,
          duration_ms: finishedAt.getTime() - startedAt.getTime(),
        })
        .execute();
      await tx
        .updateTable('webhook_deliveries')
        .set({
          status: delivered ? 'delivered' : givenUp ? 'failed' : 'pending',
          attempt_count: number,
          next_attempt_at: next,
          updated_at: finishedAt.toISOString(),
        })
        .where('id', '=', row.id)
        .execute();
    });
    // No URL, payload or receiver's answer in the log: ids and outcomes only.
    options.log?.({
      msg: 'webhook',
      delivery: row.id,
      attempt: number,
      status: statusCode ?? undefined,
      error: error ?? undefined,
      outcome: delivered ? 'delivered' : givenUp ? 'failed' : 'retry',
    });
  }

  /**
   * Takes the deliveries that are due and claims them, in one transaction: each gets a lease
   * (`next_attempt_at` moved past this round's attempts), so nobody else takes it until the
   * attempt is recorded, or the lease lapses because this process died mid-attempt. On
   * PostgreSQL several hubs may share the outbox: `FOR UPDATE SKIP LOCKED` makes each pass over
   * the rows another hub is claiming at that moment, so every delivery is claimed by one of them
   * (docs/adr/0014-several-hubs-on-postgresql.md). SQLite has one writer at a time.
   */
  async function claimDue() {
    const now = new Date();
    const lease = new Date(now.getTime() + settings.timeoutMs + 60_000).toISOString();
    return db.transaction().execute(async (tx) => {
      const due = await tx
        .selectFrom('webhook_deliveries')
        .innerJoin('webhook_endpoints', 'webhook_endpoints.id', 'webhook_deliveries.endpoint_id')
        .select([
          'webhook_deliveries.id',
          'webhook_deliveries.payload',
          'webhook_deliveries.attempt_count',
          'webhook_endpoints.url',
          'webhook_endpoints.secret',
        ])
        .where('webhook_deliveries.status', '=', 'pending')
        .where('webhook_deliveries.next_attempt_at', '<=', now.toISOString())
        .where('webhook_endpoints.disabled_at', 'is', null)
        .orderBy('webhook_deliveries.next_attempt_at')
        .orderBy('webhook_deliveries.id')
        .limit(settings.batchSize)
        .$if(locksRows(db), (q) => q.forUpdate('webhook_deliveries').skipLocked())
        .execute();
      if (due.length > 0) {
        await tx
          .updateTable('webhook_deliveries')
          .set({ next_attempt_at: lease })
          .where(
            'id',
            'in',
            due.map((row) => row.id),
          )
          .execute();
      }
      return due;
    });
  }

  async function round() {
    if (stopping.signal.aborted) return;
    const due = await claimDue();
    await Promise.all(due.map((row) => attempt(row)));
  }

  function runOnce(): Promise<void> {
    running = running.then(round).catch((error: unknown) => {
      options.log?.({
        msg: 'webhook dispatcher error',
        level: 'error',
        error: error instanceof Error ? error.name : 'unknown',
      });
    });
    return running;
  }

  function schedule() {
    if (stopping.signal.aborted) return;
    timer = setTimeout(() => {
      void runOnce().then(schedule);
    }, settings.pollMs);
  }
  schedule();

  return {
    runOnce,
    async stop() {
      stopping.abort();
      clearTimeout(timer);
      await running;
    },
  };
}
