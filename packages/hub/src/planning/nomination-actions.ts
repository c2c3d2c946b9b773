import { Hono } from 'hono';
import * as z from 'zod/mini';
import {
  allowedTransitions,
  NOMINATION_MACHINE,
  transition,
  type NominationStatus,
} from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import { jsonBody } from '../http/json-body.js';
import { coordinatorAuth, type CoordinatorEnv, actorOf } from '../accounts/coordinator-auth.js';
import { cancelBookingsOf, emitStatusChanged, type ChangeBy } from './booking-store.js';
import { writeAudit } from '../audit/store.js';
import { locksRows } from '../db/dialect.js';
import { writeBodyLimit } from '../http/body-limit.js';
import { HubError } from '../http/hub-error.js';
import { lifecycleError } from '../http/lifecycle-error.js';
import { note, uuidParam } from '../http/params.js';

/** The screening moves a coordinator makes by hand; booking, unbooking and completing follow bookings. */
export const COORDINATOR_NOMINATION_ACTIONS = ['review', 'accept', 'decline', 'withdraw'] as const;
/** One of {@link COORDINATOR_NOMINATION_ACTIONS}. */
export type CoordinatorNominationAction = (typeof COORDINATOR_NOMINATION_ACTIONS)[number];

/** The body of review, accept and withdraw: a reason, required to withdraw. */
export const nominationMoveSchema = z.strictObject({ reason: note(300) });

/**
 * The body of a decline: the reason (required), and a referral — where the pair might find
 * something that suits them better — when there is one.
 */
export const declineSchema = z.strictObject({ reason: note(300), referral: note(500) });

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
    return { id, reference: row.reference, status, allowedActions: nominationActions(id, status) };
  });
}

/**
 * Coordinators' screening moves on nominations — `POST /{id}/review`, `/accept`, `/decline`
 * (reason, optional referral) and `/withdraw` (reason) — mounted at `/api/v1/nominations` beside
 * the partner routes. The partner's status endpoint shows the new status at once.
 */
export function nominationActionRoutes(db: HubDatabase) {
  const app = new Hono<CoordinatorEnv>();
  const auth = coordinatorAuth(db);
  for (const action of COORDINATOR_NOMINATION_ACTIONS) {
    const schema = action === 'decline' ? declineSchema : nominationMoveSchema;
    const body = jsonBody(schema, { emptyIsObject: true });
    app.post(`/:id/${action}`, auth, writeBodyLimit(), uuidParam(), body, async (c) => {
      const { id } = c.req.valid('param');
      let moved;
      try {
        moved = await moveNomination(db, id, action, actorOf(c), c.req.valid('json'));
      } catch (error) {
        throw lifecycleError(c, error, (status) =>
          nominationActions(id, status as NominationStatus),
        );
      }
      if (!moved) throw new HubError(404, 'not_found');
      return c.json(moved);
    });
  }
  return app;
}
