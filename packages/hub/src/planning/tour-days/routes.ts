import type { TourDayDetail } from '@stue/core';
import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import { isUuidV7, tourDayInputSchema } from '@stue/core';
import type { HubDatabase } from '../../db/database.js';
import { jsonBody } from '../../http/json-body.js';
import { coordinatorAuth, type CoordinatorEnv, actorOf } from '../../accounts/coordinator-auth.js';
import { requestLang } from '../../http/errors.js';
import { HubError } from '../../http/hub-error.js';
import { createdAnswer, found, listed } from '../../http/outcomes.js';
import { bookingsOnTourDay } from '../bookings/index.js';
import { auditHistory } from '../../audit/store.js';
import { writeBodyLimit } from '../../http/body-limit.js';
import { pageQuery, validQuery, uuidParam } from '../../http/params.js';
import {
  createTourDay,
  deleteTourDay,
  findTourDay,
  listTourDays,
  updateTourDay,
  type TourDayOutcome,
} from './store.js';

const listQuerySchema = z.strictObject({
  from: z.optional(z.iso.date({ error: 'invalid_date' })),
  to: z.optional(z.iso.date({ error: 'invalid_date' })),
  musician: z.optional(z.string().check(z.refine(isUuidV7, { error: 'invalid_id' }))),
  ...pageQuery,
});

/**
 * `/api/v1/tour-days`, for coordinators: a musician's concert days — create, list by date range
 * and musician, read with the day's bookings and history, change (PATCH), and delete while no confirmed
 * concert depends on the day.
 */
export function tourDayRoutes(db: HubDatabase) {
  const app = new Hono<CoordinatorEnv>();
  const auth = coordinatorAuth(db);

  app.post('/', auth, writeBodyLimit(), jsonBody(tourDayInputSchema), async (c) => {
    const lang = requestLang(c);
    const outcome = await createTourDay(db, c.req.valid('json'), {
      coordinatorId: c.get('coordinator').id,
      audit: actorOf(c).audit,
      lang,
    });
    return createdAnswer(c, outcome);
  });

  app.get('/', auth, validQuery(listQuerySchema), async (c) => {
    const { from, to, musician, limit = 50, cursor } = c.req.valid('query');
    const result = await listTourDays(db, { from, to, musicianId: musician, limit, cursor });
    return c.json(listed(result));
  });

  app.get('/:id', auth, uuidParam(), async (c) => {
    const { id } = c.req.valid('param');
    const day = found(await findTourDay(db, id));
    return c.json({
      ...day,
      bookings: await bookingsOnTourDay(db, id),
      history: await auditHistory(db, 'tour-day', id),
    } satisfies TourDayDetail);
  });

  app.patch('/:id', auth, writeBodyLimit(), uuidParam(), jsonBody(), async (c) => {
    const { id } = c.req.valid('param');
    const outcome = await updateTourDay(db, id, c.req.valid('json'), {
      audit: actorOf(c).audit,
      lang: requestLang(c),
    });
    return answer(c, outcome);
  });

  app.delete('/:id', auth, uuidParam(), async (c) => {
    const { id } = c.req.valid('param');
    const outcome = await deleteTourDay(db, id, { audit: actorOf(c).audit });
    return answer(c, outcome);
  });

  return app;
}

function answer(c: Context, outcome: TourDayOutcome) {
  switch (outcome.kind) {
    case 'not_found':
      throw new HubError(404, 'not_found');
    case 'invalid':
      throw new HubError(400, 'invalid_body', { issues: outcome.issues });
    case 'has_bookings':
      throw new HubError(409, 'tour_day_has_bookings');
    case 'done':
      return outcome.record ? c.json(outcome.record) : c.body(null, 204);
  }
}
