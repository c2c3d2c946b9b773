import * as z from 'zod/mini';
import { nominationReceiptSchema, type NominationReceipt } from '../schemas/nomination.js';
import type { NominationV2Input } from '../schemas/nomination-v2.js';
import type { Lang } from '../validation/messages.js';
import { validateNomination } from '../validation/nomination.js';
import { StueHttpError, StueNetworkError, StueValidationError } from './errors.js';
import { apiBase, errorFromResponse } from './response-errors.js';

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
  const url = new URL(path, apiBase(options.api));
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

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
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
 * Sends a nomination (the current version, {@link nominationV2Schema}) to the hub. The hub also
 * still reads version 1 from older integrations. The nomination is validated first; a retry after any failure
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
  nomination: NominationV2Input,
  options: ClientOptions,
): Promise<SubmitResult> {
  const checked = validateNomination(nomination, { lang: options.lang ?? 'da' });
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
  if (response.status !== 200 && response.status !== 201)
    throw (await errorFromResponse(response)).error;
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
  if (!response.ok) throw (await errorFromResponse(response)).error;
  return receipt(response);
}
