import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { TABLET_NOTICE_VERSION, type FeedbackResponse } from '@stue/core';
import type { DeviceProgramme } from '@stue/core/client';
import { openStueDb } from '@stue/core/idb';
import { openSealedJson, SEAL_CONTEXTS } from '@stue/core/sealing';
import type { StueKioskApp } from '../kiosk-app.js';
import { KioskStore } from '../store/kiosk-store.js';
import {
  deepAll,
  expectLargeTargets,
  expectReadable,
  heading,
  rawStores,
  removeDb,
  renderApp,
  seedTablet,
  startFeedback,
  tap,
  tapThen,
  textIn,
  unlock,
  type SeededTablet,
} from '../testing/kit.test-support.js';
import { defineConsentScreen, type StueKioskConsent } from './consent-screen.js';

defineConsentScreen();

async function screenCheck(app: StueKioskApp, where: string): Promise<void> {
  expectReadable(app.shadowRoot!, where);
  expectLargeTargets(app.shadowRoot!, where);
  await expect(app, where).to.be.accessible();
}

/** A singing visit's programme as the tablet's day gives it, in its third version. */
const singing = (feedbackInstrumentId = 'stue-home-concert'): DeviceProgramme => ({
  slug: 'syngende-besoeg',
  version: 3,
  noticeVersion: 'syngende-besoeg/3',
  name: { da: 'Syngende Besøg', en: 'Singing Visits' },
  notice: {
    da: 'Vi bruger svarene uden navne til at lære af besøgene.\n\nI kan altid bede os slette dem.',
    en: 'We use the answers without names to learn from the visits.\n\nYou can always ask us to delete them.',
  },
  controller: {
    name: 'Foreningen Stemmer',
    address: 'Korvej 2, 5000 Odense C',
    contact: 'data@stemmer.example.dk',
  },
  contact: { phone: '+4570203040', email: 'besoeg@stemmer.example.dk' },
  feedbackInstrumentId,
});

/**
 * Inger and Bent's yes to keeping their answers was never given: the tablet asks. With
 * `programme`, the day came from a hub that sends programmes, and their concert is for it.
 */
async function askFirst(tablet: SeededTablet, programme?: DeviceProgramme): Promise<void> {
  const db = await openStueDb(tablet.dbName);
  const store = new KioskStore(db);
  const day = (await store.day())!;
  await store.saveDay({
    ...day,
    // Karen and Ole's host took theirs back: the tablet does not ask them again.
    items: day.items.map((item, i) => ({
      ...item,
      feedbackConsent: i === 0 ? 'ask' : 'withdrawn',
      ...(programme && i === 0 ? { programme: programme.slug } : {}),
    })),
    ...(programme ? { programmes: [programme] } : {}),
  });
  db.close();
}

