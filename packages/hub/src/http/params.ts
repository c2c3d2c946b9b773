import type { Context } from 'hono';
import { validator } from 'hono/validator';
import * as z from 'zod/mini';
import { freeText, isUuidV7, validate } from '@stue/core';
import { apiError, requestLang } from './errors.js';
import { HubError } from './hub-error.js';

/** The `:id` of the URL when it is a UUIDv7, the id form of every record the hub keeps. */
export function idParam(c: Context): string | undefined {
  const id = c.req.param('id');
  return isUuidV7(id) ? id : undefined;
}

/**
 * The `:id` of the URL, which must be a UUIDv7 (400 `invalid_parameter` otherwise); the
 * handler reads it as `c.req.valid('param').id`. Put it before a body middleware, so that a bad
 * address is said before a bad body.
 */
export const uuidParam = () =>
  validator('param', (params: Record<string, string>) => {
    const id = params['id'];
    if (!isUuidV7(id)) throw new HubError(400, 'invalid_parameter');
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

/** The query of a list request, validated, or the 400 `invalid_parameter` answer. */
export function readQuery<S extends z.core.$ZodType>(
  c: Context,
  schema: S,
  raw: Record<string, unknown>,
): { ok: true; value: z.output<S> } | { ok: false; response: Response } {
  const checked = validate(schema, raw, { lang: requestLang(c) });
  return checked.ok
    ? { ok: true, value: checked.value }
    : { ok: false, response: apiError(c, 400, 'invalid_parameter', checked.issues) };
}

/** A trimmed, optional text a person types (a reason, a referral, a note): no CPR numbers. */
export const note = (max: number) => z.optional(freeText(max));
