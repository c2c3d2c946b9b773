import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aNomination, json, signIn, testHub, withKey } from './test-helpers.js';

// RELIABILITY.md S5: every role × every endpoint, in one table. A new endpoint gets a row here
// before it ships. Roles that later issues add (partner secret keys, devices) get a column then.

type Role = 'anonymous' | 'publishable key' | 'key from a foreign origin' | 'coordinator';
type Expect = Record<Role, number>;

let hub: Awaited<ReturnType<typeof testHub>>;
let session: Awaited<ReturnType<typeof signIn>>;
let reference: string;

beforeAll(async () => {
  hub = await testHub();
  session = await signIn(hub.app, hub.db);
  const res = await hub.app.request('/api/v1/nominations', {
    method: 'POST',
    headers: withKey('pk_demo'),
    body: JSON.stringify(aNomination()),
  });
  reference = (await json(res)).reference;
});
afterAll(() => hub.db.destroy());

function headersFor(role: Role): Record<string, string> {
  switch (role) {
    case 'anonymous':
      return { 'content-type': 'application/json' };
    case 'publishable key':
      return withKey('pk_demo', 'http://127.0.0.1:3000');
    case 'key from a foreign origin':
      return withKey('pk_demo', 'https://evil.example');
    case 'coordinator':
      return { 'content-type': 'application/json', ...session.headers };
  }
}

const endpoints: {
  name: string;
  method: string;
  path: () => string;
  body?: () => unknown;
  expect: Expect;
}[] = [
  {
    name: 'health',
    method: 'GET',
    path: () => '/api/health',
    expect: {
      anonymous: 200,
      'publishable key': 200,
      'key from a foreign origin': 200,
      coordinator: 200,
    },
  },
  {
    name: 'OpenAPI document',
    method: 'GET',
    path: () => '/api/v1/openapi.json',
    expect: {
      anonymous: 200,
      'publishable key': 200,
      'key from a foreign origin': 200,
      coordinator: 200,
    },
  },
  {
    name: 'create nomination',
    method: 'POST',
    path: () => '/api/v1/nominations',
    body: () => aNomination(),
    expect: {
      anonymous: 401,
      'publishable key': 201,
      'key from a foreign origin': 403,
      coordinator: 401,
    },
  },
  {
    name: 'nomination status',
    method: 'GET',
    path: () => `/api/v1/nominations/${reference}/status`,
    expect: {
      anonymous: 401,
      'publishable key': 200,
      'key from a foreign origin': 403,
      coordinator: 401,
    },
  },
  {
    name: 'list nominations',
    method: 'GET',
    path: () => '/api/v1/nominations',
    expect: {
      anonymous: 401,
      'publishable key': 401,
      'key from a foreign origin': 401,
      coordinator: 200,
    },
  },
  {
    name: 'who is signed in',
    method: 'GET',
    path: () => '/api/v1/session',
    expect: {
      anonymous: 401,
      'publishable key': 401,
      'key from a foreign origin': 401,
      coordinator: 200,
    },
  },
];

const roles: Role[] = ['anonymous', 'publishable key', 'key from a foreign origin', 'coordinator'];

describe('authorisation matrix', () => {
  for (const endpoint of endpoints) {
    for (const role of roles) {
      it(`${endpoint.name} as ${role} → ${endpoint.expect[role]}`, async () => {
        const res = await hub.app.request(endpoint.path(), {
          method: endpoint.method,
          headers: headersFor(role),
          body: endpoint.body ? JSON.stringify(endpoint.body()) : undefined,
        });
        expect(res.status).toBe(endpoint.expect[role]);
        if (res.status >= 400) expect(await res.text()).not.toMatch(/Inger|Bent|20304050/);
      });
    }
  }

  it('covers every operation in the OpenAPI document', async () => {
    const document = await json(await hub.app.request('/api/v1/openapi.json'));
    const described = Object.entries(document.paths as Record<string, object>).flatMap(
      ([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const tested = new Set(
      endpoints.map((e) => `${e.method} ${e.path().replace(reference, '{reference}')}`),
    );
    // Sign-in and sign-out are covered in accounts/routes.test.ts (they change the session itself).
    const elsewhere = new Set(['POST /api/v1/session', 'DELETE /api/v1/session']);
    expect(described.filter((op) => !tested.has(op) && !elsewhere.has(op))).toEqual([]);
  });
});
