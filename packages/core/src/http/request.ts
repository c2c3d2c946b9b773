import * as z from 'zod/mini';
import { StueError, StueHttpError, StueNetworkError, StueValidationError } from '../errors.js';
import type { Lang } from '../validation/messages.js';
import type { ValidationResult } from '../validation/validate.js';
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
  /** The language of the messages the SDK writes itself: validation issues, a missing key (default Danish). */
  lang?: Lang;
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
  if (!parsed.success) throw unexpectedAnswer(response);
  return parsed.data;
}

/** The error for an answer of a shape the hub never sends: a {@link StueHttpError} `invalid_response`. */
export const unexpectedAnswer = (response: Response): StueHttpError =>
  new StueHttpError(response.status, 'invalid_response', 'The hub sent an unexpected answer');

const MISSING_KEY: Record<Lang, string> = {
  da: 'Nøglen (key) mangler, så intet er sendt',
  en: 'The key is missing, so nothing was sent',
};

/**
 * `init` with an `Authorization: Bearer` header for `key` (a partner key or a device token),
 * keeping the headers it already has.
 *
 * @throws {StueError} `missing_key` when `key` is missing, empty, or the text `undefined` or
 *   `null` (an unset environment variable written into a string): nothing is sent, and the
 *   message says so in `lang` (Danish by default)
 */
export function withBearer(
  init: RequestInit,
  key: string | undefined,
  lang: Lang = 'da',
): RequestInit {
  const trimmed = key?.trim();
  if (!trimmed || trimmed === 'undefined' || trimmed === 'null') {
    throw new StueError('missing_key', MISSING_KEY[lang] ?? MISSING_KEY.da);
  }
  return {
    ...init,
    headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${trimmed}` },
  };
}

/** Sends a request with {@link request}; its answer is read by {@link expectJson}. */
export async function requestJson<S extends z.core.$ZodType>(
  path: string,
  init: RequestInit,
  schema: S,
  options: RequestOptions,
): Promise<z.output<S>> {
  return expectJson(await request(path, init, options), schema);
}

/**
 * Checks a nomination with `validate` and sends it with the partner key: the common part of both
 * nomination senders, the schema-based and the zod-free one, which differ only in the validator
 * and in how they read the answer. The answer is returned whatever its status.
 *
 * @throws {StueValidationError} the nomination is not valid (nothing was sent)
 */
export async function postNomination(
  nomination: unknown,
  options: RequestOptions & { key: string | undefined },
  validate: (input: unknown, options: { lang: Lang }) => ValidationResult<unknown>,
): Promise<Response> {
  const lang = options.lang ?? 'da';
  const post = withBearer({ method: 'POST' }, options.key, lang);
  const checked = validate(nomination, { lang });
  if (!checked.ok) throw new StueValidationError(checked.issues);
  return request('api/v1/nominations', { ...post, body: JSON.stringify(checked.value) }, options);
}
