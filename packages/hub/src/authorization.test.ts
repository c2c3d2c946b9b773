import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '@stue/core';
import { aNomination, json, signIn, testHub, withKey } from './helpers.test-support.js';
import { createKey } from './partners/keys.js';
import { planningEndpoints, planningFixture } from './planning/fixtures.test-support.js';
import { feedbackEndpoints, feedbackFixture } from './feedback/fixtures.test-support.js';

// RELIABILITY.md S5: every role × every endpoint, in one table. A new endpoint gets a row here
// before it ships.

type Role =
  | 'anonymous'
  | 'publishable key'
  | 'key from a foreign origin'
  | 'secret key'
  | 'secret key from a browser'
  | 'coordinator'
  | 'device';
type Expect = Record<Role, number>;

let hub: Awaited<ReturnType<typeof testHub>>;
let session: Awaited<ReturnType<typeof signIn>>;
let reference: string;
let deviceToken: string;
let otherDeviceId: string;
let planning: Awaited<ReturnType<typeof planningFixture>>;
let feedback: Awaited<ReturnType<typeof feedbackFixture>>;
let rights: { id: string; reference: string };
let toErase: { id: string; reference: string };
let secretKey: string;
let nominationId: string;
let spareKeyId: string;
let endpointId: string;

async function enrolDevice(musicianId: string): Promise<{ id: string; token: string }> {
  const code = await hub.app.request('/api/v1/devices/enrolment-codes', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...session.headers },
    body: JSON.stringify({ musicianId }),
  });
  const enrolled = await hub.app.request('/api/v1/devices/enrol', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: (await json(code)).code, name: 'Tablet' }),
  });
  const { device, token } = await json(enrolled);
  return { id: device.id, token };
}

