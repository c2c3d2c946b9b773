import * as z from 'zod/mini';
import {
  BOOKING_STATUSES,
  bookingInputSchema,
  bookingDetailSchema,
  bookingPageSchema,
  bookingViewSchema,
  exampleBookingInput,
  exampleMusicianInput,
  exampleTourDayInput,
  musicianInputSchema,
  musicianDetailSchema,
  musicianPageSchema,
  musicianSchema,
  nominationMovedSchema,
  tourDayDetailSchema,
  tourDayInputSchema,
  tourDayPageSchema,
  tourDaySchema,
  statusErrorSchema,
} from '@stue/core';
import { bookingMoveSchema, rescheduleRequestSchema } from '../../planning/bookings/routes.js';
import { declineSchema, nominationMoveSchema } from '../../planning/nomination-actions/routes.js';
import {
  answer,
  answerSchema,
  coordinatorErrors,
  coordinatorWriteErrors,
  errorResponse,
  json,
  jsonBody,
  jsonSchema,
  pageParams,
  uuidParam,
  uuidV7,
  type ApiArea,
} from '../helpers.js';

/** What a PATCH of a musician may send: any of the input's fields. */
export const musicianPatchSchema = z.partial(musicianInputSchema);
/** What a PATCH of a tour day may send: any of the input's fields (checked whole once merged). */
export const tourDayPatchSchema = z.partial(z.strictObject(tourDayInputSchema.shape));

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const idParam = uuidParam('The record’s UUIDv7.');

const statusError = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('StatusError') } },
});

const invalidId = errorResponse('The id in the address is malformed (`invalid_parameter`).');
const notFound = errorResponse('No such record (`not_found`).');
const invalidBody = errorResponse(
  'The body is not valid; `issues` say why per field (unknown fields are refused).',
);
const tooLarge = errorResponse('The body is over 16 KB (`payload_too_large`).');
const idConflict = errorResponse(
  'A different record has the same id (`record_conflict`). Do not retry.',
);
const illegal = statusError(
  'The lifecycle does not allow this move from the current status (`illegal_transition`); ' +
    'the body names the `status` and the `allowedActions`.',
);

// What creating a record under the client's id answers: created, a replay of it, or refused.
const createAnswers = (record: string, created: string, replay: string) => ({
  '201': json(ref(record), created),
  '200': json(ref(record), replay),
  '400': invalidBody,
  ...coordinatorWriteErrors,
  '409': idConflict,
  '413': tooLarge,
});

// What reading one record by its id answers.
const readAnswers = (ok: object) => ({
  '200': ok,
  '400': invalidId,
  ...coordinatorErrors,
  '404': notFound,
});

const moveExamples = {
  confirm: {},
  cancel: { reason: 'Afbud: besøgsvennen er syg' },
  held: {},
  'no-show': { reason: 'Ingen lukkede op' },
} as const;

const bookingMove = (move: keyof typeof moveExamples, summary: string, description: string) => ({
  post: {
    operationId: `${move === 'no-show' ? 'noShow' : move}Booking`,
    summary,
    description,
    security: [{ coordinatorSession: [] }],
    parameters: [idParam],
    requestBody: { ...jsonBody('BookingMove', moveExamples[move]), required: false },
    responses: {
      '200': json(ref('BookingDetail'), 'Moved; the booking with its history.'),
      '400': errorResponse(
        'Malformed id or body, or a reason is missing (`invalid_parameter`, `invalid_body`, `reason_required`).',
      ),
      ...coordinatorWriteErrors,
      '404': notFound,
      '409': illegal,
      '413': tooLarge,
    },
  },
});

const nominationExamples = {
  review: {},
  accept: {},
  decline: {
    reason: 'Værten bor på plejehjem; koncertformatet passer ikke',
    referral: 'Plejehjemmets egne musikeftermiddage',
  },
  withdraw: { reason: 'Værten har takket nej via besøgsvennen' },
} as const;

