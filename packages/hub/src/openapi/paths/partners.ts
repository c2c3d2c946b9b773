import { WEBHOOK_EVENTS, webhookEndpointInputSchema, webhookEventSchema } from '@stue/core';
import {
  createdPartnerKeySchema,
  createdWebhookEndpointSchema,
  partnerNominationDetailSchema,
  partnerKeySummarySchema,
  partnerListSchema,
  partnerNominationPageSchema,
  partnersWebhookDeliveryPageSchema,
  partnersWebhookEndpointListSchema,
  WEBHOOK_DELIVERY_STATUSES,
  webhookDeliveryPageSchema,
  webhookEndpointListSchema,
} from '@stue/core/client';
import { newKeySchema } from '../../partners/routes.js';
import {
  coordinatorErrors,
  coordinatorWriteErrors,
  errorResponse,
  json,
  jsonBody,
  jsonSchema,
  nominationStatusFilter,
  pageParams,
  uuidParam,
  uuidV7,
  type ApiArea,
} from '../helpers.js';

const exampleWebhookEndpoint = {
  url: 'https://api.besoeg.example.dk/stue/events',
  events: ['nomination.status_changed', 'booking.confirmed', 'booking.cancelled'],
  description: 'Vores frivilligsystem',
};

const partnerIdParam = {
  name: 'id',
  in: 'path',
  required: true,
  description: "The partner's id.",
  schema: { type: 'string', maxLength: 100, example: 'demo-partner' },
};
const deliveryFilters = [
  {
    name: 'endpoint',
    in: 'query',
    description: "Only this endpoint's deliveries.",
    schema: uuidV7,
  },
  {
    name: 'status',
    in: 'query',
    description: 'Repeat to allow several.',
    schema: { type: 'array', items: { enum: [...WEBHOOK_DELIVERY_STATUSES] } },
    style: 'form',
    explode: true,
  },
  ...pageParams,
];

export const secretKeyErrors = {
  '401': errorResponse('No key, or a key the hub does not know or has revoked (`unauthorized`).'),
  '403': errorResponse(
    'A publishable key (`secret_key_required`), or a secret key sent from a browser — the ' +
      'request has an `Origin` (`secret_key_in_browser`).',
  ),
  '429': errorResponse('Too many requests (`rate_limited`); wait `Retry-After` seconds.'),
};
const invalidQuery = errorResponse('A filter or the cursor is malformed (`invalid_parameter`).');
const invalidId = errorResponse('The id in the address is malformed (`invalid_parameter`).');
const notFound = errorResponse("No such record of this partner's (`not_found`).");

const webhookEvent = {
  ...jsonSchema(webhookEventSchema),
  description:
    'The body of every webhook: the event, when it happened, and ids, the reference, statuses ' +
    'and times — never a person’s details.',
  example: {
    type: 'booking.confirmed',
    timestamp: '2026-11-26T10:15:00.000Z',
    data: {
      bookingId: '019ac0f2-5b7e-7c3d-9e4f-5a6b7c8d9e12',
      nominationId: '019ac0f2-5b7e-7c3d-9e4f-5a6b7c8d9e10',
      reference: 'STUE-7KQ3-9XZD',
      start: '2026-12-03T14:00:00+01:00',
      status: 'confirmed',
      changedAt: '2026-11-26T10:15:00.000Z',
    },
  },
};

const webhookHeader = (name: string, description: string, example: string) => ({
  name,
  in: 'header',
  required: true,
  description,
  schema: { type: 'string', example },
});

const webhookWhen: Record<(typeof WEBHOOK_EVENTS)[number], string> = {
  'nomination.status_changed':
    'A nomination of the partner’s moved: in review, accepted, declined, withdrawn, booked, ' +
    'completed, back to accepted.',
  'booking.confirmed': 'A coordinator confirmed a concert for one of the partner’s nominations.',
  'booking.cancelled':
    'A concert for one of the partner’s nominations was cancelled, also when its nomination ' +
    'was withdrawn.',
};

/**
 * What the hub sends to a partner's registered endpoint, one entry per event type (Standard
 * Webhooks): a signed POST whose body is a {@link webhookEvent}.
 */
