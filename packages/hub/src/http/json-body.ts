import type { Context } from 'hono';
import { apiError, requestLang } from './errors.js';

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
