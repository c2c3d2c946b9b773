// How the console's client speaks to the hub: the session cookie on every request, the CSRF token
// on writes, no cache, a timeout, and error answers mapped to the typed errors. The answers are
// typed by the schemas in `schemas/answers/`, not parsed: the hub's contract test holds the hub to
// them, and the console carries no schema code for it.
import type { Page } from '../schemas/answers/common.js';
import { pages } from './pages.js';
import { readJson, request, unexpectedAnswer, type RequestOptions } from './request.js';
import { errorFromResponse } from './response-errors.js';

/** How one coordinator request is sent. */
export interface SendInit {
  method?: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  body?: unknown;
  /** The session's CSRF token; every write needs it in `X-CSRF-Token`. */
  csrfToken?: string;
}

/**
 * Sends one request to the hub with the session cookie and returns its JSON (`undefined` for
 * 204). An error answer becomes a `StueHttpError` (with `retryAfter`) or, for a 400 with issues, a
 * `StueValidationError`; no answer a `StueNetworkError`; an answer that is not a JSON object a
 * `StueHttpError` `invalid_response`.
 */
export async function send<T>(
  path: string,
  { method = 'GET', body, csrfToken }: SendInit,
  options: RequestOptions,
): Promise<T> {
  const response = await request(
    path,
    {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(csrfToken === undefined ? {} : { headers: { 'x-csrf-token': csrfToken } }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    },
    options,
  );
  if (!response.ok) throw (await errorFromResponse(response)).error;
  if (response.status === 204) return undefined as T;
  const json = await readJson(response);
  if (typeof json !== 'object' || json === null) throw unexpectedAnswer(response);
  return json as T;
}

/**
 * A `fetch` that asks the hub for its messages (validation issues, errors) in `lang`. It looks
 * up the global `fetch` on each call, so a test's stand-in is used.
 */
export function fetchIn(lang: 'da' | 'en'): typeof fetch {
  return (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set('accept-language', lang);
    return globalThis.fetch(input, { ...init, headers });
  };
}

/** Every item of a paged list, following the cursor (at most `maxPages` pages). */
export async function allPages<T>(
  load: (cursor: string | undefined) => Promise<Page<T>>,
  maxPages = 50,
): Promise<T[]> {
  const items: T[] = [];
  let loaded = 0;
  for await (const page of pages(load)) {
    items.push(...page.items);
    loaded += 1;
    if (loaded >= maxPages) break;
  }
  return items;
}

/** A query string (`?a=1&b=x&b=y`) from the parameters that are set, or `''`. */
export const query = (params: Record<string, string | readonly string[] | number | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) for (const one of value) search.append(key, one);
    else search.set(key, String(value));
  }
  return search.size > 0 ? `?${search}` : '';
};