const webhooks = Object.fromEntries(
  WEBHOOK_EVENTS.map((event) => [
    event,
    {
      post: {
        operationId: `webhook.${event}`,
        summary: webhookWhen[event],
        description:
          'Sent to each of the partner’s endpoints registered for this event. Check the ' +
          'signature on the body exactly as it arrived (`verifyWebhook` in `@stue/core/client`) ' +
          'and drop a `webhook-id` you have seen. Any answer other than 2xx, or none in time, ' +
          'is tried again with growing delays; the delivery log shows every attempt.',
        security: [],
        parameters: [
          webhookHeader(
            'webhook-id',
            'The delivery’s id, the same on every retry.',
            'msg_019ac0f25b7e7c3d9e4f5a6b7c8d9e12',
          ),
          webhookHeader('webhook-timestamp', 'When it was sent, in Unix seconds.', '1764152100'),
          webhookHeader(
            'webhook-signature',
            '`v1,<base64>`: the HMAC-SHA256 of `<webhook-id>.<webhook-timestamp>.<body>` under ' +
              'the secret’s bytes (the base64 after `whsec_`).',
            'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
          ),
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': { schema: { $ref: '#/components/schemas/WebhookEvent' } },
          },
        },
        responses: {
          '2XX': { description: 'Received: the delivery is done.' },
          '4XX': {
            description: 'Not accepted: the hub tries again later, as for any other answer.',
          },
        },
      },
    },
  ]),
);

