import {
  deviceDaySchema,
  deviceRecordReceiptSchema,
  enrolledDeviceListSchema,
  enrolmentCodeSchema,
  enrolmentSchema,
} from '@stue/core/client';
import { sealedEnvelopeSchema } from '@stue/core/sealing';
import {
  cancelledAtDoorRecordSchema,
  debriefRecordSchema,
  enrolmentCodeRequestSchema,
  enrolRequestSchema,
  feedbackRecordSchema,
} from '../../devices/routes.js';
import { tabletConsentSchema } from '@stue/core';
import type * as z from 'zod/mini';
import {
  coordinatorErrors,
  coordinatorWriteErrors,
  errorResponse,
  json,
  jsonBody,
  jsonSchema,
  requestSchema,
  type ApiArea,
} from '../helpers.js';

const exampleEnvelope = {
  v: 1,
  alg: 'ECDH-P256+HKDF-SHA256+A256GCM',
  context: 'stue-sealed-v1:feedback-response',
  epk: {
    kty: 'EC',
    crv: 'P-256',
    x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
    y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
  },
  iv: 'AAECAwQFBgcICQoL',
  ct: 'c2VhbGVkIGFuc3dlcnMgZ28gaGVyZQ',
};
const exampleFeedbackRecord = {
  id: '019ac0f2-5b7e-7c3d-9e4f-5a6b7c8d9e10',
  deviceSeq: 3,
  kind: 'feedback-response',
  body: exampleEnvelope,
};
const exampleDebriefRecord = {
  id: '019ac0f2-5b7e-7c3d-9e4f-5a6b7c8d9e11',
  deviceSeq: 4,
  kind: 'musician-debrief',
  body: {
    schemaVersion: 3,
    id: '019ac0f2-5b7e-7c3d-9e4f-5a6b7c8d9e11',
    bookingId: '019ac0f2-5b7e-7c3d-9e4f-5a6b7c8d9e12',
    deviceId: '3f1c9a52-7d7e-4b8e-9d6a-2f0c1b2a3e4d',
    deviceSeq: 4,
    howItWent: 'good',
    wasAnythingHard: true,
    anythingHard: 'Svært at finde parkering',
    wouldLikeACall: false,
  },
};

const exampleDoorRecord = {
  id: '019ac0f2-5b7e-7c3d-9e4f-5a6b7c8d9e13',
  deviceSeq: 5,
  kind: 'booking-cancelled-at-door',
  body: {
    schemaVersion: 1,
    id: '019ac0f2-5b7e-7c3d-9e4f-5a6b7c8d9e13',
    bookingId: '019ac0f2-5b7e-7c3d-9e4f-5a6b7c8d9e12',
    deviceId: '3f1c9a52-7d7e-4b8e-9d6a-2f0c1b2a3e4d',
    deviceSeq: 5,
    reason: 'nobody-home',
    at: '2026-11-26T13:02:00.000Z',
  },
};

const received = json(jsonSchema(deviceRecordReceiptSchema), 'Stored.');

const deviceErrors = {
  '401': errorResponse('No device token, or a revoked one (`unauthorized`). Keep records queued.'),
};

const syncAnswers = (what: string) => ({
  '201': received,
  '200': { ...received, description: 'Received before: a replay of the same id and body.' },
  '400': errorResponse(`Not a valid ${what}; \`issues\` say why.`),
  ...deviceErrors,
  '404': errorResponse('No such booking for this tablet’s musician (`not_found`).'),
  '409': errorResponse('A different record has the same id (`record_conflict`). Do not resend.'),
  '410': errorResponse(
    'The booking’s people were erased (`person_erased`), or — for feedback — the host’s consent ' +
      'to it is not on record (never given, or withdrawn) and none came with the record ' +
      '(`no_consent`). Do not resend; the outbox purges the record.',
  ),
  '413': errorResponse('The body is too large (`payload_too_large`).'),
});

