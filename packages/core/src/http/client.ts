import * as z from 'zod/mini';
import {
  nominationReceiptSchema,
  nominationSchema,
  type NominationInput,
  type NominationReceipt,
} from '../schemas/nomination.js';
import type { Lang } from '../validation/messages.js';
import { validate } from '../validation/validate.js';
import {
  apiErrorSchema,
  StueError,
  StueHttpError,
  StueNetworkError,
  StueValidationError,
} from './errors.js';

/** Where the hub is, and how to speak to it. */
export interface ClientOptions {
  /** The hub's base URL, e.g. `https://stue.example.dk/`; paths are resolved against it. */
  api: string | URL;
  /** A partner key: `pk_…` (publishable, for browsers) or a secret key (server to server). */
  key: string;
  /** A `fetch` to use instead of the global one (tests, proxies, older runtimes). */
  fetch?: typeof fetch;
  /** Give up waiting for an answer after this many milliseconds (default 15 000). */
  timeoutMs?: number;
  /** Cancels the request. */
  signal?: AbortSignal;
  /** The language of validation messages (default Danish). */
  lang?: Lang;
}

/** A receipt for a sent nomination; `replayed` is true when the hub already had it. */
export interface SubmitResult extends NominationReceipt {
  replayed: boolean;
}

const DEFAULT_TIMEOUT_MS = 15_000;

async function request(path: string, init: RequestInit, options: ClientOptions): Promise<Response> {
  // A base without a trailing slash would lose its last segment when `path` is resolved.
  const base = new URL(options.api);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  const url = new URL(path, base);
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${options.key}`);
  headers.set('accept', 'application/json');
  try {
    return await (options.fetch ?? fetch)(url, { ...init, headers, signal });
  } catch (cause) {
    if (timeout.aborted) {
      throw new StueNetworkError('timeout', 'The hub did not answer in time', { cause });
    }
    if (options.signal?.aborted) throw cause;
    throw new StueNetworkError('network', 'The hub could not be reached', { cause });
  }
}

function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

async function failure(response: Response): Promise<StueError> {
  const parsed = z.safeParse(apiErrorSchema, await readJson(response));
  const error = parsed.success ? parsed.data.error : undefined;
  if (response.status === 400 && error?.issues) {
    return new StueValidationError(error.issues, error.message);
  }
  return new StueHttpError(
    response.status,
    error?.code ?? `http_${response.status}`,
    error?.message ?? (response.statusText || `HTTP ${response.status}`),
    retryAfterSeconds(response),
  );
}

async function receipt(response: Response): Promise<NominationReceipt> {
  const parsed = z.safeParse(nominationReceiptSchema, await readJson(response));
  if (!parsed.success) {
    throw new StueHttpError(
      response.status,
      'invalid_response',
      'The hub sent an unexpected answer',
    );
  }
  return parsed.data;
}

/**
 * Sends a nomination to the hub. The nomination is validated first; a retry after any failure
 * must pass the same `id`, so the hub answers it as a replay instead of storing it twice.
 *
 * @throws {StueValidationError} the nomination is not valid (nothing was sent), or the hub refused it
 * @throws {StueNetworkError} the hub could not be reached or did not answer in time
 * @throws {StueHttpError} the hub answered with another error (`code` says which)
 *
 * @example
 * const { reference } = await submitNomination(
 *   { schemaVersion: 1, id: newId(), nominator: { role: 'local-expert', name: 'Hanne', email: 'hanne@example.dk' },
 *     host: { firstName: 'Inger', municipality: 'Aarhus' },
 *     visitingFriend: { firstName: 'Bent', phone: '20 30 40 50' }, consent: true },
 *   { api: 'http://127.0.0.1:8787/', key: 'pk_demo' },
 * );
 */
export async function submitNomination(
  nomination: NominationInput,
  options: ClientOptions,
): Promise<SubmitResult> {
  const checked = validate(nominationSchema, nomination, { lang: options.lang ?? 'da' });
  if (!checked.ok) throw new StueValidationError(checked.issues);
  const response = await request(
    'api/v1/nominations',
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(checked.value),
    },
    options,
  );
  if (response.status !== 200 && response.status !== 201) throw await failure(response);
  return { ...(await receipt(response)), replayed: response.status === 200 };
}

/**
 * Reads a nomination's status by its reference. The answer holds no personal data.
 *
 * @example
 * const { status } = await getNominationStatus('STUE-7KQ3-9XZD', { api, key: 'pk_demo' });
 */
export async function getNominationStatus(
  reference: string,
  options: ClientOptions,
): Promise<NominationReceipt> {
  const path = `api/v1/nominations/${encodeURIComponent(reference)}/status`;
  const response = await request(path, { method: 'GET' }, options);
  if (!response.ok) throw await failure(response);
  return receipt(response);
}
