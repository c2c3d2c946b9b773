import {
  exampleNominationV2,
  newId,
  type NominationInput,
  type NominationV2Input,
} from '@stue/core';
import { createApp } from './app.js';
import type { HubDatabase } from './db/database.js';
import { testDatabase } from './db/database.test-support.js';
import { ensurePartner, seedDemo } from './partners/partners.js';
import { createCoordinator } from './accounts/coordinators.js';
import { ephemeralHubKey } from './devices/hub-key.js';

/** A hub on a fresh in-memory database with the demo partner and a second, unrelated partner. */
export async function testHub() {
  const db = await testDatabase();
  await seedDemo(db);
  await ensurePartner(db, {
    id: 'other-partner',
    name: 'Anden Kommune',
    kind: 'municipality',
    allowedOrigins: ['https://kommune.example'],
    publishableKey: 'pk_other',
  });
  const hubKey = await ephemeralHubKey();
  return { db, hubKey, app: createApp({ db, hubKey }) };
}

/**
 * Stores an active musician straight into the table, for tests that need one without the
 * planning API (a tablet's musician, a report's).
 */
export async function insertMusician(
  db: HubDatabase,
  id: string,
  name: string,
  now = new Date().toISOString(),
): Promise<void> {
  await db
    .insertInto('musicians')
    .values({ id, name, active: 1, body: '{}', created_at: now, updated_at: now })
    .execute();
}

/** The hub {@link testHub} makes. */
export type TestHub = Awaited<ReturnType<typeof testHub>>;

/** A signed-in coordinator's session, as {@link signIn} gives it. */
export type Session = Awaited<ReturnType<typeof signIn>>;

/**
 * A {@link testHub} with a coordinator signed in and an active musician stored under `id`: what
 * a tablet's tests need before they can enrol one.
 */
export async function hubWithMusician(
  id: string,
  name: string,
): Promise<{ hub: TestHub; session: Session }> {
  const hub = await testHub();
  const session = await signIn(hub.app, hub.db);
  await insertMusician(hub.db, id, name);
  return { hub, session };
}

/**
 * A valid nomination (the current version) with a new id, whose host also said yes to keeping
 * their feedback (`feedbackConsent`), so a tablet's feedback about it is kept.
 */
export function aNomination(overrides: Partial<NominationV2Input> = {}): NominationV2Input {
  const example = exampleNominationV2();
  return {
    ...example,
    feedbackConsent: example.consent,
    id: newId(),
    nominator: { role: 'visiting-friend', name: 'Bent Berg', phone: '20 30 40 50' },
    host: { firstName: 'Inger', municipalityCode: '751' },
    visitingFriend: { firstName: 'Bent', phone: '20304050' },
    ...overrides,
  };
}

/** A valid version 1 nomination, as older integrations still send. */
export function aNominationV1(overrides: Partial<NominationInput> = {}): NominationInput {
  return {
    schemaVersion: 1,
    id: newId(),
    nominator: { role: 'visiting-friend', name: 'Bent Berg', phone: '20 30 40 50' },
    host: { firstName: 'Inger', municipality: 'Aarhus' },
    visitingFriend: { firstName: 'Bent', phone: '20304050' },
    consent: true,
    ...overrides,
  };
}

/** Request headers for a partner key, from an origin when given. */
export function withKey(key: string, origin?: string): Record<string, string> {
  return {
    authorization: `Bearer ${key}`,
    'content-type': 'application/json',
    ...(origin ? { origin } : {}),
  };
}

/** A response's JSON body, for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert on arbitrary JSON
export const json = (res: Response): Promise<any> => res.json();

/** Creates a coordinator and signs in; returns headers that carry the session and CSRF token. */
export async function signIn(
  app: { request: ReturnType<typeof createApp>['request'] },
  db: HubDatabase,
) {
  const email = `k${Math.random().toString(36).slice(2)}@example.dk`;
  await createCoordinator(db, {
    email,
    name: 'Mette Koordinator',
    password: 'en lang adgangskode',
  });
  const res = await app.request('/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'en lang adgangskode' }),
  });
  const cookie = res.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}
