import * as z from 'zod/mini';

/** One area of the API: its paths, its component schemas, and its write operations' examples. */
export interface ApiArea {
  paths: Record<string, object>;
  schemas?: Record<string, object>;
  /** Every write operation's body schema and a complete, valid example (tests prove them). */
  writes?: readonly { method: string; path: string; schema: z.core.$ZodType; example: unknown }[];
}

/** JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) from a zod schema. */
export const jsonSchema = (schema: z.core.$ZodType, io: 'input' | 'output' = 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' });

/** A response whose body is the hub's error shape. */
export const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/** A JSON response with the given schema. */
export const json = (schema: object, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A JSON request body with its schema reference and a complete example. */
export const jsonBody = (ref: string, example: unknown) => ({
  required: true,
  content: { 'application/json': { schema: { $ref: `#/components/schemas/${ref}` }, example } },
});

/** The answers every coordinator endpoint may give besides its own. */
export const coordinatorErrors = {
  '401': errorResponse('Not signed in (`unauthorized`).'),
};

/** The answers every coordinator write may give besides its own. */
export const coordinatorWriteErrors = {
  ...coordinatorErrors,
  '403': errorResponse('The `X-CSRF-Token` header is missing or wrong (`csrf_failed`).'),
};

/** The `limit` and `cursor` query parameters of every keyset-paged list. */
export const pageParams = [
  {
    name: 'limit',
    in: 'query',
    schema: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
  },
  {
    name: 'cursor',
    in: 'query',
    description: 'The `nextCursor` of the previous page.',
    schema: { type: 'string' },
  },
];

/**
 * A JSON response holding one page of a keyset-paged list: its `items` and the `nextCursor` to
 * fetch the next page with (`null` on the last page).
 *
 * @example
 * responses: { '200': pageOf({ $ref: '#/components/schemas/Musician' }, 'A page of musicians.') }
 */
export const pageOf = (item: object, description: string) =>
  json(
    {
      type: 'object',
      properties: {
        items: { type: 'array', items: item },
        nextCursor: { type: ['string', 'null'] },
      },
      required: ['items', 'nextCursor'],
    },
    description,
  );
