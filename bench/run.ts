// `pnpm bench [NAME…]`: each benchmark prints its figure beside a reference measured in the same
// run, and all figures go to .stue/bench/results.json for scripts. Run after `pnpm build`.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { Bench } from 'tinybench';
import { newId, validateNomination } from '../packages/core/dist/index.js';
import {
  createApp,
  openDatabase,
  seedDemo,
  exampleNomination,
} from '../packages/hub/dist/index.js';
import {
  CORE_NOMINATION_CEILING,
  embedSizes,
  gzipSizeOfFile,
  gzipSizeOfImport,
  kioskDownloadSize,
} from '../test/support/bundle-size.ts';
import { consoleBenchmarks } from './console-inbox.ts';
import { embedInteractive, embedLongTasks } from './embed-interactive.ts';
import { embedSizePeers } from './embed-size-peers.ts';
import { hubBodyFloodBenchmarks } from './hub-body-flood.ts';
import { hubLoadBenchmarks } from './hub-ingest.ts';
import { kioskSpeedBenchmarks } from './kiosk-speed.ts';
import { schedulerBenchmarks } from './scheduler.ts';

interface Result {
  name: string;
  value: number;
  unit: string;
  reference: string;
  referenceValue: number;
  ratio: number;
  goal: string;
  met: boolean;
}

type Benchmark = () => Promise<Omit<Result, 'ratio'>>;

// Mean operations per second of each task; a task that failed stops the run.
async function opsPerSecond(
  tasks: Record<string, () => unknown>,
  time = 1000,
): Promise<Record<string, number>> {
  const bench = new Bench({ time, warmupTime: 200 });
  for (const [name, fn] of Object.entries(tasks)) bench.add(name, fn);
  await bench.run();
  return Object.fromEntries(
    bench.tasks.map((task) => {
      const result = task.result;
      if (result.state !== 'completed')
        throw new Error(`${task.name}: ${result.state}`, { cause: result });
      return [task.name, result.throughput.mean];
    }),
  );
}

const litAlone = () =>
  gzipSizeOfImport(
    `import { LitElement, html, css } from 'lit'; console.log(LitElement, html, css);`,
  );

