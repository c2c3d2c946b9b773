import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleNominationV2, newId } from '../packages/core/dist/index.js';
import { seal, SEAL_CONTEXTS } from '../packages/core/dist/sealing.js';
import { launchBrowser } from './support/browser.js';
import { signInToConsole } from './support/console.js';
import { newDataDir, removeDataDir, startHub, type TestHub } from './support/hub.js';
import {
  answerForIngerAndBent,
  choosePin,
  enrol,
  planToday,
  todayAt,
  untilHeading,
} from './support/kiosk.js';

// Issue 8's journey: feedback collected on the kiosk reaches the concert's page in the console
// and the month's report, where a count below 5 stays hidden until there are enough answers; the
// report prints on A4 as a PDF without the console's menus.

let browser: Browser;
let hub: TestHub;
let dataDir: string;
let plan: Awaited<ReturnType<typeof planToday>>;

beforeAll(async () => {
  dataDir = newDataDir();
  [browser, hub] = await Promise.all([launchBrowser(), startHub(dataDir)]);
  plan = await planToday(hub.url);
});
afterAll(async () => {
  await hub?.stop();
  await browser?.close();
  removeDataDir(dataDir);
});

const month = todayAt('12:00').date.slice(0, 7);

/** The month's report as the hub publishes it: a measure of the whole programme. */
async function published(measure: string): Promise<number | 'suppressed' | undefined> {
  const report = (await plan.coordinator.send('GET', `/api/v1/reports?period=${month}`)) as {
    rows: {
      grouping: { kind: string };
      measure: string;
      value: number | null;
      suppressed: boolean;
    }[];
  };
  const row = report.rows.find((r) => r.grouping.kind === 'all' && r.measure === measure);
  return row?.suppressed ? 'suppressed' : (row?.value ?? undefined);
}

/**
 * A second concert today at 16:00 for Karen and Lise, and three sealed responses about it from a
 * second tablet of the same musician, sent through the device API as a tablet does.
 */
async function aSecondConcertWithThreeResponses() {
  const c = plan.coordinator;
  const example = exampleNominationV2();
  const nomination = {
    ...example,
    // The pair also said yes to keeping their answers from the tablet.
    feedbackConsent: example.consent,
    id: newId(),
    host: { firstName: 'Karen', municipalityCode: '751' },
    visitingFriend: { firstName: 'Lise', phone: '20304051' },
    preferences: { extraGuests: 1 },
  };
  const sent = await fetch(`${hub.url}/api/v1/nominations`, {
    method: 'POST',
    headers: { authorization: 'Bearer pk_demo', 'content-type': 'application/json' },
    body: JSON.stringify(nomination),
  });
  expect(sent.status).toBe(201);
  await c.send('POST', `/api/v1/nominations/${nomination.id}/review`);
  await c.send('POST', `/api/v1/nominations/${nomination.id}/accept`);
  const first = (await c.send('GET', `/api/v1/bookings/${plan.bookingId}`)) as {
    tourDayId: string;
  };
  const booking = await c.send('POST', '/api/v1/bookings', {
    schemaVersion: 1,
    id: newId(),
    nominationId: nomination.id,
    tourDayId: first.tourDayId,
    start: todayAt('16:30').at,
    contactCoordinatorId: c.id,
  });
  const bookingId = String(booking['id']);
  await c.send('POST', `/api/v1/bookings/${bookingId}/confirm`);

  const musician = (await c.send('GET', '/api/v1/musicians')) as { items: { id: string }[] };
  const { code } = (await c.send('POST', '/api/v1/devices/enrolment-codes', {
    musicianId: musician.items[0]!.id,
  })) as { code: string };
  const enrolled = await fetch(`${hub.url}/api/v1/devices/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, name: 'Reservetablet' }),
  });
  const tablet = (await enrolled.json()) as {
    token: string;
    device: { id: string };
    hubPublicKey: JsonWebKey;
  };
  const roles = [
    ['host', ['happy', 'moved']],
    ['visiting-friend', ['happy']],
    ['guest', ['happy', 'reminded']],
  ] as const;
  for (const [i, [role, feelings]] of roles.entries()) {
    const id = newId();
    const now = new Date().toISOString();
    const response = {
      schemaVersion: 1,
      id,
      bookingId,
      deviceId: tablet.device.id,
      deviceSeq: i + 1,
      instrument: { id: 'stue-home-concert', version: 1 },
      role,
      answeredWithHelp: false,
      startedAt: now,
      finishedAt: now,
      answers: { visit: { choices: ['good'] }, feelings: { choices: [...feelings] } },
    };
    const res = await fetch(`${hub.url}/api/v1/feedback`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tablet.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        id,
        deviceSeq: i + 1,
        kind: 'feedback-response',
        body: await seal(tablet.hubPublicKey, response, SEAL_CONTEXTS.feedbackResponse),
      }),
    });
    expect(res.status).toBe(201);
  }
}

describe('from the tablet to the funder’s report', () => {
  let tablet: Page;
  let console: Page;

  beforeAll(async () => {
    tablet = await browser.newPage({ viewport: { width: 1024, height: 768 } });
    console = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  });

  it('two people answer on the musician’s tablet, and it sends their answers', async () => {
    await tablet.goto(`${hub.url}/kiosk/`);
    await untilHeading(tablet, 'Denne tablet er ikke tilmeldt endnu');
    await enrol(tablet, plan.code, 'Signes tablet');
    await choosePin(tablet);

    await answerForIngerAndBent(tablet, plan.bookingId);
    await expect.poll(() => published('respondents'), { timeout: 30_000 }).toBe('suppressed');
  });

  it('the coordinator reads them on the concert’s page, in words', async () => {
    await signInToConsole(console, hub.url);
    await console.goto(`${hub.url}/console/#/bookings/${plan.bookingId}`);
    await expect.poll(() => console.getByText('Rørt').count()).toBeGreaterThan(0);
    for (const word of ['Trist', 'Rolig', 'Godt']) {
      expect(await console.getByText(word, { exact: true }).count(), word).toBeGreaterThan(0);
    }
  });

  it('the month’s report hides two answers, and counts them once there are five', async () => {
    expect(await published('respondents')).toBe('suppressed');
    await aSecondConcertWithThreeResponses();
    expect(await published('respondents')).toBe(5);
    expect(await published('feelings-happy')).toBe('suppressed');
    expect(await published('answers-visit-good')).toBe(5);

    await console.goto(`${hub.url}/console/#/reports?period=${month}`);
    const figure = console
      .locator('dl.figures > div')
      .filter({ has: console.getByText('Svarpersoner', { exact: true }) })
      .locator('dd');
    await expect.poll(() => figure.textContent()).toBe('5');
    expect(await console.getByText('Skjult').count()).toBeGreaterThan(0);
  });

  it('prints the report on A4, without the console’s menus', async () => {
    await console.emulateMedia({ media: 'print' });
    expect(await console.locator('nav').first().isVisible()).toBe(false);
    expect(await console.locator('stue-reports-page form').isVisible()).toBe(false);
    const headings = await console.locator('stue-reports-page h2').allTextContents();
    expect(
      headings.map((h) => h.trim()).filter((h) => /^(Indsatsen|Målgruppen|Udbyttet)/.test(h)),
    ).toEqual([
      'Indsatsen: koncerterne',
      'Målgruppen: indstillinger og svarpersoner',
      'Udbyttet: hvad koncerterne betød',
    ]);
    const pdf = await console.pdf({ format: 'A4', printBackground: true });
    writeFileSync(join(dataDir, 'rapport.pdf'), pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBeLessThanOrEqual(8);
  });
});
