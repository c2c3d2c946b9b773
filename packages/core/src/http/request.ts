import * as z from 'zod/mini';
import { StueHttpError, StueNetworkError } from '../errors.js';
import { apiBase, errorFromResponse } from './response-errors.js';

/** What every client function needs to reach the hub. */
export interface RequestOptions {
  /** The hub's base URL, e.g. `https://stue.example.dk/`; paths are resolved against it. */
  api: string | URL;
  /** A `fetch` to use instead of the global one (tests, proxies, older runtimes). */
  fetch?: typeof fetch;
  /** Give up waiting for an answer after this many milliseconds (default 15 000). */
  timeoutMs?: number;
  /** Cancels the request. */
  signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Sends a request to the hub, mapping a failure to reach it to {@link StueNetworkError}
 * (`network` or `timeout`). The answer is returned whatever its status.
 */
export async function request(
  path: string,
  init: RequestInit,
  options: RequestOptions,
): Promise<Response> {
  const url = new URL(path, apiBase(options.api));
  const timeout = AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/json');
  if (init.body !== undefined) headers.set('content-type', 'application/json');
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

/** The response's JSON, or `undefined` when it has none. */
export async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

/**
 * A successful answer's body, checked against `schema`; an error answer becomes the matching
 * typed error, and an answer of the wrong shape a {@link StueHttpError} `invalid_response`.
 */
export async function expectJson<S extends z.core.$ZodType>(
  response: Response,
  schema: S,
): Promise<z.output<S>> {
  if (!response.ok) throw (await errorFromResponse(response)).error;
  const parsed = z.safeParse(schema, await readJson(response));
  if (!parsed.success) {
    throw new StueHttpError(
      response.status,
      'invalid_response',
      'The hub sent an unexpected answer',
    );
  }
  return parsed.data;
}
