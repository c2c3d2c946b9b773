import type { Env, MiddlewareHandler } from 'hono';
import { validator } from 'hono/validator';
import * as z from 'zod/mini';
import { freeText, isUuidV7, validate } from '@stue/core';
import { requestLang } from './errors.js';
import { HubError } from './hub-error.js';

// Any version, lower or upper case: ids made before every record's id was a UUIDv7 (tablets').
const ANY_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * The `:id` of the URL, which must be a UUIDv7 (400 `invalid_parameter` otherwise); the
 * handler reads it as `c.req.valid('param').id`. Put it before a body middleware, so that a bad
 * address is said before a bad body. `{ anyVersion: true }` accepts every UUID version, for
 * records some of whose ids are older than UUIDv7.
 */
export const uuidParam = ({ anyVersion = false }: { anyVersion?: boolean } = {}) =>
  validator('param', (params: Record<string, string>) => {
    const id = params['id'] ?? '';
    if (!(anyVersion ? ANY_UUID.test(id) : isUuidV7(id))) {
      throw new HubError(400, 'invalid_parameter');
    }
    return { id };
  });

/** `limit` and `cursor`, shared by every paged list. */
export const pageQuery = {
  limit: z.optional(
    z.coerce
      .number()
      .check(
        z.int({ error: 'invalid_type' }),
        z.minimum(1, { error: 'invalid' }),
        z.maximum(100, { error: 'invalid' }),
      ),
  ),
  cursor: z.optional(z.string().check(z.maxLength(300, { error: 'too_long' }))),
};

/**
 * The query of a list request, checked against `schema` in the request's language (400
 * `invalid_parameter` with the issues otherwise); the handler reads it as `c.req.valid('query')`.
 * A key in `arrays` is read with all its values (`?status=a&status=b`), any other with one.
 *
 * @example
 * app.get('/', auth, validQuery(listQuerySchema, { arrays: ['status'] }), async (c) =>
 *   c.json(await list(db, c.req.valid('query'))),
 * );
 */
export function validQuery<S extends z.core.$ZodType>(
  schema: S,
  { arrays = [] }: { arrays?: readonly string[] } = {},
): MiddlewareHandler<
  Env,
  string,
  { in: { query: Record<string, string | string[]> }; out: { query: z.output<S> } }
> {
  return async (c, next) => {
    const raw: Record<string, unknown> = { ...c.req.query() };
    for (const key of arrays) raw[key] = c.req.queries(key);
    const checked = validate(schema, raw, { lang: requestLang(c) });
    if (!checked.ok) throw new HubError(400, 'invalid_parameter', { issues: checked.issues });
    c.req.addValidatedData('query', checked.value as object);
    await next();
  };
}

/** A trimmed, optional text a person types (a reason, a referral, a note): no CPR numbers. */
export const note = (max: number) => z.optional(freeText(max));
