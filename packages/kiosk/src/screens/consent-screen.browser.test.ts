import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { TABLET_NOTICE_VERSION, type FeedbackResponse } from '@stue/core';
import { openStueDb } from '@stue/core/idb';
import { openSealedJson, SEAL_CONTEXTS } from '@stue/core/sealing';
import type { StueKioskApp } from '../kiosk-app.js';
import { KioskStore } from '../store/kiosk-store.js';
import {
  expectLargeTargets,
  expectReadable,
  heading,
  rawStores,
  removeDb,
  renderApp,
  seedTablet,
  startFeedback,
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

/** Inger and Bent's yes to keeping their answers was never given: the tablet asks. */
async function askFirst(tablet: SeededTablet): Promise<void> {
  const db = await openStueDb(tablet.dbName);
  const store = new KioskStore(db);
  const day = (await store.day())!;
  await store.saveDay({
    ...day,
    // Karen and Ole's host took theirs back: the tablet does not ask them again.
    items: day.items.map((item, i) => ({
      ...item,
      feedbackConsent: i === 0 ? 'ask' : 'withdrawn',
    })),
  });
  db.close();
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
});