const nominationMove = (
  action: keyof typeof nominationExamples,
  summary: string,
  description: string,
) => ({
  post: {
    operationId: `${action}Nomination`,
    summary,
    description,
    security: [{ coordinatorSession: [] }],
    parameters: [{ ...idParam, description: 'The nomination’s id (UUIDv7), not its reference.' }],
    requestBody: {
      ...jsonBody(
        action === 'decline' ? 'NominationDecline' : 'NominationMove',
        nominationExamples[action],
      ),
      required: action === 'decline' || action === 'withdraw',
    },
    responses: {
      '200': json(ref('NominationMoved'), 'Moved.'),
      '400': errorResponse(
        'Malformed id or body, or a reason is missing (`invalid_parameter`, `invalid_body`, `reason_required`).',
      ),
      ...coordinatorWriteErrors,
      '404': notFound,
      '409': illegal,
      '413': tooLarge,
    },
  },
});

/** Musicians, tour days, bookings, and coordinators' screening moves on nominations. */
export const planningArea: ApiArea = {
  schemas: {
    MusicianInput: jsonSchema(musicianInputSchema, 'input'),
    MusicianPatch: jsonSchema(musicianPatchSchema, 'input'),
    Musician: jsonSchema(musicianSchema),
    TourDayInput: jsonSchema(tourDayInputSchema, 'input'),
    TourDayPatch: jsonSchema(tourDayPatchSchema, 'input'),
    TourDay: jsonSchema(tourDaySchema),
    BookingInput: jsonSchema(bookingInputSchema, 'input'),
    Booking: {
      description:
        'A booking, and who it is for: first name and municipality only, and nothing ' +
        '(`host: null`) once the host has withdrawn consent.',
      ...answerSchema(bookingViewSchema),
    },
    BookingDetail: {
      description:
        'A booking with its audit trail, oldest first (who — `coordinator:<id>` —, when, what and ' +
        'why), and the moves it allows now, each with the endpoint that makes it.',
      ...answerSchema(bookingDetailSchema),
    },
    BookingMove: jsonSchema(bookingMoveSchema, 'input'),
    Reschedule: jsonSchema(rescheduleRequestSchema, 'input'),
    NominationMove: jsonSchema(nominationMoveSchema, 'input'),
    NominationDecline: jsonSchema(declineSchema, 'input'),
    NominationMoved: answerSchema(nominationMovedSchema),
    StatusError: {
      description:
        'An error about the state of a record: the hub’s error shape, with the record’s `status` ' +
        'and, for `illegal_transition`, the moves allowed now.',
      ...answerSchema(statusErrorSchema),
    },
  },
  writes: [
    {
      method: 'post',
      path: '/api/v1/musicians',
      schema: musicianInputSchema,
      example: exampleMusicianInput(),
    },
    {
      method: 'patch',
      path: '/api/v1/musicians/{id}',
      schema: musicianPatchSchema,
      example: { active: false },
    },
    {
      method: 'post',
      path: '/api/v1/tour-days',
      schema: tourDayInputSchema,
      example: exampleTourDayInput(),
    },
    {
      method: 'patch',
      path: '/api/v1/tour-days/{id}',
      schema: tourDayPatchSchema,
      example: { windowEnd: '15:00', maxConcerts: 2 },
    },
    {
      method: 'post',
      path: '/api/v1/bookings',
      schema: bookingInputSchema,
      example: exampleBookingInput(),
    },
    ...Object.entries(moveExamples).map(([move, example]) => ({
      method: 'post',
      path: `/api/v1/bookings/{id}/${move}`,
      schema: bookingMoveSchema,
      example,
    })),
    {
      method: 'post',
      path: '/api/v1/bookings/{id}/reschedule',
      schema: rescheduleRequestSchema,
      example: { start: '2025-05-06T13:30:00+02:00', reason: 'Værten ønsker eftermiddag' },
    },
    ...Object.entries(nominationExamples).map(([action, example]) => ({
      method: 'post',
      path: `/api/v1/nominations/{id}/${action}`,
      schema: action === 'decline' ? declineSchema : nominationMoveSchema,
      example,
    })),
  ],
  paths: {
    '/api/v1/musicians': {
      get: {
        operationId: 'listMusicians',
        summary: 'Musicians by name',
        security: [{ coordinatorSession: [] }],
        parameters: [
          {
            name: 'active',
            in: 'query',
            description: 'Only active (`true`) or inactive (`false`) musicians.',
            schema: { enum: ['true', 'false'] },
          },
          ...pageParams,
        ],
        responses: {
          '200': answer(musicianPageSchema, 'A page of musicians.'),
          '400': errorResponse('A filter or the cursor is malformed (`invalid_parameter`).'),
          ...coordinatorErrors,
        },
      },
      post: {
        operationId: 'createMusician',
        summary: 'Register a musician',
        description:
          'The client makes the `id` (UUIDv7). The same id and body again → 200 with the record; ' +
          'the same id with another body → 409. There is no delete: set `active: false`.',
        security: [{ coordinatorSession: [] }],
        requestBody: jsonBody('MusicianInput', exampleMusicianInput()),
        responses: createAnswers('Musician', 'Registered.', 'Registered before: a replay.'),
      },
    },
    '/api/v1/musicians/{id}': {
      get: {
        operationId: 'getMusician',
        summary: 'A musician, with their history',
        description:
          'The history names the fields a change touched (`details.changed`), never their values.',
        security: [{ coordinatorSession: [] }],
        parameters: [idParam],
        responses: readAnswers(answer(musicianDetailSchema, 'The musician and their history.')),
      },
      patch: {
        operationId: 'updateMusician',
        summary: 'Change some of a musician’s fields',
        description:
          'A merge patch: the fields sent replace the stored ones, and the result is checked as a ' +
          'whole against the musician schema. The id cannot change.',
        security: [{ coordinatorSession: [] }],
        parameters: [idParam],
        requestBody: jsonBody('MusicianPatch', { active: false }),
        responses: {
          '200': json(ref('Musician'), 'Changed.'),
          '400': errorResponse('Malformed id, or the result is not a valid musician.'),
          ...coordinatorWriteErrors,
          '404': notFound,
          '413': tooLarge,
        },
      },
    },
    '/api/v1/tour-days': {
      get: {
        operationId: 'listTourDays',
        summary: 'Tour days by date',
        security: [{ coordinatorSession: [] }],
        parameters: [
          { name: 'from', in: 'query', schema: { type: 'string', format: 'date' } },
          { name: 'to', in: 'query', schema: { type: 'string', format: 'date' } },
          {
            name: 'musician',
            in: 'query',
            description: 'Only this musician’s tour days.',
            schema: uuidV7,
          },
          ...pageParams,
        ],
        responses: {
          '200': answer(tourDayPageSchema, 'A page of tour days, earliest first.'),
          '400': errorResponse('A filter or the cursor is malformed (`invalid_parameter`).'),
          ...coordinatorErrors,
        },
      },
      post: {
        operationId: 'createTourDay',
        summary: 'Plan a musician’s tour day',
        description:
          'The musician must exist and be active (else 400 with an issue at `musicianId`). ' +
          'Replays as for musicians.',
        security: [{ coordinatorSession: [] }],
        requestBody: jsonBody('TourDayInput', exampleTourDayInput()),
        responses: createAnswers('TourDay', 'Planned.', 'Planned before: a replay.'),
      },
    },
    '/api/v1/tour-days/{id}': {
      get: {
        operationId: 'getTourDay',
        summary: 'A tour day with its bookings and history',
        security: [{ coordinatorSession: [] }],
        parameters: [idParam],
        responses: readAnswers(
          answer(
            tourDayDetailSchema,
            'The tour day, every booking on it in start order, and its history (changes name ' +
              'the fields touched, not their values).',
          ),
        ),
      },
      patch: {
        operationId: 'updateTourDay',
        summary: 'Change some of a tour day’s fields',
        description:
          'A merge patch checked as a whole against the tour day schema. Every proposed or ' +
          'confirmed booking must still fit (date, window, maximum, spacing); otherwise 409.',
        security: [{ coordinatorSession: [] }],
        parameters: [idParam],
        requestBody: jsonBody('TourDayPatch', { windowEnd: '15:00', maxConcerts: 2 }),
        responses: {
          '200': json(ref('TourDay'), 'Changed.'),
          '400': errorResponse('Malformed id, or the result is not a valid tour day.'),
          ...coordinatorWriteErrors,
          '404': notFound,
          '409': errorResponse(
            'Bookings on the day would no longer fit (`tour_day_has_bookings`).',
          ),
          '413': tooLarge,
        },
      },
      delete: {
        operationId: 'deleteTourDay',
        summary: 'Delete a tour day',
        description:
          'Only while no booking on it is confirmed, held or a no-show. Its proposed and cancelled ' +
          'bookings are deleted with it; the audit trail keeps their history.',
        security: [{ coordinatorSession: [] }],
        parameters: [idParam],
        responses: {
          '204': { description: 'Deleted.' },
          '400': invalidId,
          ...coordinatorWriteErrors,
          '404': notFound,
          '409': errorResponse('A confirmed concert depends on the day (`tour_day_has_bookings`).'),
        },
      },
    },
    '/api/v1/bookings': {
      get: {
        operationId: 'listBookings',
        summary: 'Bookings by start time',
        security: [{ coordinatorSession: [] }],
        parameters: [
          {
            name: 'date',
            in: 'query',
            description: 'Concerts starting on this Danish local date.',
            schema: { type: 'string', format: 'date' },
          },
          { name: 'tourDay', in: 'query', schema: uuidV7 },
          { name: 'nomination', in: 'query', schema: uuidV7 },
          {
            name: 'status',
            in: 'query',
            description: 'Repeat to allow several.',
            schema: { type: 'array', items: { enum: [...BOOKING_STATUSES] } },
            style: 'form',
            explode: true,
          },
          ...pageParams,
        ],
        responses: {
          '200': answer(bookingPageSchema, 'A page of bookings, earliest first.'),
          '400': errorResponse('A filter or the cursor is malformed (`invalid_parameter`).'),
          ...coordinatorErrors,
        },
      },
      post: {
        operationId: 'createBooking',
        summary: 'Propose a booking',
        description:
          'An `accepted` nomination without another proposed or confirmed booking, on a tour day, ' +
          'at a start inside its window that leaves room for the concert. The booking starts ' +
          '`proposed`; the nomination becomes `booked` when it is confirmed. Replays as for musicians.',
        security: [{ coordinatorSession: [] }],
        requestBody: jsonBody('BookingInput', exampleBookingInput()),
        responses: {
          ...createAnswers('BookingDetail', 'Proposed.', 'Proposed before: a replay.'),
          '400': errorResponse(
            'Invalid body, or an issue at `nominationId`, `tourDayId` or `contactCoordinatorId` ' +
              '(`not_found`) or `start` (`outside_window`).',
          ),
          '409': statusError(
            '`nomination_not_accepted` (with the nomination’s `status`), `nomination_has_booking`, ' +
              '`tour_day_full`, `booking_overlap` (concert plus buffer), or `record_conflict`.',
          ),
        },
      },
    },
    '/api/v1/bookings/{id}': {
      get: {
        operationId: 'getBooking',
        summary: 'A booking with its history',
        security: [{ coordinatorSession: [] }],
        parameters: [idParam],
        responses: readAnswers(
          json(ref('BookingDetail'), 'The booking, its audit trail and allowed moves.'),
        ),
      },
    },
    '/api/v1/bookings/{id}.ics': {
      get: {
        operationId: 'getBookingCalendar',
        summary: 'The concert as an iCalendar file',
        description:
          'One VEVENT (RFC 5545): UID `<id>@<hub host>`, times in UTC, the summary with the ' +
          'host’s first name and municipality only (neither once the host has withdrawn consent), STATUS TENTATIVE/CONFIRMED/CANCELLED and a ' +
          'SEQUENCE that rises with every change; the description names the musician, the contact ' +
          'coordinator with their phone number and the reference. In the language of `lang`, else ' +
          'Danish unless `Accept-Language` prefers English.',
        security: [{ coordinatorSession: [] }],
        parameters: [
          idParam,
          {
            name: 'lang',
            in: 'query',
            required: false,
            description: 'The language of the file (the console sends its own).',
            schema: { type: 'string', enum: ['da', 'en'] },
          },
        ],
        responses: {
          '200': {
            description: 'The calendar file.',
            content: { 'text/calendar': { schema: { type: 'string' } } },
          },
          '400': invalidId,
          ...coordinatorErrors,
          '404': notFound,
        },
      },
    },
    '/api/v1/bookings/{id}/confirm': bookingMove(
      'confirm',
      'Confirm a booking',
      'The visiting friend said yes: proposed → confirmed, and the nomination accepted → booked ' +
        '(409 `nomination_not_accepted` if it no longer is).',
    ),
    '/api/v1/bookings/{id}/cancel': bookingMove(
      'cancel',
      'Cancel a booking (afbud)',
      'Proposed or confirmed → cancelled, with a `reason`. A confirmed booking’s nomination goes ' +
        'back to accepted with the same reason.',
    ),
    '/api/v1/bookings/{id}/held': bookingMove(
      'held',
      'The concert was held',
      'Confirmed → held; the nomination is completed.',
    ),
    '/api/v1/bookings/{id}/no-show': bookingMove(
      'no-show',
      'Nobody opened the door',
      'Confirmed → no-show, with a `reason`; the nomination goes back to accepted.',
    ),
    '/api/v1/bookings/{id}/reschedule': {
      post: {
        operationId: 'rescheduleBooking',
        summary: 'Move a booking to a new time',
        description:
          'A new `start`, and a `tourDayId` when the day changes; the status stays. The old and new ' +
          'start are kept in the booking’s `reschedules` and its audit trail. The new time must fit ' +
          'like a new booking.',
        security: [{ coordinatorSession: [] }],
        parameters: [idParam],
        requestBody: jsonBody('Reschedule', {
          start: '2025-05-06T13:30:00+02:00',
          reason: 'Værten ønsker eftermiddag',
        }),
        responses: {
          '200': json(ref('BookingDetail'), 'Moved.'),
          '400': errorResponse(
            'Malformed id or body, or an issue at `tourDayId` (`not_found`) or `start` (`outside_window`).',
          ),
          ...coordinatorWriteErrors,
          '404': notFound,
          '409': statusError('`illegal_transition`, `tour_day_full` or `booking_overlap`.'),
          '413': tooLarge,
        },
      },
    },
    '/api/v1/nominations/{id}/review': nominationMove(
      'review',
      'Start screening a nomination',
      'received → in-review.',
    ),
    '/api/v1/nominations/{id}/accept': nominationMove(
      'accept',
      'Accept a nomination',
      'in-review → accepted: the pair waits for a concert.',
    ),
    '/api/v1/nominations/{id}/decline': nominationMove(
      'decline',
      'Decline a nomination',
      'in-review → declined, with a `reason` and, when there is one, a `referral` (kept in the ' +
        'audit trail).',
    ),
    '/api/v1/nominations/{id}/withdraw': nominationMove(
      'withdraw',
      'Withdraw a nomination',
      'The pair or the partner said no thanks: → withdrawn, with a `reason`. Proposed and ' +
        'confirmed bookings of the nomination are cancelled with the same reason.',
    ),
  },
};
