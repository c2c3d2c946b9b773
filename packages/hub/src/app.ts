import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import { bodyLimitFor } from './body-limits.js';
import type { HubDatabase } from './db/database.js';
import { resolveClientAddress, trustedProxies } from './http/client-address.js';
import {
  databaseWritable,
  isStorageFull,
  noteStorageFull,
  STORAGE_FULL_RETRY_AFTER,
} from './db/storage.js';
import { limitBodies } from './http/body-limit.js';
import { requestCutOff } from './http/connection.js';
import { apiError } from './http/errors.js';
import { HubError, hubErrorResponse } from './http/hub-error.js';
import { requestLog, routeOf, type Log } from './http/log.js';
import type { RateLimits } from './http/rate-limit.js';
import { securityHeaders } from './http/security-headers.js';
import type { StaticRoots } from './http/static-apps.js';
import { nominationNoteRoutes } from './nominations/index.js';
import { nominationRoutes } from './nominations/routes.js';
import { sessionRoutes } from './accounts/routes.js';
import { deviceRoutes } from './devices/routes.js';
import type { HubKey } from './devices/index.js';
import { feedbackRoutes } from './feedback/routes.js';
import { openApiDocument } from './openapi/index.js';
import { partnerApiRoutes } from './partner-api/routes.js';
import { partnerRoutes } from './partners/routes.js';
import { nominationActionRoutes, planningRoutes } from './planning/routes.js';
import { reportRoutes } from './reports/routes.js';
import { dataRightsRoutes } from './privacy/routes.js';
import type { RetentionPolicy } from './privacy/index.js';
import { programmeRoutes } from './programmes/routes.js';
import { webhookRoutes } from './webhooks/routes.js';

/** What the hub app is made of. */
export interface AppOptions {
  db: HubDatabase;
  /** Where the served apps live; without it the hub serves the API only. */
  staticRoots?: StaticRoots;
  /** The version reported in the API description. */
  version?: string;
  /** Where structured log lines go (default: nowhere). */
  log?: Log;
  /** Request limits (default {@link DEFAULT_RATE_LIMITS}). */
  limits?: RateLimits;
  /**
   * The key tablets seal feedback to; without it the device, feedback and report endpoints are
   * not served.
   */
  hubKey?: HubKey;
  /** Retention periods, for the erasure date a withdrawal announces (default `DEFAULT_RETENTION`). */
  retention?: RetentionPolicy;
  /**
   * The reverse proxies (addresses or ranges) whose `X-Forwarded-For` names the client
   * (`STUE_TRUST_PROXY`); without them the header is ignored and the socket's address counts.
   */
  trustProxy?: readonly string[];
}

function app(root: string, prefix: string): MiddlewareHandler {
  const files = serveStatic({
    root,
    rewriteRequestPath: (path) => path.slice(prefix.length) || '/',
  });
  return async (c, next) => {
    const res = await files(c, next);
    if (!res?.ok) return res;
    // Built assets and the embed's chunks carry a content hash in their name and never change;
    // pages and the embed script are checked again on each use.
    const immutable = /\/(assets|chunks)\/[^/]+-[\w-]{8,}\.\w+$/.test(c.req.path);
    res.headers.set(
      'Cache-Control',
      immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
    );
    return res;
  };
}

/**
 * The hub as a pure `fetch` handler: the API, and the served apps when `staticRoots` is given.
 * Tests call it with `app.request()`; the Node entry serves it on a port.
 *
 * @example
 * const hub = createApp({ db: await openDatabase(':memory:') });
 * const res = await hub.request('/api/health'); // 200 {"ok":true}
 */
