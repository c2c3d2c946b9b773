import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { launchBrowser } from './support/browser.js';
import { newDataDir, removeDataDir, startHub, type TestHub } from './support/hub.js';
import { PIN, planToday, tapThen, typePin, untilHeading } from './support/kiosk.js';

// Screenshots of every kiosk screen, landscape (1024×768) and portrait (768×1024), for
// docs/kiosk.md and for looking at. Not part of the suite: STUE_SCREENSHOTS=1 runs it.
//   STUE_SCREENSHOTS=1 npx vitest run --config test/vitest.config.ts test/kiosk-screenshots.test.ts

const out = fileURLToPath(new URL('../docs/images/kiosk/', import.meta.url));
const SIZES = {
  landscape: { width: 1024, height: 768 },
  portrait: { width: 768, height: 1024 },
} as const;

let browser: Browser;
let hub: TestHub;
let dataDir: string;

describe.skipIf(!process.env['STUE_SCREENSHOTS'])('kiosk screenshots', () => {
  beforeAll(async () => {
    mkdirSync(out, { recursive: true });
    dataDir = newDataDir();
    [browser, hub] = await Promise.all([launchBrowser(), startHub(dataDir)]);
  });
  afterAll(async () => {
    await hub?.stop();
    await browser?.close();
    if (dataDir) removeDataDir(dataDir);
  });

  // `full`: the whole page, for the musician's long, scrolling screens (by default what a tablet
  // shows at once, from the top).
  async function shoot(page: Page, name: string, { full = false } = {}): Promise<void> {
    for (const [orientation, size] of Object.entries(SIZES)) {
      await page.setViewportSize(size);
      // Let the layout settle, and leave no caret or focus ring that a finger would not leave.
      await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        window.scrollTo(0, 0);
      });
      await page.waitForTimeout(150);
      await page.screenshot({ path: `${out}${name}-${orientation}.png`, fullPage: full });
    }
    await page.setViewportSize(SIZES.landscape);
  }

  it('takes every screen', async () => {
    const plan = await planToday(hub.url);
    const context = await browser.newContext({ viewport: SIZES.landscape, deviceScaleFactor: 1 });
    // Headless Chromium has no voices; a tablet with a Danish voice shows "Læs op".
    await context.addInitScript(() => {
      const voice = {
        lang: 'da-DK',
        name: 'Dansk',
        default: true,
        localService: true,
        voiceURI: 'da',
      };
      Object.defineProperty(window, 'speechSynthesis', {
        configurable: true,
        value: {
          getVoices: () => [voice],
          speak: () => undefined,
          cancel: () => undefined,
          addEventListener: () => undefined,
          removeEventListener: () => undefined,
        },
      });
    });
    const page = await context.newPage();
    await page.goto(`${hub.url}/kiosk/`);
    await untilHeading(page, 'Denne tablet er ikke tilmeldt endnu');
    await shoot(page, '01-not-enrolled');

    await page.locator('[data-action="enrol"]').click();
    await untilHeading(page, 'Tilmeld tabletten');
    await page.locator('#code').fill(plan.code);
    await page.locator('#name').fill('Signes tablet');
    await shoot(page, '02-enrol');
    await page.locator('button[type="submit"]').click();
    await untilHeading(page, 'Tabletten er tilmeldt');
    await shoot(page, '03-enrolled');

    await page.locator('[data-action="continue"]').click();
    await untilHeading(page, 'Vælg en PIN-kode til musikeren');
    await page.locator('.pad button', { hasText: '2' }).first().click();
    await page.locator('.pad button', { hasText: '4' }).first().click();
    await shoot(page, '04-choose-pin');
    await page.locator('.pad button', { hasText: '6' }).first().click();
    await page.locator('.pad button', { hasText: '8' }).first().click();
    await page.locator('.pad button', { hasText: 'OK' }).click();
    await untilHeading(page, 'Skriv PIN-koden igen');
    await typePin(page, PIN);
    await untilHeading(page, 'Dagens koncerter');
    await page.locator(`[data-booking="${plan.bookingId}"]`).waitFor();
    await shoot(page, '05-musician-day', { full: true });

    await page.locator(`[data-booking="${plan.bookingId}"] [data-action="start"]`).click();
    await untilHeading(page, 'Giv tabletten til Inger og Bent');
    await shoot(page, '06-hand-over');
    await tapThen(page, '.primary', 'Hvem svarer nu?');
    await shoot(page, '07-who-answers');
    await tapThen(page, '[data-role="host"]', 'Svarer du selv, eller får du hjælp?');
    await shoot(page, '08-with-help');
    await tapThen(page, '[data-help="false"]', 'Hvordan var besøget?');
    await shoot(page, '09-question-visit');
    await tapThen(page, '[data-option="good"]', 'Hvad mærkede du under musikken?');
    await page.locator('[data-option="moved"]').click();
    await page.locator('[data-option="reminded"]').click();
    await page.waitForTimeout(200);
    await shoot(page, '10-question-feelings');
    await tapThen(page, '[data-action="next"]', 'Følte du dig set?');
    await shoot(page, '11-question-seen');
    await tapThen(page, '[data-option="yes"]', 'Delte du oplevelsen med din besøgsven?');
    await tapThen(page, '[data-option="yes"]', 'Fik du noget at tale om bagefter?');
    await tapThen(page, '[data-option="a-little"]', 'Vil du gerne have besøg igen?');
    await shoot(page, '12-question-another-visit');
    await tapThen(page, '[data-option="yes"]', 'Tusind tak!');
    await shoot(page, '13-thank-you');
    await tapThen(page, '[data-action="done"]', 'Tabletten er klar');
    await shoot(page, '14-ready');

    await page.locator('[data-action="unlock"]').click();
    await untilHeading(page, 'Musikerens PIN-kode');
    await shoot(page, '15-pin');
    await typePin(page, PIN);
    await untilHeading(page, 'Dagens koncerter');
    await page.locator(`[data-booking="${plan.bookingId}"] [data-action="debrief"]`).click();
    await untilHeading(page, 'Din evaluering');
    await page.locator('[data-outcome="mixed"]').click();
    await page.locator('[data-answer="hard-yes"]').click();
    await page.locator('#hard').fill('Radioen spillede i køkkenet.');
    await page.locator('[data-answer="call-no"]').click();
    await shoot(page, '16-debrief', { full: true });
    await page.locator('button[type="submit"]').click();
    await untilHeading(page, 'Dagens koncerter');
    await page.waitForTimeout(500);
    await shoot(page, '17-musician-day-after', { full: true });
    const card = `[data-booking="${plan.bookingId}"]`;
    await page.locator(`${card} [data-action="cancel-at-door"]`).click();
    await page.locator(`${card} [data-reason="nobody-home"]`).click();
    await shoot(page, '18-cancelled-at-door', { full: true });
    await page.locator(`${card} [data-action="report-cancelled"]`).click();
    await page.locator(`${card} [data-cancelled]`).waitFor();
    await shoot(page, '19-reported-cancelled', { full: true });
    await context.close();
  });
});
