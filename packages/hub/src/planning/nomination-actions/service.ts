import type { NominationMoved } from '@stue/core';
import { allowedTransitions, NOMINATION_MACHINE, type NominationStatus } from '@stue/core';
import type { HubDatabase } from '../../db/database.js';
import { cancelBookingsOf } from '../bookings/service.js';
import { lockedNominationStatus } from '../bookings/index.js';
import { changeNominationStatus } from '../nomination-status.js';
import type { ChangeBy } from '../records.js';

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
    const from = await lockedNominationStatus(tx, id);
    if (!from) return undefined;
    const referral = body.referral?.trim();
    const { status, event, reference } = await changeNominationStatus(
      tx,
      { id, from, action, reason: body.reason, details: referral ? { referral } : {} },
      by,
      now,
    );
    if (action === 'withdraw') await cancelBookingsOf(tx, id, by, event.reason!, now);
    const moved = { id, reference, status, allowedActions: nominationActions(id, status) };
    return moved satisfies NominationMoved;
  });
}
