import type { Context } from 'hono';
import { apiError, requestLang } from './errors.js';

/**
 * The JSON body of a write, which must be an object; an empty body counts as `{}` when
 * `emptyIsObject` (actions whose fields are all optional).
 */
export async function readJsonBody(
  c: Context,
  { emptyIsObject = false } = {},
): Promise<{ ok: true; value: Record<string, unknown> } | { ok: false; response: Response }> {
  const text = await c.req.text();
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
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    return { ok: true, value: value as Record<string, unknown> };
  }
  const message = en ? 'The body must be a JSON object' : 'Indholdet skal være et JSON-objekt';
  return {
    ok: false,
    response: apiError(c, 400, 'invalid_body', [{ path: '', code: 'invalid_type', message }]),
  };
}
