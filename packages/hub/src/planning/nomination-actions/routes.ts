import { TEXT_LIMITS } from '@stue/core';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { NominationStatus } from '@stue/core';
import type { HubDatabase } from '../../db/database.js';
import { jsonBody } from '../../http/json-body.js';
import { coordinatorAuth, type CoordinatorEnv, actorOf } from '../../accounts/coordinator-auth.js';
import { writeBodyLimit } from '../../http/body-limit.js';
import { HubError } from '../../http/hub-error.js';
import { lifecycleError } from '../../http/lifecycle-error.js';
import { note, uuidParam } from '../../http/params.js';
import { COORDINATOR_NOMINATION_ACTIONS, moveNomination, nominationActions } from './service.js';

/** The body of review, accept and withdraw: a reason, required to withdraw. */
export const nominationMoveSchema = z.strictObject({ reason: note(TEXT_LIMITS.reason) });

/**
 * The body of a decline: the reason (required), and a referral — where the pair might find
 * something that suits them better — when there is one.
 */
export const declineSchema = z.strictObject({
  reason: note(TEXT_LIMITS.reason),
  referral: note(TEXT_LIMITS.referral),
});

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