/** Kiosk tablets: enrolment, their day's bookings, and what they send. */
export const deviceArea: ApiArea = {
  schemas: {
    EnrolmentCodeRequest: jsonSchema(enrolmentCodeRequestSchema, 'input'),
    EnrolRequest: jsonSchema(enrolRequestSchema, 'input'),
    SealedEnvelope: jsonSchema(sealedEnvelopeSchema, 'input'),
    TabletConsent: jsonSchema(tabletConsentSchema, 'input'),
    FeedbackRecord: requestSchema(
      feedbackRecordSchema,
      new Map<z.core.$ZodType, string>([
        [sealedEnvelopeSchema, 'SealedEnvelope'],
        [tabletConsentSchema, 'TabletConsent'],
      ]),
    ),
    DebriefRecord: jsonSchema(debriefRecordSchema, 'input'),
    CancelledAtDoorRecord: jsonSchema(cancelledAtDoorRecordSchema, 'input'),
  },
  writes: [
    {
      method: 'post',
      path: '/api/v1/devices/enrolment-codes',
      schema: enrolmentCodeRequestSchema,
      example: { musicianId: '3f1c9a52-7d7e-4b8e-9d6a-2f0c1b2a3e4d' },
    },
    {
      method: 'post',
      path: '/api/v1/devices/enrol',
      schema: enrolRequestSchema,
      example: { code: '7KQ3-9XZD', name: 'Majas tablet' },
    },
    {
      method: 'post',
      path: '/api/v1/feedback',
      schema: feedbackRecordSchema,
      example: exampleFeedbackRecord,
    },
    {
      method: 'post',
      path: '/api/v1/debriefs',
      schema: debriefRecordSchema,
      example: exampleDebriefRecord,
    },
    {
      method: 'post',
      path: '/api/v1/door-cancellations',
      schema: cancelledAtDoorRecordSchema,
      example: exampleDoorRecord,
    },
  ],
  paths: {
    '/api/v1/devices/enrolment-codes': {
      post: {
        operationId: 'createEnrolmentCode',
        summary: "A one-time code to enrol a musician's tablet (valid 24 hours)",
        security: [{ coordinatorSession: [] }],
        requestBody: jsonBody('EnrolmentCodeRequest', {
          musicianId: '3f1c9a52-7d7e-4b8e-9d6a-2f0c1b2a3e4d',
        }),
        responses: {
          '201': json(jsonSchema(enrolmentCodeSchema), 'The code, shown once.'),
          '400': errorResponse('Malformed, or an unknown musician.'),
          ...coordinatorWriteErrors,
        },
      },
    },
    '/api/v1/devices': {
      get: {
        operationId: 'listDevices',
        summary: 'Enrolled tablets, newest first',
        description:
          'Each with its musician, when it was enrolled, revoked and last seen, the highest ' +
          'sequence number received, and `sequenceReusedAt`: when it last sent a new record under ' +
          'a sequence number it had used before or an earlier one — a tablet restored from a ' +
          'backup or cloned. The record was kept; the audit log has a `sequence-reused` entry.',
        security: [{ coordinatorSession: [] }],
        responses: {
          '200': json(jsonSchema(enrolledDeviceListSchema), 'The tablets.'),
          ...coordinatorErrors,
        },
      },
    },
    '/api/v1/devices/{id}/revoke': {
      post: {
        operationId: 'revokeDevice',
        summary: "Revoke a tablet's token at once",
        security: [{ coordinatorSession: [] }],
        parameters: [
          {
            name: 'id',
            in: 'path',
            required: true,
            description:
              'The tablet’s id: a UUID of any version (tablets enrolled before ids were UUIDv7 ' +
              'have version 4 ids).',
            schema: { type: 'string', format: 'uuid' },
          },
        ],
        responses: {
          '204': { description: 'Revoked.' },
          '400': errorResponse('The id is not a UUID (`invalid_parameter`).'),
          '404': errorResponse('No such tablet (`not_found`).'),
          ...coordinatorWriteErrors,
        },
      },
    },
    '/api/v1/devices/enrol': {
      post: {
        operationId: 'enrolDevice',
        summary: 'A tablet enrols with a one-time code',
        description:
          'Answers the device token (shown once) and the hub’s public key that feedback is sealed to. ' +
          'Ten attempts per address per 15 minutes.',
        security: [],
        requestBody: jsonBody('EnrolRequest', { code: '7KQ3-9XZD', name: 'Majas tablet' }),
        responses: {
          '201': json(jsonSchema(enrolmentSchema), 'Enrolled.'),
          '400': errorResponse(
            'Unknown, used or expired code (`invalid_enrolment_code`), or an invalid body ' +
              '(`invalid_body`; a name holding a CPR number has the issue `cpr_not_allowed`).',
          ),
          '429': errorResponse('Too many attempts (`rate_limited`).'),
        },
      },
    },
    '/api/v1/device/bookings': {
      get: {
        operationId: 'deviceBookings',
        summary: "The tablet's musician's concerts on a day (default: today in Denmark)",
        description:
          'Yesterday, today or tomorrow in Denmark; any other date is refused. `feedbackConsent` ' +
          'says per concert whether the host’s yes to keeping the answers is on record (`given`) ' +
          'or the tablet asks the pair before the first question (`ask`), or the host withdrew it ' +
          '(`withdrawn`: the tablet does not ask). `peers` are the peers the concert’s programme ' +
          'names, other than the tablet’s musician, by first name: whom the debrief offers.',
        security: [{ deviceToken: [] }],
        parameters: [{ name: 'date', in: 'query', schema: { type: 'string', format: 'date' } }],
        responses: {
          '200': json(jsonSchema(deviceDaySchema), 'The concerts, in time order.'),
          '400': errorResponse(
            'A malformed date, or one outside yesterday to tomorrow (`invalid_parameter`).',
          ),
          ...deviceErrors,
        },
      },
    },
    '/api/v1/feedback': {
      post: {
        operationId: 'sendFeedback',
        summary: 'A sealed feedback response from a tablet',
        description:
          'The response is sealed to the hub’s key on the tablet; the hub opens it to check it, and ' +
          'stores it sealed. Same id and body again → 200; same id, other body → 409. When the ' +
          'pair said yes to keeping their answers on the tablet, the body is `{sealed, consent}` ' +
          '(`TabletConsent`: who, when, the notice version shown), outside the sealed answers; the ' +
          'hub records it as `feedback` consent (via `tablet`) with the feedback, only when the ' +
          'host’s is not on record and was never withdrawn. A consent dated in the future beyond ' +
          'clock skew is refused (`consent_in_future`).',
        security: [{ deviceToken: [] }],
        requestBody: jsonBody('FeedbackRecord', exampleFeedbackRecord),
        responses: {
          ...syncAnswers('sealed response'),
          '400': errorResponse(
            'Not a valid record, not sealed to this hub (`cannot_open`), or not a response to the instrument.',
          ),
        },
      },
    },
    '/api/v1/debriefs': {
      post: {
        operationId: 'sendDebrief',
        summary: "A musician's debrief after a concert",
        description:
          'Version 3 (with `peerId`, the peer the musician would like to talk to), or version 2 ' +
          'or 1 from a tablet not yet updated, stored as version 3: version 1’s ' +
          '`wasAnythingHard` is whether it had a text about what was hard, and a call asked for ' +
          'in version 1 or 2 is the coordinator’s. A `peerId` the concert’s programme does not ' +
          'name as a peer (or the musician themself) is refused (`not_a_peer`), as is one ' +
          'without `wouldLikeACall` (`peer_without_call`). Same id and body again → 200; same ' +
          'id, other body → 409.',
        security: [{ deviceToken: [] }],
        requestBody: jsonBody('DebriefRecord', exampleDebriefRecord),
        responses: {
          ...syncAnswers('debrief'),
          '400': errorResponse(
            'Not a valid debrief, or a peer the concert’s programme does not name (`not_a_peer`).',
          ),
        },
      },
    },
    '/api/v1/door-cancellations': {
      post: {
        operationId: 'cancelAtDoor',
        summary: "A concert cancelled at the door, from the musician's tablet",
        description:
          'The booking (one of the tablet’s musician’s) moves to `cancelled` with the reason ' +
          '(`nobody-home`, `host-unwell` or `other`: no health details) and an audit entry, in ' +
          'the same transaction that keeps the record; a confirmed booking’s nomination goes back ' +
          'to `accepted`. A booking already cancelled stays as it is. Same id and body again → ' +
          '200; same id, other body → 409.',
        security: [{ deviceToken: [] }],
        requestBody: jsonBody('CancelledAtDoorRecord', exampleDoorRecord),
        responses: {
          ...syncAnswers('record'),
          '409': errorResponse(
            'A different record has the same id (`record_conflict`; do not resend), or the concert ' +
              'was already held or marked a no-show (`illegal_transition`).',
          ),
        },
      },
    },
  },
};
