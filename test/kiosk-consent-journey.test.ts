import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserAndHub } from './support/journey.js';
import {
  answerAs,
  choosePin,
  deviceRecords,
  enrol,
  planToday,
  tapThen,
  unlock,
  untilHeading,
} from './support/kiosk.js';

// The consent property on the tablet's path, end to end against a real hub: a pair nominated
// without a yes to keeping their answers is asked on the tablet before the first question; what
// the hub then holds as `feedback` consent is exactly the yes shown and given there — who, when,
// and the version on screen, their programme's newest notice version — and the answers are kept
// with it. (A day kept from a hub without programmes records `TABLET_NOTICE_VERSION`: the kiosk's
// browser tests.)

const journey = browserAndHub();

function feedbackConsents(dataDir: string) {
  const db = new DatabaseSync(join(dataDir, 'stue.sqlite'), { readOnly: true });
  try {
    return db
      .prepare(
        "SELECT person, scope, given_via, given_at, notice_version FROM consents WHERE scope != 'nomination-contact' ORDER BY person",
      )
      .all() as {
      person: string;
      scope: string;
      given_via: string;
      given_at: string;
      notice_version: string;
    }[];
  } finally {
    db.close();
  }
}

describe('the tablet asks before the first question', () => {
  let context: BrowserContext;
  let page: Page;
  let plan: Awaited<ReturnType<typeof planToday>>;

  beforeAll(async () => {
    plan = await planToday(journey.hub.url, { feedbackConsent: false });
    // A coordinator writes a second version of the pair's programme (seeded in demo mode) with
    // another number to call: the tablet shows and records that one.
    const slug = 'musikalske-besoegsvenner';
    const { current } = (await plan.coordinator.send('GET', `/api/v1/programmes/${slug}`)) as {
      current: Record<string, unknown>;
    };
    const {
      slug: _,
      version: _v,
      noticeVersion: _n,
      createdAt: _a,
      createdBy: _b,
      ...content
    } = current;
    await plan.coordinator.send('POST', `/api/v1/programmes/${slug}/versions`, {
      ...content,
      nominatorContact: { phone: '+4533445566' },
    });
    context = await journey.browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('records as feedback consent exactly the yes given on the tablet, with the answers', async () => {
    await page.goto(`${journey.hub.url}/kiosk/`);
    await untilHeading(page, 'Denne tablet er ikke tilmeldt endnu');
    await enrol(page, plan.code, 'Signes tablet');
    await choosePin(page);
    await page.locator(`[data-booking="${plan.bookingId}"] [data-action="start"]`).click();
    await untilHeading(page, 'Giv tabletten til Inger og Bent');
    expect(feedbackConsents(journey.dataDir)).toEqual([]);

    await tapThen(page, '.primary', 'Må vi gemme jeres svar?');
    await expect
      .poll(() => page.locator('stue-kiosk-consent p.muted').textContent())
      .toContain('Har I spørgsmål, kan I spørge Musikalske Besøgsvenner: 33 44 55 66.');
    const before = Date.now();
    await tapThen(page, '[data-action="consent-yes"]', 'Hvem svarer nu?');
    const after = Date.now();
    await answerAs(page, 'host', ['moved']);
    await tapThen(page, '[data-action="done"]', 'Tabletten er klar');
    await unlock(page);

    await expect
      .poll(async () => page.locator('[data-sync]').textContent(), { timeout: 30_000 })
      .toBe('Alt er sendt.');
    expect(deviceRecords(journey.dataDir).records).toHaveLength(1);
    const consents = feedbackConsents(journey.dataDir);
    expect(consents.map(({ given_at: _, ...rest }) => rest)).toEqual([
      {
        person: 'host',
        scope: 'feedback',
        given_via: 'tablet',
        notice_version: 'musikalske-besoegsvenner/2',
      },
      {
        person: 'visiting-friend',
        scope: 'feedback',
        given_via: 'tablet',
        notice_version: 'musikalske-besoegsvenner/2',
      },
    ]);
    for (const { given_at } of consents) {
      expect(Date.parse(given_at)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(given_at)).toBeLessThanOrEqual(after);
    }
  });
});
