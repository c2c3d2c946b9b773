import * as z from 'zod/mini';
import { loginSchema } from '../accounts/routes.js';
import {
  apiErrorSchema,
  exampleNominationV2,
  NOMINATION_STATUSES,
  nominationReceiptSchema,
  nominationSchema,
  nominationV2Schema,
} from '@stue/core';

/** A complete, valid nomination: the example in the API description and in the docs. */
export const exampleNomination = exampleNominationV2();

const exampleLogin = { email: 'koordinator@example.dk', password: 'en lang adgangskode' };

/** Each write operation's body schema and example, so tests can prove every example is valid. */
export const writeOperations = [
  {
    method: 'post',
    path: '/api/v1/nominations',
    schema: nominationV2Schema,
    example: exampleNomination,
  },
  { method: 'post', path: '/api/v1/session', schema: loginSchema, example: exampleLogin },
] as const;

const jsonSchema = (schema: z.core.$ZodType, io: 'input' | 'output' = 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' });

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

const json = (schema: object, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const coordinatorSchema = {
  type: 'object',
  properties: { id: { type: 'string' }, email: { type: 'string' }, name: { type: 'string' } },
  required: ['id', 'email', 'name'],
};
const sessionSchema = {
  type: 'object',
  properties: { coordinator: coordinatorSchema, csrfToken: { type: 'string' } },
  required: ['coordinator', 'csrfToken'],
};

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
        coordinatorSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'stue_session',
          description:
            'The session cookie set by `POST /api/v1/session`. Every write made with it must also send ' +
            "the session's CSRF token in the `X-CSRF-Token` header.",
        },
      },
      schemas: {
        Nomination: jsonSchema(nominationV2Schema, 'input'),
        NominationV1: {
          ...jsonSchema(nominationSchema, 'input'),
          deprecated: true,
          description:
            'Version 1, still read from older integrations and stored as version 2: the municipality ' +
            'name becomes its code, and `consent: true` a consent record dated when the hub received it.',
        },
        NominationReceipt: jsonSchema(nominationReceiptSchema),
        Error: jsonSchema(apiErrorSchema),
        Login: jsonSchema(loginSchema, 'input'),
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
      '/api/v1/session': {
        post: {
          operationId: 'signIn',
          summary: 'A coordinator signs in',
          description:
            'Sets the session cookie (`HttpOnly; Secure; SameSite=Strict`) and returns the CSRF token. ' +
            'Ten attempts per address per 15 minutes.',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: { $ref: '#/components/schemas/Login' },
                example: exampleLogin,
              },
            },
          },
          responses: {
            '200': json(sessionSchema, 'Signed in.'),
            '400': errorResponse('The body is malformed; `issues` say why.'),
            '401': errorResponse('Wrong e-mail or password (`invalid_credentials`).'),
            '429': errorResponse('Too many attempts (`rate_limited`); see `Retry-After`.'),
          },
        },
        get: {
          operationId: 'getSession',
          summary: 'Who is signed in, and the CSRF token',
          security: [{ coordinatorSession: [] }],
          responses: {
            '200': json(sessionSchema, 'The signed-in coordinator.'),
            '401': errorResponse('Not signed in (`unauthorized`).'),
          },
        },
        delete: {
          operationId: 'signOut',
          summary: 'Sign out',
          security: [{ coordinatorSession: [] }],
          responses: {
            '204': { description: 'Signed out; the cookie is cleared.' },
            '401': errorResponse('Not signed in (`unauthorized`).'),
            '403': errorResponse('The `X-CSRF-Token` header is missing or wrong (`csrf_failed`).'),
          },
        },
      },
      '/api/v1/nominations': {
        get: {
          operationId: 'listNominations',
          summary: 'Nominations for coordinators, longest waiting first',
          security: [{ coordinatorSession: [] }],
          parameters: [
            {
              name: 'status',
              in: 'query',
              description: 'Repeat to allow several.',
              schema: { type: 'array', items: { enum: [...NOMINATION_STATUSES] } },
              style: 'form',
              explode: true,
            },
            { name: 'partner', in: 'query', schema: { type: 'string' } },
            {
              name: 'waitingDays',
              in: 'query',
              description: 'Only nominations received at least this many days ago.',
              schema: { type: 'integer', minimum: 0 },
            },
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
          ],
          responses: {
            '200': json(
              {
                type: 'object',
                properties: {
                  items: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: {
                        id: { type: 'string' },
                        reference: { type: 'string' },
                        status: { enum: [...NOMINATION_STATUSES] },
                        partner: {
                          type: 'object',
                          properties: { id: { type: 'string' }, name: { type: 'string' } },
                        },
                        receivedAt: { type: 'string', format: 'date-time' },
                        nomination: { $ref: '#/components/schemas/Nomination' },
                      },
                    },
                  },
                  nextCursor: { type: ['string', 'null'] },
                },
                required: ['items', 'nextCursor'],
              },
              'A page of nominations.',
            ),
            '400': errorResponse('A filter or the cursor is malformed (`invalid_parameter`).'),
            '401': errorResponse('Not signed in (`unauthorized`).'),
          },
        },
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
                schema: {
                  oneOf: [
                    { $ref: '#/components/schemas/Nomination' },
                    { $ref: '#/components/schemas/NominationV1' },
                  ],
                },
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
