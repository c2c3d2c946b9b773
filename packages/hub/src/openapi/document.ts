import { apiErrorSchema } from '@stue/core';
import { jsonSchema, type ApiArea } from './helpers.js';
import { dataRightsArea } from './paths/data-rights.js';
import { deviceArea } from './paths/devices.js';
import { feedbackArea } from './paths/feedback.js';
import { nominationArea } from './paths/nominations.js';
import { partnerArea } from './paths/partners.js';
import { planningArea } from './paths/planning.js';
import { reportArea } from './paths/reports.js';
import { sessionArea } from './paths/session.js';

export { exampleNomination } from './paths/nominations.js';

/** Every area of the API, in the order the document lists them. */
export const API_AREAS: readonly ApiArea[] = [
  sessionArea,
  nominationArea,
  planningArea,
  deviceArea,
  reportArea,
  feedbackArea,
  dataRightsArea,
  partnerArea,
];

/** Each write operation's body schema and example, so tests can prove every example is valid. */
export const writeOperations = API_AREAS.flatMap((area) => area.writes ?? []);

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
        partnerSecretKey: {
          type: 'http',
          scheme: 'bearer',
          description:
            "A partner's secret key (`sk_…`), for the partner's servers: it reads the organisation's " +
            'own nominations and manages its webhooks. Never accepted from a browser (a request with ' +
            '`Origin` is refused).',
        },
        coordinatorSession: {
          type: 'apiKey',
          in: 'cookie',
          name: 'stue_session',
          description:
            'The session cookie set by `POST /api/v1/session`. Every write made with it must also send ' +
            "the session's CSRF token in the `X-CSRF-Token` header.",
        },
        deviceToken: {
          type: 'http',
          scheme: 'bearer',
          description:
            "A kiosk tablet's device token, issued at enrolment and revocable by a coordinator.",
        },
      },
      schemas: Object.assign(
        { Error: jsonSchema(apiErrorSchema) },
        ...API_AREAS.map((area) => area.schemas ?? {}),
      ),
    },
    paths: Object.assign(
      {
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
        '/api/v1/openapi.json': {
          get: {
            operationId: 'openApi',
            summary: 'This document',
            responses: { '200': { description: 'The OpenAPI 3.1 document.' } },
          },
        },
      },
      ...API_AREAS.map((area) => area.paths),
    ),
  };
}
