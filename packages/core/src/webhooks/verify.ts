import { StueError } from '../errors.js';
import type { WebhookEvent } from './events.js';

/** Why a webhook was not accepted as coming from the hub. */
export type WebhookErrorCode =
  'invalid_secret' | 'missing_headers' | 'invalid_timestamp' | 'invalid_signature' | 'invalid_body';

/** A webhook that cannot be shown to come from the hub, or is too old or too new to accept. */
export class StueWebhookError extends StueError {
  override name = 'StueWebhookError';
  constructor(
    override readonly code: WebhookErrorCode,
    message: string,
  ) {
    super(code, message);
  }
}

/** Request headers as `fetch` (`Headers`) or Node's `http` (`IncomingHttpHeaders`) gives them. */
export type WebhookHeaders = Headers | Record<string, string | readonly string[] | undefined>;

/** Options for {@link verifyWebhook}. */
export interface VerifyWebhookOptions {
  /** How far `webhook-timestamp` may be from now, in seconds (default 300). */
  toleranceSeconds?: number;
  /** The time to check against (default now). */
  now?: Date;
}

function header(headers: WebhookHeaders, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') {
    return (headers as Headers).get(name) ?? undefined;
  }
  const record = headers as Record<string, string | readonly string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return typeof value === 'string' ? value : value?.[0];
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/**
 * Checks that a webhook came from the hub (Standard Webhooks): the HMAC-SHA256 of
 * `webhook-id.webhook-timestamp.body` under the endpoint's secret must match one of the `v1,…`
 * signatures in `webhook-signature`, and the timestamp must be within five minutes of now (so a
 * captured request cannot be replayed later). Pass the body exactly as received — parsing and
 * re-serialising it changes the bytes. Uses WebCrypto, so it runs in Node, Deno, workers and
 * browsers. Answers the event; store its `webhook-id` to ignore a delivery that comes twice.
 *
 * @throws {StueWebhookError} `invalid_secret` (also when `secret` is missing), `missing_headers`, `invalid_timestamp`,
 *   `invalid_signature` or `invalid_body`
 *
 * @example
 * // In a Node http server, with the raw body read as a string:
 * const event = await verifyWebhook(process.env.STUE_WEBHOOK_SECRET, req.headers, body);
 * if (event.type === 'booking.confirmed') console.log(event.data.reference, event.data.start);
 */
export async function verifyWebhook(
  secret: string | undefined,
  headers: WebhookHeaders,
  body: string | Uint8Array,
  options: VerifyWebhookOptions = {},
): Promise<WebhookEvent> {
  // A missing secret (an unset environment variable) is refused like a wrong one.
  const key = secret
    ? fromBase64(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret)
    : undefined;
  if (!key || key.length === 0) {
    throw new StueWebhookError(
      'invalid_secret',
      'The webhook secret is missing or not a whsec_ secret',
    );
  }
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signatures = header(headers, 'webhook-signature');
  if (!id || !timestamp || !signatures) {
    throw new StueWebhookError('missing_headers', 'The webhook headers are missing');
  }
  const seconds = Number(timestamp);
  const now = (options.now ?? new Date()).getTime() / 1000;
  if (!/^\d+$/.test(timestamp) || Math.abs(now - seconds) > (options.toleranceSeconds ?? 300)) {
    throw new StueWebhookError('invalid_timestamp', 'The webhook is too old or from the future');
  }
  const encoder = new TextEncoder();
  const bytes = typeof body === 'string' ? encoder.encode(body) : body;
  const prefix = encoder.encode(`${id}.${timestamp}.`);
  const signed = new Uint8Array(prefix.length + bytes.length);
  signed.set(prefix);
  signed.set(bytes, prefix.length);
  const hmac = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'verify',
  ]);
  let valid = false;
  for (const entry of signatures.split(' ')) {
    const [version, value = ''] = entry.split(',', 2);
    const signature = version === 'v1' ? fromBase64(value) : undefined;
    // `verify` compares in constant time.
    if (signature && (await crypto.subtle.verify('HMAC', hmac, signature, signed))) valid = true;
  }
  if (!valid) throw new StueWebhookError('invalid_signature', 'The webhook signature is wrong');
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as WebhookEvent;
  } catch {
    throw new StueWebhookError('invalid_body', 'The webhook body is not JSON');
  }
}