/** Partners' secret-key API, partner keys for coordinators, and webhooks. */
export const partnerArea: ApiArea = {
  webhooks,
  schemas: {
    WebhookEndpointInput: jsonSchema(webhookEndpointInputSchema, 'input'),
    NewPartnerKey: jsonSchema(newKeySchema, 'input'),
    WebhookEvent: webhookEvent,
  },
  writes: [
    {
      method: 'post',
      path: '/api/v1/partner/webhooks',
      schema: webhookEndpointInputSchema,
      example: exampleWebhookEndpoint,
    },
    {
      method: 'post',
      path: '/api/v1/partners/{id}/keys',
      schema: newKeySchema,
      example: { kind: 'secret' },
    },
  ],
  paths: {
    '/api/v1/partner/nominations': {
      get: {
        operationId: 'listPartnerNominations',
        summary: "The partner's own nominations, longest waiting first",
        description:
          "With the partner's secret key, from a server. Another organisation's nominations are never listed.",
        security: [{ partnerSecretKey: [] }],
        parameters: [
          nominationStatusFilter,
          {
            name: 'updatedSince',
            in: 'query',
            description: 'Only nominations whose status changed at or after this instant.',
            schema: { type: 'string', format: 'date-time' },
          },
          ...pageParams,
        ],
        responses: {
          '200': json(
            jsonSchema(partnerNominationPageSchema),
            'A page of nominations, as the partner sent them.',
          ),
          '400': invalidQuery,
          ...secretKeyErrors,
        },
      },
    },
    '/api/v1/partner/nominations/{id}': {
      get: {
        operationId: 'getPartnerNomination',
        summary: "One of the partner's own nominations, with its status history",
        description:
          'The history says when and from which status to which; who acted and why stay with the coordinators.',
        security: [{ partnerSecretKey: [] }],
        parameters: [uuidParam('The nomination’s id (UUIDv7).')],
        responses: {
          '200': json(jsonSchema(partnerNominationDetailSchema), 'The nomination.'),
          '400': invalidId,
          ...secretKeyErrors,
          '404': notFound,
        },
      },
    },
    '/api/v1/partner/webhooks': {
      get: {
        operationId: 'listPartnerWebhooks',
        summary: "The partner's webhook endpoints (without their secrets)",
        security: [{ partnerSecretKey: [] }],
        responses: {
          '200': json(
            jsonSchema(webhookEndpointListSchema),
            'The endpoints, newest first (removed ones have `disabledAt`).',
          ),
          ...secretKeyErrors,
        },
      },
      post: {
        operationId: 'registerWebhook',
        summary: 'Register a webhook endpoint',
        description:
          'The URL must be `https` (plain `http` only to loopback) and not an address in a private ' +
          'network. The answer carries the signing secret (`whsec_…`) this once.',
        security: [{ partnerSecretKey: [] }],
        requestBody: jsonBody('WebhookEndpointInput', exampleWebhookEndpoint),
        responses: {
          '201': json(jsonSchema(createdWebhookEndpointSchema), 'Registered; keep the secret.'),
          '400': errorResponse(
            'The body is not valid; `issues` say why per field (`invalid_webhook_url`, `webhook_private_address`, …).',
          ),
          ...secretKeyErrors,
          '409': errorResponse('The partner has ten active endpoints (`webhook_limit_reached`).'),
          '413': errorResponse('The body is over 16 KB (`payload_too_large`).'),
        },
      },
    },
    '/api/v1/partner/webhooks/{id}': {
      delete: {
        operationId: 'removeWebhook',
        summary: 'Remove a webhook endpoint',
        description: 'Nothing more is sent to it; its undelivered events are marked `failed`.',
        security: [{ partnerSecretKey: [] }],
        parameters: [uuidParam('The endpoint’s id.')],
        responses: {
          '204': { description: 'Removed.' },
          '400': invalidId,
          ...secretKeyErrors,
          '404': notFound,
        },
      },
    },
    '/api/v1/partner/webhooks/deliveries': {
      get: {
        operationId: 'listPartnerWebhookDeliveries',
        summary: "The delivery log of the partner's webhooks, newest first",
        security: [{ partnerSecretKey: [] }],
        parameters: deliveryFilters,
        responses: {
          '200': json(
            jsonSchema(webhookDeliveryPageSchema),
            'A page of deliveries with every attempt.',
          ),
          '400': invalidQuery,
          ...secretKeyErrors,
        },
      },
    },
    '/api/v1/partners': {
      get: {
        operationId: 'listPartners',
        summary: 'Partner organisations with their keys',
        security: [{ coordinatorSession: [] }],
        responses: {
          '200': json(jsonSchema(partnerListSchema), 'The partners, by name.'),
          ...coordinatorErrors,
        },
      },
    },
    '/api/v1/partners/{id}/keys': {
      post: {
        operationId: 'createPartnerKey',
        summary: 'Make a new key for a partner',
        description: 'The answer carries the key this once; the hub keeps only its hash.',
        security: [{ coordinatorSession: [] }],
        parameters: [partnerIdParam],
        requestBody: jsonBody('NewPartnerKey', { kind: 'secret' }),
        responses: {
          '201': json(
            jsonSchema(createdPartnerKeySchema),
            'Made; give the key to the partner now.',
          ),
          '400': errorResponse('Malformed id or body (`invalid_parameter`, `invalid_body`).'),
          ...coordinatorWriteErrors,
          '404': errorResponse('No such partner (`not_found`).'),
          '413': errorResponse('The body is over 16 KB (`payload_too_large`).'),
        },
      },
    },
    '/api/v1/partners/{id}/keys/{keyId}/revoke': {
      post: {
        operationId: 'revokePartnerKey',
        summary: 'Revoke a partner key',
        description: 'Refused from the next request on. Revoking twice keeps the first time.',
        security: [{ coordinatorSession: [] }],
        parameters: [
          partnerIdParam,
          { name: 'keyId', in: 'path', required: true, schema: { type: 'string' } },
        ],
        responses: {
          '200': json(jsonSchema(partnerKeySummarySchema), 'Revoked.'),
          '400': invalidId,
          ...coordinatorWriteErrors,
          '404': errorResponse('The partner has no such key (`not_found`).'),
        },
      },
    },
    '/api/v1/webhooks': {
      get: {
        operationId: 'listWebhooks',
        summary: "Partners' webhook endpoints (never their secrets)",
        security: [{ coordinatorSession: [] }],
        parameters: [{ name: 'partner', in: 'query', schema: { type: 'string' } }],
        responses: {
          '200': json(
            jsonSchema(partnersWebhookEndpointListSchema),
            'The endpoints, newest first.',
          ),
          '400': invalidQuery,
          ...coordinatorErrors,
        },
      },
    },
    '/api/v1/webhooks/deliveries': {
      get: {
        operationId: 'listWebhookDeliveries',
        summary: 'The webhook delivery log, newest first',
        security: [{ coordinatorSession: [] }],
        parameters: [
          { name: 'partner', in: 'query', schema: { type: 'string' } },
          ...deliveryFilters,
        ],
        responses: {
          '200': json(
            jsonSchema(partnersWebhookDeliveryPageSchema),
            'A page of deliveries with every attempt.',
          ),
          '400': invalidQuery,
          ...coordinatorErrors,
        },
      },
    },
  },
};
