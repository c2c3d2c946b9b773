import { consentRecordSchema, consentWithdrawalSchema } from '../../consents/index.js';
import { erasureRequestSchema } from '../../privacy/routes.js';
import {
  consentListSchema,
  consentViewSchema,
  consentWithdrawnSchema,
  erasureReceiptSchema,
  personExportSchema,
} from '@stue/core';
import {
  answer,
  answerSchema,
  coordinatorErrors,
  coordinatorWriteErrors,
  errorResponse,
  json,
  jsonBody,
  jsonSchema,
  uuidV7,
  type ApiArea,
} from '../helpers.js';

const NOMINATION_ID = '019ac0f2-5b7e-7c3d-9e4f-5a6b7c8d9e01';

const exampleConsent = {
  person: 'host',
  scope: 'quote',
  via: 'visiting-friend',
  at: '2026-11-26T10:00:00+01:00',
  noticeVersion: '2025-01',
};
const exampleWithdrawal = {
  person: 'host',
  scopes: ['nomination-contact', 'feedback', 'quote'],
  reason: 'Sagde nej tak i telefonen',
};
const exampleErasure = { reference: 'STUE-7KQ3-9XZD' };

const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  description: "The nomination's id (UUIDv7).",
  schema: { ...uuidV7, example: NOMINATION_ID },
};

const gone = errorResponse(
  'The nomination was erased (`person_erased`): nothing about its people is held any longer.',
);
const notFound = errorResponse('No such nomination (`not_found`).');
const badId = errorResponse('The id is not a UUIDv7 (`invalid_parameter`).');

/** Data rights: consents, their withdrawal, erasure and the data-subject export. */
export const dataRightsArea: ApiArea = {
  schemas: {
    ConsentRecord: jsonSchema(consentRecordSchema, 'input'),
    ConsentWithdrawal: jsonSchema(consentWithdrawalSchema, 'input'),
    ErasureRequest: jsonSchema(erasureRequestSchema, 'input'),
    Consent: answerSchema(consentViewSchema),
  },
  writes: [
    {
      method: 'post',
      path: '/api/v1/nominations/{id}/consents',
      schema: consentRecordSchema,
      example: exampleConsent,
    },
    {
      method: 'post',
      path: '/api/v1/nominations/{id}/consents/withdraw',
      schema: consentWithdrawalSchema,
      example: exampleWithdrawal,
    },
    {
      method: 'post',
      path: '/api/v1/nominations/{id}/erase',
      schema: erasureRequestSchema,
      example: exampleErasure,
    },
  ],
  paths: {
    '/api/v1/nominations/{id}/consents': {
      get: {
        operationId: 'listConsents',
        summary: "A nomination's consents, withdrawn ones included",
        security: [{ coordinatorSession: [] }],
        parameters: [idParameter],
        responses: {
          '200': answer(
            consentListSchema,
            "The consents, oldest first. A nomination's own consent record is two of them: " +
              '`nomination-contact` and `feedback`.',
          ),
          '400': badId,
          ...coordinatorErrors,
          '404': notFound,
          '410': gone,
        },
      },
      post: {
        operationId: 'recordConsent',
        summary: 'Record a further consent, e.g. to be quoted',
        description:
          'Whose (`host` or `visiting-friend`), what for, through whom, when, and the privacy ' +
          "notice version that was read out. The host's `nomination-contact` recorded again on a " +
          'nomination hidden by a withdrawal shows it again and cancels its scheduled erasure.',
        security: [{ coordinatorSession: [] }],
        parameters: [idParameter],
        requestBody: jsonBody('ConsentRecord', exampleConsent),
        responses: {
          '201': json({ $ref: '#/components/schemas/Consent' }, 'Recorded.'),
          '400': errorResponse(
            'Not a valid consent (`invalid_body`), or a malformed id. A consent dated more than ' +
              'five minutes after the hub’s clock is refused with the issue `consent_in_future` ' +
              'at `at`.',
          ),
          ...coordinatorWriteErrors,
          '404': notFound,
          '410': gone,
          '413': errorResponse('The body is too large (`payload_too_large`).'),
        },
      },
    },
    '/api/v1/nominations/{id}/consents/withdraw': {
      post: {
        operationId: 'withdrawConsent',
        summary: 'Withdraw consents (default: all of the host’s)',
        description:
          "Withdrawing the host's `nomination-contact` hides the nomination from every list and " +
          'tablet, withdraws it and cancels its active bookings, and schedules its erasure ' +
          '(`erasureDueAt`, after the retention period). Withdrawing `feedback` alone keeps the ' +
          'visit, refuses further feedback about it (`410 no_consent`) and deletes what was given ' +
          'after the same period. Withdrawing again changes nothing.',
        security: [{ coordinatorSession: [] }],
        parameters: [idParameter],
        requestBody: jsonBody('ConsentWithdrawal', exampleWithdrawal),
        responses: {
          '200': answer(consentWithdrawnSchema, 'Withdrawn.'),
          '400': errorResponse('Not a valid withdrawal (`invalid_body`), or a malformed id.'),
          ...coordinatorWriteErrors,
          '404': notFound,
          '410': gone,
          '413': errorResponse('The body is too large (`payload_too_large`).'),
        },
      },
    },
    '/api/v1/nominations/{id}/erase': {
      post: {
        operationId: 'erasePerson',
        summary: 'Erase the host and visiting friend of a nomination',
        description:
          "Deletes the nomination, its consents, coordinators' notes, its bookings, every tablet " +
          "record about them and every webhook delivery about them (the partner's delivery log " +
          'keeps nothing of the pair); ' +
          'blanks the reasons typed into their history; keeps an audit entry that names nobody; and ' +
          'puts the ids on the re-erase list. Afterwards anything about them — a nomination replay, ' +
          'feedback, a debrief — is answered `410 person_erased`, and a restored backup loses them ' +
          "again. The body repeats the nomination's reference to confirm.",
        security: [{ coordinatorSession: [] }],
        parameters: [idParameter],
        requestBody: jsonBody('ErasureRequest', exampleErasure),
        responses: {
          '200': answer(erasureReceiptSchema, 'Erased; what was removed, counted.'),
          '400': errorResponse(
            'The reference does not match the nomination (`invalid_body`), or a malformed id.',
          ),
          ...coordinatorWriteErrors,
          '404': notFound,
          '410': errorResponse('Erased already (`person_erased`).'),
          '413': errorResponse('The body is too large (`payload_too_large`).'),
        },
      },
    },
    '/api/v1/nominations/{id}/export': {
      get: {
        operationId: 'exportPerson',
        summary: 'Everything the hub holds about the pair of a nomination (data-subject export)',
        description:
          "The nomination as stored, its consents, coordinators' notes, its bookings, the tablet records about them " +
          '(sealed feedback opened with the hub’s key) and every audit entry about these, as one ' +
          'JSON document (`Content-Disposition: attachment`). The export itself is audited.',
        security: [{ coordinatorSession: [] }],
        parameters: [idParameter],
        responses: {
          '200': answer(personExportSchema, 'The export.'),
          '400': badId,
          ...coordinatorErrors,
          '404': notFound,
          '410': gone,
        },
      },
    },
  },
};
