import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import type { FeedbackResponse } from '@stue/core';
import { openSealedJson, SEAL_CONTEXTS } from '@stue/core/sealing';
import type { StueKioskApp } from '../kiosk-app.js';
import {
  deep,
  deepAll,
  expectLargeTargets,
  expectOutlinedPictures,
  expectReadable,
  has,
  heading,
  rawStores,
  removeDb,
  renderApp,
  seedTablet,
  tap,
  textIn,
  hostToFirstQuestion,
  startFeedback,
  tapThen,
  unlock,
  untilHeading,
  type SeededTablet,
} from '../testing/kit.test-support.js';

const ENVELOPE_KEYS = ['alg', 'context', 'ct', 'epk', 'iv', 'kid', 'v'];

function pressed(app: StueKioskApp): string[] {
  return deepAll(app.shadowRoot!, '[aria-pressed="true"][data-option]').map(
    (b) => b.dataset['option'] ?? '',
  );
}

async function untilPressed(app: StueKioskApp, options: string[]): Promise<void> {
  await waitUntil(
    () => JSON.stringify(pressed(app).sort()) === JSON.stringify([...options].sort()),
    `pressed never became ${options.join(', ')} (is ${pressed(app).join(', ')})`,
  );
}

/** The host's full walk through the default instrument. */
async function hostAnswers(app: StueKioskApp): Promise<void> {
  await tapThen(app, '[data-role="host"]', 'Svarer du selv, eller får du hjælp?');
  await tapThen(app, '[data-help="true"]', 'Hvordan var besøget?');
  await tapThen(app, '[data-option="good"]', 'Hvad mærkede du under musikken?');
  for (const feeling of ['moved', 'sad', 'calm', 'reminded']) {
    tap(app, { selector: `[data-option="${feeling}"]` });
    await waitUntil(() => pressed(app).includes(feeling), `${feeling} not chosen`);
  }
  await tapThen(app, '[data-action="next"]', 'Følte du dig set?');
  await tapThen(app, '[data-action="skip"]', 'Delte du oplevelsen med din besøgsven?');
  await tapThen(app, '[data-option="yes"]', 'Fik du noget at tale om bagefter?');
  await tapThen(app, '[data-option="a-little"]', 'Vil du gerne have besøg igen?');
  await tapThen(app, '[data-option="yes"]', 'Tusind tak!');
}

async function openAll(tablet: SeededTablet, dbName = tablet.dbName) {
  const { outbox } = await rawStores(dbName);
  return Promise.all(
    outbox.map(async (record) => ({
      record,
      response: (await openSealedJson(
        tablet.hubPrivateKey,
        record.body as never,
        SEAL_CONTEXTS.feedbackResponse,
      )) as FeedbackResponse,
    })),
  );
}

