import { Hono, type Context } from 'hono';
import * as z from 'zod/mini';
import {
  BOOKING_STATUSES,
  bookingInputSchema,
  isUuidV7,
  type BookingStatus,
  TEXT_LIMITS,
} from '@stue/core';
import type { HubDatabase } from '../../db/database.js';
import { jsonBody } from '../../http/json-body.js';
import { HubError } from '../../http/hub-error.js';
import { coordinatorAuth, type CoordinatorEnv, actorOf } from '../../accounts/coordinator-auth.js';
import { requestLang } from '../../http/errors.js';
import { found, listed } from '../../http/outcomes.js';
import {
  bookingActions,
  bookingDetail,
  createBooking,
  moveBooking,
  rescheduleBooking,
  type BookingMove,
  type BookingOutcome,
} from './service.js';
import { listBookings } from './store.js';
import { bookingCalendar } from './calendar.js';

import { writeBodyLimit } from '../../http/body-limit.js';
import { lifecycleError } from '../../http/lifecycle-error.js';
import { note, pageQuery, validQuery, uuidParam } from '../../http/params.js';

const uuid = () => z.string().check(z.refine(isUuidV7, { error: 'invalid_id' }));

const listQuerySchema = z.strictObject({
  date: z.optional(z.iso.date({ error: 'invalid_date' })),
  tourDay: z.optional(uuid()),
  nomination: z.optional(uuid()),
  status: z.optional(z.array(z.enum(BOOKING_STATUSES, { error: 'invalid_choice' }))),
  ...pageQuery,
});

/** The body of a booking move: a reason, required to cancel or record a no-show. */
export const bookingMoveSchema = z.strictObject({ reason: note(TEXT_LIMITS.reason) });

/** The body of a reschedule: the new start, and the tour day when it changes. */
export const rescheduleRequestSchema = z.strictObject({
  start: z.iso.datetime({
    offset: true,
    error: (issue) => (issue.input === undefined ? 'required' : 'invalid_datetime'),
  }),
  tourDayId: z.optional(uuid()),
  reason: note(TEXT_LIMITS.reason),
});

const MOVES: readonly BookingMove[] = ['confirm', 'cancel', 'held', 'no-show'];

const allowedFrom = (id: string) => (status: string) => bookingActions(id, status as BookingStatus);

/**
 * `/api/v1/bookings`, for coordinators: propose a booking, list and read bookings, move them
 * through the booking lifecycle (confirm, cancel, held, no-show, reschedule) together with their
 * nomination, and a calendar file per concert.
 */
export function bookingRoutes(db: HubDatabase) {
  const app = new Hono<CoordinatorEnv>();
  const auth = coordinatorAuth(db);

  async function answer(c: Context, id: string, outcome: BookingOutcome) {
    switch (outcome.kind) {
      case 'not_found':
        throw new HubError(404, 'not_found');
      case 'invalid':
        throw new HubError(400, 'invalid_body', { issues: outcome.issues });
      case 'refused':
        throw new HubError(
          409,
          outcome.code,
          outcome.status ? { extra: { status: outcome.status } } : {},
        );
      case 'done':
        return c.json(await bookingDetail(db, id));
    }
  }

  app.post('/', auth, writeBodyLimit(), jsonBody(bookingInputSchema), async (c) => {
    const input = c.req.valid('json');
    const lang = requestLang(c);
    const outcome = await createBooking(db, input, actorOf(c), lang);
    switch (outcome.kind) {
      case 'conflict':
        throw new HubError(409, 'record_conflict');
      case 'invalid':
      case 'refused':
        return answer(c, input.id, outcome);
      default:
        return c.json(
          await bookingDetail(db, outcome.record.id),
          outcome.kind === 'created' ? 201 : 200,
        );
    }
  });

  app.get('/', auth, validQuery(listQuerySchema, { arrays: ['status'] }), async (c) => {
    const { date, tourDay, nomination, status, limit = 50, cursor } = c.req.valid('query');
    const result = await listBookings(db, {
      date,
      tourDayId: tourDay,
      nominationId: nomination,
      status,
      limit,
      cursor,
    });
    return c.json(listed(result));
  });

  // Registered before `/:id`, which would otherwise take `<id>.ics` for a malformed id.
  app.get('/:file{[^/]+\\.ics}', auth, async (c) => {
    const id = c.req.param('file').slice(0, -'.ics'.length);
    if (!isUuidV7(id)) throw new HubError(400, 'invalid_parameter');
    // `?lang=` is the console's language: a download link cannot set Accept-Language.
    const asked = c.req.query('lang');
    const lang = asked === 'da' || asked === 'en' ? asked : requestLang(c);
    const calendar = await bookingCalendar(db, id, lang, new URL(c.req.url).hostname);
    return c.body(found(calendar), 200, {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="stue-koncert-${id}.ics"`,
      'Cache-Control': 'no-store',
    });
  });

  app.get('/:id', auth, uuidParam(), async (c) => {
    const { id } = c.req.valid('param');
    return c.json(found(await bookingDetail(db, id)));
  });

  for (const move of MOVES) {
    const body = jsonBody(bookingMoveSchema, { emptyIsObject: true });
    app.post(`/:id/${move}`, auth, writeBodyLimit(), uuidParam(), body, async (c) => {
      const { id } = c.req.valid('param');
      const { reason } = c.req.valid('json');
      try {
        return await answer(c, id, await moveBooking(db, id, move, actorOf(c), reason));
      } catch (error) {
        throw lifecycleError(c, error, allowedFrom(id));
      }
    });
  }

  const reschedule = jsonBody(rescheduleRequestSchema);
  app.post('/:id/reschedule', auth, writeBodyLimit(), uuidParam(), reschedule, async (c) => {
    const { id } = c.req.valid('param');
    const lang = requestLang(c);
    const request = c.req.valid('json');
    try {
      return await answer(c, id, await rescheduleBooking(db, id, request, actorOf(c), lang));
    } catch (error) {
      throw lifecycleError(c, error, allowedFrom(id));
    }
  });

  return app;
}
