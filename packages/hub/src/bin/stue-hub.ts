#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { jsonLog } from '../http/log.js';
import { DEMO_PARTNER_KEY } from '../partners/partners.js';
import { startServer } from '../server.js';

const usage = `Usage: stue-hub serve [--demo]

Serves the Stue hub: the API, the demo partner page, the embed script, the kiosk and the console.

Environment:
  PORT             port to listen on (default 8787; 0 picks a free one)
  HOST             address to listen on (default 127.0.0.1)
  STUE_DATA_DIR    folder for the SQLite database (default .stue)
  STUE_DEMO        1 seeds demo data, 0 does not (default: on with --demo, off without)
`;

async function serveCommand(demoFlag: boolean) {
  if (process.env.STUE_DATABASE_URL) {
    console.error('STUE_DATABASE_URL (PostgreSQL) is not supported by this version of the hub.');
    process.exit(2);
  }
  const demo = process.env.STUE_DEMO === undefined ? demoFlag : process.env.STUE_DEMO !== '0';
  const dataDir = resolve(process.env.STUE_DATA_DIR ?? '.stue');
  const { version } = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  const hub = await startServer({
    port: Number(process.env.PORT ?? 8787),
    host: process.env.HOST ?? '127.0.0.1',
    databaseFile: join(dataDir, 'stue.sqlite'),
    demo,
    version,
    log: jsonLog,
  });
  const lines = [
    `Stue hub ${version} listening on ${hub.url}`,
    `  Demo partner page  ${hub.url}/`,
    `  Kiosk              ${hub.url}/kiosk/`,
    `  Console            ${hub.url}/console/`,
    `  API description    ${hub.url}/api/v1/openapi.json`,
    `  Database           ${join(dataDir, 'stue.sqlite')}`,
  ];
  if (demo) lines.push(`  Demo partner key   ${DEMO_PARTNER_KEY} (loopback origins only)`);
  console.log(lines.join('\n'));

  let closing = false;
  const shutdown = () => {
    if (closing) return;
    closing = true;
    hub.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { demo: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
});

if (values.help || positionals[0] !== 'serve') {
  process.stdout.write(usage);
  process.exit(values.help ? 0 : 2);
}
await serveCommand(values.demo);
