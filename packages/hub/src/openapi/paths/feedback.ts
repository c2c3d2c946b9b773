import { callDoneSchema } from '../../feedback/routes.js';
import { bookingFeedbackSchema, callTaskPageSchema, callTaskSchema } from '@stue/core';
import {
  answer,
  coordinatorErrors,
  coordinatorWriteErrors,
  errorResponse,
  jsonBody,
  jsonSchema,
  uuidV7,
  type ApiArea,
} from '../helpers.js';

const bookingId = '019ac0f2-5b7e-7c3d-9e4f-5a6b7c8d9e12';
const debriefId = '019ac0f2-5b7e-7c3d-9e4f-5a6b7c8d9e11';
const coordinator = { id: '7b0c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d', name: 'Mette Koordinator' };

const exampleFeedback = {
  bookingId,
  responses: [
    {
      id: '019ac0f2-5b7e-7c3d-9e4f-5a6b7c8d9e10',
      receivedAt: '2030-05-07T09:12:44.120Z',
      readable: true,
      role: 'host',
      answeredWithHelp: true,
      instrument: { id: 'stue-home-concert', version: 1, title: 'Efter koncerten' },
      answers: [
        {
          questionId: 'visit',
          question: 'Hvordan var besøget?',
          state: 'answered',
          choices: [{ id: 'good', label: 'Godt', pictogram: 'face-happy' }],
        },
        {
          questionId: 'feelings',
          question: 'Hvad mærkede du under musikken?',
          state: 'answered',
          choices: [
            { id: 'moved', label: 'Rørt', pictogram: 'heart' },
            { id: 'sad', label: 'Trist', pictogram: 'tear' },
          ],
        },
        { questionId: 'seen', question: 'Følte du dig set?', state: 'skipped', choices: [] },
      ],
    },
  ],
  debriefs: [
    {
      id: debriefId,
      receivedAt: '2030-05-07T09:20:03.004Z',
      howItWent: 'mixed',
      wasAnythingHard: null,
      anythingHard: 'Svært at finde parkering, og jeg kom stresset ind.',
      wouldLikeACall: true,
      note: null,
      call: { state: 'open', done: null },
    },
  ],
};

const exampleTask = {
  id: debriefId,
  state: 'open',
  musician: {
    id: '3f1c9a52-7d7e-4b8e-9d6a-2f0c1b2a3e4d',
    name: 'Maja Musiker',
    phone: '+4540506070',
  },
  peer: { id: '0193a5c2-4f1e-7c3a-9b2d-5e6f7a8b9c0d', name: 'Mads Holm', phone: '+4522334455' },
  booking: {
    id: bookingId,
    date: '2030-05-07',
    start: '2030-05-07T10:00',
    host: { firstName: 'Inger', municipalityCode: '751' },
  },
  receivedAt: '2030-05-07T09:20:03.004Z',
  howItWent: 'mixed',
  done: null,
};

const exampleDone = {
  ...exampleTask,
  state: 'done',
  done: { at: '2030-05-08T08:30:00.000Z', by: coordinator, note: 'Talte om parkering.' },
};

const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  schema: uuidV7,
};

/** What tablets sent, read by coordinators: a booking's feedback, and the musicians' call tasks. */
export const feedbackArea: ApiArea = {
  schemas: { CallDoneRequest: jsonSchema(callDoneSchema, 'input') },
  writes: [
    {
      method: 'post',
      path: '/api/v1/tasks/{id}/call-done',
      schema: callDoneSchema,
      example: { note: 'Talte om parkering.' },
    },
  ],
  paths: {
    '/api/v1/bookings/{id}/feedback': {
      get: {
        operationId: 'readBookingFeedback',
        summary: "A booking's feedback responses, opened, and the musician's debriefs",
        description:
          'Each response is opened with the hub’s key and rendered against its instrument version in ' +
          'the request’s language: every question asked of the respondent, answered (with the ' +
          'options’ words and pictogram names), `skipped`, or `not-reached`. A response the hub ' +
          'cannot open has `readable: false`. Every read is written to the audit trail ' +
          '(`feedback-read`) before the answer is sent.',
        security: [{ coordinatorSession: [] }],
        parameters: [idParameter],
        responses: {
          '200': answer(
            bookingFeedbackSchema,
            'The opened feedback and the debriefs, oldest first.',
            { example: exampleFeedback },
          ),
          '400': errorResponse('A malformed id (`invalid_parameter`).'),
          '404': errorResponse('No such booking (`not_found`).'),
          ...coordinatorErrors,
        },
      },
    },
    '/api/v1/tasks': {
      get: {
        operationId: 'listCallTasks',
        summary: 'Musicians who asked for a call in a debrief',
        description:
          'Open calls longest waiting first (the default), or done calls most recently done ' +
          'first. The booking names the host by first name and municipality, or not at all ' +
          '(`host: null`) once the host has withdrawn consent. `peer` is the peer (named by the ' +
          "concert's programme) the musician would like to talk to, `null` for the coordinator: " +
          'a coordinator passes such a task on to the peer, with the phone numbers given here. ' +
          'With `for`, only the tasks for the coordinator or only those for a peer.',
        security: [{ coordinatorSession: [] }],
        parameters: [
          { name: 'state', in: 'query', schema: { enum: ['open', 'done'], default: 'open' } },
          { name: 'for', in: 'query', schema: { enum: ['coordinator', 'peer'] } },
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
          { name: 'cursor', in: 'query', schema: { type: 'string' } },
        ],
        responses: {
          '200': answer(callTaskPageSchema, 'A page of call tasks.', {
            example: { items: [exampleTask], nextCursor: null },
          }),
          '400': errorResponse('An unknown state, `for`, limit or cursor (`invalid_parameter`).'),
          ...coordinatorErrors,
        },
      },
    },
    '/api/v1/tasks/{id}/call-done': {
      post: {
        operationId: 'markCallDone',
        summary: 'Mark a musician’s requested call as made, with an optional note',
        description:
          'Idempotent: a call already marked keeps its first time, coordinator and note. The mark ' +
          'and its audit entry (`call-done`) commit together. `id` is the debrief’s id.',
        security: [{ coordinatorSession: [] }],
        parameters: [idParameter],
        requestBody: jsonBody('CallDoneRequest', { note: 'Talte om parkering.' }),
        responses: {
          '200': answer(callTaskSchema, 'The task, now done.', { example: exampleDone }),
          '400': errorResponse(
            'A malformed id (`invalid_parameter`) or note (`invalid_body`; too long, a CPR number).',
          ),
          '404': errorResponse('No debrief asking for a call has this id (`not_found`).'),
          '413': errorResponse('The body is too large (`payload_too_large`).'),
          ...coordinatorWriteErrors,
        },
      },
    },
  },
};
