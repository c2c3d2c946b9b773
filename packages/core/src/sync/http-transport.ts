import { StueError, StueNetworkError } from '../errors.js';
import { apiBase, errorFromResponse } from '../http/response-errors.js';
import type { OutboxRecord, SendOptions, SendOutcome, Transport } from './outbox.js';

/** Where and as whom {@link httpTransport} sends. */
export interface HttpTransportOptions {
  /** The hub's base URL, e.g. `https://stue.example.dk/`. */
  api: string | URL;
  /** The device token, or a function that reads the current one before every send. */
  token: string | (() => string | Promise<string>);
  /** The endpoint for each record kind, under `api/v1/`: `{ 'feedback-response': 'feedback' }`. */
  paths: Readonly<Record<string, string>>;
  /** A `fetch` to use instead of the global one (tests, Node proxies). */
  fetch?: typeof fetch;
}

/**
 * A {@link Transport} over HTTP for the Stue hub.
 *
 * Wire format: `POST {api}api/v1/{paths[kind]}` with `Authorization: Bearer {token}`,
 * `Content-Type: application/json` and the body `{"id", "deviceSeq", "kind", "body"}`, where `id`
 * is the record's client id and the hub's dedupe key (no `Idempotency-Key` header is needed).
 * The hub answers:
 *
 * - `201` stored, or `200` a replay of a record it holds with the same body → acknowledged;
 *   any other 2xx is taken as acknowledged too;
 * - `409` same id, different body → `conflict` with the `error.code` of the answer;
 * - `410` must not be resent (e.g. the person was erased) → `gone` with its `error.code`;
 * - anything else throws: `StueHttpError` (429 and 5xx are retried, honouring `Retry-After`;
 *   401/403 keep the record queued), `StueValidationError` for a 400 with issues, and
 *   `StueNetworkError` when the hub cannot be reached or the outbox's timeout aborts the send.
 *
 * Error answers use the hub's usual `{"error": {"code", "message"}}`. A hub on another origin
 * must expose `Retry-After` (and `Date`) through `Access-Control-Expose-Headers`.
 *
 * @example
 * const transport = httpTransport({
 *   api: 'https://stue.example.dk/',
 *   token: () => deviceToken,
 *   paths: { 'feedback-response': 'feedback', debrief: 'debriefs' },
 * });
 */
export function httpTransport(options: HttpTransportOptions): Transport {
  const base = apiBase(options.api);
  return {
    async send(record: OutboxRecord, { signal }: SendOptions): Promise<SendOutcome> {
      const path = Object.hasOwn(options.paths, record.kind) ? options.paths[record.kind] : '';
      if (!path) {
        throw new StueError('unknown_kind', `No endpoint is configured for "${record.kind}"`);
      }
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      const { id, deviceSeq, kind, body } = record;
      let response: Response;
      try {
        response = await (options.fetch ?? fetch)(new URL(`api/v1/${path}`, base), {
          method: 'POST',
          headers: {
            authorization: `Bearer ${token}`,
            'content-type': 'application/json',
            accept: 'application/json',
          },
          body: JSON.stringify({ id, deviceSeq, kind, body }),
          signal,
        });
      } catch (cause) {
        if (signal.aborted) {
          const reason: unknown = signal.reason;
          if (reason instanceof StueError) throw reason;
          if (reason instanceof DOMException && reason.name === 'TimeoutError') {
            throw new StueNetworkError('timeout', 'The hub did not answer in time', { cause });
          }
          throw reason;
        }
        throw new StueNetworkError('network', 'The hub could not be reached', { cause });
      }
      if (response.ok) {
        // The answer's body is not needed; cancelling it frees the connection at once in Node.
        await response.body?.cancel().catch(() => undefined);
        return { kind: 'acknowledged', replayed: response.status === 200 };
      }
      const { code, error } = await errorFromResponse(response);
      if (response.status === 409) return { kind: 'conflict', code: code ?? 'conflict' };
      if (response.status === 410) return { kind: 'gone', code: code ?? 'gone' };
      throw error;
    },
  };
}
