// The kiosk's two speed figures (issue 5), each beside a reference measured in the same run:
//
// - kiosk-cold-start: the app opened from the home screen with no network, to the hand-over
//   screen of a session in progress, in headless Chromium slowed 4× (CDP
//   `Emulation.setCPUThrottlingRate`), the service worker installed. Each run is a fresh browser
//   process on the same profile, so nothing but the service worker's cache and IndexedDB is warm.
//   Reference: a bare page precached by an equivalent service worker (Workbox's
//   `precacheAndRoute`, built as the kiosk's is, an ES module worker registered the same way),
//   a minimal HTML page and a tiny script that draws a heading and one big button, opened offline
//   in the same profile under the same conditions, to its heading on screen. Runs alternate
//   kiosk / reference; medians. A blank page's cold start is logged beside them.
// - kiosk-tap-save: from a tap on an answer to the commit of the draft it wrote (the `drafts`
//   store, strict durability), p95. Reference: a tap on a bare button in the same page whose
//   handler does one `idb` put with `durability: 'strict'`, measured the same way (a browser
//   draws the tapped frame before it delivers the commit, for the bare put as for the app).
//
// Both run a real hub (`pnpm build` first) and the machine's Chromium.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_LAUNCH_OPTIONS } from '../test/support/browser.ts';
import { newDataDir, removeDataDir, startHub, type TestHub } from '../test/support/hub.ts';
import { PIN, planToday } from '../test/support/planning.ts';
import { pageNumber } from './page-value.ts';
import { logSamples, median, percentile } from './stats.ts';

/** Cold starts per figure: the median is reported. */
const COLD_RUNS = 11;
/** Taps (and reference puts) per figure: the 95th percentile is reported. */
const TAPS = 40;
export const HAND_OVER = 'Giv tabletten til Inger og Bent';

