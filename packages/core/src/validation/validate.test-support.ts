import { expect } from 'vitest';
import type * as z from 'zod/mini';
import type { Lang } from './messages.js';
import { validate } from './validate.js';

/** Asserts that `schema` accepts `value` and gives it back exactly as it is. */
export function expectAcceptedAsIs(schema: z.core.$ZodType, value: unknown): void {
  expect(validate(schema, value)).toEqual({ ok: true, value });
}

/** The `[path, code]` of every issue `schema` finds in `input`; none when it is valid. */
export function issueCodes(
  schema: z.core.$ZodType,
  input: unknown,
  options: { lang?: Lang } = {},
): [string, string][] {
  const result = validate(schema, input, options);
  return result.ok ? [] : result.issues.map((issue) => [issue.path, issue.code]);
}
