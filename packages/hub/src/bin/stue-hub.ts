#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase, createPartner } from '../cli/operations.js';
import { createKey, revokeKey } from '../partners/keys.js';
import { openDatabase } from '../db/database.js';
import { integrityCheck } from '../db/migrations.js';
import { loadOrCreateHubKey } from '../devices/hub-key.js';
import { jsonLog } from '../http/log.js';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../http/rate-limit.js';
import { originAllowed } from '../partners/keys.js';
import { DEMO_COORDINATOR, DEMO_PARTNER_KEY, DEMO_SECRET_KEY } from '../partners/partners.js';
import { createCoordinator } from '../accounts/coordinators.js';
import { startServer } from '../server.js';

const usage = `Usage: stue-hub <command> [options]

Commands:
  serve [--demo]        serve the API, the demo partner page, the embed, the kiosk and the console
  migrate               bring the database up to the newest schema, then exit
  check                 run SQLite's integrity check; prints "ok" and exits 0 when the file is sound
  backup <file>         write a consistent copy of the database to <file> (safe while serving)
  partner create --name <name> --kind <visit-service|municipality|venue|other> --origin <origin>…
                        register a partner and print its publishable and secret keys (shown once)
  partner key --partner <id> [--kind secret|publishable]
                        make a new key for a partner (default secret) and print it (shown once)
  partner key --partner <id> --revoke <key id>
                        revoke a partner's key; it is refused from the next request on
  coordinator create --email <e-mail> --name <name>
                        create a coordinator account; the password is read from standard input

Environment:
  PORT                    port to listen on (default 8787; 0 picks a free one)
  HOST                    address to listen on (default 127.0.0.1)
  STUE_DATA_DIR           folder for the SQLite database stue.sqlite (default .stue)
  STUE_DATABASE_URL       postgres://… to use PostgreSQL instead of SQLite
  STUE_HUB_PRIVATE_KEY    the hub's sealing key as a private JWK (default: hub-key.json in
                          STUE_DATA_DIR, made on first start and readable by its owner only)
  STUE_DEMO               1 seeds demo data, 0 does not (default: on with --demo, off without)
  STUE_LIMIT_PER_PARTNER  requests a minute per partner key (default ${DEFAULT_RATE_LIMITS.perPartner.limit})
  STUE_LIMIT_PER_ADDRESS  requests a minute per client address (default ${DEFAULT_RATE_LIMITS.perAddress.limit})
`;

class UsageError extends Error {}

const dataDir = () => resolve(process.env.STUE_DATA_DIR ?? '.stue');
// PostgreSQL when STUE_DATABASE_URL says so; otherwise the SQLite file in the data folder.
const databaseLocation = () => process.env.STUE_DATABASE_URL || join(dataDir(), 'stue.sqlite');
// A URL's password is not for the terminal.
const shownLocation = () => databaseLocation().replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');

function limitsFromEnv(): RateLimits {
  const perMinute = (name: string, fallback: number) => {
    const value = Number(process.env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) {
      throw new UsageError(`${name} must be a whole number of at least 1.`);
    }
    return { limit: value, windowMs: 60_000 };
  };
  return {
    perPartner: perMinute('STUE_LIMIT_PER_PARTNER', DEFAULT_RATE_LIMITS.perPartner.limit),
    perAddress: perMinute('STUE_LIMIT_PER_ADDRESS', DEFAULT_RATE_LIMITS.perAddress.limit),
  };
}

