import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Issue } from '@stue/core';
import { apiError } from './errors.js';

/** A code of the hub's error answers (the keys of the messages in errors.ts). */
export type HubErrorCode = Parameters<typeof apiError>[2];

/** What a {@link HubError} carries besides its status and code. */
export interface HubErrorOptions {
  /** What is wrong with which field (a 400 `invalid_body`, `invalid_parameter` …). */
  issues?: Issue[];
  /** Headers the answer carries, e.g. `Retry-After`. */
  headers?: Record<string, string>;
  /** More members of the error object, e.g. the status and the actions a record allows now. */
  extra?: Record<string, unknown>;
}

/**
 * An answer in the API's one error shape, thrown from anywhere a request is served (a
 * middleware, a handler, a service) and turned into the response once, by `app.onError` — as
 * hono's own `HTTPException` is. The message is never set here: it comes from errors.ts, in the
 * request's language.
 *
 * @example
 * if (!found) throw new HubError(404, 'not_found');
 */
export class HubError extends Error {
  override readonly name = 'HubError';

  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: HubErrorCode,
    readonly options: HubErrorOptions = {},
  ) {
    super(code);
  }
}

/** The response a {@link HubError} stands for: `{"error": {code, message, issues?, …extra}}`. */
export async function hubErrorResponse(c: Context, error: HubError): Promise<Response> {
  const { issues, headers, extra } = error.options;
  for (const [name, value] of Object.entries(headers ?? {})) c.header(name, value);
  const response = apiError(c, error.status, error.code, issues);
  if (!extra) return response;
  const body = (await response.json()) as { error: object };
  return c.json({ error: { ...body.error, ...extra } }, error.status);
}
