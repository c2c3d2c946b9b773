// `node bench/console-trace.ts [inbox|sign-in]`: where the console's cold load spends its time, for
// the two pages `console-inbox` compares. Loads the page as that benchmark does (real hub, fresh
// context, CPU ×4), records a Chromium trace until it is usable, and prints, as medians of five
// runs: when each request started and ended (the waterfall: page, entry chunk, session check, page
// chunk, list…) and the main thread's time by kind of work before usable. Run after `pnpm build`;
// not part of `pnpm bench`, whose figure it explains.
import { launchBrowser } from '../test/support/browser.ts';
import { newDataDir, removeDataDir, startHub } from '../test/support/hub.ts';
import { coldLoad, EXTRA_NOMINATIONS, sendNominations, signedIn } from './console-inbox.ts';
import { median } from './stats.ts';
import { KINDS, pageMainThread, timeByKind, type TraceEvent } from './trace-events.ts';

const RUNS = 5;
const want = process.argv[2] === 'sign-in' ? 'sign-in' : 'inbox';

/** A request's name without the build's content hash. */
const short = (url: string) => {
  const { pathname } = new URL(url);
  return pathname.replace(/-[\w-]{8}\.(js|css)$/, '.$1');
};

const dataDir = newDataDir();
const hub = await startHub(dataDir, { STUE_DEMO: '1' });
const browser = await launchBrowser();
try {
  await sendNominations(hub, EXTRA_NOMINATIONS);
  const storage = want === 'inbox' ? await signedIn(browser, hub) : undefined;
  const url = `${hub.url}/console/${want === 'inbox' ? '#/inbox' : ''}`;
  const requests = new Map<string, { start: number[]; end: number[] }>();
  const kinds = new Map<string, number[]>();
  const usable: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    let timings: { name: string; start: number; end: number }[] = [];
    let events: TraceEvent[] = [];
    const ready = await coldLoad(browser, url, want, storage, {
      before: (page) =>
        browser.startTracing(page, {
          categories: ['devtools.timeline', 'v8', 'v8.execute', 'loading', 'blink.user_timing'],
        }),
      after: async (page) => {
        timings = await page.evaluate(() =>
          [
            ...performance.getEntriesByType('navigation'),
            ...performance.getEntriesByType('resource'),
          ].map((entry) => ({
            name: entry.name,
            start: entry.startTime,
            end: (entry as PerformanceResourceTiming).responseEnd,
          })),
        );
        events = (
          JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }
        ).traceEvents;
      },
    });
    usable.push(ready);
    for (const { name, start, end } of timings) {
      const key = short(name);
      const seen = requests.get(key) ?? { start: [], end: [] };
      seen.start.push(start);
      seen.end.push(end);
      requests.set(key, seen);
    }
    // The page's clock starts at the navigation's start.
    const onMain = pageMainThread(events, hub.url);
    const pid = onMain[0]?.pid;
    const start =
      events.find((event) => event.name === 'navigationStart' && event.pid === pid)?.ts ??
      onMain[0]?.ts ??
      0;
    const totals = timeByKind(onMain, start + ready * 1000);
    for (const kind of new Set(Object.values(KINDS))) {
      kinds.set(kind, [...(kinds.get(kind) ?? []), totals[kind] ?? 0]);
    }
  }
  const ms = (n: number) => `${n.toFixed(0).padStart(6)} ms`;
  console.log(
    `${want}, medians of ${RUNS} cold loads at CPU ×4; usable after ${ms(median(usable))}`,
  );
  console.log('requests (start → end, on the page’s clock):');
  const rows = [...requests].sort((a, b) => median(a[1].start) - median(b[1].start));
  for (const [name, { start, end }] of rows) {
    console.log(`  ${name.padEnd(44)} ${ms(median(start))} → ${ms(median(end))}`);
  }
  console.log('main thread before usable:');
  for (const [kind, values] of kinds) console.log(`  ${kind.padEnd(26)} ${ms(median(values))}`);
} finally {
  await browser.close();
  await hub.stop();
  removeDataDir(dataDir);
}
