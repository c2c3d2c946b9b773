import { randomUUID } from 'node:crypto';
import type { HubDatabase } from '../db/database.js';
import { createCoordinator } from '../accounts/index.js';
import { hashKey, storeKey } from './keys.js';

/** What is needed to register a partner organisation with a publishable key (and a secret one). */
export interface NewPartner {
  id?: string;
  name: string;
  kind: 'visit-service' | 'municipality' | 'venue' | 'other';
  allowedOrigins: string[];
  publishableKey: string;
  /** A secret key (`sk_…`) for the partner's servers, when it has one from the start. */
  secretKey?: string;
}

/**
 * Registers a partner and its publishable key, or leaves them as they are when the partner id
 * exists already (so seeding is safe to repeat).
 */
export async function ensurePartner(db: HubDatabase, partner: NewPartner): Promise<string> {
  const id = partner.id ?? randomUUID();
  const now = new Date().toISOString();
  await db.transaction().execute(async (tx) => {
    const inserted = await tx
      .insertInto('partners')
      .values({
        id,
        name: partner.name,
        kind: partner.kind,
        allowed_origins: JSON.stringify(partner.allowedOrigins),
        created_at: now,
      })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows) === 0) return;
    await storeKey(tx, id, 'publishable', partner.publishableKey, now);
    if (partner.secretKey) await storeKey(tx, id, 'secret', partner.secretKey, now);
  });
  return id;
}

/** The demo partner's publishable key, printed at start in demo mode. */
export const DEMO_PARTNER_KEY = 'pk_demo';

/**
 * The demo partner's secret key, printed at start in demo mode, for trying the server-to-server
 * API and webhooks on one machine (examples/partner-sync).
 */
export const DEMO_SECRET_KEY = 'sk_demo';

/**
 * Seeds demo mode: a visit service whose publishable key works from any loopback origin, and
 * its secret key (added to demo databases made before secret keys existed).
 */
export async function seedDemoPartner(db: HubDatabase): Promise<string> {
  const id = await ensurePartner(db, {
    id: 'demo-partner',
    name: 'Demo Besøgstjeneste',
    kind: 'visit-service',
    allowedOrigins: ['http://127.0.0.1:*', 'http://localhost:*', 'http://[::1]:*'],
    publishableKey: DEMO_PARTNER_KEY,
  });
  const secret = await db
    .selectFrom('partner_keys')
    .select('id')
    .where('key_hash', '=', hashKey(DEMO_SECRET_KEY))
    .executeTakeFirst();
  if (!secret) await storeKey(db, id, 'secret', DEMO_SECRET_KEY);
  return id;
}

/** The demo coordinator's sign-in, printed at start in demo mode (loopback demos only). */
export const DEMO_COORDINATOR = {
  email: 'koordinator@demo.stue.dk',
  name: 'Demo Koordinator',
  password: 'stue-demo-koordinator',
  phone: '33 12 34 56',
} as const;

/** Seeds the demo coordinator once; later starts leave the account as it is. */
export async function seedDemoCoordinator(db: HubDatabase): Promise<void> {
  const exists = await db
    .selectFrom('coordinators')
    .select('id')
    .where('email', '=', DEMO_COORDINATOR.email)
    .executeTakeFirst();
  if (!exists) await createCoordinator(db, DEMO_COORDINATOR);
}

/** Seeds everything demo mode has: the demo partner and the demo coordinator. */
export async function seedDemo(db: HubDatabase): Promise<void> {
  await seedDemoPartner(db);
  await seedDemoCoordinator(db);
}