export function createApp({
  db,
  staticRoots,
  version = '0.0.0',
  log,
  limits,
  hubKey,
  retention,
  trustProxy = [],
}: AppOptions) {
  const hub = new Hono();
  if (log) hub.use('*', requestLog(log));
  hub.use(
    '*',
    resolveClientAddress(trustProxy.length > 0 ? trustedProxies(trustProxy) : undefined),
  );
  hub.use('*', securityHeaders());
  // Before authentication, rate limits and any read: only the log and the headers wrap it.
  hub.use('*', limitBodies(bodyLimitFor));

  // `{"ok":true}` while the hub can write; after a write failed for lack of room, 503 with
  // `{"ok":false,"database":"not_writable"}` until a trial write succeeds again (db/storage.ts).
  hub.get('/api/health', async (c) => {
    if (await databaseWritable(db)) return c.json({ ok: true });
    c.header('Retry-After', String(STORAGE_FULL_RETRY_AFTER));
    return c.json({ ok: false, database: 'not_writable' }, 503);
  });
  hub.route('/api/v1/session', sessionRoutes(db));
  hub.route('/api/v1/nominations', nominationRoutes(db, limits));
  hub.route('/api/v1/nominations', nominationActionRoutes(db));
  hub.route('/api/v1/nominations', nominationNoteRoutes(db));
  hub.route('/api/v1/nominations', dataRightsRoutes(db, { hubKey, retention }));
  hub.route('/api/v1', planningRoutes(db));
  hub.route('/api/v1/partner', partnerApiRoutes(db, limits, hubKey));
  hub.route('/api/v1/partners', partnerRoutes(db));
  hub.route('/api/v1/webhooks', webhookRoutes(db));
  hub.route('/api/v1/programmes', programmeRoutes(db, limits));
  if (hubKey) {
    hub.route('/api/v1', deviceRoutes(db, hubKey));
    hub.route('/api/v1', feedbackRoutes(db, hubKey));
    hub.route('/api/v1', reportRoutes(db, hubKey));
  }
  const document = openApiDocument(version);
  hub.get('/api/v1/openapi.json', (c) => c.json(document));
  hub.all('/api/*', (c) => apiError(c, 404, 'not_found'));

  if (staticRoots) {
    // Partner pages on other origins load the embed as a module script, which needs CORS.
    hub.use('/embed/*', cors({ origin: '*', allowMethods: ['GET'] }));
    // `/embed/v1/` is the embed's first major version; the unversioned path is its alias.
    hub.get('/embed/v1/*', app(staticRoots.embed, '/embed/v1'));
    hub.get('/embed/*', app(staticRoots.embed, '/embed'));
    for (const name of ['kiosk', 'console'] as const) {
      hub.get(`/${name}`, (c) => c.redirect(`/${name}/`, 301));
      hub.get(`/${name}/*`, app(staticRoots[name], `/${name}`));
    }
    hub.get('/', app(staticRoots.demo, ''));
    hub.get('/demo.css', app(staticRoots.demo, ''));
    hub.get('/favicon.svg', app(staticRoots.demo, ''));
  }

  hub.onError((error, c) => {
    // A body that never arrived whole is the client's doing, or the request timeout's: logged
    // as such, with the status the request log shows (499: the client closed the request).
    const cutOff = requestCutOff(c);
    if (cutOff) {
      const timeout = cutOff === 'timeout';
      log?.({
        msg: timeout ? 'request timeout' : 'client aborted',
        level: timeout ? 'warn' : 'info',
        route: routeOf(c),
      });
      return new Response(null, { status: timeout ? 408 : 499 });
    }
    // A full disk is said as such, with when to try again; the request was not acknowledged.
    if (isStorageFull(error)) {
      noteStorageFull(db);
      log?.({ msg: 'storage full', level: 'error', route: routeOf(c) });
      c.header('Retry-After', String(STORAGE_FULL_RETRY_AFTER));
      return apiError(c, 503, 'storage_full');
    }
    // An answer a route, middleware or service chose: the one error shape, said here once.
    if (error instanceof HubError) return hubErrorResponse(c, error);
    log?.({ msg: 'error', level: 'error', error: error.name, route: routeOf(c) });
    return apiError(c, 500, 'internal');
  });
  return hub;
}
