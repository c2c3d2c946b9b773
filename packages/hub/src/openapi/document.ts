import { apiErrorSchema } from '@stue/core';
import { bodyLimitFor } from '../body-limits.js';
import { DEFAULT_TIMEOUTS } from '../http/connection.js';
import { errorResponse, jsonSchema, type ApiArea } from './helpers.js';
import { dataRightsArea } from './paths/data-rights.js';
import { deviceArea } from './paths/devices.js';
import { feedbackArea } from './paths/feedback.js';
import { nominationArea } from './paths/nominations.js';
import { partnerArea } from './paths/partners.js';
import { planningArea } from './paths/planning.js';
import { programmeArea } from './paths/programmes.js';
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
  programmeArea,
];

/** Each write operation's body schema and example, so tests can prove every example is valid. */
export const writeOperations = API_AREAS.flatMap((area) => area.writes ?? []);

interface Operation {
  requestBody?: unknown;
  responses?: Record<string, { description: string }>;
}

/**
 * A write's operation with the answers every body may get before its route reads it: 413 over
 * the route's limit, 408 when it does not arrive in time, 400 when it is not UTF-8.
 */
function withBodyAnswers(path: string, operation: Operation): Operation {
  const responses = operation.responses ?? {};
  const malformed = responses['400'];
  const added = {
    '400': malformed
      ? { ...malformed, description: `${malformed.description} Not UTF-8: \`invalid_encoding\`.` }
      : errorResponse('The body is not valid UTF-8 (`invalid_encoding`).'),
    '408': errorResponse(
      `The request did not arrive whole within ${DEFAULT_TIMEOUTS.requestMs / 1000} s ` +
        '(`request_timeout`; `STUE_REQUEST_TIMEOUT_SECONDS`).',
    ),
    '413': errorResponse(
      `The body is over ${bodyLimitFor(path) / 1024} KB (\`payload_too_large\`): refused before ` +
        'authentication or anything else reads it.',
    ),
  };
  const all: Record<string, { description: string }> = { ...responses, ...added };
  return {
    ...operation,
    responses: Object.fromEntries(
      Object.keys(all)
        .sort()
        .map((status) => [status, all[status]!]),
    ),
  };
}

/**
 * An operation with the answers it may get besides its own: a body's (see {@link withBodyAnswers})
 * and, for any write, 503 when the disk is full — said here once rather than on every operation.
 */
function withWriteAnswers(path: string, method: string, operation: Operation): Operation {
  const answered =
    operation.requestBody === undefined ? operation : withBodyAnswers(path, operation);
  if (method === 'get' || !answered.responses) return answered;
  return { ...answered, responses: { ...answered.responses, '503': storageFull } };
}

/** Every area's paths, each operation with {@link withWriteAnswers}. */
function pathsOf(areas: readonly ApiArea[]) {
  return Object.fromEntries(
    areas.flatMap((area) =>
      Object.entries(area.paths as Record<string, Record<string, Operation>>).map(
        ([path, operations]) => [
          path,
          Object.fromEntries(
            Object.entries(operations).map(([method, operation]) => [
              method,
              withWriteAnswers(path, method, operation),
            ]),
          ),
        ],
      ),
    ),
  );
}

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
        'clients branch on `code`. Messages are Danish unless `Accept-Language` prefers English. ' +
        "Every body is checked against its route's size limit before anything else (413 " +
        '`payload_too_large`), must arrive whole in time (408 `request_timeout`), and must be ' +
        'UTF-8 (400 `invalid_encoding`).',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [
      {
        url: '/',
        description:
          'The hub that serves this document (`GET /api/v1/openapi.json`): every path is ' +
          'relative to its origin, e.g. `https://stue.example.dk`.',
      },
    ],
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
            security: [],
            responses: {
              '200': {
                description: 'The hub is running and can write to its database.',
                content: {
                  'application/json': {
                    schema: { type: 'object', properties: { ok: { const: true } } },
                  },
                },
              },
              '503': {
                description:
                  'The hub is running but cannot write to its database: a write failed because ' +
                  'the disk is full, and a trial write still fails. It answers 200 again on its ' +
                  'own once there is room.',
                headers: retryAfterHeader,
                content: {
                  'application/json': {
                    schema: {
                      type: 'object',
                      properties: { ok: { const: false }, database: { const: 'not_writable' } },
                      required: ['ok', 'database'],
                    },
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
            security: [],
            responses: { '200': { description: 'The OpenAPI 3.1 document.' } },
          },
        },
      },
      pathsOf(API_AREAS),
    ),
    webhooks: Object.assign({}, ...API_AREAS.map((area) => area.webhooks ?? {})),
  };
}

const retryAfterHeader = {
  'Retry-After': {
    description: 'Seconds to wait before trying again.',
    schema: { type: 'integer' },
  },
};

const storageFull = {
  ...errorResponse(
    'The hub cannot write: its disk is full (`storage_full`). The request was not ' +
      'acknowledged; send it again after `Retry-After` seconds.',
  ),
  headers: retryAfterHeader,
};
