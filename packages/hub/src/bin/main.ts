import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { backupDatabase, createPartner, restoreDatabase } from '../cli/index.js';
import {
  createKey,
  revokeKey,
  originAllowed,
  DEMO_COORDINATOR,
  DEMO_PARTNER_KEY,
  DEMO_SECRET_KEY,
} from '../partners/index.js';
import { openDatabase } from '../db/database.js';
import { unlessRunningElsewhere } from '../db/dialect.js';
import { ensurePrivateDir, writePrivateFile } from '../db/private-files.js';
import { integrityCheck } from '../db/migrations.js';
import { loadOrCreateHubKey, createEnrolmentCode } from '../devices/index.js';
import { trustedProxies } from '../http/client-address.js';
import { DEFAULT_TIMEOUTS, type Timeouts } from '../http/connection.js';
import { jsonLog } from '../http/log.js';
import { DEFAULT_RATE_LIMITS, type RateLimits } from '../http/rate-limit.js';
import { createCoordinator } from '../accounts/index.js';
import { startServer } from '../server.js';
import {
  erasePerson,
  erasureList,
  reapplyErasures,
  resolveNominationId,
  type ErasureEntry,
  exportPerson,
  RETENTION_ENV,
  retentionFromEnv,
  runRetention,
} from '../privacy/index.js';

const usage = `Usage: stue-hub <command> [options]

Commands:
  serve [--demo]        serve the API, the demo partner page, the embed, the kiosk and the console
  migrate               bring the database up to the newest schema, then exit
  check                 run SQLite's integrity check; prints "ok" and exits 0 when the file is sound
  backup <file>         write a consistent copy of the database to <file> (safe while serving)
  restore <file>        with the hub stopped: put the backup <file> in place of the database, then
                        apply again every erasure made since the backup (SQLite)
  erase person <nomination id or reference>
                        erase the host and visiting friend of a nomination, with everything about
                        them; their ids go on the re-erase list
  export person <nomination id or reference> [--out <file>]
                        everything the hub holds about the pair, as JSON (standard output or <file>)
  erasures export [--out <file>]
                        the re-erase list as JSON (no personal data)
  erasures apply <file> apply a re-erase list again (after restoring a PostgreSQL dump)
  retention             remove what the retention periods say is no longer kept, then exit
  partner create --name <name> --kind <visit-service|municipality|venue|other> --origin <origin>…
                        register a partner and print its publishable and secret keys (shown once)
  partner key --partner <id> [--kind secret|publishable]
                        make a new key for a partner (default secret) and print it (shown once)
  partner key --partner <id> --revoke <key id>
                        revoke a partner's key; it is refused from the next request on
  coordinator create --email <e-mail> --name <name> [--phone <number>]
                        create a coordinator account; the password is read from standard input
  enrolment-code create --musician <id>
                        a one-time code for a musician's tablet (valid 24 hours, shown once)

Environment:
  PORT                    port to listen on (default 8787; 0 picks a free one)
  HOST                    address to listen on (default 127.0.0.1)
  STUE_DATA_DIR           folder for the SQLite database stue.sqlite (default .stue)
  STUE_DATABASE_URL       postgres://… to use PostgreSQL instead of SQLite
  STUE_HUB_PRIVATE_KEY    the hub's sealing key as a private JWK (default: hub-key.json in
                          STUE_DATA_DIR, made on first start and readable by its owner only)
  STUE_DEMO               1 seeds demo data (a partner, a coordinator and a small programme of
                          musicians, tour days, nominations and today's concerts), accounts
                          seeds the partner and coordinator only, 0 nothing (default: 1 with
                          --demo, 0 without)
  STUE_LIMIT_PER_PARTNER  requests a minute per partner key (default ${DEFAULT_RATE_LIMITS.perPartner.limit})
  STUE_LIMIT_PER_ADDRESS  requests a minute per client address (default ${DEFAULT_RATE_LIMITS.perAddress.limit})
  STUE_TRUST_PROXY        the reverse proxy's address(es) or range(s), comma-separated: only then is
                          the client's address taken from X-Forwarded-For (default: none)
  STUE_RETENTION_HOURS    how often serve applies retention (default 24; 0 never)
  STUE_REQUEST_TIMEOUT_SECONDS
                          how long a client has to send a whole request before it is answered
                          408 (default ${DEFAULT_TIMEOUTS.requestMs / 1000}; the headers alone: half of it, at most ${DEFAULT_TIMEOUTS.headersMs / 1000})
  ${RETENTION_ENV.closedNominationDays}      declined/withdrawn nominations (default 365)
  ${RETENTION_ENV.withdrawnConsentDays}      after a consent is withdrawn (default 30)
  ${RETENTION_ENV.deviceRecordDays}          sealed feedback and debriefs (default 1095)
  ${RETENTION_ENV.enrolmentCodeDays}         expired enrolment codes (default 30)
  ${RETENTION_ENV.webhookDeliveryDays}       finished webhook deliveries and their attempts (default 90)
`;

class UsageError extends Error {}

// The data folder is the hub's alone (0700): tightened when found open; the database and the
// sealing key make it so when they create it.
const dataDir = () => {
  const dir = resolve(process.env.STUE_DATA_DIR ?? '.stue');
  if (existsSync(dir)) ensurePrivateDir(dir);
  return dir;
};
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

