// `console-inbox` (issue 17, goal 3): the console's inbox usable after a cold load, against the
// console's sign-in page alone, in the same run. A real hub (`pnpm build` first) with the demo
// programme and a working week's nominations from the demo partner; headless Chromium with the CPU
// slowed 4× (CDP `Emulation.setCPUThrottlingRate`), over loopback. Every load is a fresh browser
// context (empty cache), the two pages in turn:
//
// - the inbox for a signed-in coordinator (the session cookie is in the context: the coordinator
//   signed in once, outside the timed part), to *usable*: its table drawn with its rows, and its
//   filter form's controls (status boxes, partner, municipality, waiting time, "Filtrér") drawn;
// - the reference, the sign-in page for nobody signed in, to its form usable (e-mail, password and
//   "Log ind" drawn).
//
// Both are timed in the page, on its own clock from the navigation's start to the first frame
// after it is usable. `STUE_BENCH_VERBOSE=1` prints every run.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { exampleNomination } from '../packages/hub/dist/index.js';
import { newId } from '../packages/core/dist/index.js';
import { launchBrowser } from '../test/support/browser.ts';
import { newDataDir, removeDataDir, startHub, type TestHub } from '../test/support/hub.ts';
import { pageNumber } from './page-value.ts';
import { logSamples, median } from './stats.ts';

/** Cold loads of each page: the medians are compared. */
const RUNS = 9;
export const CPU_SLOWDOWN = 4;
const GOAL = 2;
/**
 * Nominations the demo partner sends beside the demo programme's, so the inbox has a week's work.
 */
export const EXTRA_NOMINATIONS = 25;

export type Storage = Awaited<ReturnType<BrowserContext['storageState']>>;

/**
 * Runs in the page before its scripts: on every frame, looks through the console's shadow roots
 * for what `want` names, and notes the page's clock on `window.__usable` in the frame after the
 * first one that shows it (the frame that drew it).
 */
function noteUsable(want: 'inbox' | 'sign-in'): void {
  const w = window as unknown as { __usable?: number };
  const app = () => document.querySelector('stue-console-app')?.shadowRoot;
  const inboxUsable = () => {
    const root = app()?.querySelector('stue-inbox-page')?.shadowRoot;
    const form = root?.querySelector('form');
    if (!root || !form) return false;
    const rows = root.querySelectorAll('table tbody tr').length;
    return (
      rows > 0 &&
      form.querySelectorAll('input[type=checkbox][name=status]').length > 0 &&
      ['partner', 'municipality', 'waiting'].every((name) =>
        form.querySelector(`select[name=${name}]`),
      ) &&
      form.querySelector('button[type=submit]') !== null
    );
  };
  const signInUsable = () => {
    const form = app()?.querySelector('stue-sign-in-page')?.shadowRoot?.querySelector('form');
    return Boolean(
      form?.querySelector('input#email') &&
      form.querySelector('input#password') &&
      form.querySelector('button[type=submit]'),
    );
  };
  const look = () => {
    if (want === 'inbox' ? inboxUsable() : signInUsable()) {
      requestAnimationFrame(() => (w.__usable = performance.now()));
    } else {
      requestAnimationFrame(look);
    }
  };
  requestAnimationFrame(look);
}

/**
 * One cold load of `url` in a fresh context (with `storage`'s cookie, if any): its time to usable.
 * `around` may look at the page before the load (`before`) and once it is usable (`after`), as
 * `bench/console-trace.ts` does.
 */
export async function coldLoad(
  browser: Browser,
  url: string,
  want: 'inbox' | 'sign-in',
  storage?: Storage,
  around: { before?: (page: Page) => Promise<void>; after?: (page: Page) => Promise<void> } = {},
): Promise<number> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    ...(storage ? { storageState: storage } : {}),
  });
  try {
    await context.addInitScript(noteUsable, want);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    await around.before?.(page);
    await page.goto(url, { waitUntil: 'commit' });
    const usable = await pageNumber(cdp, 'window.__usable', 60_000);
    await around.after?.(page);
    return usable;
  } finally {
    await context.close();
  }
}

/** The demo partner sends `count` nominations, as its website's form would. */
export async function sendNominations(hub: TestHub, count: number): Promise<void> {
  for (let i = 0; i < count; i += 1) {
    const res = await fetch(`${hub.url}/api/v1/nominations`, {
      method: 'POST',
      headers: { authorization: 'Bearer pk_demo', 'content-type': 'application/json' },
      body: JSON.stringify({ ...exampleNomination, id: newId() }),
    });
    if (res.status !== 201) throw new Error(`a nomination was refused: ${res.status}`);
  }
}

/** Signs the demo coordinator in once, and answers the context's storage (its session cookie). */
export async function signedIn(browser: Browser, hub: TestHub): Promise<Storage> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${hub.url}/console/`);
    await page.getByLabel('E-mail').fill('koordinator@demo.stue.dk');
    await page.getByLabel('Adgangskode').fill('stue-demo-koordinator');
    await page.getByRole('button', { name: 'Log ind' }).click();
    await page.getByText('Logget ind som Demo Koordinator').waitFor();
    return await context.storageState();
  } finally {
    await context.close();
  }
}

export async function consoleInbox() {
  const dataDir = newDataDir();
  const hub = await startHub(dataDir, { STUE_DEMO: '1' });
  const browser = await launchBrowser();
  try {
    await sendNominations(hub, EXTRA_NOMINATIONS);
    const storage = await signedIn(browser, hub);
    const url = `${hub.url}/console/`;
    // One of each first, not counted: the hub's first answers and the browser's first process.
    await coldLoad(browser, `${url}#/inbox`, 'inbox', storage);
    await coldLoad(browser, url, 'sign-in');
    const inbox: number[] = [];
    const signIn: number[] = [];
    for (let i = 0; i < RUNS; i += 1) {
      inbox.push(await coldLoad(browser, `${url}#/inbox`, 'inbox', storage));
      signIn.push(await coldLoad(browser, url, 'sign-in'));
    }
    logSamples({ inbox, signIn });
    const value = median(inbox);
    const referenceValue = median(signIn);
    return {
      name: 'console-inbox',
      value,
      unit: 'ms',
      reference: 'the sign-in page alone, same conditions',
      referenceValue,
      goal: `<= ${GOAL}× the sign-in page (cold, CPU ×${CPU_SLOWDOWN}, medians of ${RUNS})`,
      met: value <= GOAL * referenceValue,
    };
  } finally {
    await browser.close();
    await hub.stop();
    removeDataDir(dataDir);
  }
}

export const consoleBenchmarks = { 'console-inbox': consoleInbox };
