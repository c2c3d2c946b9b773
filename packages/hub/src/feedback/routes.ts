import { Hono } from 'hono';
import * as z from 'zod/mini';
import { TEXT_LIMITS } from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import type { HubKey } from '../devices/index.js';
import { coordinatorAuth, type CoordinatorEnv } from '../accounts/coordinator-auth.js';
import { requestLang } from '../http/errors.js';
import { found, listed } from '../http/outcomes.js';
import { jsonBody } from '../http/json-body.js';
import { writeBodyLimit } from '../http/body-limit.js';
import { note, pageQuery, validQuery, uuidParam } from '../http/params.js';
import {
  CALL_STATES,
  CALL_TASK_FOR,
  listCallTasks,
  markCallDone,
  readBookingFeedback,
} from './store.js';

/**
 * The query of the call task list: open (the default) or done; and, if given, only those for the
 * coordinator or only those for a peer.
 */
export const callTaskQuerySchema = z.strictObject({
  state: z.optional(z.enum(CALL_STATES, { error: 'invalid_choice' })),
  for: z.optional(z.enum(CALL_TASK_FOR, { error: 'invalid_choice' })),
  ...pageQuery,
});

/** The body of "call done": an optional short note from the call. */
export const callDoneSchema = z.strictObject({ note: note(TEXT_LIMITS.callNote) });

/**
 * What tablets sent, for coordinators, to mount at `/api/v1`: a booking's opened feedback and
 * debriefs (`GET /bookings/{id}/feedback`, every read logged), and the musicians who asked for
 * a call (`GET /tasks`, `POST /tasks/{id}/call-done`).
 *
 * @example
 * hub.route('/api/v1', feedbackRoutes(db, hubKey));
 */
export function feedbackRoutes(db: HubDatabase, hubKey: HubKey) {
  const app = new Hono<CoordinatorEnv>();
  const auth = coordinatorAuth(db);

  app.get('/bookings/:id/feedback', auth, uuidParam(), async (c) => {
    const { id } = c.req.valid('param');
    const feedback = found(
      await readBookingFeedback(db, hubKey, id, requestLang(c), c.get('coordinator').id),
    );
    c.header('Cache-Control', 'no-store');
    return c.json(feedback);
  });

  app.get('/tasks', auth, validQuery(callTaskQuerySchema), async (c) => {
    const { state = 'open', for: taskFor, limit = 50, cursor } = c.req.valid('query');
    const result = await listCallTasks(db, {
      state,
      limit,
      ...(cursor === undefined ? {} : { cursor }),
      ...(taskFor === undefined ? {} : { for: taskFor }),
    });
    return c.json(listed(result));
  });

  const callDone = jsonBody(callDoneSchema, { emptyIsObject: true });
  app.post('/tasks/:id/call-done', auth, writeBodyLimit(), uuidParam(), callDone, async (c) => {
    const { id } = c.req.valid('param');
    const task = await markCallDone(db, id, c.get('coordinator').id, c.req.valid('json').note);
    return c.json(found(task));
  });

  return app;
}
