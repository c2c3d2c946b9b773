import { loginSchema } from '../../accounts/routes.js';
import { coordinatorSessionSchema } from '@stue/core';
import { answer, errorResponse, jsonSchema, type ApiArea } from '../helpers.js';

const exampleLogin = { email: 'koordinator@example.dk', password: 'en lang adgangskode' };

/** Coordinators signing in and out. */
export const sessionArea: ApiArea = {
  schemas: { Login: jsonSchema(loginSchema, 'input') },
  writes: [{ method: 'post', path: '/api/v1/session', schema: loginSchema, example: exampleLogin }],
  paths: {
    '/api/v1/session': {
      post: {
        operationId: 'signIn',
        summary: 'A coordinator signs in',
        description:
          'Sets the session cookie (`HttpOnly; Secure; SameSite=Strict`) and returns the CSRF token, ' +
          'and a `stue_device` cookie that exempts this browser from the throttle on the account. ' +
          'Wrong tries are slowed with growing delays per address (after 10) and per account ' +
          '(after 20, at most 30 s), never locked out.',
        security: [],
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
          '200': answer(coordinatorSessionSchema, 'Signed in.'),
          '400': errorResponse('The body is malformed; `issues` say why.'),
          '401': errorResponse('Wrong e-mail or password (`invalid_credentials`).'),
          '429': errorResponse(
            'Too early after wrong tries, or the hub is busy checking other sign-ins ' +
              '(`rate_limited`); try again after `Retry-After` seconds.',
          ),
        },
      },
      get: {
        operationId: 'getSession',
        summary: 'Who is signed in, and the CSRF token',
        security: [{ coordinatorSession: [] }],
        responses: {
          '200': answer(coordinatorSessionSchema, 'The signed-in coordinator.'),
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
  },
};