describe('feedback session', () => {
  let tablet: SeededTablet;

  beforeEach(async () => {
    tablet = await seedTablet();
  });

  afterEach(async () => {
    fixtureCleanup();
    await removeDb(tablet.dbName);
  });

  it('takes two respondents through the instrument, seals each, and returns to the neutral start', async () => {
    const app = await renderApp(tablet.dbName);
    await unlock(app);
    const inger = tablet.bookings[0]!;
    await startFeedback(app, inger.bookingId);
    expect(heading(app)).to.equal('Giv tabletten til Inger og Bent');
    await tapThen(app, '.primary', 'Hvem svarer nu?');

    await hostAnswers(app);
    expect(textIn(app.shadowRoot!)).to.contain('Dine svar er gemt');

    await tapThen(app, '[data-action="another"]', 'Hvem svarer nu?');
    // The next respondent starts fresh: only that the host has answered shows, never how.
    expect(textIn(deep(app.shadowRoot!, '[data-role="host"]'))).to.contain('Har svaret');
    expect(textIn(deep(app.shadowRoot!, '[data-role="visiting-friend"]'))).not.to.contain(
      'Har svaret',
    );
    await tapThen(app, '[data-role="visiting-friend"]', 'Svarer du selv, eller får du hjælp?');
    expect(pressed(app)).to.deep.equal([]);
    await tapThen(app, '[data-help="false"]', 'Hvordan var besøget?');
    expect(pressed(app)).to.deep.equal([]);
    await tapThen(app, '[data-option="in-between"]', 'Hvad mærkede du under musikken?');
    expect(pressed(app), 'the host’s feelings are not shown').to.deep.equal([]);
    tap(app, { selector: '[data-option="happy"]' });
    await untilPressed(app, ['happy']);
    await tapThen(app, '[data-action="next"]', 'Følte du dig set?');
    await tapThen(app, '[data-option="no"]', 'Delte du oplevelsen med den, du besøger?');
    // Stopping early is fine: asked once, what was reached is kept, the rest is left out.
    await tapThen(app, '[data-action="finish"]', 'Vil du stoppe her?');
    await tapThen(app, '[data-action="stop-yes"]', 'Tusind tak!');

    await tapThen(app, '[data-action="done"]', 'Tabletten er klar');

    const opened = await openAll(tablet);
    expect(opened).to.have.length(2);
    const [host, friend] = opened;
    expect(host!.record.deviceSeq).to.equal(1);
    expect(friend!.record.deviceSeq).to.equal(2);
    for (const { record, response } of opened) {
      expect(record.kind).to.equal('feedback-response');
      expect(Object.keys(record.body as object).sort()).to.deep.equal(ENVELOPE_KEYS);
      expect(response.id).to.equal(record.id);
      expect(response.deviceSeq, 'inner and outer sequence agree').to.equal(record.deviceSeq);
      expect(response.bookingId).to.equal(inger.bookingId);
      expect(response.deviceId).to.equal(tablet.enrolment.deviceId);
    }
    expect(host!.response).to.deep.include({ role: 'host', answeredWithHelp: true });
    expect(host!.response.answers).to.deep.equal({
      visit: { choices: ['good'] },
      feelings: { choices: ['moved', 'sad', 'calm', 'reminded'] },
      seen: { skipped: true },
      'shared-with-friend': { choices: ['yes'] },
      'something-to-talk-about': { choices: ['a-little'] },
      'another-visit': { choices: ['yes'] },
    });
    expect(friend!.response).to.deep.include({ role: 'visiting-friend', answeredWithHelp: false });
    expect(friend!.response.answers).to.deep.equal({
      visit: { choices: ['in-between'] },
      feelings: { choices: ['happy'] },
      seen: { choices: ['no'] },
    });

    const { drafts, meta } = await rawStores(tablet.dbName);
    expect(drafts, 'no draft outlives its sealed response').to.deep.equal([]);
    expect(meta['kiosk:household']).to.equal(null);
  });

  it('saves every tap at once: a reload in the middle resumes at the same question with the same choices', async () => {
    let app = await renderApp(tablet.dbName);
    await unlock(app);
    await startFeedback(app, tablet.bookings[0]!.bookingId);
    tap(app, { selector: '.primary' });
    await untilHeading(app, 'Hvem svarer nu?');
    await tapThen(app, '[data-role="together"]', 'Svarer I selv, eller får I hjælp?');
    await tapThen(app, '[data-help="false"]', 'Hvordan var besøget?');
    await tapThen(app, '[data-option="not-good"]', 'Hvad mærkede du under musikken?');
    tap(app, { selector: '[data-option="tired"]' });
    await untilPressed(app, ['tired']);
    tap(app, { selector: '[data-option="longing"]' });
    await untilPressed(app, ['tired', 'longing']);

    // The draft is on disk already, before any "next".
    const { drafts } = await rawStores(tablet.dbName);
    expect(drafts).to.have.length(1);
    expect((drafts[0]!.value as { answers: unknown }).answers).to.deep.equal({
      visit: { choices: ['not-good'] },
      feelings: { choices: ['tired', 'longing'] },
    });

    // "Reload": a new app on the same storage.
    fixtureCleanup();
    app = await renderApp(tablet.dbName);
    await untilHeading(app, 'Hvad mærkede du under musikken?');
    await untilPressed(app, ['tired', 'longing']);
    // Back shows the earlier answer as it was.
    await tapThen(app, '[data-action="back"]', 'Hvordan var besøget?');
    expect(pressed(app)).to.deep.equal(['not-good']);
    await tapThen(app, '[data-option="not-good"]', 'Hvad mærkede du under musikken?');
    await tapThen(app, '[data-action="next"]', 'Følte du dig set?');
    await tapThen(app, '[data-action="finish"]', 'Vil du stoppe her?');
    await tapThen(app, '[data-action="stop-yes"]', 'Tusind tak!');

    const [only] = await openAll(tablet);
    expect(only!.response.role).to.equal('together');
    expect(only!.response.answers).to.deep.equal({
      visit: { choices: ['not-good'] },
      feelings: { choices: ['tired', 'longing'] },
    });
  });

  it('keeps household A’s answers from household B by every route in the app (S1)', async () => {
    const historyLength = history.length;
    const address = location.href;
    const app = await renderApp(tablet.dbName);
    await unlock(app);
    const [inger, karen] = tablet.bookings as [
      SeededTablet['bookings'][0],
      SeededTablet['bookings'][0],
    ];

    // Household A.
    await startFeedback(app, inger.bookingId);
    tap(app, { selector: '.primary' });
    await untilHeading(app, 'Hvem svarer nu?');
    await hostAnswers(app);
    await tapThen(app, '[data-action="done"]', 'Tabletten er klar');
    expect(textIn(app.shadowRoot!), 'the start screen shows nothing of A').not.to.match(
      /Inger|Bent|Rørt|Trist/,
    );

    // The musician's screens show counts, never answers.
    await unlock(app);
    const day = textIn(app.shadowRoot!);
    expect(day).to.contain('1 person har svaret.');
    expect(day).to.contain('1 svar venter på net.');
    for (const label of ['Rørt', 'Trist', 'Rolig', 'Mindet om noget', 'Med hjælp']) {
      expect(day).not.to.contain(label);
    }

    // Household B walks every screen: nothing is chosen, nothing says A answered.
    await startFeedback(app, karen.bookingId);
    expect(heading(app)).to.equal('Giv tabletten til Karen og Ole');
    tap(app, { selector: '.primary' });
    await untilHeading(app, 'Hvem svarer nu?');
    expect(textIn(app.shadowRoot!)).not.to.contain('Har svaret');
    await tapThen(app, '[data-role="host"]', 'Svarer du selv, eller får du hjælp?');
    expect(has(app.shadowRoot!, '[aria-pressed="true"]')).to.equal(false);
    await tapThen(app, '[data-action="skip"]', 'Hvordan var besøget?');
    for (let i = 0; i < 6; i += 1) {
      expect(has(app.shadowRoot!, '[aria-pressed="true"]'), heading(app)).to.equal(false);
      const before = heading(app);
      tap(app, { selector: '[data-action="skip"]' });
      await waitUntil(() => heading(app) !== before, 'skip did not move on');
    }
    await untilHeading(app, 'Tusind tak!');
    // Back from the thank-you screen does not lead into anyone's answers.
    expect(has(app.shadowRoot!, '[data-action="back"]')).to.equal(false);

    // Nothing in the address, the history, or web storage; the outbox holds envelopes only.
    expect(location.href).to.equal(address);
    expect(history.length).to.equal(historyLength);
    expect(sessionStorage.length).to.equal(0);
    expect(Object.keys(localStorage)).to.deep.equal(['stue-kiosk-device']);
    expect(localStorage.getItem('stue-kiosk-device')).to.equal(tablet.enrolment.deviceId);
    const { outbox, drafts } = await rawStores(tablet.dbName);
    expect(drafts).to.deep.equal([]);
    expect(outbox).to.have.length(2);
    for (const record of outbox) {
      expect(Object.keys(record.body as object).sort()).to.deep.equal(ENVELOPE_KEYS);
      // Long base64url runs (ciphertext, nonce, key) are left out: by chance they may spell
      // "sad" or "host"; a readable answer would stand in quotes, colons and spaces.
      const stored = JSON.stringify(record).replace(/"[\w-]{40,}"/g, '""');
      for (const plain of [
        'moved',
        'sad',
        'host',
        'answeredWithHelp',
        inger.bookingId,
        karen.bookingId,
        'Inger',
        'Karen',
      ]) {
        expect(stored, `"${plain}" readable in the outbox`).not.to.contain(plain);
      }
    }
    // The tablet cannot open what it sealed: it has no private key anywhere.
    const { meta } = await rawStores(tablet.dbName);
    expect(JSON.stringify(meta)).not.to.contain('"d":');
  });

  it('drops the answers on screen when the page is hidden, and reads them back from storage', async () => {
    const app = await renderApp(tablet.dbName);
    await unlock(app);
    await startFeedback(app, tablet.bookings[0]!.bookingId);
    await hostToFirstQuestion(app);
    await tapThen(app, '[data-option="good"]', 'Hvad mærkede du under musikken?');

    window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    await app.updateComplete;
    expect(has(app.shadowRoot!, 'stue-kiosk-session')).to.equal(false);
    expect(textIn(app.shadowRoot!)).not.to.contain('Hvad mærkede du');

    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    await untilHeading(app, 'Hvad mærkede du under musikken?');
    await tapThen(app, '[data-action="back"]', 'Hvordan var besøget?');
    expect(pressed(app)).to.deep.equal(['good']);
  });

  it('asks each question kind on large, calm, readable screens', async () => {
    const app = await renderApp(tablet.dbName);
    await unlock(app);
    await startFeedback(app, tablet.bookings[0]!.bookingId);
    const check = async (where: string) => {
      const root = app.shadowRoot!;
      expectReadable(root, where);
      expectLargeTargets(root, where);
      expectOutlinedPictures(root, where);
      await expect(app, where).to.be.accessible();
    };
    await check('hand-over');
    tap(app, { selector: '.primary' });
    await untilHeading(app, 'Hvem svarer nu?');
    await check('who answers');
    await tapThen(app, '[data-role="guest"]', 'Svarer du selv, eller får du hjælp?');
    await check('with help');
    await tapThen(app, '[data-help="true"]', 'Hvordan var besøget?');
    await check('single choice, faces');
    // The question is 36–40 px, the answers' words at least 28 px.
    const prompt = deep(app.shadowRoot!, 'h1');
    expect(parseFloat(getComputedStyle(prompt).fontSize)).to.be.within(36, 40);
    for (const word of deepAll(app.shadowRoot!, '.option span:not(.check)')) {
      expect(parseFloat(getComputedStyle(word).fontSize)).to.be.at.least(28);
    }
    // Every answer looks alike: no colour says good or bad.
    const looks = new Set(
      deepAll(app.shadowRoot!, '[data-option]').map((b) => {
        const s = getComputedStyle(b);
        return `${s.backgroundColor} ${s.borderTopColor} ${s.color}`;
      }),
    );
    expect(looks.size).to.equal(1);
    await tapThen(app, '[data-option="good"]', 'Hvad mærkede du under musikken?');
    tap(app, { selector: '[data-option="sad"]' });
    await untilPressed(app, ['sad']);
    await check('multi choice, feelings');
    await tapThen(app, '[data-action="next"]', 'Følte du dig set?');
    await check('single choice, yes / a little / no');
    await tapThen(app, '[data-option="a-little"]', 'Fik du noget at tale om bagefter?');
    await tapThen(app, '[data-option="yes"]', 'Vil du gerne have besøg igen?');
    await check('another visit, with maybe');
    await tapThen(app, '[data-option="rather-not-say"]', 'Tusind tak!');
    await check('thank you');
  });

  it('asks once before stopping, keeps "Done" quieter than the answers, and offers no skip once something is chosen', async () => {
    const app = await renderApp(tablet.dbName);
    await unlock(app);
    await startFeedback(app, tablet.bookings[0]!.bookingId);
    tap(app, { selector: '.primary' });
    await untilHeading(app, 'Hvem svarer nu?');
    await tapThen(app, '[data-role="host"]', 'Svarer du selv, eller får du hjælp?');
    await tapThen(app, '[data-help="false"]', 'Hvordan var besøget?');

    // "Done" has no frame: it does not look like one of the answers, and is as large a target.
    const done = deep(app.shadowRoot!, '[data-action="finish"]');
    const answer = deep(app.shadowRoot!, '[data-option="good"]');
    expect(getComputedStyle(done).borderTopColor).to.equal('rgba(0, 0, 0, 0)');
    expect(getComputedStyle(answer).borderTopColor).not.to.equal('rgba(0, 0, 0, 0)');
    expect(done.getBoundingClientRect().height).to.be.at.least(44);

    // Asked once, with two large buttons; "No" goes back to the same question.
    await tapThen(app, '[data-action="finish"]', 'Vil du stoppe her?');
    expect(textIn(app.shadowRoot!)).to.contain('Dine svar indtil nu er gemt.');
    expect(
      deepAll(app.shadowRoot!, '.stop-choices button').map((b) => b.textContent!.trim()),
    ).to.deep.equal(['Nej, fortsæt', 'Ja, stop her']);
    expectLargeTargets(app.shadowRoot!, 'stop here?');
    await expect(app).to.be.accessible();
    await tapThen(app, '[data-action="stop-no"]', 'Hvordan var besøget?');

    // Nothing chosen: "Skip". Something chosen: no "Skip", and "Next" keeps the choice.
    await tapThen(app, '[data-option="good"]', 'Hvad mærkede du under musikken?');
    expect(has(app.shadowRoot!, '[data-action="skip"]')).to.equal(true);
    tap(app, { selector: '[data-option="calm"]' });
    await untilPressed(app, ['calm']);
    expect(has(app.shadowRoot!, '[data-action="skip"]')).to.equal(false);
    expect(has(app.shadowRoot!, '[data-action="next"]')).to.equal(true);
    await tapThen(app, '[data-action="back"]', 'Hvordan var besøget?');
    expect(pressed(app)).to.deep.equal(['good']);
    expect(has(app.shadowRoot!, '[data-action="skip"]')).to.equal(false);
    await tapThen(app, '[data-action="next"]', 'Hvad mærkede du under musikken?');
    await tapThen(app, '[data-action="back"]', 'Hvordan var besøget?');
    expect(pressed(app), 'Next kept the answer').to.deep.equal(['good']);
  });

  it('shows in a second session for the same concert who already answered today, and only there', async () => {
    const app = await renderApp(tablet.dbName);
    await unlock(app);
    const [inger, karen] = tablet.bookings as [
      SeededTablet['bookings'][0],
      SeededTablet['bookings'][0],
    ];
    await startFeedback(app, inger.bookingId);
    await tapThen(app, '.primary', 'Hvem svarer nu?');
    await hostAnswers(app);
    await tapThen(app, '[data-action="done"]', 'Tabletten er klar');

    // Later the same day the musician opens the concert again: the host is marked as answered.
    await unlock(app);
    await startFeedback(app, inger.bookingId);
    await tapThen(app, '.primary', 'Hvem svarer nu?');
    expect(textIn(deep(app.shadowRoot!, '[data-role="host"]'))).to.contain('Har svaret');
    expect(textIn(deep(app.shadowRoot!, '[data-role="visiting-friend"]'))).not.to.contain(
      'Har svaret',
    );
    await expect(app).to.be.accessible();
    tap(app, 'Vi er færdige');
    await untilHeading(app, 'Tabletten er klar');

    // Another concert's session shows nothing of it.
    await unlock(app);
    await startFeedback(app, karen.bookingId);
    await tapThen(app, '.primary', 'Hvem svarer nu?');
    expect(textIn(app.shadowRoot!)).not.to.contain('Har svaret');
  });

  it('speaks English when the musician chose English before handing over', async () => {
    const app = await renderApp(tablet.dbName);
    await unlock(app);
    tap(app, { selector: 'button[lang="en"]' });
    await untilHeading(app, 'Today’s concerts');
    tap(app, {
      selector: `[data-booking="${tablet.bookings[0]!.bookingId}"] [data-action="start"]`,
    });
    await untilHeading(app, 'Hand the tablet to Inger and Bent');
    tap(app, { selector: '.primary' });
    await untilHeading(app, 'Who is answering now?');
    await tapThen(app, '[data-role="host"]', 'Are you answering on your own, or with help?');
    await tapThen(app, '[data-help="false"]', 'How was the visit?');
    expect(deep(app.shadowRoot!, '.session').getAttribute('lang')).to.equal('en');
    await tapThen(app, '[data-action="finish"]', 'Do you want to stop here?');
    await tapThen(app, '[data-action="stop-yes"]', 'Thank you so much!');
  });
});
