import { join } from 'node:path';
import { jsonLog, startServer } from '../../packages/hub/dist/index.js';
import { loadOrCreateHubKey } from '../../packages/hub/dist/devices/index.js';

// A hub process like `stue-hub serve` (the same built server, its own process), with what the
// command does not let an operator set: the webhook dispatcher's poll, for journeys where two
// hubs must reach for the same deliveries often. Started by `startHub(…, { script })`; the
// environment is the command's (STUE_DATABASE_URL, STUE_DATA_DIR, PORT, HOST) and
// STUE_TEST_WEBHOOK_POLL_MS.

const dataDir = process.env.STUE_DATA_DIR!;
const hub = await startServer({
  port: Number(process.env.PORT ?? 0),
  host: process.env.HOST ?? '127.0.0.1',
  databaseFile: process.env.STUE_DATABASE_URL ?? join(dataDir, 'stue.sqlite'),
  demo: 'accounts',
  log: jsonLog,
  hubKey: await loadOrCreateHubKey(join(dataDir, 'hub-key.json')),
  limits: {
    perPartner: { limit: 1_000_000, windowMs: 60_000 },
    perAddress: { limit: 1_000_000, windowMs: 60_000 },
  },
  webhooks: { pollMs: Number(process.env.STUE_TEST_WEBHOOK_POLL_MS ?? 1_000) },
});
console.log(`Stue hub listening on ${hub.url}`);
process.once('SIGTERM', () => {
  hub.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
});
