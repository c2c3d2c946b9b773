import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FeedbackResponse } from '../packages/core/dist/index.js';
import {
  openSealedJson,
  SEAL_CONTEXTS,
  type SealedEnvelope,
} from '../packages/core/dist/sealing.js';
import { browserAndHub } from './support/journey.js';
import {
  answerForIngerAndBent,
  choosePin,
  deviceRecords,
  enrol,
  hubKey,
  planToday,
  tapThen,
  unlock,
  untilHeading,
} from './support/kiosk.js';

// The kiosk's promise, end to end against a real hub: a coordinator makes an enrolment code and
// books a concert for today; the musician enrols the tablet and sets a PIN; in a home with no
// network two people answer; the app and both answers survive a reload while offline (the
// service worker starts it); back online, exactly two sealed records reach the hub, which opens
// them with its key, with continuous device sequence numbers. A revoked tablet keeps its data
// queued and says so.

const journey = browserAndHub();

describe('the kiosk with a real hub', () => {
  let context: BrowserContext;
  let page: Page;
  let plan: Awaited<ReturnType<typeof planToday>>;
  const errors: string[] = [];

  beforeAll(async () => {
    plan = await planToday(journey.hub.url);
    context = await journey.browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
  });
  afterAll(async () => {
    await context?.close();
  });

  it('runs under a strict Content-Security-Policy without a single violation', async () => {
    const strict = await journey.browser.newContext();
    await strict.route(`${journey.hub.url}/kiosk/`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: {
          ...response.headers(),
          'content-security-policy':
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'",
        },
      });
    });
    await strict.addInitScript(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        (window as unknown as { violations: string[] }).violations.push(event.violatedDirective),
      );
    });
    const csp = await strict.newPage();
    await csp.goto(`${journey.hub.url}/kiosk/`);
    await untilHeading(csp, 'Denne tablet er ikke tilmeldt endnu');
    await csp.locator('[data-action="enrol"]').click();
    await untilHeading(csp, 'Tilmeld tabletten');
    await csp.locator('button[type="submit"]').click();
    await expect.poll(() => csp.locator('.error-summary').count()).toBe(1);
    expect(
      await csp.evaluate(() => (window as unknown as { violations: string[] }).violations),
    ).toEqual([]);
    // The policy is really in force: an inline script is refused.
    await csp.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'void 0';
      document.head.append(script);
    });
    await expect
      .poll(() => csp.evaluate(() => (window as unknown as { violations: string[] }).violations))
      .toEqual(['script-src-elem']);
    await strict.close();
  });

  it('enrols with a code the coordinator made, and shows today’s concert', async () => {
    await page.goto(`${journey.hub.url}/kiosk/`);
    await untilHeading(page, 'Denne tablet er ikke tilmeldt endnu');
    // The page's first screen leaves focus where the browser put it; the next takes it to its
    // heading, so a screen reader starts there.
    const focused = () =>
      page.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.tagName === 'H1' ? `H1 ${el.textContent?.trim()}` : el?.tagName;
      });
    expect(await focused()).toBe('BODY');
    // The service worker has precached the app before the tablet leaves the Wi-Fi.
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await enrol(page, plan.code.toLowerCase(), 'Signes tablet');
    await expect(page.locator('[data-persisted]').textContent()).resolves.toMatch(
      /lovet|almindelig browserfane/,
    );
    await choosePin(page);
    expect(await focused()).toBe('H1 Dagens koncerter');
    const concert = page.locator(`[data-booking="${plan.bookingId}"]`);
    await expect.poll(() => concert.count(), { timeout: 10_000 }).toBe(1);
    await expect(concert.textContent()).resolves.toMatch(/Kl\. 14\.00 · Inger og Bent/);
    await expect(concert.textContent()).resolves.toContain('Gamle danske sange');
  });

  it('collects two respondents offline; the app and the answers survive a reload without network', async () => {
    await context.setOffline(true);
    await answerForIngerAndBent(page, plan.bookingId);

    await page.reload();
    await unlock(page);
    // Just after a start, the outbox's first try can still read "Sender 2 svar …" until it fails.
    const day = () => page.locator('stue-kiosk-day .day').textContent();
    await expect.poll(day, { timeout: 10_000 }).toContain('2 svar venter på net.');
    expect(await day()).toContain('Inger og Bent');
    expect(deviceRecords(journey.dataDir).records).toEqual([]);
  });

  it('starts with no network at all once it has been opened (service worker)', async () => {
    const cold = await context.newPage();
    await cold.goto(`${journey.hub.url}/kiosk/`);
    await untilHeading(cold, 'Tabletten er klar');
    await cold.close();
  });

  it('sends both, exactly once, sealed, when the network is back', async () => {
    await context.setOffline(false);
    await expect
      .poll(async () => page.locator('[data-sync]').textContent(), { timeout: 30_000 })
      .toBe('Alt er sendt.');
    const { records, gaps } = deviceRecords(journey.dataDir);
    expect(records).toHaveLength(2);
    expect(records.map((r) => r.device_seq)).toEqual([1, 2]);
    expect(gaps).toEqual([]);
    const key = hubKey(journey.dataDir);
    const responses: FeedbackResponse[] = [];
    for (const record of records) {
      expect(record.kind).toBe('feedback-response');
      expect(record.booking_id).toBe(plan.bookingId);
      const envelope = JSON.parse(record.body) as SealedEnvelope;
      expect(Object.keys(envelope).sort()).toEqual([
        'alg',
        'context',
        'ct',
        'epk',
        'iv',
        'kid',
        'v',
      ]);
      expect(record.body).not.toMatch(/moved|calm|host/);
      const response = (await openSealedJson(
        key,
        envelope,
        SEAL_CONTEXTS.feedbackResponse,
      )) as FeedbackResponse;
      expect(response.id).toBe(record.id);
      expect(response.deviceSeq).toBe(record.device_seq);
      responses.push(response);
    }
    expect(responses.map((r) => [r.role, r.answers['feelings']])).toEqual([
      ['host', { choices: ['moved', 'sad'] }],
      ['visiting-friend', { choices: ['calm'] }],
    ]);
    // A later flush sends nothing again.
    await page.evaluate(() =>
      (
        document.querySelector('stue-kiosk-app') as unknown as {
          services?: { outbox: { flush(): Promise<void> } };
        }
      ).services?.outbox.flush(),
    );
    expect(deviceRecords(journey.dataDir).records).toHaveLength(2);
  });

  it('keeps a tap wholly or not at all when the page dies right after it', async () => {
    await page.locator(`[data-booking="${plan.bookingId}"] [data-action="start"]`).click();
    await untilHeading(page, 'Giv tabletten til Inger og Bent');
    await tapThen(page, '.primary', 'Hvem svarer nu?');
    await tapThen(page, '[data-role="guest"]', /^Svarer du selv/);
    await tapThen(page, '[data-help="true"]', 'Hvordan var besøget?');
    // The pictures arrived whole (a minifier once nested every <path> in the one before).
    expect(await page.locator('svg.pictogram path path').count()).toBe(0);
    expect(await page.locator('[data-option="good"] svg path').count()).toBeGreaterThan(3);

    await page.locator('[data-option="in-between"]').click();
    const cdp = await context.newCDPSession(page);
    const crashed = new Promise((resolve) => page.once('crash', resolve));
    // The renderer dies at once; the command itself is never answered.
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    await page.close().catch(() => undefined);

    page = await context.newPage();
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${journey.hub.url}/kiosk/`);
    await untilHeading(page, /^(Hvordan var besøget\?|Hvad mærkede du under musikken\?)$/);
    const heading = (await page.locator('h1').allTextContents()).at(-1)?.trim();
    if (heading === 'Hvad mærkede du under musikken?') {
      // Saved: the answer is there as tapped.
      await tapThen(page, '[data-action="back"]', 'Hvordan var besøget?');
      expect(await page.locator('[aria-pressed="true"]').count()).toBe(1);
      expect(await page.locator('[data-option="in-between"]').getAttribute('aria-pressed')).toBe(
        'true',
      );
    } else {
      // Not saved: nothing half-way.
      expect(await page.locator('[aria-pressed="true"]').count()).toBe(0);
    }
    await tapThen(page, '[data-option="in-between"]', 'Hvad mærkede du under musikken?');
    await tapThen(page, '[data-action="finish"]', 'Vil du stoppe her?');
    await tapThen(page, '[data-action="stop-yes"]', 'Tusind tak!');
    await tapThen(page, '[data-action="done"]', 'Tabletten er klar');
    await unlock(page);
    await expect
      .poll(async () => page.locator('[data-sync]').textContent(), { timeout: 30_000 })
      .toBe('Alt er sendt.');
    const { records, gaps } = deviceRecords(journey.dataDir);
    expect(records.map((r) => r.device_seq)).toEqual([1, 2, 3]);
    expect(gaps).toEqual([]);
    const guest = (await openSealedJson(
      hubKey(journey.dataDir),
      JSON.parse(records[2]!.body) as SealedEnvelope,
      SEAL_CONTEXTS.feedbackResponse,
    )) as FeedbackResponse;
    expect(guest.role).toBe('guest');
    expect(guest.answers).toEqual({ visit: { choices: ['in-between'] } });
  });

  it('keeps a revoked tablet’s debrief queued and says so', async () => {
    const devices = (await plan.coordinator.send('GET', '/api/v1/devices')) as {
      items?: { id: string; name: string }[];
    };
    const device = devices.items?.find((d) => d.name === 'Signes tablet');
    expect(device).toBeDefined();
    await plan.coordinator.send('POST', `/api/v1/devices/${device!.id}/revoke`);

    await page.locator(`[data-booking="${plan.bookingId}"] [data-action="debrief"]`).click();
    await untilHeading(page, 'Din evaluering');
    await page.locator('[data-outcome="good"]').click();
    await page.locator('[data-answer="hard-no"]').click();
    await page.locator('[data-answer="call-yes"]').click();
    await expect
      .poll(() => page.locator('[data-answer="call-yes"]').getAttribute('aria-pressed'))
      .toBe('true');
    await page.locator('button[type="submit"]').click();
    await untilHeading(page, 'Dagens koncerter');
    await expect
      .poll(async () => page.locator('stue-kiosk-day .day').textContent(), { timeout: 20_000 })
      .toContain('Tabletten er ikke længere tilmeldt');
    await expect(page.locator('[data-sync]').textContent()).resolves.toBe('1 svar venter på net.');
    expect(deviceRecords(journey.dataDir).records).toHaveLength(3);
    expect(errors).toEqual([]);
    // The logs name routes, never the people.
    expect(journey.hub.output()).not.toMatch(/Inger|Bent|Signes tablet/);
  });
});

describe('a concert cancelled at the door, with a real hub', () => {
  it('goes out through the outbox once the tablet is online; the hub cancels the booking with the reason', async () => {
    const plan = await planToday(journey.hub.url);
    const context = await journey.browser.newContext({ viewport: { width: 1024, height: 768 } });
    try {
      const page = await context.newPage();
      await page.goto(`${journey.hub.url}/kiosk/`);
      await untilHeading(page, 'Denne tablet er ikke tilmeldt endnu');
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      await enrol(page, plan.code, 'Døren');
      await choosePin(page);
      const card = `[data-booking="${plan.bookingId}"]`;
      await page.locator(card).waitFor();

      // At the door, with no network.
      await context.setOffline(true);
      await page.locator(`${card} [data-action="cancel-at-door"]`).click();
      await page.locator(`${card} [data-reason="nobody-home"]`).click();
      await page.locator(`${card} [data-action="report-cancelled"]`).click();
      await expect(page.locator(`${card} [data-cancelled]`).textContent()).resolves.toContain(
        'Meldt aflyst ved døren: Ingen hjemme.',
      );
      await expect(page.locator('[data-sync]').textContent()).resolves.toBe(
        '1 svar venter på net.',
      );
      expect(
        deviceRecords(journey.hub.dataDir).records.filter((r) => r.booking_id === plan.bookingId),
      ).toEqual([]);

      await context.setOffline(false);
      await expect
        .poll(async () => page.locator('[data-sync]').textContent(), { timeout: 30_000 })
        .toBe('Alt er sendt.');
      const stored = deviceRecords(journey.hub.dataDir).records.filter(
        (r) => r.booking_id === plan.bookingId,
      );
      expect(stored.map((r) => r.kind)).toEqual(['booking-cancelled-at-door']);
      expect(JSON.parse(stored[0]!.body)).toMatchObject({ reason: 'nobody-home', deviceSeq: 1 });
      const booking = await plan.coordinator.send('GET', `/api/v1/bookings/${plan.bookingId}`);
      expect(booking['status']).toBe('cancelled');
    } finally {
      await context.close();
    }
  });
});
