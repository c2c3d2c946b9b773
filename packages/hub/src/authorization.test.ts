import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAMME_ID, newId } from '@stue/core';
import {
  aNomination,
  hubWithMusician,
  json,
  withKey,
  type Session,
  type TestHub,
} from './helpers.test-support.js';
import { createKey } from './partners/keys.js';
import { DEMO_DEFAULT_PROGRAMME, seedDemoProgrammes } from './programmes/index.js';
import {
  coordinatorOnly,
  planningEndpoints,
  planningFixture,
  type Role,
} from './planning/fixtures.test-support.js';
import { feedbackEndpoints, feedbackFixture } from './feedback/fixtures.test-support.js';

// RELIABILITY.md S5: every role × every endpoint, in one table. A new endpoint gets a row here
// before it ships.

type Expect = Record<Role, number>;

let hub: TestHub;
let session: Session;
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
  ({ hub, session } = await hubWithMusician('m1', 'Maja'));
  await seedDemoProgrammes(hub.db);
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

interface Endpoint {
  name: string;
  method: string;
  path: () => string;
  /** The path as the API description writes it, when the ids in it are not UUIDv7s. */
  template?: string;
  body?: () => unknown;
  expect: Expect;
}

/** One row of the matrix: an operation and what each role meets. */
function row(
  name: string,
  method: string,
  path: () => string,
  expect: Expect,
  more: Pick<Endpoint, 'body' | 'template'> = {},
): Endpoint {
  return { name, method, path, ...more, expect };
}

const endpoints: Endpoint[] = [
  row('health', 'GET', () => '/api/health', everyone(200)),
  row('OpenAPI document', 'GET', () => '/api/v1/openapi.json', everyone(200)),
  row('create nomination', 'POST', () => '/api/v1/nominations', partnerKeyOnly(201), {
    body: () => aNomination(),
  }),
  row(
    'nomination status',
    'GET',
    () => `/api/v1/nominations/${reference}/status`,
    partnerKeyOnly(200),
  ),
  row('list nominations', 'GET', () => '/api/v1/nominations', coordinatorOnly(200)),
  row('who is signed in', 'GET', () => '/api/v1/session', coordinatorOnly(200)),
  row(
    'make an enrolment code',
    'POST',
    () => '/api/v1/devices/enrolment-codes',
    coordinatorOnly(201),
    { body: () => ({ musicianId: 'm1' }) },
  ),
  row('list devices', 'GET', () => '/api/v1/devices', coordinatorOnly(200)),
  row(
    'revoke a device',
    'POST',
    () => `/api/v1/devices/${otherDeviceId}/revoke`,
    coordinatorOnly(204),
  ),
  // Open to anyone who holds a code; a wrong code is refused the same way for every caller.
  row('enrol a tablet', 'POST', () => '/api/v1/devices/enrol', everyone(400), {
    body: () => ({ code: 'AAAA-AAAA', name: 'Tablet' }),
  }),
  row("a tablet's bookings", 'GET', () => '/api/v1/device/bookings', deviceOnly(200)),
  // A device passes the door and meets validation (the empty body); nobody else gets that far.
  row('send feedback', 'POST', () => '/api/v1/feedback', deviceOnly(400), { body: () => ({}) }),
  row('send a debrief', 'POST', () => '/api/v1/debriefs', deviceOnly(400), { body: () => ({}) }),
  row('cancel a concert at the door', 'POST', () => '/api/v1/door-cancellations', deviceOnly(400), {
    body: () => ({}),
  }),
  row(
    'a nomination with its history',
    'GET',
    () => `/api/v1/nominations/${nominationId}`,
    coordinatorOnly(200),
  ),
  row(
    'write a note about a nomination',
    'POST',
    () => `/api/v1/nominations/${nominationId}/notes`,
    coordinatorOnly(201),
    { body: () => ({ id: newId(), text: 'Ringede tirsdag, ring igen torsdag' }) },
  ),
  row(
    "a partner's own nominations",
    'GET',
    () => '/api/v1/partner/nominations',
    secretKeyOnly(200),
  ),
  row(
    "a partner's own report",
    'GET',
    () => '/api/v1/partner/reports?period=2030-03',
    secretKeyOnly(200),
  ),
  row(
    "a partner's own report as CSV",
    'GET',
    () => '/api/v1/partner/reports.csv?period=2030-03',
    secretKeyOnly(200),
  ),
  row(
    "one of a partner's own nominations",
    'GET',
    () => `/api/v1/partner/nominations/${nominationId}`,
    secretKeyOnly(200),
  ),
  row('register a webhook', 'POST', () => '/api/v1/partner/webhooks', secretKeyOnly(201), {
    body: () => ({ url: 'https://api.besoeg.example/other', events: ['booking.cancelled'] }),
  }),
  row("a partner's webhooks", 'GET', () => '/api/v1/partner/webhooks', secretKeyOnly(200)),
  row(
    "a partner's delivery log",
    'GET',
    () => '/api/v1/partner/webhooks/deliveries',
    secretKeyOnly(200),
  ),
  row(
    'remove a webhook',
    'DELETE',
    () => `/api/v1/partner/webhooks/${endpointId}`,
    secretKeyOnly(204),
  ),
  row('partners and their keys', 'GET', () => '/api/v1/partners', coordinatorOnly(200)),
  row(
    'make a partner key',
    'POST',
    () => '/api/v1/partners/demo-partner/keys',
    coordinatorOnly(201),
    { body: () => ({ kind: 'publishable' }), template: '/api/v1/partners/{id}/keys' },
  ),
  row(
    'revoke a partner key',
    'POST',
    () => `/api/v1/partners/demo-partner/keys/${spareKeyId}/revoke`,
    coordinatorOnly(200),
    { template: '/api/v1/partners/{id}/keys/{keyId}/revoke' },
  ),
  row('webhook endpoints, for coordinators', 'GET', () => '/api/v1/webhooks', coordinatorOnly(200)),
  row(
    'the delivery log, for coordinators',
    'GET',
    () => '/api/v1/webhooks/deliveries',
    coordinatorOnly(200),
  ),
  ...planningEndpoints(() => planning),
  row('programmes', 'GET', () => '/api/v1/programmes', coordinatorOnly(200)),
  row('create a programme', 'POST', () => '/api/v1/programmes', coordinatorOnly(201), {
    body: () => ({ ...DEMO_DEFAULT_PROGRAMME, slug: 'matrix-programme' }),
  }),
  row(
    'a programme with its versions',
    'GET',
    () => `/api/v1/programmes/${DEFAULT_PROGRAMME_ID}`,
    coordinatorOnly(200),
    { template: '/api/v1/programmes/{slug}' },
  ),
  row(
    'a new version of a programme',
    'POST',
    () => `/api/v1/programmes/${DEFAULT_PROGRAMME_ID}/versions`,
    coordinatorOnly(201),
    { body: () => DEMO_DEFAULT_PROGRAMME, template: '/api/v1/programmes/{slug}/versions' },
  ),
  row(
    "a programme's public part, for anyone",
    'GET',
    () => `/api/v1/programmes/${DEFAULT_PROGRAMME_ID}/public`,
    everyone(200),
    { template: '/api/v1/programmes/{slug}/public' },
  ),
  row(
    'a report',
    'GET',
    () => '/api/v1/reports?period=2030-03&grouping=municipality',
    coordinatorOnly(200),
  ),
  row('a report as CSV', 'GET', () => '/api/v1/reports.csv?period=2030-03', coordinatorOnly(200)),
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
