import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { bodyLimitFor } from './body-limits.js';
import { openDatabase, type HubDatabase } from './db/database.js';
import { unlessRunningElsewhere } from './db/dialect.js';
import {
  answerClientErrors,
  DEFAULT_TIMEOUTS,
  dropRefusedBodies,
  timeoutOptions,
  type Timeouts,
} from './http/connection.js';
import type { Log } from './http/log.js';
import type { RateLimits } from './http/rate-limit.js';
import type { HubKey } from './devices/index.js';
import { defaultStaticRoots, missingRoots, type StaticRoots } from './http/static-apps.js';
import { seedDemoProgramme } from './demo/index.js';
import { seedDemo } from './partners/index.js';
import { seedDemoProgrammes } from './programmes/index.js';
import { runRetention, type RetentionPolicy } from './privacy/index.js';
import { startWebhookDispatcher, type DispatcherOptions } from './webhooks/index.js';

/** How to run a hub process. */
export interface ServerOptions {
  port: number;
  host: string;
  /** An SQLite file path, `':memory:'`, or a `postgres://` URL. */
  databaseFile: string;
  /** Seeds demo data: everything (`true`), the demo partner and coordinator only, or nothing. */
  demo: boolean | 'accounts';
  version?: string;
  staticRoots?: StaticRoots;
  log?: Log;
  limits?: RateLimits;
  /** The hub's sealing key (`loadOrCreateHubKey`). */
  hubKey: HubKey;
  /**
   * Retention: the periods, and how often to apply them (`everyMs`; 0 never). It runs once at
   * start and then on a timer; without it, never.
   */
  retention?: { policy: RetentionPolicy; everyMs: number };
  /** How the webhook dispatcher sends and retries (defaults: `DISPATCHER_DEFAULTS`). */
  webhooks?: DispatcherOptions;
  /** The reverse proxies whose `X-Forwarded-For` is believed (`AppOptions.trustProxy`). */
  trustProxy?: readonly string[];
  /** How long a client has to send a request (default {@link DEFAULT_TIMEOUTS}); then 408. */
  timeouts?: Timeouts;
}

/** A running hub: its address, and how to stop it cleanly. */
export interface RunningHub {
  url: string;
  db: HubDatabase;
  close(): Promise<void>;
}

/**
 * Opens the database, seeds demo data when asked, serves the hub on `host:port` (`port` 0
 * picks a free port; `url` says which) and starts the webhook dispatcher; `close` stops both.
 */
export async function startServer(options: ServerOptions): Promise<RunningHub> {
  const staticRoots = options.staticRoots ?? defaultStaticRoots();
  const missing = missingRoots(staticRoots);
  if (missing.length > 0) {
    throw new Error(`Built apps are missing (run \`pnpm build\`):\n  ${missing.join('\n  ')}`);
  }
  const db = await openDatabase(options.databaseFile);
  if (options.demo) {
    await seedDemo(db);
    await seedDemoProgrammes(db);
  }
  if (options.demo === true) await seedDemoProgramme(db, options.hubKey);
  const app = createApp({
    db,
    staticRoots,
    version: options.version,
    log: options.log,
    limits: options.limits,
    hubKey: options.hubKey,
    retention: options.retention?.policy,
    trustProxy: options.trustProxy,
  });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve(
      {
        fetch: app.fetch,
        port: options.port,
        hostname: options.host,
        serverOptions: timeoutOptions(options.timeouts ?? DEFAULT_TIMEOUTS),
        // Unread bodies are Node's to discard, and refused ones are not read at all (below).
        autoCleanupIncoming: false,
      },
      () => resolve(s),
    );
  });
  answerClientErrors(server as Server, options.log);
  dropRefusedBodies(server as Server, bodyLimitFor);
  const dispatcher = startWebhookDispatcher(db, { log: options.log, ...options.webhooks });
  const { port } = server.address() as AddressInfo;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  if (options.retention && options.retention.everyMs > 0) {
    const { policy, everyMs } = options.retention;
    const run = () => {
      // One run at a time, in this process and among hubs sharing a PostgreSQL database (the
      // others skip their turn while one runs); counts only in the log, never what was removed.
      running ??= unlessRunningElsewhere(db, 'retention', () => runRetention(db, policy))
        .then(
          (outcome) =>
            options.log?.(
              outcome.ran
                ? { msg: 'retention', level: 'info', ...outcome.value }
                : { msg: 'retention running on another hub', level: 'info' },
            ),
          (error: unknown) =>
            options.log?.({
              msg: 'retention failed',
              level: 'error',
              error: error instanceof Error ? error.name : 'unknown',
            }),
        )
        .finally(() => {
          running = undefined;
        });
    };
    run();
    timer = setInterval(run, everyMs);
    timer.unref();
  }
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    db,
    close: async () => {
      clearInterval(timer);
      await running;
      await dispatcher.stop();
      await new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      );
      await db.destroy();
    },
  };
}
