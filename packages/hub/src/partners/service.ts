import type { HubDatabase } from '../db/database.js';
import { writeAudit } from '../audit/store.js';
import { createKey, revokeKey, type KeyKind } from './keys.js';

/**
 * A new key for a partner, written with its line in the audit trail in one transaction; the key
 * itself is in the answer only, never in the trail. `undefined` when the partner is unknown.
 */
export function createKeyAudited(
  db: HubDatabase,
  partnerId: string,
  kind: KeyKind,
  coordinatorId: string,
) {
  return db.transaction().execute(async (tx) => {
    const made = await createKey(tx, partnerId, kind);
    if (made) {
      await writeAudit(tx, {
        at: made.summary.createdAt,
        actor: `coordinator:${coordinatorId}`,
        entity: 'partner',
        entityId: partnerId,
        action: 'key-created',
        details: { keyId: made.summary.id, kind: made.summary.kind },
      });
    }
    return made;
  });
}

/**
 * Revokes a partner's key, with its line in the audit trail in one transaction. `undefined` when
 * the partner has no such key.
 */
export function revokeKeyAudited(
  db: HubDatabase,
  partnerId: string,
  keyId: string,
  coordinatorId: string,
) {
  return db.transaction().execute(async (tx) => {
    const summary = await revokeKey(tx, keyId, partnerId);
    if (summary) {
      await writeAudit(tx, {
        at: summary.revokedAt ?? new Date().toISOString(),
        actor: `coordinator:${coordinatorId}`,
        entity: 'partner',
        entityId: partnerId,
        action: 'key-revoked',
        details: { keyId, kind: summary.kind },
      });
    }
    return summary;
  });
}
