import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import sonicBoom, { type SonicBoom as Boom } from 'sonic-boom';

/** One structured log line. Entries name routes, never paths with values, and carry no bodies. */
export type LogEntry = Record<string, string | number | boolean | undefined>;
export type Log = (entry: LogEntry) => void;

// A CommonJS module whose class is also a property of itself; reading the property works
// whichever way TypeScript resolves the default import.
const { SonicBoom } = sonicBoom as unknown as { SonicBoom: typeof Boom };
let stdout: Boom | undefined;

/**
 * Writes each entry as one line of JSON to standard output. Lines are written in the background
 * (pino's sonic-boom), several at a time under load, so a busy hub never waits for its log; what
 * is still buffered is written when the process exits, however it exits.
 */
export const jsonLog: Log = (entry) => {
  if (!stdout) {
    const out = new SonicBoom({ fd: 1, sync: false });
    process.once('exit', () => out.flushSync());
    stdout = out;
  }
  stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

/**
 * The route pattern a request is logged under (`/api/v1/nominations/:reference/status`), never
 * its path: a path can carry a reference, and references are not for logs. An answer from
 * middleware that runs for every path (a body refused before routing) is logged under the
 * endpoint the request was for.
 */
export function routeOf(c: Context): string {
  const routes = matchedRoutes(c);
  const here = routes[c.req.routeIndex];
  if (here?.method !== 'ALL') return here?.path ?? '';
  return routes.find((route) => route.method !== 'ALL')?.path ?? here.path;
}

/** Logs each request by method, route pattern, status and duration. */
export function requestLog(log: Log): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    log({
      msg: 'request',
      method: c.req.method,
      route: routeOf(c),
      status: c.res.status,
      ms: Math.round(performance.now() - start),
    });
  };
}
