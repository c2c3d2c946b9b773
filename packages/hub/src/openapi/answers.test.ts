// The answers in the OpenAPI document are generated from the schemas in `@stue/core` (ADR 0003);
// these tests hold the documented examples to them, and the request parts to what they were.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { openApiDocument } from './document.js';
import { answerExamples } from './helpers.js';
import { requestParts } from './request-parts.js';

describe('the answers in the OpenAPI document', () => {
  it('have examples that their schemas accept as they are', () => {
    openApiDocument('test');
    expect(answerExamples.length).toBeGreaterThan(0);
    for (const { where, schema, example } of answerExamples) {
      const parsed = z.safeParse(schema, example);
      expect(parsed.error?.issues ?? [], where).toEqual([]);
      expect(parsed.data, where).toEqual(example);
    }
  });

  it('leave the request parts (parameters, bodies and their schemas) as they were', () => {
    // Main's before the answers were generated (tools/openapi-requests.ts), as sorted JSON.
    const before: unknown = JSON.parse(
      readFileSync(new URL('./request-parts.json', import.meta.url), 'utf8'),
    );
    // A request changed on purpose: print the new parts into request-parts.json with
    // `pnpm --filter @stue/hub build && node tools/openapi-requests.ts`.
    expect(requestParts(openApiDocument('test'))).toStrictEqual(before);
  });
});
