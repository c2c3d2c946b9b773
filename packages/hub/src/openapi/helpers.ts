import {
  NOMINATION_STATUSES,
  UUID_V7_PATTERN,
  isUuidV7,
  bookingViewSchema,
  consentViewSchema,
  musicianSchema,
  nominationNoteViewSchema,
  nominationV2Schema,
  tourDaySchema,
} from '@stue/core';
import * as z from 'zod/mini';

/** One area of the API: its paths, its component schemas, and its write operations' examples. */
export interface ApiArea {
  paths: Record<string, object>;
  /** What the hub sends to others' servers (OpenAPI `webhooks`), by event. */
  webhooks?: Record<string, object>;
  schemas?: Record<string, object>;
  /** Every write operation's body schema and a complete, valid example (tests prove them). */
  writes?: readonly { method: string; path: string; schema: z.core.$ZodType; example: unknown }[];
}

/**
 * JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) from a zod schema: what the hub answers
 * (`output`, the default: a field with a default is always there), or what a client may send
 * (`input`: such a field may be left out, see {@link defaultsAsText}).
 */
export const jsonSchema = (schema: z.core.$ZodType, io: 'input' | 'output' = 'output') => {
  const generated = z.toJSONSchema(schema, { io, unrepresentable: 'any', override: describeIds });
  return io === 'input' ? (defaultsAsText(generated) as typeof generated) : generated;
};

/**
 * Says of a string that core checks with `isUuidV7` (a record's id, `clientId()`) that it is a
 * UUIDv7: `format: uuid` and the pattern with the version digit. Core's schemas carry no such
 * description themselves, which browsers would download for nothing.
 */
function describeIds(context: { zodSchema: z.core.$ZodType; jsonSchema: object }): void {
  const checks = (context.zodSchema._zod.def as { checks?: z.core.$ZodCheck[] }).checks ?? [];
  const isId = checks.some((check) => (check._zod.def as { fn?: unknown }).fn === isUuidV7);
  if (isId) Object.assign(context.jsonSchema, { format: 'uuid', pattern: UUID_V7_PATTERN });
}

// Keywords whose value is a map of names to schemas, rather than a schema or a keyword's value.
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);
// Keywords whose value is data, not schemas: left as they are.
const DATA_KEYWORDS = new Set(['const', 'enum', 'example', 'examples', 'default']);

/**
 * A request schema with each `default` said in the field's description instead: the field may be
 * left out and the hub fills it in. Generators such as openapi-typescript type a field that has a
 * `default` as always present, which is true of what the hub answers but would make a client
 * send every defaulted field (ADR 0015).
 */
export function defaultsAsText(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(defaultsAsText);
  if (schema === null || typeof schema !== 'object') return schema;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'default') continue;
    if (DATA_KEYWORDS.has(key)) result[key] = value;
    else if (SCHEMA_MAPS.has(key) && value !== null && typeof value === 'object') {
      result[key] = Object.fromEntries(
        Object.entries(value).map(([name, inner]) => [name, defaultsAsText(inner)]),
      );
    } else result[key] = defaultsAsText(value);
  }
  if ('default' in schema) {
    const said = `Optional; left out, it is \`${JSON.stringify(schema.default)}\`.`;
    const { description } = schema as { description?: unknown };
    result.description = typeof description === 'string' ? `${description} ${said}` : said;
  }
  return result;
}

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

/** A UUIDv7, as every record's id is (`newId()` in `@stue/core`). */
export const uuidV7 = { type: 'string', format: 'uuid', pattern: UUID_V7_PATTERN } as const;

/** The `id` in a path, a UUIDv7, described as the record it names. */
export const uuidParam = (description: string) => ({
  name: 'id',
  in: 'path',
  required: true,
  description,
  schema: uuidV7,
});

/** The repeatable `status` filter of the coordinators' and the partners' nomination lists. */
export const nominationStatusFilter = {
  name: 'status',
  in: 'query',
  description: 'Repeat to allow several.',
  schema: { type: 'array', items: { enum: [...NOMINATION_STATUSES] } },
  style: 'form',
  explode: true,
};

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

/** An answer's JSON Schema as it may reference a component: the schema and its component name. */
export type AnswerParts = ReadonlyMap<z.core.$ZodType, string>;

/** The records that are components of their own, which answers reference rather than copy. */
export const ANSWER_PARTS: AnswerParts = new Map<z.core.$ZodType, string>([
  [nominationV2Schema, 'Nomination'],
  [musicianSchema, 'Musician'],
  [tourDaySchema, 'TourDay'],
  [bookingViewSchema, 'Booking'],
  [consentViewSchema, 'Consent'],
  [nominationNoteViewSchema, 'NominationNote'],
]);

type JsonValue = unknown;

// Rewrites zod's `#/$defs/Name` references to the document's components.
function toComponentRefs(value: JsonValue): JsonValue {
  if (Array.isArray(value)) return value.map(toComponentRefs);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      key === '$ref' && typeof inner === 'string'
        ? inner.replace('#/$defs/', '#/components/schemas/')
        : toComponentRefs(inner),
    ]),
  );
}

/**
 * JSON Schema of an answer, generated from its `@stue/core` schema as request bodies are (ADR
 * 0003). A part of it that is a component of its own (`parts`: the record schemas, by name) is
 * a `$ref` to that component instead of a copy.
 */
export function answerSchema(schema: z.core.$ZodType, parts: AnswerParts = ANSWER_PARTS): object {
  return withParts(schema, parts, 'output');
}

/**
 * JSON Schema of a request body, as {@link jsonSchema} with `io: 'input'` makes it, whose parts
 * named in `parts` are `$ref`s to their components (as {@link answerSchema} does for answers).
 */
export function requestSchema(schema: z.core.$ZodType, parts: AnswerParts): object {
  return defaultsAsText(withParts(schema, parts, 'input')) as object;
}

function withParts(schema: z.core.$ZodType, parts: AnswerParts, io: 'input' | 'output'): object {
  const registry = z.registry<{ id: string }>();
  for (const [part, id] of parts) if (part !== schema) registry.add(part, { id });
  const {
    $schema: _,
    $defs: __,
    ...generated
  } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    metadata: registry,
    override: describeIds,
  }) as Record<string, unknown>;
  return toComponentRefs(generated) as object;
}

/** Every documented answer example with the schema it must pass (a test proves each). */
export const answerExamples: { where: string; schema: z.core.$ZodType; example: unknown }[] = [];

/**
 * A JSON response whose schema is generated from `schema` (see {@link answerSchema}); an
 * `example`, when given, is documented and listed in {@link answerExamples} for the test.
 */
export function answer(
  schema: z.core.$ZodType,
  description: string,
  { parts, example }: { parts?: AnswerParts; example?: unknown } = {},
) {
  if (example !== undefined) answerExamples.push({ where: description, schema, example });
  return {
    description,
    content: {
      'application/json': {
        schema: answerSchema(schema, parts),
        ...(example === undefined ? {} : { example }),
      },
    },
  };
}