beforeAll(async () => {
  hub = await testHub();
  session = await signIn(hub.app, hub.db);
  const now = new Date().toISOString();
  await hub.db
    .insertInto('musicians')
    .values({ id: 'm1', name: 'Maja', active: 1, body: '{}', created_at: now, updated_at: now })
    .execute();
  deviceToken = (await enrolDevice('m1')).token;
  otherDeviceId = (await enrolDevice('m1')).id;
  const res = await hub.app.request('/api/v1/nominations', {
    method: 'POST',
    headers: withKey('pk_demo'),
    body: JSON.stringify(aNomination()),
  });
  reference = (await json(res)).reference;
  planning = await planningFixture(hub);
  feedback = await feedbackFixture(hub);
  rights = await planning.p.nomination('received');
  toErase = await planning.p.nomination('received');
  secretKey = (await createKey(hub.db, 'demo-partner', 'secret'))!.key;
  spareKeyId = (await createKey(hub.db, 'demo-partner', 'secret'))!.summary.id;
  nominationId = planning.toReview.id;
  const endpoint = await hub.app.request('/api/v1/partner/webhooks', {
    method: 'POST',
    headers: withKey(secretKey),
    body: JSON.stringify({ url: 'https://api.besoeg.example/stue', events: ['booking.confirmed'] }),
  });
  endpointId = (await json(endpoint)).id;
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
    case 'secret key':
      return withKey(secretKey);
    case 'secret key from a browser':
      return withKey(secretKey, 'http://127.0.0.1:3000');
    case 'coordinator':
      return { 'content-type': 'application/json', ...session.headers };
    case 'device':
      return { 'content-type': 'application/json', authorization: `Bearer ${deviceToken}` };
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** The same answer for every caller (public, or refused alike before anyone is known). */
const everyone = (status: number): Expect => ({
  anonymous: status,
  'publishable key': status,
  'key from a foreign origin': status,
  'secret key': status,
  'secret key from a browser': status,
  coordinator: status,
  device: status,
});

const coordinatorOnly = (coordinator: number): Expect => ({
  anonymous: 401,
  'publishable key': 401,
  'key from a foreign origin': 401,
  'secret key': 401,
  'secret key from a browser': 401,
  coordinator,
  device: 401,
});

const secretKeyOnly = (secret: number): Expect => ({
  anonymous: 401,
  'publishable key': 403,
  'key from a foreign origin': 403,
  'secret key': secret,
  'secret key from a browser': 403,
  coordinator: 401,
  device: 401,
});

const deviceOnly = (device: number): Expect => ({ ...coordinatorOnly(401), device });

/** A partner's key, publishable or secret, from an allowed origin (a secret one from no browser). */
const partnerKeyOnly = (status: number): Expect => ({
  ...coordinatorOnly(401),
  'publishable key': status,
  'key from a foreign origin': 403,
  'secret key': status,
  'secret key from a browser': 403,
});

const endpoints: {
  name: string;
  method: string;
  path: () => string;
  /** The path as the API description writes it, when the ids in it are not UUIDv7s. */
  template?: string;
  body?: () => unknown;
  expect: Expect;
}[] = [
  {
    name: 'health',
    method: 'GET',
    path: () => '/api/health',
    expect: everyone(200),
  },
  {
    name: 'OpenAPI document',
    method: 'GET',
    path: () => '/api/v1/openapi.json',
    expect: everyone(200),
  },
  {
    name: 'create nomination',
    method: 'POST',
    path: () => '/api/v1/nominations',
    body: () => aNomination(),
    expect: partnerKeyOnly(201),
  },
  {
    name: 'nomination status',
    method: 'GET',
    path: () => `/api/v1/nominations/${reference}/status`,
    expect: partnerKeyOnly(200),
  },
  {
    name: 'list nominations',
    method: 'GET',
    path: () => '/api/v1/nominations',
    expect: coordinatorOnly(200),
  },
  {
    name: 'who is signed in',
    method: 'GET',
    path: () => '/api/v1/session',
    expect: coordinatorOnly(200),
  },
  {
    name: 'make an enrolment code',
    method: 'POST',
    path: () => '/api/v1/devices/enrolment-codes',
    body: () => ({ musicianId: 'm1' }),
    expect: coordinatorOnly(201),
  },
  {
    name: 'list devices',
    method: 'GET',
    path: () => '/api/v1/devices',
    expect: coordinatorOnly(200),
  },
  {
    name: 'revoke a device',
    method: 'POST',
    path: () => `/api/v1/devices/${otherDeviceId}/revoke`,
    expect: coordinatorOnly(204),
  },
  {
    // Open to anyone who holds a code; a wrong code is refused the same way for every caller.
    name: 'enrol a tablet',
    method: 'POST',
    path: () => '/api/v1/devices/enrol',
    body: () => ({ code: 'AAAA-AAAA', name: 'Tablet' }),
    expect: everyone(400),
  },
  {
    name: "a tablet's bookings",
    method: 'GET',
    path: () => '/api/v1/device/bookings',
    expect: deviceOnly(200),
  },
  {
    // A device passes the door and meets validation (the empty body); nobody else gets that far.
    name: 'send feedback',
    method: 'POST',
    path: () => '/api/v1/feedback',
    body: () => ({}),
    expect: deviceOnly(400),
  },
  {
    name: 'send a debrief',
    method: 'POST',
    path: () => '/api/v1/debriefs',
    body: () => ({}),
    expect: deviceOnly(400),
  },
  {
    name: 'cancel a concert at the door',
    method: 'POST',
    path: () => '/api/v1/door-cancellations',
    body: () => ({}),
    expect: deviceOnly(400),
  },
  {
    name: 'a nomination with its history',
    method: 'GET',
    path: () => `/api/v1/nominations/${nominationId}`,
    expect: coordinatorOnly(200),
  },
  {
    name: 'write a note about a nomination',
    method: 'POST',
    path: () => `/api/v1/nominations/${nominationId}/notes`,
    body: () => ({ id: newId(), text: 'Ringede tirsdag, ring igen torsdag' }),
    expect: coordinatorOnly(201),
  },
  {
    name: "a partner's own nominations",
    method: 'GET',
    path: () => '/api/v1/partner/nominations',
    expect: secretKeyOnly(200),
  },
  {
    name: "a partner's own report",
    method: 'GET',
    path: () => '/api/v1/partner/reports?period=2030-03',
    expect: secretKeyOnly(200),
  },
  {
    name: "a partner's own report as CSV",
    method: 'GET',
    path: () => '/api/v1/partner/reports.csv?period=2030-03',
    expect: secretKeyOnly(200),
  },
  {
    name: "one of a partner's own nominations",
    method: 'GET',
    path: () => `/api/v1/partner/nominations/${nominationId}`,
    expect: secretKeyOnly(200),
  },
  {
    name: 'register a webhook',
    method: 'POST',
    path: () => '/api/v1/partner/webhooks',
    body: () => ({ url: 'https://api.besoeg.example/other', events: ['booking.cancelled'] }),
    expect: secretKeyOnly(201),
  },
  {
    name: "a partner's webhooks",
    method: 'GET',
    path: () => '/api/v1/partner/webhooks',
    expect: secretKeyOnly(200),
  },
  {
    name: "a partner's delivery log",
    method: 'GET',
    path: () => '/api/v1/partner/webhooks/deliveries',
    expect: secretKeyOnly(200),
  },
  {
    name: 'remove a webhook',
    method: 'DELETE',
    path: () => `/api/v1/partner/webhooks/${endpointId}`,
    expect: secretKeyOnly(204),
  },
  {
    name: 'partners and their keys',
    method: 'GET',
    path: () => '/api/v1/partners',
    expect: coordinatorOnly(200),
  },
  {
    name: 'make a partner key',
    method: 'POST',
    path: () => '/api/v1/partners/demo-partner/keys',
    template: '/api/v1/partners/{id}/keys',
    body: () => ({ kind: 'publishable' }),
    expect: coordinatorOnly(201),
  },
  {
    name: 'revoke a partner key',
    method: 'POST',
    path: () => `/api/v1/partners/demo-partner/keys/${spareKeyId}/revoke`,
    template: '/api/v1/partners/{id}/keys/{keyId}/revoke',
    expect: coordinatorOnly(200),
  },
  {
    name: 'webhook endpoints, for coordinators',
    method: 'GET',
    path: () => '/api/v1/webhooks',
    expect: coordinatorOnly(200),
  },
  {
    name: 'the delivery log, for coordinators',
    method: 'GET',
    path: () => '/api/v1/webhooks/deliveries',
    expect: coordinatorOnly(200),
  },
  ...planningEndpoints(() => planning),
  {
    name: 'a report',
    method: 'GET',
    path: () => '/api/v1/reports?period=2030-03&grouping=municipality',
    expect: coordinatorOnly(200),
  },
  {
    name: 'a report as CSV',
    method: 'GET',
    path: () => '/api/v1/reports.csv?period=2030-03',
    expect: coordinatorOnly(200),
  },
  ...feedbackEndpoints(() => feedback),
  ...(
    [
      ['list consents', 'GET', () => `/api/v1/nominations/${rights.id}/consents`, undefined, 200],
      [
        'record a consent',
        'POST',
        () => `/api/v1/nominations/${rights.id}/consents`,
        () => ({
          person: 'host',
          scope: 'quote',
          via: 'visiting-friend',
          at: '2026-11-26T10:00:00Z',
          noticeVersion: '2025-01',
        }),
        201,
      ],
      [
        'withdraw consents',
        'POST',
        () => `/api/v1/nominations/${rights.id}/consents/withdraw`,
        () => ({ scopes: ['quote'] }),
        200,
      ],
      ['export a person', 'GET', () => `/api/v1/nominations/${rights.id}/export`, undefined, 200],
      [
        'erase a person',
        'POST',
        () => `/api/v1/nominations/${toErase.id}/erase`,
        () => ({ reference: toErase.reference }),
        200,
      ],
    ] as const
  ).map(([name, method, path, body, coordinator]) => ({
    name,
    method,
    path,
    body,
    expect: coordinatorOnly(coordinator),
  })),
];

const roles: Role[] = [
  'anonymous',
  'publishable key',
  'key from a foreign origin',
  'secret key',
  'secret key from a browser',
  'coordinator',
  'device',
];

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
      endpoints.map(
        (e) =>
          `${e.method} ${e.template ?? e.path().replace(/\?.*$/, '').replace(reference, '{reference}').replace(otherDeviceId, '{id}').replace(UUID, '{id}')}`,
      ),
    );
    // Sign-in and sign-out are covered in accounts/routes.test.ts (they change the session itself).
    const elsewhere = new Set(['POST /api/v1/session', 'DELETE /api/v1/session']);
    expect(described.filter((op) => !tested.has(op) && !elsewhere.has(op))).toEqual([]);
  });
});