const benchmarks: Record<string, Benchmark> = {
  // What the embed's visitors download before its first step can be used, and everything any
  // path can load, against Lit alone (the floor any Lit element pays).
  'embed-size': async () => {
    const { critical } = embedSizes();
    return {
      name: 'embed-size',
      value: critical,
      unit: 'bytes gzip before the first step',
      reference: 'lit alone',
      referenceValue: await litAlone(),
      goal: '<= 16384 bytes gzip',
      met: critical <= 16 * 1024,
    };
  },
  'embed-whole-size': async () => {
    const { whole } = embedSizes();
    return {
      name: 'embed-whole-size',
      value: whole,
      unit: 'bytes gzip, every chunk',
      reference: 'lit alone',
      referenceValue: await litAlone(),
      goal: '<= 28672 bytes gzip',
      met: whole <= 28 * 1024,
    };
  },

  // What a page pays to validate and send nominations with @stue/core, against zod/mini alone
  // validating one small object (the floor of any zod-based validation in a browser).
  'core-nomination-size': async () => {
    const value = await gzipSizeOfImport(
      `import { validateNomination, nominationIssueMessage } from '@stue/core';
       import { submitNomination } from '@stue/core/client';
       console.log(submitNomination, validateNomination, nominationIssueMessage);`,
    );
    const zodAlone = await gzipSizeOfImport(
      `import * as z from 'zod/mini';
       console.log(z.safeParse(z.strictObject({ name: z.string().check(z.minLength(1)) }), {}));`,
      'packages/core',
    );
    return {
      name: 'core-nomination-size',
      value,
      unit: 'bytes gzip',
      reference: 'zod/mini validating one object',
      referenceValue: zodAlone,
      goal: `<= ${Math.floor(CORE_NOMINATION_CEILING)} bytes gzip (the size test ceiling)`,
      met: value <= CORE_NOMINATION_CEILING,
    };
  },

  // Everything a tablet downloads for the kiosk (issue 5's budget: 80 KB), against the console,
  // the other app the hub serves, measured the same way for its scripts.
  'kiosk-size': async () => {
    const value = kioskDownloadSize();
    const assets = new URL('../packages/console/dist/assets/', import.meta.url);
    const consoleScripts = readdirSync(assets)
      .filter((file) => file.endsWith('.js'))
      .reduce((sum, file) => sum + gzipSizeOfFile(new URL(file, assets)), 0);
    return {
      name: 'kiosk-size',
      value,
      unit: 'bytes gzip',
      reference: 'the console’s scripts',
      referenceValue: consoleScripts,
      goal: '<= 81920 bytes gzip',
      met: value <= 80 * 1024,
    };
  },

  // The embed beside peers' embed loaders, bundled and gzipped in the same run.
  'embed-size-peers': embedSizePeers,

  // The embed's first step ready to use, against a bare Lit element, both over a plain HTML form
  // on the same page (CPU ×4); then the longest task the embed runs after it.
  'embed-interactive': embedInteractive,
  'embed-long-tasks': embedLongTasks,

  // Validating and normalising one nomination, against a JSON round trip of the same payload.
  'validate-nomination': async () => {
    const body = { ...exampleNomination, id: newId() };
    if (!validateNomination(body).ok) throw new Error('The example nomination is not valid');
    const ops = await opsPerSecond({
      validate: () => validateNomination(body),
      json: () => JSON.parse(JSON.stringify(body)),
    });
    return {
      name: 'validate-nomination',
      value: ops.validate!,
      unit: 'ops/s',
      reference: 'JSON round trip',
      referenceValue: ops.json!,
      goal: '>= 10000 ops/s',
      met: ops.validate! >= 10_000,
    };
  },

  // A nomination received and committed (validation, dedupe, audit, fsync'd SQLite in WAL),
  // against the health check through the same app: the cost of the work itself.
  'hub-nomination-write': async () => {
    const dir = `.stue/bench/db-${process.pid}`;
    const db = await openDatabase(`${dir}/stue.sqlite`);
    await seedDemo(db);
    const unlimited = { limit: Number.MAX_SAFE_INTEGER, windowMs: 60_000 };
    const app = createApp({ db, limits: { perPartner: unlimited, perAddress: unlimited } });
    const headers = { authorization: 'Bearer pk_demo', 'content-type': 'application/json' };
    const ops = await opsPerSecond(
      {
        write: async () => {
          const res = await app.request('/api/v1/nominations', {
            method: 'POST',
            headers,
            body: JSON.stringify({ ...exampleNomination, id: newId() }),
          });
          if (res.status !== 201) throw new Error(`status ${res.status}`);
        },
        health: () => app.request('/api/health'),
      },
      2000,
    );
    await db.destroy();
    rmSync(dir, { recursive: true, force: true });
    return {
      name: 'hub-nomination-write',
      value: ops.write!,
      unit: 'ops/s',
      reference: 'GET /api/health',
      referenceValue: ops.health!,
      goal: '>= 200 ops/s',
      met: ops.write! >= 200,
    };
  },
};

Object.assign(
  benchmarks,
  schedulerBenchmarks,
  hubLoadBenchmarks,
  hubBodyFloodBenchmarks,
  kioskSpeedBenchmarks,
  consoleBenchmarks,
);

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in benchmarks));
if (unknown.length > 0) {
  console.error(
    `Unknown benchmark: ${unknown.join(', ')}. Known: ${Object.keys(benchmarks).join(', ')}`,
  );
  process.exit(2);
}

const results: Result[] = [];
for (const [name, run] of Object.entries(benchmarks)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  const result = await run();
  results.push({ ...result, ratio: result.value / result.referenceValue });
}

const fmt = (n: number) => (n >= 1000 ? Math.round(n).toLocaleString('en') : n.toFixed(2));
console.table(
  results.map((r) => ({
    benchmark: r.name,
    figure: `${fmt(r.value)} ${r.unit}`,
    reference: `${fmt(r.referenceValue)} ${r.unit} (${r.reference})`,
    ratio: r.ratio.toFixed(2),
    goal: r.goal,
    met: r.met ? 'yes' : 'NO',
  })),
);
mkdirSync('.stue/bench', { recursive: true });
writeFileSync('.stue/bench/results.json', `${JSON.stringify(results, null, 2)}\n`);
console.log('Written to .stue/bench/results.json');
