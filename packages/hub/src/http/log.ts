import type { MiddlewareHandler } from 'hono';

/** One structured log line. Entries name routes, never paths with values, and carry no bodies. */
export type LogEntry = Record<string, string | number | boolean | undefined>;
export type Log = (entry: LogEntry) => void;

/** Writes each entry as one line of JSON to standard output. */
export const jsonLog: Log = (entry) => {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

/** Logs each request by method, route pattern, status and duration. */
export function requestLog(log: Log): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    log({
      msg: 'request',
      method: c.req.method,
      // The route pattern (`/api/v1/nominations/:reference/status`), not the path: a path can
      // carry a reference, and references are not for logs.
      route: c.req.routePath,
      status: c.res.status,
      ms: Math.round(performance.now() - start),
    });
  };
}
