import type { NominationMoved } from '@stue/core';
import {
  allowedTransitions,
  NOMINATION_MACHINE,
  transition,
  type NominationStatus,
} from '@stue/core';
import type { HubDatabase } from '../../db/database.js';
import { cancelBookingsOf, emitStatusChanged, type ChangeBy } from '../bookings/store.js';
import { writeAudit } from '../../audit/store.js';
import { locksRows } from '../../db/dialect.js';

/** The screening moves a coordinator makes by hand; booking, unbooking and completing follow bookings. */
export const COORDINATOR_NOMINATION_ACTIONS = ['review', 'accept', 'decline', 'withdraw'] as const;
/** One of {@link COORDINATOR_NOMINATION_ACTIONS}. */
export type CoordinatorNominationAction = (typeof COORDINATOR_NOMINATION_ACTIONS)[number];

const isCoordinatorAction = (action: string): action is CoordinatorNominationAction =>
  (COORDINATOR_NOMINATION_ACTIONS as readonly string[]).includes(action);

/** The screening moves a nomination in `status` allows now, each with its endpoint. */
export function nominationActions(id: string, status: NominationStatus) {
  return allowedTransitions(NOMINATION_MACHINE, status)
    .filter((move) => isCoordinatorAction(move.action))
    .map((move) => ({ ...move, href: `/api/v1/nominations/${id}/${move.action}` }));
}

/**
 * Moves a nomination through screening (`NOMINATION_MACHINE`) with its audit row in one
 * transaction. Withdrawing also cancels its active bookings with the same reason. A move the
 * lifecycle does not allow, or one without a required reason, throws its `StueLifecycleError`.
 */
export function moveNomination(
  db: HubDatabase,
  id: string,
  action: CoordinatorNominationAction,
  by: ChangeBy,
  body: { reason?: string; referral?: string },
  now = new Date().toISOString(),
) {
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .selectFrom('nominations')
      .select(['reference', 'status', 'partner_id'])
      .where('id', '=', id)
      .$if(locksRows(db), (q) => q.forUpdate())
      .executeTakeFirst();
    if (!row) return undefined;
    const from = row.status as NominationStatus;
    const { status, event } = transition(NOMINATION_MACHINE, from, action, {
      actor: by.actor,
      at: now,
      reason: body.reason,
      entityId: id,
    });
    await tx
      .updateTable('nominations')
      .set({ status, updated_at: now })
      .where('id', '=', id)
      .execute();
    const referral = body.referral?.trim();
    await writeAudit(tx, {
      at: now,
      actor: by.audit,
      entity: 'nomination',
      entityId: id,
      action: event.action,
      reason: event.reason,
      details: { from, to: status, ...(referral ? { referral } : {}) },
    });
    await emitStatusChanged(
      tx,
      row.partner_id,
      { id, reference: row.reference },
      from,
      status,
      now,
    );
    if (action === 'withdraw') await cancelBookingsOf(tx, id, by, event.reason!, now);
    const moved = {
      id,
      reference: row.reference,
      status,
      allowedActions: nominationActions(id, status),
    };
    return moved satisfies NominationMoved;
  });
}
