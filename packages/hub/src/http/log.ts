import type { MiddlewareHandler } from 'hono';
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
 * (pino's sonic-boom), several at a time under load, so a busy hub never waits for its log;
 * {@link flushLog} writes what is still buffered before the process exits.
 */
export const jsonLog: Log = (entry) => {
  stdout ??= new SonicBoom({ fd: 1, sync: false });
  stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...entry })}\n`);
};

/** Writes out the log lines {@link jsonLog} still holds. Call it just before exiting. */
export function flushLog(): void {
  stdout?.flushSync();
}

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