// Waits until the last <h1> anywhere in the page, shadow roots included, reads `text`; answers
// the page's own clock (ms since the navigation started) at that moment. Runs in the page.
function whenHeading(
  page: Page,
  text: string,
  timeout = 30_000,
  polling: 'raf' | number = 'raf',
): Promise<number> {
  return page
    .waitForFunction(
      (wanted) => {
        const headings: string[] = [];
        const walk = (root: Document | ShadowRoot) => {
          for (const el of root.querySelectorAll('*')) {
            if (el.tagName === 'H1') headings.push(el.textContent?.trim() ?? '');
            if (el.shadowRoot) walk(el.shadowRoot);
          }
        };
        walk(document);
        return headings.at(-1) === wanted ? performance.now() : false;
      },
      text,
      { polling, timeout },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
}

// `polling`: how often to look for the next heading; the measured taps look every 50 ms, so that
// looking does not compete with the work being measured.
async function tap(
  page: Page,
  selector: string,
  next: string,
  polling: 'raf' | number = 'raf',
): Promise<void> {
  await page.locator(selector).first().click();
  await whenHeading(page, next, 30_000, polling);
}

async function typePin(page: Page): Promise<void> {
  for (const digit of PIN) await page.locator('.pad button', { hasText: digit }).first().click();
  await page.locator('.pad button', { hasText: 'OK' }).click();
}

/**
 * Enrols the kiosk in `page` with a fresh code, sets the PIN and starts the feedback session of
 * today's concert: the page ends on the hand-over screen, with the service worker active.
 */
export async function toHandOver(page: Page, hub: TestHub): Promise<void> {
  const plan = await planToday(hub.url);
  await page.goto(`${hub.url}/kiosk/`);
  await whenHeading(page, 'Denne tablet er ikke tilmeldt endnu');
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await tap(page, '[data-action="enrol"]', 'Tilmeld tabletten');
  await page.locator('#code').fill(plan.code);
  await page.locator('#name').fill('Signes tablet');
  await tap(page, 'button[type="submit"]', 'Tabletten er tilmeldt');
  await tap(page, '[data-action="continue"]', 'Vælg en PIN-kode til musikeren');
  await typePin(page);
  await whenHeading(page, 'Skriv PIN-koden igen');
  await typePin(page);
  await whenHeading(page, 'Dagens koncerter');
  await tap(page, `[data-booking="${plan.bookingId}"] [data-action="start"]`, HAND_OVER);
}

export async function withHub<T>(run: (hub: TestHub) => Promise<T>): Promise<T> {
  const dataDir = newDataDir();
  const hub = await startHub(dataDir);
  try {
    return await run(hub);
  } finally {
    await hub.stop();
    removeDataDir(dataDir);
  }
}

// In the page from its first script on: on every frame, looks for the last <h1> (shadow roots
// included) and notes the page's clock (ms since navigation start) when it first reads `wanted`.
// Measured in the page, so the harness's own round trips do not count.
export function noteHeading(wanted: string): void {
  const note = window as unknown as { __stueShown?: number };
  const look = () => {
    const headings: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.tagName === 'H1') headings.push(el.textContent?.trim() ?? '');
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    if (headings.at(-1) === wanted) note.__stueShown = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

// One cold start: a new browser process on `profile`, 4× slower CPU, no network, open `url`;
// answers the page's clock when `heading` was first on screen.
export async function coldStart(profile: string, url: string, heading: string): Promise<number> {
  const context: BrowserContext = await chromium.launchPersistentContext(profile, {
    ...CHROMIUM_LAUNCH_OPTIONS,
    viewport: { width: 1024, height: 768 },
  });
  try {
    await context.addInitScript(noteHeading, heading);
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await context.setOffline(true);
    await page.goto(url, { waitUntil: 'commit' });
    return await pageNumber(cdp, 'window.__stueShown');
  } finally {
    await context.close();
  }
}

export const REFERENCE_HEADING = 'Klar';

/**
 * The reference app: a minimal page and a tiny script that draws a heading and one big button and
 * registers a service worker built like the kiosk's (`workbox-precaching`'s `precacheAndRoute` of
 * every file with its revision, `directoryIndex`, an ES module worker with `updateViaCache:
 * 'none'`), bundled and minified. Answers the files by path.
 */
export async function referenceAppFiles(): Promise<Map<string, { type: string; body: string }>> {
  const page = `<!doctype html>
<html lang="da">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Stue</title>
    <script type="module" src="./app.js"></script>
  </head>
  <body></body>
</html>
`;
  const app = `const main = document.createElement('main');
const heading = document.createElement('h1');
heading.textContent = ${JSON.stringify(REFERENCE_HEADING)};
const button = document.createElement('button');
button.type = 'button';
button.textContent = 'Start';
button.style.cssText = 'font-size:2rem;min-width:16rem;min-height:5rem';
main.append(heading, button);
document.body.append(main);
void navigator.serviceWorker.register(new URL('sw.js', document.baseURI).href, {
  scope: './',
  type: 'module',
  updateViaCache: 'none',
});
`;
  const revision = (text: string) => createHash('md5').update(text).digest('hex');
  const manifest = [
    { url: 'index.html', revision: revision(page) },
    { url: 'app.js', revision: revision(app) },
  ];
  const worker = await build({
    stdin: {
      contents: `
        import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';
        precacheAndRoute(${JSON.stringify(manifest)}, {
          directoryIndex: 'index.html',
          ignoreURLParametersMatching: [/.*/],
        });
        cleanupOutdatedCaches();
        self.addEventListener('message', (event) => {
          if (event.data?.type === 'SKIP_WAITING') void self.skipWaiting();
        });`,
      resolveDir: fileURLToPath(new URL('../packages/kiosk/', import.meta.url)),
    },
    bundle: true,
    minify: true,
    format: 'esm',
    write: false,
    target: 'es2022',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return new Map([
    ['/ref/', { type: 'text/html; charset=utf-8', body: page }],
    ['/ref/index.html', { type: 'text/html; charset=utf-8', body: page }],
    ['/ref/app.js', { type: 'text/javascript; charset=utf-8', body: app }],
    ['/ref/sw.js', { type: 'text/javascript; charset=utf-8', body: worker.outputFiles[0]!.text }],
  ]);
}

/** Serves the reference app on 127.0.0.1 (a port of its own: an origin of its own). */
export async function serveReferenceApp(): Promise<{ url: string; server: Server }> {
  const files = await referenceAppFiles();
  const server = createServer((req, res) => {
    const file = files.get(new URL(req.url ?? '/', 'http://x').pathname);
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-cache' });
    res.end(file.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/ref/`, server };
}

/**
 * Installs the kiosk (enrolled, a session at hand-over) and the reference app in `profile`, online,
 * in one browser process; then `run` times cold starts offline.
 */
export async function withInstalledKiosk<T>(
  run: (urls: { kiosk: string; reference: string }, profile: string) => Promise<T>,
): Promise<T> {
  const profile = mkdtempSync(join(tmpdir(), 'stue-bench-profile-'));
  const { url: reference, server } = await serveReferenceApp();
  try {
    return await withHub(async (hub) => {
      const setup = await chromium.launchPersistentContext(profile, {
        ...CHROMIUM_LAUNCH_OPTIONS,
      });
      await toHandOver(setup.pages()[0] ?? (await setup.newPage()), hub);
      const page = await setup.newPage();
      await page.goto(reference);
      await whenHeading(page, REFERENCE_HEADING);
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await setup.close();
      return await run({ kiosk: `${hub.url}/kiosk/`, reference }, profile);
    });
  } finally {
    await new Promise((resolve) => server.close(resolve));
    rmSync(profile, { recursive: true, force: true });
  }
}

export async function kioskColdStart() {
  return withInstalledKiosk(async (urls, profile) => {
    // A page that is only a heading (a data: URL needs no network): logged, not the reference.
    const blank = `data:text/html,<!doctype html><title>Blank</title><h1>${encodeURIComponent('Blank')}</h1>`;
    const kiosk: number[] = [];
    const reference: number[] = [];
    const blanks: number[] = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      kiosk.push(await coldStart(profile, urls.kiosk, HAND_OVER));
      reference.push(await coldStart(profile, urls.reference, REFERENCE_HEADING));
      blanks.push(await coldStart(profile, blank, 'Blank'));
    }
    const value = median(kiosk);
    const referenceValue = median(reference);
    const round = (xs: number[]) => xs.map((x) => Math.round(x));
    console.log(
      `kiosk-cold-start: kiosk ${round(kiosk).join(', ')} ms; precached page ${round(reference).join(', ')} ms; blank page ${round(blanks).join(', ')} ms (median ${Math.round(median(blanks))} ms, kiosk ${(value / median(blanks)).toFixed(2)}× it)`,
    );
    return {
      name: 'kiosk-cold-start',
      value,
      unit: 'ms',
      reference: 'a bare page precached by an equivalent service worker, same conditions',
      referenceValue,
      goal: '<= 2x a bare precached page (offline, 4× CPU throttling, medians of 11)',
      met: value <= 2 * referenceValue,
    };
  });
}

// In the page before the app: the time of every tap, and of every commit of a write to `drafts`.
function recordTapsAndCommits(): void {
  const marks = { taps: [] as number[], commits: [] as number[] };
  (window as unknown as { __stueBench: typeof marks }).__stueBench = marks;
  window.addEventListener('click', () => marks.taps.push(performance.now()), { capture: true });
  const transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args) {
    const tx = transaction.apply(this, args);
    const stores = typeof args[0] === 'string' ? [args[0]] : [...args[0]];
    if (args[1] === 'readwrite' && stores.includes('drafts')) {
      tx.addEventListener('complete', () => marks.commits.push(performance.now()));
    }
    return tx;
  } as typeof transaction;
}

// A bare `idb` put with strict durability, bundled for the page: resolves with the put's time.
async function idbReferenceScript(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `
        import { openDB } from 'idb';
        let opened;
        window.__stueIdbReference = async (value) => {
          opened ??= openDB('stue-bench-reference', 1, {
            upgrade: (d) => d.createObjectStore('drafts'),
          });
          const db = await opened;
          const start = performance.now();
          const tx = db.transaction('drafts', 'readwrite', { durability: 'strict' });
          await tx.store.put(value, 'draft');
          await tx.done;
          return performance.now() - start;
        };`,
      resolveDir: fileURLToPath(new URL('../packages/core/', import.meta.url)),
    },
    bundle: true,
    format: 'iife',
    write: false,
    target: 'es2022',
  });
  return result.outputFiles[0]!.text;
}

export async function kioskTapSave() {
  return withHub(async (hub) => {
    const browser = await chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
    try {
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      await context.addInitScript(recordTapsAndCommits);
      const page = await context.newPage();
      await toHandOver(page, hub);
      await tap(page, '.primary', 'Hvem svarer nu?');
      await tap(page, '[data-role="host"]', 'Svarer du selv, eller får du hjælp?');
      await tap(page, '[data-help="false"]', 'Hvordan var besøget?');
      // The reference: a tap on a bare button whose handler puts a value of the draft's size with
      // `idb`, strict durability; one between each two taps on the app, measured the same way (tap
      // to the commit's complete event), so neither is measured warmer than the other.
      await page.evaluate(await idbReferenceScript());
      const draft = await page.evaluate(async () => {
        const request = indexedDB.open('stue');
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const all = await new Promise<unknown[]>((resolve, reject) => {
          const get = db.transaction('drafts').objectStore('drafts').getAll();
          get.onsuccess = () => resolve(get.result);
          get.onerror = () => reject(get.error);
        });
        db.close();
        return all[0] ?? {};
      });
      // A bare button beside the app whose tap does nothing but that put.
      await page.evaluate((value) => {
        const button = document.createElement('button');
        button.id = 'stue-bench-put';
        button.textContent = 'put';
        button.style.cssText = 'position:fixed;top:0;left:0;z-index:10000;width:3rem;height:3rem';
        button.addEventListener('click', () => {
          void (
            window as unknown as { __stueIdbReference: (v: unknown) => Promise<number> }
          ).__stueIdbReference(value);
        });
        document.body.append(button);
      }, draft);
      const saves: number[] = [];
      const reference: number[] = [];
      for (let i = 0; i < TAPS; i++) {
        // Alternate the answer, so every tap changes the draft.
        const option = i % 2 === 0 ? 'good' : 'in-between';
        const before = await page.evaluate(() => {
          const m = (window as unknown as { __stueBench: { taps: number[] } }).__stueBench;
          return m.taps.length;
        });
        await tap(page, `[data-option="${option}"]`, 'Hvad mærkede du under musikken?', 50);
        saves.push(
          await page.evaluate((index) => {
            const m = (window as unknown as { __stueBench: { taps: number[]; commits: number[] } })
              .__stueBench;
            const at = m.taps[index]!;
            const commit = m.commits.find((t) => t >= at);
            if (commit === undefined) throw new Error('the tap wrote no draft');
            return commit - at;
          }, before),
        );
        await tap(page, '[data-action="back"]', 'Hvordan var besøget?');
        const beforePut = await page.evaluate(() => {
          const m = (window as unknown as { __stueBench: { taps: number[] } }).__stueBench;
          return m.taps.length;
        });
        await page.locator('#stue-bench-put').click();
        reference.push(
          await page
            .waitForFunction(
              (index) => {
                const m = (
                  window as unknown as { __stueBench: { taps: number[]; commits: number[] } }
                ).__stueBench;
                const at = m.taps[index];
                const commit = at === undefined ? undefined : m.commits.find((t) => t >= at);
                return commit === undefined ? false : commit - at!;
              },
              beforePut,
              { polling: 50 },
            )
            .then((handle) => handle.jsonValue() as Promise<number>),
        );
      }
      await context.close();
      logSamples({ saves, reference });
      const value = percentile(saves, 95);
      const referenceValue = percentile(reference, 95);
      return {
        name: 'kiosk-tap-save',
        value,
        unit: 'ms',
        reference: "a tap on a bare button doing one idb put, durability 'strict' (p95)",
        referenceValue,
        goal: '<= 2× the bare put (p95 of 40 taps)',
        met: value <= 2 * referenceValue,
      };
    } finally {
      await browser.close();
    }
  });
}

export const kioskSpeedBenchmarks = {
  'kiosk-cold-start': kioskColdStart,
  'kiosk-tap-save': kioskTapSave,
};
