import { newId, type NominationInput } from '@stue/core';
import { createApp } from './app.js';
import { openDatabase } from './db/database.js';
import { ensurePartner, seedDemo } from './partners/partners.js';

/** A hub on a fresh in-memory database with the demo partner and a second, unrelated partner. */
export async function testHub() {
  const db = await openDatabase(':memory:');
  await seedDemo(db);
  await ensurePartner(db, {
    id: 'other-partner',
    name: 'Anden Kommune',
    kind: 'municipality',
    allowedOrigins: ['https://kommune.example'],
    publishableKey: 'pk_other',
  });
  return { db, app: createApp({ db }) };
}

/** A valid nomination with a new id. */
export function aNomination(overrides: Partial<NominationInput> = {}): NominationInput {
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
