import * as z from 'zod/mini';
import {
  apiErrorSchema,
  nominationReceiptSchema,
  nominationSchema,
  type NominationInput,
} from '@stue/core';

/** A complete, valid nomination: the example in the API description and in the docs. */
export const exampleNomination: NominationInput = {
  schemaVersion: 1,
  id: '019ac0f2-5b7e-7c3d-9e4f-5a6b7c8d9e0f',
  nominator: {
    role: 'local-expert',
    name: 'Hanne Holm',
    email: 'hanne.holm@example.dk',
  },
  host: { firstName: 'Inger', municipality: 'Aarhus' },
  visitingFriend: { firstName: 'Bent', phone: '+45 20 30 40 50' },
  consent: true,
};

/** Each write operation's body schema and example, so tests can prove every example is valid. */
export const writeOperations = [
  {
    method: 'post',
    path: '/api/v1/nominations',
    schema: nominationSchema,
    example: exampleNomination,
  },
] as const;

const jsonSchema = (schema: z.core.$ZodType, io: 'input' | 'output' = 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' });

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const partnerKeyErrors = {
  '401': errorResponse('No key, or a key the hub does not know (`unauthorized`).'),
  '403': errorResponse(
    "The request's `Origin` is not on the partner's allow-list (`origin_not_allowed`).",
  ),
};

/**
 * The OpenAPI 3.1 description of the hub's API, generated from the same `@stue/core` schemas
 * the hub validates with.
 */
export function openApiDocument(version: string) {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Stue hub API',
      version,
      description:
        'The API of the Stue hub. Errors always have the body `{"error": {"code", "message", "issues"?}}`; ' +
        'clients branch on `code`. Messages are Danish unless `Accept-Language` prefers English.',
    },
    servers: [{ url: '/' }],
    components: {
      securitySchemes: {
        partnerKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            "A partner's publishable key (`pk_…`). It identifies the partner; it never gives access to personal data.",
        },
      },
      schemas: {
        Nomination: jsonSchema(nominationSchema, 'input'),
        NominationReceipt: jsonSchema(nominationReceiptSchema),
        Error: jsonSchema(apiErrorSchema),
      },
    },
    paths: {
      '/api/health': {
        get: {
          operationId: 'health',
          summary: 'Liveness',
          responses: {
            '200': {
              description: 'The hub is running.',
              content: {
                'application/json': {
                  schema: { type: 'object', properties: { ok: { const: true } } },
                },
              },
            },
          },
        },
      },
      '/api/v1/nominations': {
        post: {
          operationId: 'createNomination',
          summary: 'Nominate a host and visiting friend for a home concert',
          description:
            'The client makes the `id` (UUIDv7) before the first send and reuses it on every retry. ' +
            'The same id with the same body is answered as a replay (200, same reference); ' +
            'the same id with another body is a conflict (409).',
          security: [{ partnerKey: [] }],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Nomination' },
                example: exampleNomination,
              },
            },
          },
          responses: {
            '201': {
              description: 'Received.',
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/NominationReceipt' },
                },
              },
            },
            '200': {
              description: 'Received before: a replay of the same id and body.',
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/NominationReceipt' },
                },
              },
            },
            '400': errorResponse('The body is not a valid nomination; `issues` say why per field.'),
            ...partnerKeyErrors,
            '409': errorResponse(
              'A different nomination has the same id (`nomination_conflict`). Do not retry.',
            ),
            '413': errorResponse('The body is too large (`payload_too_large`).'),
          },
        },
      },
      '/api/v1/nominations/{reference}/status': {
        get: {
          operationId: 'getNominationStatus',
          summary: "A nomination's status, by reference",
          description: 'Answers with the status only, never personal data.',
          security: [{ partnerKey: [] }],
          parameters: [
            {
              name: 'reference',
              in: 'path',
              required: true,
              schema: { type: 'string', example: 'STUE-7KQ3-9XZD' },
            },
          ],
          responses: {
            '200': {
              description: 'The status.',
              content: {
                'application/json': {
                  schema: { $ref: '#/components/schemas/NominationReceipt' },
                },
              },
            },
            '400': errorResponse('The reference is malformed (`invalid_parameter`).'),
            ...partnerKeyErrors,
            '404': errorResponse('No such nomination for this partner (`not_found`).'),
          },
        },
      },
      '/api/v1/openapi.json': {
        get: {
          operationId: 'openApi',
          summary: 'This document',
          responses: { '200': { description: 'The OpenAPI 3.1 document.' } },
        },
      },
    },
  };
}
