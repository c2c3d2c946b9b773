import { createHash, randomInt } from 'node:crypto';
import type { Nomination, NominationReceipt, NominationStatus } from '@stue/core';
import type { HubDatabase } from '../db/database.js';

// Crockford's base-32 alphabet: no I, L, O or U, so a reference read aloud on the phone is
// hard to mishear.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The shape of a nomination reference, e.g. `STUE-7KQ3-9XZD`. */
export const REFERENCE_PATTERN = /^STUE-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

function newReference(): string {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(32)]).join('');
  return `STUE-${part()}-${part()}`;
}

// JSON with keys in sorted order, so two equal bodies hash alike whatever order a client used.
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The outcome of receiving a nomination under the sync protocol. */
export type ReceiveOutcome =
  | { kind: 'created'; receipt: NominationReceipt }
  | { kind: 'replayed'; receipt: NominationReceipt }
  | { kind: 'conflict' };

/**
 * Stores a validated nomination for a partner, once. The same id with the same body is a replay
 * and gets the original receipt; the same id with another body, or from another partner, is a
 * conflict. The row and its audit entry commit in one transaction.
 */
export async function receiveNomination(
  db: HubDatabase,
  nomination: Nomination,
  by: { partnerId: string; keyId: string },
): Promise<ReceiveOutcome> {
  const body = canonicalJson(nomination);
  const bodyHash = createHash('sha256').update(body).digest('hex');
  return db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('nominations')
      .select(['partner_id', 'body_hash', 'reference', 'status'])
      .where('id', '=', nomination.id)
      .executeTakeFirst();
    if (existing) {
      if (existing.partner_id !== by.partnerId || existing.body_hash !== bodyHash) {
        return { kind: 'conflict' } as const;
      }
      const status = existing.status as NominationStatus;
      return { kind: 'replayed', receipt: { reference: existing.reference, status } } as const;
    }
    let reference = newReference();
    while (
      await tx
        .selectFrom('nominations')
        .select('id')
        .where('reference', '=', reference)
        .executeTakeFirst()
    ) {
      reference = newReference();
    }
    const now = new Date().toISOString();
    await tx
      .insertInto('nominations')
      .values({
        id: nomination.id,
        partner_id: by.partnerId,
        reference,
        status: 'received',
        schema_version: nomination.schemaVersion,
        body,
        body_hash: bodyHash,
        received_at: now,
        updated_at: now,
      })
      .execute();
    await tx
      .insertInto('audit_events')
      .values({
        at: now,
        actor: `partner-key:${by.keyId}`,
        entity: 'nomination',
        entity_id: nomination.id,
        action: 'received',
        reason: null,
      })
      .execute();
    return { kind: 'created', receipt: { reference, status: 'received' } } as const;
  });
}

/** A partner's nomination status by reference; another partner's reference is not found. */
export async function findNominationStatus(
  db: HubDatabase,
  reference: string,
  partnerId: string,
): Promise<NominationReceipt | undefined> {
  const row = await db
    .selectFrom('nominations')
    .select(['reference', 'status'])
    .where('reference', '=', reference)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
  return row && { reference: row.reference, status: row.status as NominationStatus };
}
