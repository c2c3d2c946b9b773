import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeOperations } from './openapi/document.js';
import { createKey } from './partners/keys.js';
import { hubWithMusician, json, withKey, type TestHub } from './helpers.test-support.js';

// RELIABILITY.md B1, B2, B4: every write operation the API describes is fed generated bodies —
// arbitrary JSON, and its own valid example with fields removed, retyped or added. The hub never
// answers 5xx, a refused body gets 400 (or 413) with structured issues, and a refused request
// writes nothing. New write operations are covered as soon as the API describes them. Paths with
// parameters are called with the literal placeholder, which must be refused as cleanly.

let hub: TestHub;
let authFor: Record<string, Record<string, string>>;

const TABLES = [
  'partners',
  'partner_keys',
  'nominations',
  'audit_events',
  'coordinators',
  'musicians',
  'tour_days',
  'bookings',
  'devices',
  'enrolment_codes',
  'device_records',
  'debrief_calls',
  'nomination_notes',
  'consents',
  'erasures',
  'webhook_endpoints',
  'webhook_deliveries',
  'webhook_attempts',
] as const;

async function rowCounts(): Promise<number[]> {
  return Promise.all(
    TABLES.map(async (table) =>
      Number(
        (
          await hub.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    ),
  );
}

beforeAll(async () => {
  const scene = await hubWithMusician('m1', 'Maja');
  hub = scene.hub;
  const { session } = scene;
  const code = await hub.app.request('/api/v1/devices/enrolment-codes', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...session.headers },
    body: JSON.stringify({ musicianId: 'm1' }),
  });
  const enrolled = await hub.app.request('/api/v1/devices/enrol', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: (await json(code)).code, name: 'Tablet' }),
  });
  const { token } = await json(enrolled);
  const secretKey = (await createKey(hub.db, 'demo-partner', 'secret'))!.key;
  authFor = {
    partnerKey: withKey('pk_demo'),
    partnerSecretKey: withKey(secretKey),
    coordinatorSession: { 'content-type': 'application/json', ...session.headers },
    deviceToken: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    none: { 'content-type': 'application/json' },
  };
});
afterAll(() => hub.db.destroy());

// A valid example, spoiled one way: a field dropped, given a value of another type, or a field
// added that the schema does not know (mass assignment, prototype keys).
function spoiled(example: unknown): fc.Arbitrary<unknown> {
  if (!example || typeof example !== 'object') return fc.anything();
  const keys = Object.keys(example);
  const hostile = fc.oneof(
    fc.constant('__proto__'),
    fc.constant('constructor'),
    fc.constant('status'),
    fc.constant('partnerId'),
    fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !keys.includes(k)),
  );
  const added = fc
    .tuple(hostile, fc.jsonValue())
    .map(([key, value]) =>
      JSON.parse(
        JSON.stringify(example).replace(
          '{',
          `{${JSON.stringify(key)}:${JSON.stringify(value) ?? 'null'}${keys.length > 0 ? ',' : ''}`,
        ),
      ),
    );
  if (keys.length === 0) return added;
  return fc.oneof(
    fc.constantFrom(...keys).map((key) => {
      const copy: Record<string, unknown> = { ...example };
      delete copy[key];
      return copy;
    }),
    fc
      .tuple(fc.constantFrom(...keys), fc.anything())
      .map(([key, value]) => ({ ...example, [key]: value })),
    added,
  );
}

describe('every write operation, fuzzed', async () => {
  const document = (await (await import('./openapi/document.js')).openApiDocument('test')) as {
    paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>>;
  };
  for (const write of writeOperations) {
    const scheme =
      Object.keys(document.paths[write.path]?.[write.method]?.security?.[0] ?? {})[0] ?? 'none';
    it(`${write.method.toUpperCase()} ${write.path} refuses what is not valid, writes nothing, never 5xx`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(fc.jsonValue(), spoiled(write.example)), async (body) => {
          const before = await rowCounts();
          const res = await hub.app.request(write.path, {
            method: write.method.toUpperCase(),
            headers: authFor[scheme],
            body: JSON.stringify(body),
          });
          expect(res.status).toBeLessThan(500);
          if (res.status === 400) {
            const { error } = await json(res);
            expect(error.code).toMatch(/^[a-z_]+$/);
            if (error.code === 'invalid_body') expect(Array.isArray(error.issues)).toBe(true);
          }
          if (res.status >= 400) expect(await rowCounts()).toEqual(before);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: 60, seed: 20261126 },
      );
    });
  }
});
