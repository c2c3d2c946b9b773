import {
  exampleNominationV2,
  nominationReceiptSchema,
  nominationSchema,
  nominationDetailSchema,
  nominationItemPageSchema,
  nominationNoteViewSchema,
  nominationV2Schema,
} from '@stue/core';
import { nominationNoteSchema } from '../../nominations/index.js';
import {
  answer,
  answerSchema,
  coordinatorWriteErrors,
  errorResponse,
  jsonBody,
  jsonSchema,
  nominationStatusFilter,
  pageParams,
  uuidParam,
  type ApiArea,
} from '../helpers.js';

/** A complete, valid nomination: the example in the API description and in the docs. */
export const exampleNomination = exampleNominationV2();

const exampleNote = {
  id: '019ac0f3-1d2e-7f40-8a5b-6c7d8e9f0a1b',
  text: 'Ringede tirsdag, ring igen torsdag',
};

// A nomination's id in the address of the coordinators' nomination and its notes.
const nominationIdParam = uuidParam('The nomination’s id (UUIDv7), not its reference.');

const partnerKeyErrors = {
  '401': errorResponse('No key, or a key the hub does not know (`unauthorized`).'),
  '403': errorResponse(
    "The request's `Origin` is not on the partner's allow-list (`origin_not_allowed`).",
  ),
};

/** Nominations: partner sites send them, coordinators read them. */
export const nominationArea: ApiArea = {
  schemas: {
    NominationInput: jsonSchema(nominationV2Schema, 'input'),
    Nomination: {
      ...jsonSchema(nominationV2Schema),
      description:
        'A nomination as the hub stored it: every field with a default is filled in. What a ' +
        'client sends is `NominationInput`.',
    },
    NominationV1: {
      ...jsonSchema(nominationSchema, 'input'),
      deprecated: true,
      description:
        'Version 1, still read from older integrations and stored as version 2: the municipality ' +
        'name becomes its code, and `consent: true` a consent record dated when the hub received it.',
    },
    NominationReceipt: jsonSchema(nominationReceiptSchema),
    NominationNoteInput: jsonSchema(nominationNoteSchema, 'input'),
    NominationNote: answerSchema(nominationNoteViewSchema),
  },
  writes: [
    {
      method: 'post',
      path: '/api/v1/nominations',
      schema: nominationV2Schema,
      example: exampleNomination,
    },
    {
      method: 'post',
      path: '/api/v1/nominations/{id}/notes',
      schema: nominationNoteSchema,
      example: exampleNote,
    },
  ],
  paths: {
    '/api/v1/nominations': {
      get: {
        operationId: 'listNominations',
        summary: 'Nominations for coordinators, longest waiting first',
        security: [{ coordinatorSession: [] }],
        parameters: [
          nominationStatusFilter,
          { name: 'partner', in: 'query', schema: { type: 'string' } },
          {
            name: 'waitingDays',
            in: 'query',
            description: 'Only nominations received at least this many days ago.',
            schema: { type: 'integer', minimum: 0 },
          },
          ...pageParams,
        ],
        responses: {
          '200': answer(nominationItemPageSchema, 'A page of nominations.'),
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
                  { $ref: '#/components/schemas/NominationInput' },
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
          '400': errorResponse(
            'The body is not a valid nomination; `issues` say why per field. A consent dated ' +
              'more than five minutes after the hub’s clock is refused with the issue ' +
              '`consent_in_future` at `consent.at`.',
          ),
          ...partnerKeyErrors,
          '409': errorResponse(
            'A different nomination has the same id (`nomination_conflict`). Do not retry.',
          ),
          '410': errorResponse(
            'The people of this nomination were erased at their request (`person_erased`). ' +
              'Do not resend; delete the local copy.',
          ),
          '413': errorResponse('The body is too large (`payload_too_large`).'),
          '422': errorResponse(
            'The body is valid, but names a programme the hub does not hold ' +
              '(`unknown_programme`, issue at `programmeId`; leave it out for the default ' +
              'programme), or a notice version written as a programme’s (`{slug}/{version}`) ' +
              'that is not one the nominated programme has had (`unknown_notice_version`, issue ' +
              'at `consent.noticeVersion` or `feedbackConsent.noticeVersion`). Nothing is stored.',
          ),
        },
      },
    },
    '/api/v1/nominations/{id}': {
      get: {
        operationId: 'getNomination',
        summary: 'A nomination for coordinators, with its history and the moves it allows now',
        description:
          '`nomination` is `null` once the host has withdrawn consent (`consentWithdrawnAt`, ' +
          '`null` while it holds): the nomination, its status and its consents stay visible to ' +
          'act on (record a new consent, export, erase), nothing about the pair. Their new ' +
          'consent brings the record back. `history` is the audit trail, oldest first: who, when, ' +
          'what and why — without the why (reasons, referrals) while consent is withdrawn. ' +
          "`notes` are coordinators' notes, oldest first, each with its author and time; empty " +
          'while consent is withdrawn.',
        security: [{ coordinatorSession: [] }],
        parameters: [nominationIdParam],
        responses: {
          '200': answer(nominationDetailSchema, 'The nomination.'),
          '400': errorResponse('The id is malformed (`invalid_parameter`).'),
          '401': errorResponse('Not signed in (`unauthorized`).'),
          '404': errorResponse('No such nomination (`not_found`).'),
        },
      },
    },
    '/api/v1/nominations/{id}/notes': {
      post: {
        operationId: 'addNominationNote',
        summary: "A coordinator's note about a nomination",
        description:
          'A short note about the booking call or the pair ("Ringede tirsdag, ring igen torsdag"): ' +
          "trimmed, at most 1,000 characters, no CPR numbers. The id is the client's (UUIDv7): " +
          'sending the same note again is answered 200 with it. The audit trail records that a ' +
          'note was written, not its text. Notes are erased and exported with the pair.',
        security: [{ coordinatorSession: [] }],
        parameters: [nominationIdParam],
        requestBody: jsonBody('NominationNoteInput', exampleNote),
        responses: {
          '201': answer(nominationNoteViewSchema, 'Written.'),
          '200': answer(nominationNoteViewSchema, 'Already written: a resend.'),
          '400': errorResponse(
            'Not a valid note (`invalid_body`): empty, too long or with a CPR number; or a ' +
              'malformed id (`invalid_parameter`).',
          ),
          ...coordinatorWriteErrors,
          '404': errorResponse('No such nomination (`not_found`).'),
          '409': errorResponse('Another note was written under this id (`record_conflict`).'),
          '410': errorResponse('The pair was erased (`person_erased`).'),
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
  },
};
