export { createApp, type AppOptions } from './app.js';
export { startServer, type RunningHub, type ServerOptions } from './server.js';
export { openDatabase, type HubDatabase } from './db/database.js';
export { integrityCheck } from './db/migrations.js';
export type { Database } from './db/schema.js';
export { jsonLog, type Log, type LogEntry } from './http/log.js';
export { DEFAULT_RATE_LIMITS, type Limit, type RateLimits } from './http/rate-limit.js';
export { defaultStaticRoots, type StaticRoots } from './http/static-apps.js';
export {
  originAllowed,
  DEMO_COORDINATOR,
  DEMO_PARTNER_KEY,
  DEMO_SECRET_KEY,
  ensurePartner,
  seedDemo,
  type NewPartner,
  createKey,
  revokeKey,
  type KeySummary,
} from './partners/index.js';
export { createCoordinator, type Coordinator } from './accounts/index.js';
export { backupDatabase, createPartner } from './cli/index.js';
export { exampleNomination, openApiDocument } from './openapi/index.js';
export {
  DISPATCHER_DEFAULTS,
  retryDelay,
  signWebhook,
  startWebhookDispatcher,
  type DispatcherOptions,
  type WebhookDispatcher,
} from './webhooks/index.js';