async function serve(demoFlag: boolean) {
  const demo = process.env.STUE_DEMO === undefined ? demoFlag : process.env.STUE_DEMO !== '0';
  const { version } = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  const hub = await startServer({
    port: Number(process.env.PORT ?? 8787),
    host: process.env.HOST ?? '127.0.0.1',
    databaseFile: databaseLocation(),
    demo,
    version,
    log: jsonLog,
    limits: limitsFromEnv(),
    hubKey: await loadOrCreateHubKey(join(dataDir(), 'hub-key.json')),
  });
  const lines = [
    `Stue hub ${version} listening on ${hub.url}`,
    `  Demo partner page  ${hub.url}/`,
    `  Kiosk              ${hub.url}/kiosk/`,
    `  Console            ${hub.url}/console/`,
    `  API description    ${hub.url}/api/v1/openapi.json`,
    `  Database           ${shownLocation()}`,
  ];
  if (demo) {
    lines.push(
      `  Demo partner key   ${DEMO_PARTNER_KEY} (loopback origins only)`,
      `  Demo secret key    ${DEMO_SECRET_KEY} (servers only: the partner API and webhooks)`,
      `  Demo coordinator   ${DEMO_COORDINATOR.email} / ${DEMO_COORDINATOR.password}`,
    );
  }
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

// Runs `work` on the database and closes it, whatever happens.
async function withDatabase<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) {
  const db = await openDatabase(databaseLocation());
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

const PARTNER_KINDS = ['visit-service', 'municipality', 'venue', 'other'] as const;

async function partnerKey(values: { partner?: string; kind?: string; revoke?: string }) {
  const partnerId = values.partner;
  if (!partnerId) throw new UsageError('partner key needs --partner <id>.');
  if (values.revoke) {
    const revoked = await withDatabase((db) => revokeKey(db, values.revoke!, partnerId));
    if (!revoked) throw new UsageError(`Partner ${partnerId} has no key ${values.revoke}.`);
    return console.log(`Key ${revoked.id} (${revoked.prefix ?? revoked.kind}…) revoked.`);
  }
  const kind = values.kind ?? 'secret';
  if (kind !== 'secret' && kind !== 'publishable') {
    throw new UsageError('partner key --kind is secret or publishable.');
  }
  const made = await withDatabase((db) => createKey(db, partnerId, kind));
  if (!made) throw new UsageError(`There is no partner ${partnerId}.`);
  return console.log(
    `${kind === 'secret' ? 'Secret' : 'Publishable'} key ${made.summary.id} for ${partnerId} (shown once): ${made.key}`,
  );
}

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h' },
      name: { type: 'string' },
      kind: { type: 'string' },
      origin: { type: 'string', multiple: true },
      email: { type: 'string' },
      partner: { type: 'string' },
      revoke: { type: 'string' },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help) return void process.stdout.write(usage);
  switch (command) {
    case 'serve':
      return serve(values.demo);
    case 'migrate':
      return withDatabase(async () => console.log(`Database is up to date: ${shownLocation()}`));
    case 'check': {
      const result = await withDatabase(integrityCheck);
      console.log(result);
      if (result !== 'ok') process.exitCode = 1;
      return;
    }
    case 'backup': {
      if (!rest[0]) throw new UsageError('backup needs a file name: stue-hub backup <file>');
      const target = resolve(rest[0]);
      await withDatabase((db) => backupDatabase(db, target));
      return console.log(`Backup written to ${target}`);
    }
    case 'partner': {
      if (rest[0] === 'key') return partnerKey(values);
      const kind = values.kind as (typeof PARTNER_KINDS)[number];
      const origins = values.origin ?? [];
      if (rest[0] !== 'create' || !values.name || !PARTNER_KINDS.includes(kind)) {
        throw new UsageError(
          'partner create needs --name and --kind (visit-service, municipality, venue or other).',
        );
      }
      const badOrigin = origins.find((o) => !o.endsWith(':*') && !originAllowed(o, [o]));
      if (badOrigin) {
        throw new UsageError(`${badOrigin} is not an origin (like https://besoeg.example.dk).`);
      }
      const partner = await withDatabase((db) =>
        createPartner(db, { name: values.name!, kind, allowedOrigins: origins }),
      );
      return console.log(
        [
          `Partner ${partner.id} created.`,
          `Publishable key, for its website (shown once): ${partner.publishableKey}`,
          `Secret key, for its servers only (shown once): ${partner.secretKey}`,
        ].join('\n'),
      );
    }
    case 'coordinator': {
      if (rest[0] !== 'create' || !values.email || !values.name) {
        throw new UsageError('coordinator create needs --email and --name.');
      }
      const password = (await readStdin()).replace(/\r?\n$/, '');
      if (password.length < 12) {
        throw new UsageError('Give a password of at least 12 characters on standard input.');
      }
      const coordinator = await withDatabase((db) =>
        createCoordinator(db, { email: values.email!, name: values.name!, password }),
      );
      return console.log(`Coordinator ${coordinator.email} created.`);
    }
    default:
      process.stdout.write(usage);
      process.exitCode = 2;
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = error instanceof UsageError ? 2 : 1;
});
