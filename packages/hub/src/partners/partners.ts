import { randomUUID } from 'node:crypto';
import type { HubDatabase } from '../db/database.js';
import { hashKey } from './keys.js';

/** What is needed to register a partner organisation with one publishable key. */
export interface NewPartner {
  id?: string;
  name: string;
  kind: 'visit-service' | 'municipality' | 'venue' | 'other';
  allowedOrigins: string[];
  publishableKey: string;
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
    await tx
      .insertInto('partner_keys')
      .values({
        id: randomUUID(),
        partner_id: id,
        kind: 'publishable',
        key_hash: hashKey(partner.publishableKey),
        created_at: now,
        revoked_at: null,
      })
      .execute();
  });
  return id;
}

/** The demo partner's publishable key, printed at start in demo mode. */
export const DEMO_PARTNER_KEY = 'pk_demo';

/** Seeds demo mode: a visit service whose key works from any loopback origin. */
export function seedDemo(db: HubDatabase): Promise<string> {
  return ensurePartner(db, {
    id: 'demo-partner',
    name: 'Demo Besøgstjeneste',
    kind: 'visit-service',
    allowedOrigins: ['http://127.0.0.1:*', 'http://localhost:*', 'http://[::1]:*'],
    publishableKey: DEMO_PARTNER_KEY,
  });
}
