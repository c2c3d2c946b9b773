import { Hono } from 'hono';
import type { HubDatabase } from '../db/database.js';
import { bookingRoutes } from './bookings/routes.js';
import { musicianRoutes } from './musicians/routes.js';
import { tourDayRoutes } from './tour-days/routes.js';

export { nominationActionRoutes } from './nomination-actions/routes.js';

/**
 * The coordinators' planning API, to mount at `/api/v1`: `/musicians`, `/tour-days` and
 * `/bookings`. Every route needs a coordinator session, and every write its CSRF token.
 *
 * @example
 * hub.route('/api/v1', planningRoutes(db));
 */
export function planningRoutes(db: HubDatabase) {
  const app = new Hono();
  app.route('/musicians', musicianRoutes(db));
  app.route('/tour-days', tourDayRoutes(db));
  app.route('/bookings', bookingRoutes(db));
  return app;
}
