import type { AuditEntry } from '@stue/core';
import type { HubDatabase } from '../db/database.js';

/** One row of the audit trail. */
export interface AuditRow {
  at: string;
  actor: string;
  entity: string;
  entityId: string;
  action: string;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** Writes an audit row; call it inside the transaction of the change it records. */
export async function writeAudit(db: HubDatabase, row: AuditRow): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at: row.at,
      actor: row.actor,
      entity: row.entity,
      entity_id: row.entityId,
      action: row.action,
      reason: row.reason ?? null,
      details: row.details ? JSON.stringify(row.details) : null,
    })
    .execute();
}

/** A record's history from the audit trail, oldest first. */
export async function auditHistory(
  db: HubDatabase,
  entity: string,
  entityId: string,
): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('audit_events')
    .select(['at', 'actor', 'action', 'reason', 'details'])
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    at: row.at,
    actor: row.actor,
    action: row.action,
    ...(row.reason === null ? {} : { reason: row.reason }),
    ...(row.details === null ? {} : { details: JSON.parse(row.details) as AuditEntry['details'] }),
  }));
}
