import { describe, expect, it } from 'vitest';
import { newId } from '../packages/core/dist/index.js';
import { seal, SEAL_CONTEXTS } from '../packages/core/dist/sealing.js';
import { focused, signInWithKeyboard, tabTo } from './support/console.js';
import { browserAndHub } from './support/journey.js';
import { screenedNomination } from './support/planning.js';

// After a concert (issues 7 and 8): a tablet's sealed feedback and the musician's debrief asking
// for a call reach the console. With the keyboard alone the coordinator opens the task, marks the
// call done with a note, and reads the concert's feedback in words. The hub logs name no person.

const journey = browserAndHub();

/** 10:00 Danish time on `date`, with Denmark's offset that day. */
function danishTen(date: string): string {
  const utc = new Date(`${date}T10:00:00Z`);
  const hour = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Copenhagen',
    hour: '2-digit',
    hourCycle: 'h23',
  }).format(utc);
  return `${date}T10:00:00+0${Number(hour) - 10}:00`;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the test reads arbitrary JSON
type Json = any;

async function call(
  path: string,
  init: { method?: string; body?: unknown; headers?: object } = {},
) {
  const res = await fetch(`${journey.hub.url}${path}`, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as Json;
}

/** A confirmed concert for Karen, and Signe's tablet that sent feedback and a debrief about it. */
async function concertWithFeedback() {
  const signedIn = await fetch(`${journey.hub.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'koordinator@demo.stue.dk', password: 'stue-demo-koordinator' }),
  });
  const session = (await signedIn.json()) as Json;
  const as = {
    cookie: signedIn.headers.get('set-cookie')!.split(';')[0]!,
    'x-csrf-token': session.csrfToken,
  };
  const musicianId = newId();
  await call('/api/v1/musicians', {
    method: 'POST',
    headers: as,
    body: {
      schemaVersion: 1,
      id: musicianId,
      name: 'Signe Vang',
      phone: '40 50 60 70',
      email: 'signe@example.dk',
      homeMunicipalityCode: '751',
      languages: ['da'],
      genres: ['danish-songs'],
      active: true,
    },
  });
  const date = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  const tourDayId = newId();
  await call('/api/v1/tour-days', {
    method: 'POST',
    headers: as,
    body: {
      schemaVersion: 1,
      id: tourDayId,
      musicianId,
      date,
      windowStart: '09:00',
      windowEnd: '17:00',
      baseMunicipalityCode: '751',
    },
  });
  const nominationId = newId();
  await call('/api/v1/nominations', {
    method: 'POST',
    headers: { authorization: 'Bearer pk_demo' },
    body: screenedNomination(
      {
        nominator: { role: 'visiting-friend', name: 'Lise Lund', phone: '20 30 40 51' },
        host: { firstName: 'Karen', municipalityCode: '751', postcode: '8000' },
        visitingFriend: { firstName: 'Lise', phone: '20 30 40 51' },
      },
      nominationId,
    ),
  });
  for (const move of ['review', 'accept']) {
    await call(`/api/v1/nominations/${nominationId}/${move}`, {
      method: 'POST',
      headers: as,
      body: {},
    });
  }
  const bookingId = newId();
  await call('/api/v1/bookings', {
    method: 'POST',
    headers: as,
    body: {
      schemaVersion: 1,
      id: bookingId,
      nominationId,
      tourDayId,
      start: danishTen(date),
      contactCoordinatorId: session.coordinator.id,
    },
  });
  await call(`/api/v1/bookings/${bookingId}/confirm`, { method: 'POST', headers: as, body: {} });
  const { code } = await call('/api/v1/devices/enrolment-codes', {
    method: 'POST',
    headers: as,
    body: { musicianId },
  });
  const tablet = await call('/api/v1/devices/enrol', {
    method: 'POST',
    body: { code, name: 'Signes tablet' },
  });
  const device = { authorization: `Bearer ${tablet.token}` };
  const responseId = newId();
  const response = {
    schemaVersion: 1,
    id: responseId,
    bookingId,
    deviceId: tablet.device.id,
    deviceSeq: 1,
    instrument: { id: 'stue-home-concert', version: 1 },
    role: 'host',
    answeredWithHelp: true,
    startedAt: new Date().toISOString(),
    finishedAt: new Date().toISOString(),
    answers: { visit: { choices: ['good'] }, feelings: { choices: ['moved', 'sad'] } },
  };
  await call('/api/v1/feedback', {
    method: 'POST',
    headers: device,
    body: {
      id: responseId,
      deviceSeq: 1,
      kind: 'feedback-response',
      body: await seal(tablet.hubPublicKey, response, SEAL_CONTEXTS.feedbackResponse),
    },
  });
  const debriefId = newId();
  await call('/api/v1/debriefs', {
    method: 'POST',
    headers: device,
    body: {
      id: debriefId,
      deviceSeq: 2,
      kind: 'musician-debrief',
      body: {
        schemaVersion: 1,
        id: debriefId,
        bookingId,
        deviceId: tablet.device.id,
        deviceSeq: 2,
        howItWent: 'hard',
        anythingHard: 'Svært at finde parkering.',
        wouldLikeACall: true,
      },
    },
  });
  return { as, debriefId, device, tablet, bookingId, date };
}

describe('after the concert, in the console', () => {
  it('marks a musician’s call done and reads the concert’s feedback, with the keyboard alone', async () => {
    const { as, debriefId } = await concertWithFeedback();
    const page = await journey.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${journey.hub.url}/console/`);
    await signInWithKeyboard(page);
    await expect.poll(() => focused(page), { timeout: 10_000 }).toBe('h1 Indbakke');

    // The menu counts the musician waiting for a call.
    await tabTo(page, /^a Opgaver1: 1 åben opgave$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), { timeout: 10_000 }).toBe('h1 Opgaver');
    await tabTo(page, new RegExp(`^button#done-${debriefId} Opkald gennemført`));
    await page.keyboard.press('Enter');
    await expect
      .poll(() => focused(page), { timeout: 10_000 })
      .toBe('h2#call-form-heading Opkald til Signe Vang');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatch(/^textarea#call-note/);
    await page.keyboard.type('Talte om parkering.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => focused(page), { timeout: 10_000 })
      .toBe('p#tasks-notice Opkaldet til Signe Vang er markeret som gennemført.');
    const done = await call('/api/v1/tasks?state=done', { headers: as });
    expect(done.items).toEqual([
      expect.objectContaining({
        id: debriefId,
        done: expect.objectContaining({ note: 'Talte om parkering.' }),
      }),
    ]);
    await expect
      .poll(() => page.getByRole('link', { name: /^Opgaver/ }).textContent())
      .toBe('Opgaver');

    // The calls made, and from there the concert's page with its feedback in words.
    await tabTo(page, /^a Gennemførte$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => focused(page), { timeout: 10_000 }).toBe('h1 Opgaver');
    await tabTo(page, / hos Karen, Aarhus$/);
    await page.keyboard.press('Enter');
    await expect
      .poll(() => focused(page), { timeout: 10_000 })
      .toBe('h1 Koncert hos Karen, Aarhus');
    const feedback = page.getByRole('region', { name: 'Feedback fra tabletten' });
    await expect.poll(() => feedback.getByText('Svarede med hjælp').count()).toBe(1);
    expect(
      await feedback
        .getByRole('listitem')
        .filter({ hasText: /^Rørt$/ })
        .count(),
    ).toBe(1);
    expect(await feedback.getByText(/skrives det i loggen/).count()).toBe(1);
    const debrief = page.getByRole('region', { name: 'Musikerens evaluering' });
    expect(await debrief.getByText('Svært at finde parkering.').count()).toBe(1);
    expect(await debrief.getByText(/af Demo Koordinator\./).count()).toBe(1);

    expect(errors).toEqual([]);
    expect(journey.hub.output()).not.toMatch(/Karen|Lise|Signe|parkering|20 ?30 ?40 ?51/);
    await page.close();
  });

  it('a coordinator names a peer; a musician asks to talk to them; the coordinator sees whom to pass it on to', async () => {
    const { as, device, tablet, bookingId, date } = await concertWithFeedback();
    const peerId = newId();
    await call('/api/v1/musicians', {
      method: 'POST',
      headers: as,
      body: {
        schemaVersion: 1,
        id: peerId,
        name: 'Mads Holm',
        phone: '22 33 44 55',
        email: 'mads@example.dk',
        homeMunicipalityCode: '461',
        languages: ['da'],
        genres: ['folk'],
      },
    });

    // On Programmer the coordinator names Mads Holm as the programme's peer, in a new version.
    const page = await journey.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${journey.hub.url}/console/`);
    await signInWithKeyboard(page);
    await expect.poll(() => focused(page), { timeout: 10_000 }).toBe('h1 Indbakke');
    await page.goto(`${journey.hub.url}/console/#/programmes`);
    await page.getByRole('button', { name: 'Vis Musikalske Besøgsvenner' }).click();
    await page.getByRole('button', { name: 'Ny version' }).click();
    await page.getByRole('checkbox', { name: 'Mads Holm' }).check();
    await page.getByRole('button', { name: 'Gem' }).click();
    await expect
      .poll(() => page.locator('.notice').first().textContent(), { timeout: 10_000 })
      .toMatch(/er gemt som version 2\./);

    // The tablet offers him by first name.
    const day = await call(`/api/v1/device/bookings?date=${date}`, { headers: device });
    const concert = day.items.find((item: Json) => item.bookingId === bookingId);
    expect(concert.peers).toEqual([{ id: peerId, firstName: 'Mads' }]);

    const debriefId = newId();
    const debrief = (peer: string) => ({
      id: debriefId,
      deviceSeq: 3,
      kind: 'musician-debrief',
      body: {
        schemaVersion: 3,
        id: debriefId,
        bookingId,
        deviceId: tablet.device.id,
        deviceSeq: 3,
        howItWent: 'hard',
        wasAnythingHard: true,
        anythingHard: 'Værten græd under den sidste sang.',
        wouldLikeACall: true,
        peerId: peer,
      },
    });
    // A musician the programme does not name (here the musician themself) is refused.
    const refused = await fetch(`${journey.hub.url}/api/v1/debriefs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...device },
      body: JSON.stringify(debrief(tablet.musician.id)),
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as Json).error.issues[0].code).toBe('not_a_peer');
    await call('/api/v1/debriefs', { method: 'POST', headers: device, body: debrief(peerId) });

    // Opgaver: the task is Mads's, with what to pass on and nothing from the debrief.
    await page.goto(`${journey.hub.url}/console/#/tasks`);
    await expect.poll(() => focused(page), { timeout: 10_000 }).toBe('h1 Opgaver');
    await tabTo(page, /^a Til kollega$/);
    await page.keyboard.press('Enter');
    const row = page.getByRole('row').filter({ hasText: 'Giv videre' });
    await expect.poll(() => row.count(), { timeout: 10_000 }).toBe(1);
    const text = (await row.textContent())!.replace(/\s+/g, ' ');
    expect(text).toContain('Giv videre: ring til Mads Holm på 22 33 44 55');
    expect(text).toMatch(
      /Signe Vang vil gerne tale med dig efter koncerten .+\. Ring på 40 50 60 70\./,
    );
    expect(text).not.toContain('græd');
    const forCoordinator = await call('/api/v1/tasks?for=coordinator', { headers: as });
    expect(forCoordinator.items.map((task: Json) => task.id)).not.toContain(debriefId);
    expect(errors).toEqual([]);
    expect(journey.hub.output()).not.toMatch(/Mads|Signe|græd/);
    await page.close();
  });
});
