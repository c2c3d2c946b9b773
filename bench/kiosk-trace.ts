// `node bench/kiosk-trace.ts [RUNS] [--profile] [--tasks]`: where the kiosk's offline cold start
// spends its time, beside the bare precached page of `kiosk-cold-start`. Installs both as the
// benchmark does, then opens each offline in a fresh browser process at CPU ×4, recording a
// Chromium trace and, in the page, the service worker's start (navigation timing), every script's
// arrival, the IndexedDB open and each transaction, and the app element's definition. Prints the
// medians: the main thread's time by kind of work until the first screen, and the moments;
// `--tasks` lists each run's main-thread tasks, `--profile` its sampled functions. Run after
// `pnpm build`; not part of `pnpm bench`, whose figure it explains.
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_LAUNCH_OPTIONS } from '../test/support/browser.ts';
import { HAND_OVER, noteHeading, REFERENCE_HEADING, withInstalledKiosk } from './kiosk-speed.ts';
import { pageNumber } from './page-value.ts';
import { median } from './stats.ts';
import { pageMainThread, timeByKind, type TraceEvent } from './trace-events.ts';

// In the page from its first script on: the moments of the IndexedDB open, of each transaction
// (created, completed) and of the app element's definition, on the page's clock.
function noteMoments(): void {
  const moments: Record<string, number> = {};
  const transactions: { stores: string; start: number; end?: number }[] = [];
  (window as unknown as { __stueMoments: unknown }).__stueMoments = { moments, transactions };
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory, ...args) {
    moments['idb open called'] ??= performance.now();
    const request = open.apply(this, args);
    request.addEventListener('success', () => (moments['idb open done'] ??= performance.now()));
    return request;
  } as typeof open;
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args) {
    const tx = transaction.apply(this, args);
    const entry: (typeof transactions)[number] = {
      stores: [tx.objectStoreNames].flatMap((names) => [...names]).join('+'),
      start: performance.now(),
    };
    transactions.push(entry);
    tx.addEventListener('complete', () => (entry.end = performance.now()));
    return tx;
  } as typeof transaction;
  const define = CustomElementRegistry.prototype.define;
  CustomElementRegistry.prototype.define = function (this: CustomElementRegistry, ...args) {
    if (args[0] === 'stue-kiosk-app') moments['app element defined'] = performance.now();
    return define.apply(this, args);
  } as typeof define;
}

interface Run {
  shown: number;
  totals: Record<string, number>;
  moments: Record<string, number>;
  transactions: { stores: string; start: number; end?: number }[];
}

async function tracedColdStart(profile: string, url: string, heading: string): Promise<Run> {
  const origin = new URL(url).origin;
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    ...CHROMIUM_LAUNCH_OPTIONS,
    viewport: { width: 1024, height: 768 },
  });
  try {
    await context.addInitScript(noteHeading, heading);
    await context.addInitScript(noteMoments);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await context.setOffline(true);
    const events: TraceEvent[] = [];
    cdp.on('Tracing.dataCollected', (data) =>
      events.push(...(data.value as unknown as TraceEvent[])),
    );
    const complete = new Promise<void>((resolve) =>
      cdp.once('Tracing.tracingComplete', () => resolve()),
    );
    // The sampling profiler follows the renderer it starts in: with --profile, the renderer of
    // the page's origin is made first (a file of the app, from the service worker).
    if (PROFILE) {
      await page.goto(
        new URL(url.includes('/kiosk/') ? 'manifest.webmanifest' : 'app.js', url).href,
      );
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    await cdp.send('Tracing.start', {
      traceConfig: {
        includedCategories: [
          'devtools.timeline',
          'v8',
          'v8.execute',
          'loading',
          'blink.user_timing',
          ...(TASKS ? ['toplevel'] : []),
        ],
      },
      transferMode: 'ReportEvents',
    });
    await page.goto(url, { waitUntil: 'commit' });
    const shown = await pageNumber(cdp, 'window.__stueShown');
    const noted = await page.evaluate(() => {
      const m = (window as unknown as { __stueMoments: Omit<Run, 'shown' | 'totals'> })
        .__stueMoments;
      const [navigation] = performance.getEntriesByType(
        'navigation',
      ) as PerformanceNavigationTiming[];
      const moments: Record<string, number> = { ...m.moments };
      if (navigation) {
        moments['service worker started'] = navigation.workerStart;
        moments['page from the service worker'] = navigation.responseEnd;
        moments['page parsed (domInteractive)'] = navigation.domInteractive;
      }
      for (const entry of performance.getEntriesByType('resource') as PerformanceResourceTiming[]) {
        if (/\.(js|css)$/.test(entry.name)) {
          moments[`${entry.name.split('/').pop()!} arrived`] = entry.responseEnd;
        }
      }
      return { moments, transactions: m.transactions };
    });
    const profile = PROFILE
      ? ((await cdp.send('Profiler.stop')).profile as unknown as CpuProfile)
      : undefined;
    await cdp.send('Tracing.end');
    await complete;
    if (profile) printProfile(profile, shown);
    return { shown, totals: breakdown(shown, events, origin), ...noted };
  } finally {
    await context.close();
  }
}

