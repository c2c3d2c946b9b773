import fc from 'fast-check';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { apiErrorSchema } from './api-error.js';
import { readApiError } from './response-errors.js';

const text = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(1, null, undefined, true));
const issue = fc.oneof(
  fc.record({ path: text, code: text, message: text, extra: text }, { requiredKeys: [] }),
  fc.anything({ maxDepth: 1 }),
);
const body = fc.oneof(
  fc.record(
    {
      error: fc.oneof(
        fc.record(
          {
            code: text,
            message: text,
            issues: fc.oneof(fc.array(issue, { maxLength: 3 }), fc.anything({ maxDepth: 1 })),
            extra: text,
          },
          { requiredKeys: [] },
        ),
        fc.anything({ maxDepth: 1 }),
      ),
    },
    { requiredKeys: [] },
  ),
  fc.anything({ maxDepth: 2 }),
);

describe('readApiError', () => {
  it('reads a hub error body exactly as apiErrorSchema does', () => {
    fc.assert(
      fc.property(body, (json) => {
        const parsed = z.safeParse(apiErrorSchema, json);
        expect(readApiError(json)).toEqual(parsed.success ? parsed.data.error : undefined);
      }),
      { numRuns: 1000 },
    );
  });
});
