import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleMusicianInput, newId } from '../packages/core/dist/index.js';
import { verifyWebhook } from '../packages/core/dist/client.js';
import { launchBrowser } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { newDataDir, removeDataDir, startHub, type TestHub } from './support/hub.js';
import { choosePin, coordinator, enrol, todayAt, untilHeading } from './support/kiosk.js';
import { fillToReview, sendAndWaitForReceipt } from './support/nomination-form.js';

// Issue 7's journey across the whole product: a volunteer nominates a pair on the partner's page;
// the coordinator screens it, adds the musician's tour day, lets the scheduler propose, books and
// confirms in the console; the musician's tablet shows the concert for that day. When the
// coordinator then cancels, the tablet's next fetch shows the concert as cancelled. The pair's
// names and phone number are sentinels, and a CPR number is typed (and refused) on the way:
// none of them may appear in the hub's logs, any page's console or the kiosk's caches (S9). The
// partner's server hears of the confirmation and the cancellation through its signed webhook.

let browser: Browser;
let hub: TestHub;
let dataDir: string;

/** The partner's own server: it keeps every webhook delivery it is sent. */
const deliveries: { headers: Record<string, string>; body: string }[] = [];
let partnerServer: Server;
let webhookSecret: string;

beforeAll(async () => {
  dataDir = newDataDir();
  partnerServer = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      deliveries.push({ headers: req.headers as Record<string, string>, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => partnerServer.listen(0, '127.0.0.1', resolve));
  [browser, hub] = await Promise.all([launchBrowser(), startHub(dataDir)]);
  // The partner registers its endpoint with its secret key, server to server.
  const { port } = partnerServer.address() as AddressInfo;
  const registered = await fetch(`${hub.url}/api/v1/partner/webhooks`, {
    method: 'POST',
    headers: { authorization: 'Bearer sk_demo', 'content-type': 'application/json' },
    body: JSON.stringify({
      url: `http://127.0.0.1:${port}/stue-events`,
      events: ['booking.confirmed', 'booking.cancelled'],
    }),
  });
  expect(registered.status).toBe(201);
  webhookSecret = ((await registered.json()) as { secret: string }).secret;
});
afterAll(async () => {
  await new Promise((resolve) => partnerServer?.close(resolve));
  await hub?.stop();
  await browser?.close();
  removeDataDir(dataDir);
});

const SENTINEL = {
  host: 'Sentinelinger',
  friend: 'Sentinelbent',
  phone: '20 30 40 59',
  cpr: '010203-1234',
};
/** Every form a sentinel could take in a log line. */
const SENTINEL_FORMS = ['Sentinelinger', 'Sentinelbent', '20304059', '010203', '0102031234'];

/** What every page wrote to its console. */
const consoleOutput: string[] = [];
const watch = (page: Page) => page.on('console', (message) => consoleOutput.push(message.text()));

const WEEKDAYS = ['Søndag', 'Mandag', 'Tirsdag', 'Onsdag', 'Torsdag', 'Fredag', 'Lørdag'];

/** Today's weekday in Denmark, by its Danish name. */
function danishWeekday(date: string): string {
  return WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
}

/** Waits until `text` shows on `page` (a console under load can take seconds). */
async function shows(page: Page, text: string | RegExp) {
  await expect.poll(() => page.getByText(text).count(), { timeout: 15_000 }).toBeGreaterThan(0);
}

describe('from the partner’s page to the musician’s tablet', () => {
  const { date } = todayAt('12:00');
  let console: Page;
  let tablet: Page;
  let reference: string;
  let bookingId: string;

  beforeAll(async () => {
    console = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    tablet = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    watch(console);
    watch(tablet);
  });

  it('a volunteer nominates a pair who would like a concert on today’s weekday', async () => {
    const partner = await browser.newPage();
    watch(partner);
    await partner.goto(`${hub.url}/`);
    await fillToReview(partner, {
      weekday: danishWeekday(date),
      host: SENTINEL.host,
      friend: SENTINEL.friend,
      phone: SENTINEL.phone,
      cprFirst: SENTINEL.cpr,
    });
    reference = await sendAndWaitForReceipt(partner);
    await partner.close();
  });

  it('the coordinator screens it in the console', async () => {
    await signInToConsole(console, hub.url);
    await console.getByRole('link', { name: reference }).click();
    await console.getByRole('button', { name: 'Start vurdering' }).click();
    await shows(console, 'Indstillingen er nu: Under vurdering.');
    await console.getByRole('button', { name: 'Godkend' }).click();
    await shows(console, 'Indstillingen er nu: Godkendt.');
  });

  it('adds the musician and her tour day today, and lets the scheduler propose', async () => {
    const c = await coordinator(hub.url);
    await c.send('POST', '/api/v1/musicians', {
      ...exampleMusicianInput(),
      id: newId(),
      name: 'Signe Vang',
      homeMunicipalityCode: '751',
    });

    await console.goto(`${hub.url}/console/#/tour-days`);
    await console.getByLabel('Musiker', { exact: true }).selectOption({ label: 'Signe Vang' });
    await console.getByLabel('Dato', { exact: true }).fill(date);
    await console.getByLabel('Fra kl.').fill('08:00');
    await console.getByLabel('Til kl.').fill('20:00');
    await console.getByLabel('Kommune, dagen starter fra').selectOption({ label: 'Aarhus' });
    await console.getByRole('button', { name: 'Opret turnédag' }).click();
    await shows(console, /^Turnédagen .* er oprettet\.$/);

    await console.goto(`${hub.url}/console/#/planning`);
    await console.getByLabel('Fra dato').fill(date);
    await console.getByLabel('Til dato').fill(date);
    await console.getByRole('button', { name: 'Lav forslag' }).click();
    await console.getByRole('button', { name: 'Opret 1 booking som forslag' }).click();
    await shows(console, /^1 booking er oprettet\./);
  });

  it('confirms the booking after the call', async () => {
    await console.getByRole('button', { name: /^Bekræft – / }).click();
    await shows(console, /er nu: Bekræftet\.$/);
    const c = await coordinator(hub.url);
    const { items } = (await c.send('GET', `/api/v1/bookings?date=${date}`)) as {
      items: { id: string; status: string }[];
    };
    expect(items.map((b) => b.status)).toEqual(['confirmed']);
    bookingId = items[0]!.id;
  });

  it('the musician’s tablet, enrolled with a code from the console, shows the concert', async () => {
    await console.goto(`${hub.url}/console/#/devices`);
    await console.getByLabel('Musiker').selectOption({ label: 'Signe Vang' });
    await console.getByRole('button', { name: 'Lav engangskode' }).click();
    const code = (await console.locator('stue-devices-page .code').textContent())!.trim();

    await tablet.goto(`${hub.url}/kiosk/`);
    await untilHeading(tablet, 'Denne tablet er ikke tilmeldt endnu');
    await enrol(tablet, code, 'Signes tablet');
    await choosePin(tablet);
    const concert = tablet.locator(`[data-booking="${bookingId}"]`);
    await expect.poll(() => concert.count(), { timeout: 10_000 }).toBe(1);
    await expect(concert.textContent()).resolves.toMatch(/Sentinelinger og Sentinelbent/);
    expect(await concert.locator('[data-action="start"]').count()).toBe(1);
  });

  it('a cancellation in the console reaches the tablet on its next fetch', async () => {
    await console.goto(`${hub.url}/console/#/planning?from=${date}&to=${date}`);
    await console.getByRole('button', { name: /^Aflys/ }).click();
    await console.getByLabel('Hvorfor aflyses koncerten?').fill('Familien kommer på besøg den dag');
    await console.getByRole('button', { name: 'Aflys', exact: true }).click();
    await shows(console, /er nu: Aflyst\.$/);

    await tablet.getByRole('button', { name: 'Hent igen' }).click();
    const card = tablet.locator(`[data-booking="${bookingId}"]`);
    await expect.poll(() => card.locator('[data-cancelled]').count()).toBe(1);
    await expect(card.textContent()).resolves.toContain('Koordinatoren har aflyst koncerten');
    expect(await card.locator('[data-action="start"]').count()).toBe(0);
  });

  it('the partner’s server hears of the confirmation and the cancellation, signed', async () => {
    await expect.poll(() => deliveries.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(2);
    const events = await Promise.all(
      deliveries.map((d) => verifyWebhook(webhookSecret, d.headers, d.body)),
    );
    expect(events.map((e) => [e.type, (e.data as { bookingId: string }).bookingId])).toEqual([
      ['booking.confirmed', bookingId],
      ['booking.cancelled', bookingId],
    ]);
    // A forged body does not verify.
    await expect(
      verifyWebhook(
        webhookSecret,
        deliveries[0]!.headers,
        deliveries[0]!.body.replace('confirmed', 'cancelled'),
      ),
    ).rejects.toThrow();
    for (const { body } of deliveries) {
      for (const sentinel of SENTINEL_FORMS) expect(body).not.toContain(sentinel);
    }
  });

  it('leaves no trace of the pair in logs, consoles or the kiosk’s caches', async () => {
    const cached = await tablet.evaluate(async () => {
      let text = '';
      for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
          text += `${request.url}\n${await (await cache.match(request))!.text()}\n`;
        }
      }
      return text;
    });
    expect(cached.length).toBeGreaterThan(1000);
    expect(hub.output()).toMatch(/"msg":"request"/);
    for (const [where, text] of Object.entries({
      'hub logs': hub.output(),
      'page consoles': consoleOutput.join('\n'),
      'kiosk caches': cached,
    })) {
      for (const sentinel of SENTINEL_FORMS) expect(text, where).not.toContain(sentinel);
    }
  });
});
