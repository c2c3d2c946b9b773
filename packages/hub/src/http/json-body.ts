import type { Context, Env, MiddlewareHandler } from 'hono';
import type * as z from 'zod/mini';
import { validate } from '@stue/core';
import { apiError, requestLang } from './errors.js';
import { HubError } from './hub-error.js';

// Fatal: a byte that is not UTF-8 throws instead of becoming U+FFFD. A leading byte order mark
// is still dropped, as `Request.text()` drops it.
const utf8 = new TextDecoder('utf-8', { fatal: true });

// Half of a surrogate pair without the other half: JSON may spell one (`"\ud800"`), but no UTF-8
// can hold it, so the database would store U+FFFD in its place.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether any string in `value`, or any key, holds a lone surrogate. A loop over a stack, not
 * recursion: a body may nest thousands of levels deep.
 */
function hasLoneSurrogate(value: unknown): boolean {
  const pending = [value];
  while (pending.length > 0) {
    const next = pending.pop();
    if (typeof next === 'string') {
      if (LONE_SURROGATE.test(next)) return true;
    } else if (Array.isArray(next)) {
      for (const item of next as unknown[]) pending.push(item);
    } else if (typeof next === 'object' && next !== null) {
      for (const [key, inner] of Object.entries(next)) {
        if (LONE_SURROGATE.test(key)) return true;
        pending.push(inner);
      }
    }
  }
  return false;
}

/**
 * The JSON body of a write, which must be an object; an empty body counts as `{}` when
 * `emptyIsObject` (actions whose fields are all optional). Bytes that are not UTF-8, and escaped
 * lone surrogates, are refused (400 `invalid_encoding`), never repaired.
 */
export async function readJsonBody(
  c: Context,
  { emptyIsObject = false } = {},
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; response: Response }> {
  const bytes = await c.req.arrayBuffer();
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, response: apiError(c, 400, 'invalid_encoding') };
  }
  if (emptyIsObject && text.trim() === '') return { ok: true, value: {} };
  const en = requestLang(c) === 'en';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const message = en ? 'The body is not valid JSON' : 'Indholdet er ikke gyldig JSON';
    return {
      ok: false,
      response: apiError(c, 400, 'invalid_body', [{ path: '', code: 'invalid_type', message }]),
    };
  }
  // Only a body that spells a surrogate as an escape can hold a lone one.
  if (/\\u[dD][89a-fA-F]/.test(text) && hasLoneSurrogate(value)) {
    return { ok: false, response: apiError(c, 400, 'invalid_encoding') };
  }
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return { ok: true, value: value as Record<string, unknown> };
  }
  const message = en ? 'The body must be a JSON object' : 'Indholdet skal være et JSON-objekt';
  return {
    ok: false,
    response: apiError(c, 400, 'invalid_body', [{ path: '', code: 'invalid_type', message }]),
  };
}

/** The input a {@link jsonBody} middleware gives its handler, as hono's `validator` types it. */
export interface JsonInput<In, Out> {
  in: { json: In };
  out: { json: Out };
}

/**
 * A JSON body read by {@link readJsonBody} (strict UTF-8, an object) and checked against
 * `schema` in the request's language; the handler reads it as `c.req.valid('json')`. A body that
 * does not pass is answered 400 `invalid_body` with its issues (a {@link HubError}). Without a
 * schema the body is any object, for writes that check it against the stored record (a patch).
 *
 * The contract is hono's `validator('json', …)`, but hono's own would parse the body first, with
 * `Request.json()`: bytes that are not UTF-8 would become U+FFFD instead of 400
 * `invalid_encoding`, a body sent as `text/plain` would not be read at all, and bad JSON would be
 * its `HTTPException`, not the API's error shape.
 *
 * @example
 * app.post('/', auth, writeBodyLimit(), jsonBody(musicianInputSchema), async (c) =>
 *   c.json(await createMusician(db, c.req.valid('json'))),
 * );
 */
export function jsonBody<S extends z.core.$ZodType>(
  schema: S,
  options?: { emptyIsObject?: boolean },
): MiddlewareHandler<Env, string, JsonInput<z.input<S>, z.output<S>>>;
export function jsonBody(): MiddlewareHandler<
  Env,
  string,
  JsonInput<Record<string, unknown>, Record<string, unknown>>
>;
export function jsonBody(
  schema?: z.core.$ZodType,
  { emptyIsObject = false } = {},
): MiddlewareHandler {
  return async (c, next) => {
    const body = await readJsonBody(c, { emptyIsObject });
    if (!body.ok) return body.response;
    let value: unknown = body.value;
    if (schema) {
      const checked = validate(schema, body.value, { lang: requestLang(c) });
      if (!checked.ok) throw new HubError(400, 'invalid_body', { issues: checked.issues });
      value = checked.value;
    }
    c.req.addValidatedData('json', value as object);
    await next();
  };
}