/** The line naming who looks after the answers and whom to ask, as it reads. */
const contactLine = (root: ShadowRoot) =>
  (root.querySelector('p.muted')!.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The consents in the outbox, after checking none is inside the sealed answers. */
async function queuedConsents(tablet: SeededTablet, version: string): Promise<unknown[]> {
  const { outbox } = await rawStores(tablet.dbName);
  for (const record of outbox) {
    const body = record.body as { sealed: never; consent: unknown };
    expect(Object.keys(body).sort()).to.deep.equal(['consent', 'sealed']);
    const response = await openSealedJson(
      tablet.hubPrivateKey,
      body.sealed,
      SEAL_CONTEXTS.feedbackResponse,
    );
    expect(JSON.stringify(response)).not.to.contain(version);
  }
  return outbox.map((record) => (record.body as { consent: unknown }).consent);
}

/** From the question to the thanks: a respondent who answers with help and stops at once. */
async function answerBriefly(app: StueKioskApp, role: string): Promise<void> {
  await tapThen(app, `[data-role="${role}"]`, /Svarer (du|I) selv/);
  await tapThen(app, '[data-help="false"]', 'Hvordan var besøget?');
  await tapThen(app, '[data-option="good"]', /Hvad mærkede/);
  await tapThen(app, '[data-action="finish"]', 'Vil du stoppe her?');
  await tapThen(app, '[data-action="stop-yes"]', 'Tusind tak!');
}

describe('the question about keeping the answers', () => {
  let tablet: SeededTablet;

  beforeEach(async () => {
    tablet = await seedTablet();
    await askFirst(tablet);
  });

  afterEach(async () => {
    fixtureCleanup();
    await removeDb(tablet.dbName);
  });

  it('comes before the first question; yes goes on, and every response carries the yes as shown', async () => {
    const app = await renderApp(tablet.dbName);
    await unlock(app);
    const inger = tablet.bookings[0]!;
    await startFeedback(app, inger.bookingId);
    await tapThen(app, '.primary', 'Må vi gemme jeres svar?');
    const words = textIn(app.shadowRoot!);
    for (const part of ['tre år', 'sige nej', 'stadig haft koncerten', 'koordinatoren']) {
      expect(words).to.contain(part);
    }
    await screenCheck(app, 'the question');

    const before = Date.now();
    await tapThen(app, '[data-action="consent-yes"]', 'Hvem svarer nu?');
    const after = Date.now();
    await answerBriefly(app, 'host');
    await tapThen(app, '[data-action="another"]', 'Hvem svarer nu?');
    await answerBriefly(app, 'visiting-friend');
    await tapThen(app, '[data-action="done"]', 'Tabletten er klar');

    // The consent property on the tablet: what is sent is exactly the yes that was shown and
    // given — both of them, when they tapped, with the version of the words on screen — beside
    // the sealed answers, never inside them.
    const { outbox } = await rawStores(tablet.dbName);
    expect(outbox).to.have.length(2);
    const consents = outbox.map((record) => (record.body as { consent: unknown }).consent);
    expect(consents[0]).to.deep.equal(consents[1]);
    const consent = consents[0] as { agreedBy: string; at: string; noticeVersion: string };
    expect(consent.agreedBy).to.equal('both');
    expect(consent.noticeVersion).to.equal(TABLET_NOTICE_VERSION);
    expect(Date.parse(consent.at)).to.be.within(before, after);
    for (const record of outbox) {
      const body = record.body as { sealed: never; consent: unknown };
      expect(Object.keys(body).sort()).to.deep.equal(['consent', 'sealed']);
      const response = (await openSealedJson(
        tablet.hubPrivateKey,
        body.sealed,
        SEAL_CONTEXTS.feedbackResponse,
      )) as FeedbackResponse;
      expect(response.bookingId).to.equal(inger.bookingId);
      expect(JSON.stringify(response)).not.to.contain(TABLET_NOTICE_VERSION);
    }
  });

  it('no ends kindly and keeps nothing', async () => {
    const app = await renderApp(tablet.dbName);
    await unlock(app);
    await startFeedback(app, tablet.bookings[0]!.bookingId);
    await tapThen(app, '.primary', 'Må vi gemme jeres svar?');
    await tapThen(app, '[data-action="consent-no"]', 'Det er helt i orden');
    expect(textIn(app.shadowRoot!)).to.contain('Vi gemmer ingenting');
    await screenCheck(app, 'after no');
    await tapThen(app, '[data-action="consent-done"]', 'Tabletten er klar');
    const { outbox, drafts } = await rawStores(tablet.dbName);
    expect(outbox).to.deep.equal([]);
    expect(drafts).to.deep.equal([]);
    const db = await openStueDb(tablet.dbName);
    expect(await new KioskStore(db).household(), 'no session is left').to.equal(undefined);
    db.close();
    expect(heading(app)).to.equal('Tabletten er klar');
  });

  it('is not asked after a withdrawal (nor when the yes is on record: the session tests)', async () => {
    const app = await renderApp(tablet.dbName);
    await unlock(app);
    // Karen and Ole's host withdrew it: straight to who answers, and no yes is sent.
    await startFeedback(app, tablet.bookings[1]!.bookingId);
    await tapThen(app, '.primary', 'Hvem svarer nu?');
    await answerBriefly(app, 'host');
    await tapThen(app, '[data-action="done"]', 'Tabletten er klar');
    const { outbox } = await rawStores(tablet.dbName);
    expect(Object.keys(outbox[0]!.body as object)).not.to.include('consent');
  });

  it("with the concert's programme: shows its controller, contact and notice, and records its notice version", async () => {
    await removeDb(tablet.dbName);
    tablet = await seedTablet();
    await askFirst(tablet, singing());
    const app = await renderApp(tablet.dbName);
    await unlock(app);
    const inger = tablet.bookings[0]!;
    await startFeedback(app, inger.bookingId);
    await tapThen(app, '.primary', 'Må vi gemme jeres svar?');
    const consentScreen = deepAll(app.shadowRoot!, 'stue-kiosk-consent')[0]!;
    expect(contactLine(consentScreen.shadowRoot!)).to.equal(
      'Foreningen Stemmer passer på svarene. Har I spørgsmål, kan I spørge Syngende Besøg: 70 20 30 40 eller besoeg@stemmer.example.dk.',
    );
    const words = textIn(app.shadowRoot!);
    expect(words, 'the built-in line gives way').not.to.contain('Musikeren ved, hvordan');
    expect(words, 'the notice waits behind its button').not.to.contain('bede os slette');
    await screenCheck(app, 'the question with a programme');

    const toggle = consentScreen.shadowRoot!.querySelector('[data-action="consent-notice"]')!;
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    tap(app, { selector: '[data-action="consent-notice"]' });
    await (consentScreen as StueKioskConsent).updateComplete;
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    const opened = textIn(app.shadowRoot!);
    expect(opened).to.contain('I kan altid bede os slette dem.');
    expect(opened).to.contain('Korvej 2, 5000 Odense C');
    await screenCheck(app, 'the notice open');

    const before = Date.now();
    await tapThen(app, '[data-action="consent-yes"]', 'Hvem svarer nu?');
    const after = Date.now();
    await answerBriefly(app, 'host');
    await tapThen(app, '[data-action="another"]', 'Hvem svarer nu?');
    await answerBriefly(app, 'visiting-friend');
    await tapThen(app, '[data-action="done"]', 'Tabletten er klar');

    // The consent property with a programme: the yes as shown, with the programme's version.
    const consents = await queuedConsents(tablet, 'syngende-besoeg/3');
    expect(consents).to.have.length(2);
    for (const consent of consents as { agreedBy: string; at: string; noticeVersion: string }[]) {
      expect(consent.agreedBy).to.equal('both');
      expect(consent.noticeVersion).to.equal('syngende-besoeg/3');
      expect(Date.parse(consent.at)).to.be.within(before, after);
    }
  });

  it('a programme naming questions the tablet lacks: the musician is told, the pair get the usual ones', async () => {
    await removeDb(tablet.dbName);
    tablet = await seedTablet();
    await askFirst(tablet, singing('stemmer-syngende-besoeg'));
    const app = await renderApp(tablet.dbName);
    await unlock(app);
    const inger = tablet.bookings[0]!;
    const karen = tablet.bookings[1]!;
    const note = (id: string) =>
      app
        .shadowRoot!.querySelector('stue-kiosk-day')!
        .shadowRoot!.querySelector(`[data-booking="${id}"] [data-instrument-missing]`);
    expect(textIn(note(inger.bookingId)!)).to.contain('Parret får de almindelige spørgsmål');
    expect(note(karen.bookingId), 'a concert without the programme').to.equal(null);
    await screenCheck(app, 'the day with the note');

    await startFeedback(app, inger.bookingId);
    await tapThen(app, '.primary', 'Må vi gemme jeres svar?');
    await tapThen(app, '[data-action="consent-yes"]', 'Hvem svarer nu?');
    expect(textIn(app.shadowRoot!), 'not to the pair').not.to.contain('almindelige spørgsmål');
    await answerBriefly(app, 'host');
    await tapThen(app, '[data-action="done"]', 'Tabletten er klar');
    const { outbox } = await rawStores(tablet.dbName);
    const response = (await openSealedJson(
      tablet.hubPrivateKey,
      (outbox[0]!.body as { sealed: never }).sealed,
      SEAL_CONTEXTS.feedbackResponse,
    )) as FeedbackResponse;
    expect(response.instrument).to.deep.equal({ id: 'stue-home-concert', version: 1 });
  });

  it('speaks English when the tablet does, and passes axe', async () => {
    const el = await fixture<StueKioskConsent>(
      html`<stue-kiosk-consent language="en"></stue-kiosk-consent>`,
    );
    const root = el.shadowRoot!;
    expect(textIn(root.querySelector('h1')!)).to.equal('May we keep your answers?');
    expect(textIn(root)).to.contain('three years');
    expect(textIn(root.querySelector('[data-action="consent-yes"]')!)).to.contain(
      'Yes, keep our answers',
    );
    expectLargeTargets(root, 'English');
    await expect(el).to.be.accessible();
  });

  it("says the programme's contact in English too, and passes axe", async () => {
    const el = await fixture<StueKioskConsent>(
      html`<stue-kiosk-consent language="en" .programme=${singing()}></stue-kiosk-consent>`,
    );
    const root = el.shadowRoot!;
    expect(contactLine(root)).to.equal(
      'Foreningen Stemmer looks after the answers. If you have questions, you can ask Singing Visits: 70 20 30 40 or besoeg@stemmer.example.dk.',
    );
    expectLargeTargets(root, 'English with a programme');
    await expect(el).to.be.accessible();
  });
});
