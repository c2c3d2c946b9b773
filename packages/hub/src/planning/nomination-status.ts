import {
  NOMINATION_MACHINE,
  transition,
  type NominationAction,
  type NominationStatus,
} from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import { writeAudit } from '../audit/store.js';
import { emitWebhookEvent } from '../webhooks/index.js';
import type { ChangeBy } from './records.js';

/** One move of a nomination through `NOMINATION_MACHINE`, from the status it was read in. */
export interface NominationMove {
  id: string;
  from: NominationStatus;
  action: NominationAction;
  reason?: string | undefined;
  /** What the audit entry says beside `from` and `to` (the booking, a referral, why). */
  details?: Record<string, unknown>;
}

/**
 * Moves a nomination, in the caller's transaction: its new status, its audit entry and, when
 * `announce` (the default), its `updated_at` and the partner's `nomination.status_changed`. A
 * move the lifecycle does not allow, or one without a required reason, throws its
 * `StueLifecycleError` before anything is written. The one place the three moves (a coordinator's,
 * a booking's, a consent withdrawal's) say how a nomination changes.
 */
export async function changeNominationStatus(
  tx: HubDatabase,
  move: NominationMove,
  by: ChangeBy,
  now: string,
  { announce = true }: { announce?: boolean } = {},
) {
  const { id, from } = move;
  const { status, event } = transition(NOMINATION_MACHINE, from, move.action, {
    actor: by.actor,
    at: now,
    reason: move.reason,
    entityId: id,
  });
  await tx
    .updateTable('nominations')
    .set(announce ? { status, updated_at: now } : { status })
    .where('id', '=', id)
    .execute();
  await writeAudit(tx, {
    at: now,
    actor: by.audit,
    entity: 'nomination',
    entityId: id,
    action: event.action,
    reason: event.reason,
    details: { from, to: status, ...move.details },
  });
  const owner = await tx
    .selectFrom('nominations')
    .select(['partner_id', 'reference'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  if (announce) {
    await emitStatusChanged(tx, owner.partner_id, { id, ...owner }, from, status, now);
  }
  return { status, event, reference: owner.reference };
}

/**
 * Queues `nomination.status_changed` for the nomination's partner (in the caller's transaction).
 * The payload carries ids, the reference, the statuses and the time — not the reason, which a
 * coordinator wrote for coordinators.
 */
async function emitStatusChanged(
  tx: HubDatabase,
  partnerId: string,
  nomination: { id: string; reference: string },
  from: NominationStatus,
  to: NominationStatus,
  now: string,
): Promise<void> {
  if (from === to) return;
  await emitWebhookEvent(
    tx,
    partnerId,
    'nomination.status_changed',
    {
      nominationId: nomination.id,
      reference: nomination.reference,
      from,
      to,
      changedAt: now,
    },
    now,
  );
}