// The proxies whose X-Forwarded-For names the client; checked here so a typo stops the start.
function trustProxyFromEnv(): string[] {
  const entries = (process.env.STUE_TRUST_PROXY ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  try {
    trustedProxies(entries);
  } catch (error) {
    throw new UsageError(`STUE_TRUST_PROXY: ${(error as Error).message}`);
  }
  return entries;
}

function timeoutsFromEnv(): Timeouts {
  const seconds = Number(
    process.env.STUE_REQUEST_TIMEOUT_SECONDS ?? DEFAULT_TIMEOUTS.requestMs / 1000,
  );
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new UsageError('STUE_REQUEST_TIMEOUT_SECONDS must be a number of seconds above 0.');
  }
  const requestMs = Math.round(seconds * 1000);
  return { requestMs, headersMs: Math.min(DEFAULT_TIMEOUTS.headersMs, requestMs / 2) };
}

function retentionSettings() {
  const hours = Number(process.env.STUE_RETENTION_HOURS ?? 24);
  if (!Number.isFinite(hours) || hours < 0) {
    throw new UsageError('STUE_RETENTION_HOURS must be a number of hours (0 turns it off).');
  }
  try {
    return { policy: retentionFromEnv(process.env), everyMs: hours * 3_600_000 };
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

// Writes JSON to a new file (0600, readable by its owner only: it may hold personal data) or stdout.
function output(value: unknown, file: string | undefined) {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (!file) return void process.stdout.write(text);
  writePrivateFile(resolve(file), text);
  console.error(`Written to ${resolve(file)}`);
}

async function serve(demoFlag: boolean) {
  const setting = process.env.STUE_DEMO ?? (demoFlag ? '1' : '0');
  const demo = setting === 'accounts' ? 'accounts' : setting !== '0';
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
    retention: retentionSettings(),
    trustProxy: trustProxyFromEnv(),
    timeouts: timeoutsFromEnv(),
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
      out: { type: 'string' },
      partner: { type: 'string' },
      revoke: { type: 'string' },
      musician: { type: 'string' },
      phone: { type: 'string' },
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
    case 'restore': {
      if (!rest[0]) throw new UsageError('restore needs a backup file: stue-hub restore <file>');
      const outcome = await restoreDatabase(resolve(rest[0]), databaseLocation());
      console.log(
        [
          `Restored ${resolve(rest[0])} as ${shownLocation()}; integrity check ok.`,
          `Erasures made since the backup, applied again: ${outcome.reapplied}.`,
          ...(outcome.previous ? [`The replaced database is kept as ${outcome.previous}.`] : []),
        ].join('\n'),
      );
      return;
    }
    case 'erase':
    case 'export': {
      if (rest[0] !== 'person' || !rest[1]) {
        throw new UsageError(
          `${command} needs: stue-hub ${command} person <nomination id or reference>`,
        );
      }
      const wanted = rest[1];
      return withDatabase(async (db) => {
        const id = await resolveNominationId(db, wanted);
        if (!id) throw new Error('No nomination has that id or reference.');
        if (command === 'erase') {
          const outcome = await erasePerson(db, id, 'cli');
          if (outcome.kind !== 'erased') return console.log('Already erased.');
          const { removed, erasureId } = outcome.receipt;
          return console.log(
            `Erased (erasure ${erasureId}): ${removed.nominations} nomination, ` +
              `${removed.bookings} bookings, ${removed.deviceRecords} tablet records, ` +
              `${removed.consents} consents, ${removed.notes} notes, ` +
              `${removed.webhookDeliveries} webhook deliveries. The ids are on the re-erase list.`,
          );
        }
        const keyFile = join(dataDir(), 'hub-key.json');
        const hubKey =
          process.env.STUE_HUB_PRIVATE_KEY || existsSync(keyFile)
            ? await loadOrCreateHubKey(keyFile)
            : undefined;
        const everything = await exportPerson(db, id, hubKey);
        if (!everything) throw new Error('That nomination has been erased: nothing is held.');
        output(everything, values.out);
      });
    }
    case 'erasures': {
      if (rest[0] === 'export') {
        return withDatabase(async (db) => output(await erasureList(db), values.out));
      }
      if (rest[0] === 'apply' && rest[1]) {
        const list = JSON.parse(readFileSync(resolve(rest[1]), 'utf8')) as ErasureEntry[];
        if (!Array.isArray(list)) throw new UsageError(`${rest[1]} is not a re-erase list.`);
        const applied = await withDatabase((db) => reapplyErasures(db, list));
        return console.log(`Erasures applied again: ${applied.length}.`);
      }
      throw new UsageError('erasures needs: export [--out <file>] | apply <file>');
    }
    case 'retention': {
      const { policy } = retentionSettings();
      // Under the same lock as the hubs' own runs, so it never runs beside one of them.
      const outcome = await withDatabase((db) =>
        unlessRunningElsewhere(db, 'retention', () => runRetention(db, policy)),
      );
      if (!outcome.ran) {
        return console.log('Retention is running on another hub right now: nothing done here.');
      }
      const report = outcome.value;
      return console.log(
        `Retention: ${report.erasedNominations} nominations erased, ` +
          `${report.deletedFeedback} withdrawn feedback and ${report.deletedDeviceRecords} old tablet records deleted, ` +
          `${report.deletedSessions} sessions, ${report.deletedEnrolmentCodes} enrolment codes and ` +
          `${report.deletedWebhookDeliveries} finished webhook deliveries removed.`,
      );
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
        createCoordinator(db, {
          email: values.email!,
          name: values.name!,
          password,
          phone: values.phone,
        }),
      );
      return console.log(`Coordinator ${coordinator.email} created.`);
    }
    case 'enrolment-code': {
      if (rest[0] !== 'create' || !values.musician) {
        throw new UsageError('enrolment-code create needs --musician <id>.');
      }
      const made = await withDatabase((db) => createEnrolmentCode(db, values.musician!, 'cli'));
      if (!made) throw new UsageError(`There is no musician ${values.musician}.`);
      return console.log(
        `Enrolment code for the tablet (one use, until ${made.expiresAt}): ${made.code}`,
      );
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
