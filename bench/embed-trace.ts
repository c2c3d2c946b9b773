// `node bench/embed-trace.ts [embed|lit|plain]`: where the embed's first step spends its time.
// Opens the embed page of `embed-interactive` at CPU ×4, records a Chromium trace until the first
// step is ready, and prints the main thread's time by kind of work (parse and compile, module
// evaluation, style, layout, paint) and the long tasks after it, with what each ran. Run after
// `pnpm build`; not part of `pnpm bench`, whose figures it explains.
import type { AddressInfo } from 'node:net';
import { launchBrowser } from '../test/support/browser.ts';
import { pageNumber } from './page-value.ts';
import { median } from './stats.ts';
import { CPU_SLOWDOWN, readyProbe, serveEmbedPages } from './embed-interactive.ts';
import { pageMainThread, timeByKind, type TraceEvent } from './trace-events.ts';

async function trace(url: string) {
  const browser = await launchBrowser();
  try {
    const tab = await browser.newPage();
    const cdp = await tab.context().newCDPSession(tab);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await tab.addInitScript(readyProbe);
    await browser.startTracing(tab, {
      categories: ['devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing', 'loading'],
    });
    await tab.goto(url, { waitUntil: 'commit' });
    const ready = await pageNumber(cdp, 'window.__ready');
    // Let whatever the widget does after its first step run (prefetching, idle work).
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const events = (
      JSON.parse((await browser.stopTracing()).toString()) as {
        traceEvents: TraceEvent[];
      }
    ).traceEvents;
    return { ready, events };
  } finally {
    await browser.close();
  }
}

const RUNS = 5;

/** The main thread's time by kind of work until the first step is ready, and long tasks after. */
function breakdown(url: string, ready: number, events: TraceEvent[]) {
  const onMain = pageMainThread(events, url);
  const navigation = onMain.find((event) => event.name === 'ParseHTML')?.ts ?? onMain[0]!.ts;
  const readyAt = navigation + ready * 1000;
  const totals: Record<string, number> = { ready, ...timeByKind(onMain, readyAt) };
  const long = onMain.filter(
    (event) => event.name === 'RunTask' && (event.dur ?? 0) > 50_000 && event.ts > readyAt,
  );
  // What each long task was busy with: its longest events inside, and the script each ran.
  const inside = (task: TraceEvent) =>
    onMain
      .filter((e) => e !== task && e.ts >= task.ts && e.ts < task.ts + task.dur! && e.dur! > 5000)
      .slice(0, 6)
      .map((e) => `${e.name}${e.args?.data?.url ? ` (${e.args.data.url.split('/').pop()})` : ''}`)
      .join(', ');
  return {
    totals,
    long: long.map((task) => ({
      ms: (task.dur ?? 0) / 1000,
      after: (task.ts - readyAt) / 1000,
      what: inside(task),
    })),
  };
}

const { server } = await serveEmbedPages();
try {
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const name = process.argv[2] ?? 'embed';
  const runs = [];
  for (let run = 0; run < RUNS; run += 1) {
    const url = `${base}/${name}.html`;
    const { ready, events } = await trace(url);
    runs.push(breakdown(url, ready, events));
  }
  const kinds = [...new Set(runs.flatMap((run) => Object.keys(run.totals)))];
  console.log(`${name}, medians of ${RUNS} runs at CPU ×${CPU_SLOWDOWN}:`);
  for (const kind of kinds) {
    const ms = median(runs.map((run) => run.totals[kind] ?? 0));
    const label = kind === 'ready' ? 'first step ready after' : kind;
    console.log(`  ${label.padEnd(26)} ${ms.toFixed(1).padStart(7)} ms`);
  }
  const long = runs.flatMap((run) => run.long);
  console.log(`tasks over 50 ms after the first step, in all runs: ${long.length}`);
  for (const task of long) {
    console.log(
      `  ${task.ms.toFixed(0)} ms, ${task.after.toFixed(0)} ms after the first step: ${task.what}`,
    );
  }
} finally {
  await new Promise((resolve) => server.close(resolve));
}
