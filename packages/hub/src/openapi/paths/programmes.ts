import {
  programmeContentSchema,
  programmeDetailSchema,
  programmeInputSchema,
  programmeListSchema,
  programmePublicSchema,
  programmeVersionSchema,
} from '@stue/core';
import { DEMO_DEFAULT_PROGRAMME } from '../../programmes/index.js';
import { PUBLIC_PROGRAMME_MAX_AGE } from '../../programmes/routes.js';
import {
  answer,
  coordinatorErrors,
  coordinatorWriteErrors,
  errorResponse,
  jsonBody,
  jsonSchema,
  type ApiArea,
} from '../helpers.js';

const exampleProgramme = { slug: 'musikalske-besoegsvenner', ...DEMO_DEFAULT_PROGRAMME };
const slugParam = {
  name: 'slug',
  in: 'path',
  required: true,
  description: "The programme's slug: lower-case letters, digits and single dashes.",
  schema: { type: 'string', maxLength: 60, example: 'musikalske-besoegsvenner' },
};
const badSlug = errorResponse('The slug in the address is malformed (`invalid_parameter`).');
const noProgramme = errorResponse('No programme has this slug (`not_found`).');

/** Programmes: coordinators' versioned records, and the public part forms read. */
export const programmeArea: ApiArea = {
  schemas: {
    ProgrammeInput: jsonSchema(programmeInputSchema, 'input'),
    ProgrammeContent: jsonSchema(programmeContentSchema, 'input'),
  },
  writes: [
    {
      method: 'post',
      path: '/api/v1/programmes',
      schema: programmeInputSchema,
      example: exampleProgramme,
    },
    {
      method: 'post',
      path: '/api/v1/programmes/{slug}/versions',
      schema: programmeContentSchema,
      example: DEMO_DEFAULT_PROGRAMME,
    },
  ],
  paths: {
    '/api/v1/programmes': {
      get: {
        operationId: 'listProgrammes',
        summary: "Every programme's newest version",
        security: [{ coordinatorSession: [] }],
        responses: {
          '200': answer(programmeListSchema, 'The programmes, by slug.'),
          ...coordinatorErrors,
        },
      },
      post: {
        operationId: 'createProgramme',
        summary: 'Create a programme with its first version',
        description:
          'The slug is for good; a change is a new version. Every version is kept, and consent ' +
          'records name the version their notice came from (`{slug}/{version}`).',
        security: [{ coordinatorSession: [] }],
        requestBody: jsonBody('ProgrammeInput', exampleProgramme),
        responses: {
          '201': answer(programmeVersionSchema, 'Created: version 1.'),
          '400': errorResponse(
            'The body is malformed, or a peer is not a musician Stue knows (`not_found`) or not active (`inactive`); `issues` say why.',
          ),
          '409': errorResponse('A programme has this slug already (`programme_exists`).'),
          ...coordinatorWriteErrors,
        },
      },
    },
    '/api/v1/programmes/{slug}': {
      get: {
        operationId: 'getProgramme',
        summary: 'A programme: its newest version, every version and its history',
        security: [{ coordinatorSession: [] }],
        parameters: [slugParam],
        responses: {
          '200': answer(programmeDetailSchema, 'The programme.'),
          '400': badSlug,
          '404': noProgramme,
          ...coordinatorErrors,
        },
      },
    },
    '/api/v1/programmes/{slug}/versions': {
      post: {
        operationId: 'addProgrammeVersion',
        summary: 'Add a version to a programme',
        description: 'The whole content, not a change: earlier versions stay as they were.',
        security: [{ coordinatorSession: [] }],
        parameters: [slugParam],
        requestBody: jsonBody('ProgrammeContent', DEMO_DEFAULT_PROGRAMME),
        responses: {
          '201': answer(programmeVersionSchema, 'Added: the next version.'),
          '400': errorResponse(
            'The slug or the body is malformed, or a peer is not a musician Stue knows (`not_found`) or not active (`inactive`); `issues` say why.',
          ),
          '404': noProgramme,
          ...coordinatorWriteErrors,
        },
      },
    },
    '/api/v1/programmes/{slug}/public': {
      get: {
        operationId: 'getProgrammePublic',
        summary: "A programme's public part, for forms and tablets",
        description:
          'No key and any origin: it holds nothing private. What a form shows — name, format, ' +
          'data controller, privacy notice, contact, promise, screening questions (without ' +
          `what only a coordinator reads) — and the notice version to record. Cacheable for ` +
          `${PUBLIC_PROGRAMME_MAX_AGE} s; the \`ETag\` is the notice version, and ` +
          '`If-None-Match` with it answers 304 while it is the newest.',
        security: [],
        parameters: [slugParam],
        responses: {
          '200': answer(programmePublicSchema, "The newest version's public part."),
          '304': { description: 'The version named by `If-None-Match` is still the newest.' },
          '400': badSlug,
          '404': noProgramme,
          '429': errorResponse('Too many requests (`rate_limited`); wait `Retry-After` seconds.'),
        },
      },
    },
  },
};
