// `node packages/elements/scripts/screenshots.ts [out-dir]`: screenshots of the nomination form on
// the hub's demo page, for looking at it: every step on a desktop and a 375 px phone, errors, the
// review, the receipt, English, and a 320 px window. It starts its own hub (free port, temporary
// data folder) and stops it. Run after building the elements (`npx rollup -c`) and the hub.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../../../test/support/browser.ts';
import { newDataDir, removeDataDir, startHub } from '../../../test/support/hub.ts';

const out = resolve(process.argv[2] ?? '.stue/screenshots');
mkdirSync(out, { recursive: true });

const dataDir = newDataDir();
const [browser, hub] = await Promise.all([launchBrowser(), startHub(dataDir)]);

async function shoot(page: Page, name: string) {
  const form = page.locator('stue-nomination-form');
  await form.screenshot({ path: `${out}/${name}.png`, animations: 'disabled' });
}

/** Walks the journey, shooting each step; `errors` also shoots each step's error summary. */
async function journey(prefix: string, width: number, lang: 'da' | 'en', errors: boolean) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${hub.url}/`);
  const form = page.locator('stue-nomination-form');
  if (lang === 'en') await form.evaluate((el) => el.setAttribute('lang', 'en'));
  const next = () => form.locator('button[type=submit]').click();
  const submitLabel = lang === 'da' ? 'Fortsæt' : 'Continue';
  await shoot(page, `${prefix}-1-about`);
  await next();

  if (errors) {
    await form.getByRole('button', { name: submitLabel }).click();
    await shoot(page, `${prefix}-2-nominator-errors`);
  }
  await form.locator('#nominator-role').check();
  await form.locator('#nominator-name').fill('Hanne Holm');
  await form.locator('#nominator-organisation').fill('Demo Besøgstjeneste');
  await form.locator('#nominator-email').fill('hanne@example.dk');
  await shoot(page, `${prefix}-2-nominator`);
  await next();

  if (errors) {
    await form.locator('#host-postcode').fill('80');
    await next();
    await shoot(page, `${prefix}-3-host-errors`);
  }
  await form.locator('#host-firstName').fill('Inger');
  await form.locator('#host-municipalityCode').fill('Aar');
  await shoot(page, `${prefix}-3-host-municipality-list`);
  await form.getByRole('option', { name: 'Aarhus' }).click();
  await form.locator('#host-postcode').fill('8000');
  await shoot(page, `${prefix}-3-host`);
  await next();

  await form.locator('#visitingFriend-firstName').fill('Bent');
  await form.locator('#visitingFriend-phone').fill('20 30 40 50');
  await shoot(page, `${prefix}-4-friend`);
  await next();

  for (const id of ['own-home', 'little-access-to-concerts', 'enjoys-music', 'said-yes']) {
    await form.locator(`#screening-${id}`).check();
  }
  await form.locator('#screening-risk-of-loneliness-not-sure').check();
  await shoot(page, `${prefix}-5-screening`);
  await next();

  await form.locator('#preferences-weekdays-tue').check();
  await form.locator('#preferences-timesOfDay-afternoon').check();
  await form.locator('#preferences-genres-hymns').check();
  await form.locator('#preferences-musicWishes').fill('Den blå anemone');
  await form.locator('#preferences-extraGuests').selectOption('1');
  await form.locator('#access').check();
  await shoot(page, `${prefix}-6-wishes`);
  await next();

  if (errors) {
    await next();
    await shoot(page, `${prefix}-7-consent-errors`);
  }
  await form.locator('#consent').check();
  await shoot(page, `${prefix}-7-consent`);
  await next();
  await shoot(page, `${prefix}-8-review`);

  if (errors) {
    // The hub cannot be reached once: the "not sent" notice on the review.
    await page.route('**/api/v1/nominations', (route) => route.abort(), { times: 1 });
    await next();
    await form.locator('.notice').waitFor();
    await shoot(page, `${prefix}-8-review-not-sent`);
  }
  await next();
  await form.locator('.receipt').waitFor();
  await shoot(page, `${prefix}-9-receipt`);
  await page.screenshot({ path: `${out}/${prefix}-page.png`, fullPage: true });
  await page.close();
}

try {
  await journey('desktop-da', 1280, 'da', true);
  await journey('phone-da', 375, 'da', true);
  await journey('desktop-en', 1280, 'en', false);
  await journey('narrow-320-da', 320, 'da', false);
  console.log(`Screenshots in ${out}`);
} finally {
  await browser.close();
  await hub.stop();
  removeDataDir(dataDir);
}