/**
 * With `--tasks`: the main thread's tasks of 4 ms or more until the first screen, each with the
 * moment it began (ms after the HTML parse began) and the longest events inside it, in order.
 */
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

function printTasks(onMain: readonly TraceEvent[], start: number, end: number): void {
  const ms = (us: number) => (us / 1000).toFixed(1);
  for (const task of onMain) {
    const dur = task.dur ?? 0;
    if (!TASK_EVENTS.has(task.name) || dur < 4000 || task.ts > end) continue;
    const inside = onMain
      .filter((e) => e !== task && e.ts >= task.ts && e.ts < task.ts + dur && (e.dur ?? 0) > 1000)
      .slice(0, 8)
      .map(
        (e) =>
          `${e.name}${e.args?.data?.url ? ` (${e.args.data.url.split('/').pop()})` : ''} ${ms(e.dur!)}`,
      );
    console.log(`  task at ${ms(task.ts - start)} ms, ${ms(dur)} ms: ${inside.join(', ')}`);
  }
}

/** The renderer main thread's time by kind of work from the navigation to `shown`. */
function breakdown(shown: number, events: TraceEvent[], origin: string): Record<string, number> {
  const onMain = pageMainThread(events, origin);
  const start = onMain.find((event) => event.name === 'ParseHTML')?.ts;
  if (start === undefined) return {};
  const end = start + shown * 1000;
  if (TASKS) printTasks(onMain, start, end);
  return timeByKind(onMain, end);
}

function report(name: string, runs: Run[]): void {
  const med = (pick: (run: Run) => number | undefined) => {
    const values = runs.map(pick).filter((v): v is number => v !== undefined);
    return values.length ? median(values).toFixed(0).padStart(6) : '     –';
  };
  console.log(
    `${name}: first screen after ${med((run) => run.shown)} ms (median of ${runs.length})`,
  );
  console.log('  main thread until then:');
  for (const kind of [...new Set(runs.flatMap((run) => Object.keys(run.totals)))]) {
    console.log(`    ${kind.padEnd(34)} ${med((run) => run.totals[kind] ?? 0)} ms`);
  }
  console.log('  moments (page clock):');
  const moments = [...new Set(runs.flatMap((run) => Object.keys(run.moments)))];
  moments.sort((a, b) => Number(med((r) => r.moments[a])) - Number(med((r) => r.moments[b])));
  for (const moment of moments) {
    console.log(`    ${moment.padEnd(34)} ${med((run) => run.moments[moment])} ms`);
  }
  const count = Math.max(...runs.map((run) => run.transactions.length));
  for (let i = 0; i < count; i++) {
    const stores = runs.find((run) => run.transactions[i])!.transactions[i]!.stores;
    console.log(
      `    transaction ${String(i + 1).padStart(2)} (${stores})`.padEnd(38) +
        ` ${med((run) => run.transactions[i]?.start)} → ${med((run) => run.transactions[i]?.end)} ms`,
    );
  }
}

/**
 * With `--profile`: the sampled CPU profile of each run until the first screen, self time by
 * script and the functions that took most.
 */
interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

function printProfile(profile: CpuProfile, shown: number): void {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byScript = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let elapsed = 0;
  profile.samples.forEach((id, i) => {
    elapsed += profile.timeDeltas[i] ?? 0;
    if (elapsed / 1000 > shown + 500) return;
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const frame = nodes.get(id)!.callFrame;
    const script = frame.url ? frame.url.split('/').pop()! : `(${frame.functionName || 'native'})`;
    byScript.set(script, (byScript.get(script) ?? 0) + ms);
    const fn = `${script}:${frame.lineNumber}:${frame.columnNumber} ${frame.functionName || '(anonymous)'}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + ms);
  });
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((x, y) => y[1] - x[1])
      .slice(0, n)
      .map(([k, v]) => `    ${v.toFixed(1).padStart(7)} ms ${k}`);
  console.log(
    ['  self time by script:', ...top(byScript, 10), '  functions:', ...top(byFunction, 25)].join(
      '\n',
    ),
  );
}

const PROFILE = process.argv.includes('--profile');
const TASKS = process.argv.includes('--tasks');
const RUNS = Number(process.argv.find((arg) => /^\d+$/.test(arg)) ?? 5);
await withInstalledKiosk(async (urls, profile) => {
  const kiosk: Run[] = [];
  const reference: Run[] = [];
  for (let i = 0; i < RUNS; i++) {
    kiosk.push(await tracedColdStart(profile, urls.kiosk, HAND_OVER));
    reference.push(await tracedColdStart(profile, urls.reference, REFERENCE_HEADING));
  }
  console.log(`CPU ×4, offline, installed; noisy figures are for proportions, not goals.`);
  report('kiosk', kiosk);
  report('bare precached page', reference);
});
