import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { newDataDir, removeDataDir, startHub, type TestHub } from './support/hub.js';
import { untilHeading } from './support/kiosk.js';
import {
  continueEmpty,
  fillToReview,
  REFERENCE,
  sendAndWaitForReceipt,
} from './support/nomination-form.js';

// RELIABILITY S16: every page the hub serves has a strict Content-Security-Policy (no inline
// script or style, Trusted Types, never framed) and a Permissions-Policy that gives the camera to
// the kiosk alone. The console, the kiosk and the demo page work under them in a real browser,
// against a real hub, without one violation or console error.

let browser: Browser;
let hub: TestHub;
let dataDir: string;

beforeAll(async () => {
  dataDir = newDataDir();
  // The whole demo programme, so that the console's pages have something to show.
  [browser, hub] = await Promise.all([launchBrowser(), startHub(dataDir, { STUE_DEMO: '1' })]);
});
afterAll(async () => {
  await hub?.stop();
  await browser?.close();
  removeDataDir(dataDir);
});

interface Watched {
  context: BrowserContext;
  page: Page;
  /** Errors thrown on the page and errors written to its console. */
  problems: string[];
  /** The directives of the policy violations the page reported. */
  violations(): Promise<string[]>;
}

/** A new browser context whose pages record every policy violation from their first script. */
async function watched(): Promise<Watched> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener(
      'securitypolicyviolation',
      (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`.trim()),
      true,
    );
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    const text = `${message.text()} ${message.location().url}`;
    // Answers the apps expect and handle (not signed in yet: the session, and the inbox's first
    // page the console asks for beside it; the browser's own favicon request) are no problem of
    // the policy's.
    if (
      /status of 401 .*\/api\/v1\/(session|nominations\?[^ ]*)$|status of 404 .*\/favicon\.ico$/.test(
        text,
      )
    )
      return;
    if (message.type() === 'error') problems.push(`console: ${text}`);
  });
  const violations = () =>
    page.evaluate(() => (window as unknown as { violations: string[] }).violations);
  return { context, page, problems, violations };
}

/** Whether the page may use the camera under its Permissions-Policy. */
const mayUseCamera = (page: Page) =>
  page.evaluate(() => {
    const policy =
      (
        document as unknown as {
          featurePolicy?: { allowsFeature(feature: string): boolean };
          permissionsPolicy?: { allowsFeature(feature: string): boolean };
        }
      ).permissionsPolicy ??
      (document as unknown as { featurePolicy?: { allowsFeature(feature: string): boolean } })
        .featurePolicy;
    return policy?.allowsFeature('camera');
  });

/**
 * Proves the watcher watches and the policies are in force: an inline style is refused, and so
 * is a string given to `innerHTML` (Trusted Types).
 */
async function expectPolicyInForce({ page, violations }: Watched) {
  await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
  await page.evaluate(() => {
    try {
      document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
    } catch {
      // Trusted Types throws; the violation is what counts here.
    }
  });
  await expect
    .poll(async () => (await violations()).map((v) => v.split(' ')[0]))
    .toEqual(['style-src-attr', 'require-trusted-types-for']);
}

/**
 * How each page's test ends: no violation and no problem on the way, the camera allowed or not
 * as `camera` says, and the policies still in force; then the context is closed.
 */
async function expectCleanAndClose(watch: Watched, { camera }: { camera: boolean }) {
  expect(await watch.violations()).toEqual([]);
  expect(watch.problems).toEqual([]);
  expect(await mayUseCamera(watch.page)).toBe(camera);
  await expectPolicyInForce(watch);
  await watch.context.close();
}

describe('the pages the hub serves, under their own policies', () => {
  it('the console: every page, signed in, without a violation; no camera', async () => {
    const watch = await watched();
    const { page } = watch;
    const response = await page.goto(`${hub.url}/console/`);
    expect(response?.headers()['content-security-policy']).toContain(
      "require-trusted-types-for 'script'",
    );
    await signInToConsole(page, hub.url);
    for (const route of [
      'inbox',
      'planning',
      'tasks',
      'musicians',
      'tour-days',
      'devices',
      'reports',
      'partners',
    ]) {
      await page.goto(`${hub.url}/console/#/${route}`);
      await expect.poll(() => page.locator('main h1').count(), { message: route }).toBe(1);
      await page.waitForLoadState('networkidle');
    }
    // One nomination, opened from the inbox.
    await page.goto(`${hub.url}/console/#/inbox`);
    const first = page.getByRole('link', { name: REFERENCE }).first();
    await expect.poll(() => first.count()).toBe(1);
    await first.click();
    await expect.poll(() => page.locator('main h1').textContent()).toMatch(REFERENCE);
    await page.waitForLoadState('networkidle');

    await expectCleanAndClose(watch, { camera: false });
  });

  it('the kiosk: starts, registers its service worker and offers enrolment, without a violation; it may use the camera', async () => {
    const watch = await watched();
    const { page, violations } = watch;
    const response = await page.goto(`${hub.url}/kiosk/`);
    expect(response?.headers()['permissions-policy']).toContain('camera=(self)');
    await untilHeading(page, 'Denne tablet er ikke tilmeldt endnu');
    // The service worker's script URL goes through the kiosk's own Trusted Types policy.
    expect(
      await page.evaluate(() =>
        Promise.race([
          navigator.serviceWorker.ready.then(() => 'ready'),
          new Promise((resolve) => setTimeout(() => resolve('not registered'), 10_000)),
        ]),
      ),
      (await violations()).join('\n'),
    ).toBe('ready');
    await page.locator('[data-action="enrol"]').click();
    await untilHeading(page, 'Tilmeld tabletten');
    await page.locator('button[type="submit"]').click();
    await expect.poll(() => page.locator('.error-summary').count()).toBe(1);
    // A reload starts from the service worker.
    await page.reload();
    await untilHeading(page, 'Denne tablet er ikke tilmeldt endnu');

    await expectCleanAndClose(watch, { camera: true });
  });

  it('the demo page: the embed renders, validates and sends, without a violation; no camera', async () => {
    const watch = await watched();
    const { page } = watch;
    const response = await page.goto(`${hub.url}/`);
    expect(response?.headers()['content-security-policy']).toContain("style-src 'self'");
    // The page's own style, from its stylesheet.
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.body).backgroundColor))
      .toBe('rgb(250, 247, 242)');
    const form = page.locator('stue-nomination-form');
    await continueEmpty(page);
    await form.getByRole('button', { name: 'Tilbage' }).click();
    await fillToReview(page);
    expect(await sendAndWaitForReceipt(page)).toMatch(REFERENCE);

    await expectCleanAndClose(watch, { camera: false });
  });
});
