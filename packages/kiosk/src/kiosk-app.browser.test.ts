import { setViewport } from '@web/test-runner-commands';
import { expect, fixtureCleanup, waitUntil } from '@open-wc/testing';
import { newId, type MusicianDebrief } from '@stue/core';
import { generateHubKeyPair } from '@stue/core/sealing';
import { openStueDb } from '@stue/core/idb';
import type { StueKioskApp } from './kiosk-app.js';
import { danishToday } from '@stue/core';
import { KioskStore } from './store/kiosk-store.js';
import {
  deep,
  deepAll,
  expectLargeTargets,
  expectReadable,
  fakeHub,
  has,
  heading,
  rawStores,
  removeDb,
  renderApp,
  seedTablet,
  tap,
  textIn,
  typePin,
  hostToFirstQuestion,
  startDebrief,
  startFeedback,
  unlock,
  untilHeading,
  TEST_PIN,
  type SeededTablet,
} from './testing/kit.test-support.js';

const pageUrl = location.href;
const realFetch = window.fetch;

function connection(el: StueKioskApp): HTMLElement {
  return deep(el.shadowRoot!, '[role="status"].connection');
}

async function screenCheck(app: StueKioskApp, where: string): Promise<void> {
  expectReadable(app.shadowRoot!, where);
  expectLargeTargets(app.shadowRoot!, where);
  await expect(app, where).to.be.accessible();
}

function typeInto(app: StueKioskApp, selector: string, value: string): void {
  const field = deep<HTMLInputElement | HTMLTextAreaElement>(app.shadowRoot!, selector);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

describe('<stue-kiosk-app> on a tablet that is not enrolled', () => {
  let dbName: string;

  beforeEach(() => {
    dbName = `stue-kiosk-test-${newId()}`;
    localStorage.clear();
  });

  afterEach(async () => {
    fixtureCleanup();
    history.replaceState(null, '', pageUrl);
    window.fetch = realFetch;
    localStorage.clear();
    await removeDb(dbName);
  });

  it('says in Danish that the tablet is not enrolled yet and how it is', async () => {
    const app = await renderApp(dbName);
    const root = app.shadowRoot!;
    expect(textIn(deep(root, '.brand'))).to.equal('Stue');
    expect(heading(app)).to.equal('Denne tablet er ikke tilmeldt endnu');
    expect(textIn(root)).to.contain('Musikeren tilmelder den med en kode fra koordinatoren.');
    expect(deep(root, '.screen').getAttribute('lang')).to.equal('da');
    // Tests run in a browser tab, not an installed app: the kiosk says what that risks.
    expect(textIn(root)).to.contain('Stue kører i en almindelig browserfane');
    expect(textIn(root)).to.contain('7 dage');
    await screenCheck(app, 'not enrolled');
  });

  it('speaks English when the page address has ?lang=en', async () => {
    history.replaceState(null, '', '?lang=en');
    const app = await renderApp(dbName);
    expect(heading(app)).to.equal('This tablet is not enrolled yet');
    expect(textIn(connection(app))).to.equal('The tablet is online.');
    await expect(app).to.be.accessible();
  });

  it('draws nothing while a quick start reads storage, and says "Et øjeblik …" when it is slow', async () => {
    // Storage kept busy: a transaction that goes on asking holds the app's first read back.
    (await openStueDb(dbName)).close();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(dbName);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const busy = db.transaction('meta', 'readwrite');
    let holding = true;
    const held = new Promise((resolve) => (busy.oncomplete = resolve));
    const ask = () => {
      if (holding) busy.objectStore('meta').get('nothing').onsuccess = ask;
    };
    ask();
    const app = document.createElement('stue-kiosk-app') as StueKioskApp;
    app.setAttribute('db-name', dbName);
    document.body.append(app);
    try {
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(textIn(app.shadowRoot!)).to.equal('');
      await waitUntil(() => textIn(app.shadowRoot!).includes('Et øjeblik …'), 'no waiting text', {
        timeout: 2000,
      });
      holding = false;
      await held;
      await untilHeading(app, 'Denne tablet er ikke tilmeldt endnu');
    } finally {
      holding = false;
      app.remove();
      db.close();
    }
  });

  it('says in a polite live region when the tablet goes offline and online again', async () => {
    const app = await renderApp(dbName);
    const region = connection(app);
    expect(textIn(region)).to.equal('Tabletten er online.');
    window.dispatchEvent(new Event('offline'));
    await app.updateComplete;
    expect(textIn(connection(app))).to.equal('Tabletten er offline.');
    expect(connection(app).dataset['state']).to.equal('offline');
    expect(connection(app)).to.equal(region);
    const dot = deep(app.shadowRoot!, '.dot');
    expect(
      contrastOf(getComputedStyle(dot).borderTopColor, getComputedStyle(app).backgroundColor),
    ).to.be.at.least(7);
    await expect(app).to.be.accessible();
    window.dispatchEvent(new Event('online'));
    await app.updateComplete;
    expect(textIn(connection(app))).to.equal('Tabletten er online.');
  });

  describe('reading the code from a QR code', () => {
    const realGetUserMedia = navigator.mediaDevices.getUserMedia;
    let stopped = 0;

    // A browser with BarcodeDetector whose camera shows `seen` (or cannot be used at all).
    function camera(seen: string[] | 'refused'): void {
      (window as unknown as { BarcodeDetector: unknown }).BarcodeDetector = class {
        async detect() {
          return seen === 'refused' ? [] : seen.map((rawValue) => ({ rawValue }));
        }
      };
      navigator.mediaDevices.getUserMedia = async () => {
        if (seen === 'refused') throw new DOMException('denied', 'NotAllowedError');
        const canvas = document.createElement('canvas');
        const stream = canvas.captureStream();
        for (const track of stream.getTracks()) {
          const stop = track.stop.bind(track);
          track.stop = () => {
            stopped += 1;
            stop();
          };
        }
        return stream;
      };
    }

    afterEach(() => {
      delete (window as unknown as { BarcodeDetector?: unknown }).BarcodeDetector;
      navigator.mediaDevices.getUserMedia = realGetUserMedia;
      stopped = 0;
    });

    async function enrolScreen() {
      const app = await renderApp(dbName);
      tap(app, { selector: '[data-action="enrol"]' });
      await untilHeading(app, 'Tilmeld tabletten');
      return app;
    }

    it('fills in the code from the camera, passing over other QR codes, and turns the camera off', async () => {
      camera(['https://example.com/menu', 'https://stue.example/kiosk/?code=7kq3-9xzd']);
      const app = await enrolScreen();
      await screenCheck(app, 'enrolment with a camera');
      tap(app, 'Scan QR-koden');
      await waitUntil(() => textIn(app.shadowRoot!).includes('Koden er læst: 7KQ3-9XZD.'));
      expect(deep<HTMLInputElement>(app.shadowRoot!, '#code').value).to.equal('7KQ3-9XZD');
      expect(stopped).to.be.greaterThan(0);
      expect(has(app.shadowRoot!, 'video')).to.equal(false);
      await screenCheck(app, 'enrolment after a scan');
    });

    it('says so when the camera cannot be used, and typing still works', async () => {
      camera('refused');
      const app = await enrolScreen();
      tap(app, 'Scan QR-koden');
      await waitUntil(() =>
        textIn(app.shadowRoot!).includes('Kameraet kunne ikke bruges. Skriv koden i stedet.'),
      );
      typeInto(app, '#code', 'abcd-1234');
      expect(deep<HTMLInputElement>(app.shadowRoot!, '#code').value).to.equal('abcd-1234');
    });

    it('can be stopped to type instead', async () => {
      camera([]);
      const app = await enrolScreen();
      tap(app, 'Scan QR-koden');
      await waitUntil(() => has(app.shadowRoot!, 'video'));
      await screenCheck(app, 'scanning');
      tap(app, 'Skriv koden i stedet');
      await waitUntil(() => !has(app.shadowRoot!, 'video'));
      await waitUntil(() => stopped > 0);
    });

    it('offers no scanning where the browser cannot read QR codes', async () => {
      const app = await enrolScreen();
      expect(has(app.shadowRoot!, '[data-action="scan"]')).to.equal(false);
    });
  });

  it('enrols with a code, keeps token and hub key, asks to persist storage, and sets a hashed PIN', async () => {
    const { publicKeyJwk } = await generateHubKeyPair();
    const requests: { url: string; body: unknown }[] = [];
    window.fetch = async (input, init) => {
      const url = String(input);
      requests.push({ url, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      if (url.endsWith('/api/v1/devices/enrol')) {
        return Response.json(
          {
            device: { id: 'device-1', musicianId: 'musician-1', name: 'Signes tablet' },
            token: 'dt_secret',
            musician: { id: 'musician-1', name: 'Signe Vang' },
            hubPublicKey: publicKeyJwk,
          },
          { status: 201 },
        );
      }
      return Response.json({ date: '2030-05-07', items: [] });
    };
    const app = await renderApp(dbName, new URL('https://hub.example/'));
    tap(app, { selector: '[data-action="enrol"]' });
    await untilHeading(app, 'Tilmeld tabletten');
    await screenCheck(app, 'enrolment');
    for (const input of deepAll<HTMLInputElement>(app.shadowRoot!, 'input')) {
      expect(input.getAttribute('autocomplete'), input.id).to.equal('off');
    }

    // Nothing typed: the summary takes focus and links to each field.
    tap(app, 'Tilmeld');
    await waitUntil(() => has(app.shadowRoot!, '.error-summary'));
    const summary = deep(app.shadowRoot!, '.error-summary');
    expect(textIn(summary)).to.contain('Skriv koden fra koordinatoren.');
    expect(textIn(summary)).to.contain('Giv tabletten et navn.');
    expect(deep(app.shadowRoot!, '#code').getAttribute('aria-invalid')).to.equal('true');
    await screenCheck(app, 'enrolment with errors');

    // A CPR number in the name, however written, is refused here before anything is sent.
    typeInto(app, '#code', 'abcd-1234');
    typeInto(app, '#name', 'Signe 01 01 90 12 34');
    tap(app, 'Tilmeld');
    await waitUntil(() => textIn(deep(app.shadowRoot!, '.error-summary')).includes('CPR'));
    expect(textIn(deep(app.shadowRoot!, '.error-summary'))).to.contain(
      'Skriv ikke CPR-numre. Stue må ikke gemme dem.',
    );
    expect(deep(app.shadowRoot!, '#name').getAttribute('aria-invalid')).to.equal('true');
    expect(requests).to.deep.equal([]);

    typeInto(app, '#name', 'Signes tablet');
    tap(app, 'Tilmeld');
    await untilHeading(app, 'Tabletten er tilmeldt');
    expect(requests[0]).to.deep.equal({
      url: 'https://hub.example/api/v1/devices/enrol',
      body: { code: 'abcd-1234', name: 'Signes tablet' },
    });
    expect(textIn(app.shadowRoot!)).to.contain('Den hører nu til Signe Vang.');
    // The answer of navigator.storage.persist() is shown, whichever it is; in a tab without the
    // promise it is one warning, the tab's, which says what is at risk.
    const persisted = deep(app.shadowRoot!, '[data-persisted]');
    expect(persisted.dataset['persisted']).to.be.oneOf(['true', 'false']);
    expect(textIn(persisted)).to.match(
      /Browseren har lovet|Browseren har ikke lovet|almindelig browserfane/,
    );
    expect(deepAll(app.shadowRoot!, '.notice').length, 'one warning, not two').to.equal(
      persisted.dataset['persisted'] === 'false' ? 1 : 2,
    );
    await screenCheck(app, 'enrolled');

    tap(app, { selector: '[data-action="continue"]' });
    await untilHeading(app, 'Vælg en PIN-kode til musikeren');
    expect(textIn(app.shadowRoot!)).to.contain('Svarene er låst på en anden måde');
    await screenCheck(app, 'choose PIN');
    typePin(app, '1357');
    await untilHeading(app, 'Skriv PIN-koden igen');
    typePin(app, '1358');
    await untilHeading(app, 'Vælg en PIN-kode til musikeren');
    expect(textIn(app.shadowRoot!)).to.contain('De to koder var ikke ens.');
    typePin(app, '1357');
    await untilHeading(app, 'Skriv PIN-koden igen');
    typePin(app, '1357');
    await untilHeading(app, 'Dagens koncerter');

    const { meta } = await rawStores(dbName);
    expect(meta['kiosk:enrolment']).to.deep.include({
      deviceId: 'device-1',
      token: 'dt_secret',
      hubPublicKey: publicKeyJwk,
    });
    const pin = meta['kiosk:pin'] as Record<string, unknown>;
    expect(pin['algorithm']).to.equal('PBKDF2-SHA-256');
    // No stored value is the PIN (a timestamp or a hash may happen to contain its four digits).
    const leaves = (value: unknown): unknown[] =>
      value !== null && typeof value === 'object' ? Object.values(value).flatMap(leaves) : [value];
    expect(leaves(meta).map(String)).not.to.include('1357');
    expect(localStorage.getItem('stue-kiosk-device')).to.equal('device-1');
  });

  // Core's client makes a 400 with issues a StueValidationError: the tablet says the same.
  const refusals = [
    ['a refused code', { error: { code: 'invalid_enrolment_code' } }],
    [
      'a code the hub refused with issues',
      {
        error: {
          code: 'invalid_body',
          message: 'Ugyldig',
          issues: [{ path: 'code', code: 'too_long', message: 'For lang' }],
        },
      },
    ],
  ] as const;
  for (const [what, body] of refusals) {
    it(`says ${what} plainly, on the field`, async () => {
      window.fetch = async () => Response.json(body, { status: 400 });
      const app = await renderApp(dbName, new URL('https://hub.example/'));
      tap(app, { selector: '[data-action="enrol"]' });
      await untilHeading(app, 'Tilmeld tabletten');
      typeInto(app, '#code', 'WRONG-CODE');
      typeInto(app, '#name', 'Tablet');
      tap(app, 'Tilmeld');
      await waitUntil(() => has(app.shadowRoot!, '#code-error'));
      expect(textIn(deep(app.shadowRoot!, '#code-error'))).to.contain('Koden virker ikke');
      // The error summary takes focus, so a screen reader reads it first.
      const enrol = deep(app.shadowRoot!, 'stue-kiosk-enrol');
      expect(enrol.shadowRoot!.activeElement?.classList.contains('error-summary')).to.equal(true);
    });
  }

  it('says so at start when the tablet’s storage was wiped after enrolment', async () => {
    localStorage.setItem('stue-kiosk-device', 'device-1');
    const app = await renderApp(dbName);
    expect(textIn(app.shadowRoot!)).to.contain('Tabletten har mistet sine data');
    await screenCheck(app, 'wiped');
  });
});

describe('<stue-kiosk-app> in musician mode', () => {
  let tablet: SeededTablet;

  beforeEach(async () => {
    localStorage.clear();
    tablet = await seedTablet();
  });

  afterEach(async () => {
    fixtureCleanup();
    window.fetch = realFetch;
    localStorage.clear();
    await removeDb(tablet.dbName);
  });

  it('keeps musician mode behind the PIN', async () => {
    const app = await renderApp(tablet.dbName);
    await untilHeading(app, 'Tabletten er klar');
    await screenCheck(app, 'ready');
    expect(textIn(app.shadowRoot!)).not.to.match(/Inger|Karen/);
    tap(app, { selector: '[data-action="unlock"]' });
    await untilHeading(app, 'Musikerens PIN-kode');
    await screenCheck(app, 'PIN');
    typePin(app, '1111');
    await waitUntil(() => textIn(app.shadowRoot!).includes('Forkert PIN-kode'));
    expect(heading(app)).to.equal('Musikerens PIN-kode');
    tap(app, 'Tilbage');
    await untilHeading(app, 'Tabletten er klar');
    await unlock(app);
  });

  it('waits after five wrong PINs, longer after each one more, says so in words and loses nothing', async () => {
    const store = new KioskStore(await openStueDb(tablet.dbName));
    const before = await rawStores(tablet.dbName);
    const app = await renderApp(tablet.dbName);
    await untilHeading(app, 'Tabletten er klar');
    tap(app, { selector: '[data-action="unlock"]' });
    await untilHeading(app, 'Musikerens PIN-kode');
    for (let i = 1; i <= 4; i++) {
      typePin(app, '1111');
      await waitUntil(async () => (await store.pinAttempts())?.failures === i);
      await waitUntil(() => textIn(app.shadowRoot!).includes('Forkert PIN-kode. Prøv igen.'));
    }
    typePin(app, '1111');
    await waitUntil(() =>
      textIn(app.shadowRoot!).includes(
        'Der er skrevet forkert PIN-kode for mange gange. Vent 30 sekunder, og prøv igen. Intet er slettet.',
      ),
    );
    await screenCheck(app, 'PIN wait');
    // While the pad waits, even the right PIN does not open it, and it is not counted.
    typePin(app, TEST_PIN);
    await app.updateComplete;
    expect(heading(app)).to.equal('Musikerens PIN-kode');
    expect((await store.pinAttempts())?.failures).to.equal(5);
    await waitUntil(() => /Vent (29|30) sekunder/.test(textIn(app.shadowRoot!)));

    // A reload keeps the count: the sixth wrong PIN (once the wait is over) means a minute.
    fixtureCleanup();
    await store.savePinAttempts({ failures: 5, lastFailureAt: Date.now() - 31_000 });
    const again = await renderApp(tablet.dbName);
    await untilHeading(again, 'Tabletten er klar');
    tap(again, { selector: '[data-action="unlock"]' });
    await untilHeading(again, 'Musikerens PIN-kode');
    typePin(again, '1111');
    await waitUntil(() => textIn(again.shadowRoot!).includes('Vent 1 minut, og prøv igen.'));
    fixtureCleanup();
    await store.savePinAttempts({ failures: 8, lastFailureAt: Date.now() });
    const later = await renderApp(tablet.dbName);
    await untilHeading(later, 'Tabletten er klar');
    tap(later, { selector: '[data-action="unlock"]' });
    // Opening the pad during a wait shows it at once, before anything is typed.
    await waitUntil(() => textIn(later.shadowRoot!).includes('Vent 4 minutter, og prøv igen.'));

    // When the wait is over the right PIN opens musician mode and the count starts again.
    fixtureCleanup();
    await store.savePinAttempts({ failures: 8, lastFailureAt: Date.now() - 241_000 });
    const open = await renderApp(tablet.dbName);
    await unlock(open);
    expect(await store.pinAttempts()).to.equal(undefined);
    const after = await rawStores(tablet.dbName);
    expect(after.outbox).to.deep.equal(before.outbox);
    expect(after.drafts).to.deep.equal(before.drafts);
    expect((after.meta as Record<string, unknown>)['kiosk:pin']).to.deep.equal(
      (before.meta as Record<string, unknown>)['kiosk:pin'],
    );
    store.db.close();
  });

  it('shows today’s concerts with what to remember, the sync state in words and the storage', async () => {
    const app = await renderApp(tablet.dbName);
    await unlock(app);
    const text = textIn(app.shadowRoot!);
    expect(text).to.contain('Signe Vang · Signes tablet');
    expect(text).to.contain('Kl. 10.00 · Inger og Bent');
    expect(text).to.contain('Aarhus');
    expect(text).to.match(/Husk ?: hører dårligt, trapper, 1 gæst mere/);
    expect(text).to.match(/Ønsker ?: Gamle danske sange/);
    expect(text).to.contain('Kl. 14.00 · Karen og Ole');
    // Nothing sent yet: said as such, never "all sent" beside "nothing sent".
    expect(text).to.contain('Der er ingen svar at sende endnu.');
    expect(text).not.to.contain('Alt er sendt.');
    expect(text).not.to.contain('Sidst sendt');
    // In a tab the storage panel does not repeat the tab warning; protected, it says so.
    expect(text).not.to.contain('De gemte svar er ikke beskyttet mod oprydning');
    expect(text).to.contain('Stue kører i en almindelig browserfane');
    await screenCheck(app, 'day');
  });

  it('warns once about the tab, folds the warning once read, and shows the first concert at 1024×768', async () => {
    await setViewport({ width: 1024, height: 768 });
    try {
      const app = await renderApp(tablet.dbName);
      await unlock(app);
      const root = app.shadowRoot!;
      // One warning: the storage panel does not repeat the tab's.
      expect(deepAll(root, '.notice')).to.have.length(1);
      expect(textIn(root)).not.to.contain('De gemte svar er ikke beskyttet mod oprydning');
      const notice = deep<HTMLDetailsElement>(root, 'details.tab-notice');
      expect(notice.open).to.equal(true);
      const firstConcert = () => deepAll(root, '[data-booking]')[0]!.getBoundingClientRect();
      expect(firstConcert().top, 'the first concert starts on screen').to.be.below(768 - 100);
      await expect(app).to.be.accessible();

      // Read and closed, it stays closed on the next start, and the concert moves up.
      const openTop = firstConcert().top;
      deep(root, 'details.tab-notice summary').click();
      await waitUntil(() => !notice.open);
      expect(firstConcert().top).to.be.below(openTop);
      app.remove();
      const again = await renderApp(tablet.dbName);
      await unlock(again);
      expect(deep<HTMLDetailsElement>(again.shadowRoot!, 'details.tab-notice').open).to.equal(
        false,
      );
      expect(textIn(again.shadowRoot!)).to.contain('Stue kører i en almindelig browserfane');
      await screenCheck(again, 'day, warning read');
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });

  it('keeps the concerts for offline use and says so', async () => {
    const app = await renderApp(tablet.dbName);
    await unlock(app);
    window.dispatchEvent(new Event('offline'));
    await app.updateComplete;
    await waitUntil(() => textIn(app.shadowRoot!).includes('Uden net viser tabletten'));
    expect(textIn(app.shadowRoot!)).to.contain('Inger og Bent');
    window.dispatchEvent(new Event('online'));
  });

  it('sends a finished response once and says when it last sent', async () => {
    const hub = fakeHub();
    const app = await renderApp(tablet.dbName, hub.api);
    await unlock(app);
    await startFeedback(app, tablet.bookings[1]!.bookingId);
    expect(heading(app)).to.equal('Giv tabletten til Karen og Ole');
    await hostToFirstQuestion(app);
    tap(app, { selector: '[data-option="good"]' });
    await untilHeading(app, 'Hvad mærkede du under musikken?');
    tap(app, { selector: '[data-action="finish"]' });
    await untilHeading(app, 'Vil du stoppe her?');
    tap(app, { selector: '[data-action="stop-yes"]' });
    await untilHeading(app, 'Tusind tak!');

    await waitUntil(async () => (await hub.state()).rows.length === 1, 'never sent', {
      timeout: 5000,
    });
    const { rows } = await hub.state();
    expect(rows[0]).to.deep.include({ kind: 'feedback-response', deviceSeq: 1 });
    await waitUntil(async () => (await rawStores(tablet.dbName)).outbox.length === 0);

    tap(app, { selector: '[data-action="done"]' });
    await unlock(app);
    const text = textIn(app.shadowRoot!);
    expect(text).to.contain('Alt er sendt.');
    expect(text).to.match(/Sidst sendt i dag kl\. \d\d\.\d\d — 1 svar\./);
    expect(text).to.contain('1 person har svaret.');

    // A restart keeps the last sending: the tablet still says when it was, and how many.
    const again = await renderApp(tablet.dbName, hub.api);
    await unlock(again);
    const after = textIn(again.shadowRoot!);
    expect(after).to.contain('Alt er sendt.');
    expect(after).to.match(/Sidst sendt i dag kl\. \d\d\.\d\d — 1 svar\./);
  });

  it('keeps records queued and says so when the hub has revoked the tablet', async () => {
    await removeDb(tablet.dbName);
    tablet = await seedTablet({ token: 'dt_revoked' });
    const hub = fakeHub();
    const app = await renderApp(tablet.dbName, hub.api);
    await unlock(app);
    await startDebrief(app, tablet.bookings[0]!.bookingId);
    tap(app, { selector: '[data-outcome="good"]' });
    tap(app, { selector: '[data-answer="hard-no"]' });
    tap(app, { selector: '[data-answer="call-no"]' });
    await waitUntil(() => has(app.shadowRoot!, '[data-answer="call-no"][aria-pressed="true"]'));
    tap(app, 'Gem og send');
    await untilHeading(app, 'Dagens koncerter');
    await waitUntil(
      () => textIn(app.shadowRoot!).includes('Tabletten er ikke længere tilmeldt'),
      'no word of the revocation',
      { timeout: 5000 },
    );
    // The day's list can hear of the revocation before the outbox's own refusal ends its sending.
    await waitUntil(
      () => textIn(app.shadowRoot!).includes('1 svar venter på net.'),
      'the record is not shown as waiting',
      { timeout: 5000 },
    );
    expect(textIn(app.shadowRoot!)).to.contain('Svarene er gemt her');
    const { outbox } = await rawStores(tablet.dbName);
    expect(outbox).to.have.length(1);
    expect(outbox[0]).to.deep.include({ kind: 'musician-debrief', state: 'pending' });
    expect(outbox[0]!.lastError?.status).to.equal(401);
    await screenCheck(app, 'revoked');
  });

  it('records the musician’s debrief, refusing CPR numbers, and queues it like feedback', async () => {
    const app = await renderApp(tablet.dbName);
    await unlock(app);
    const inger = tablet.bookings[0]!;
    await startDebrief(app, inger.bookingId);
    expect(textIn(app.shadowRoot!)).to.contain('Koncerten kl. 10.00 hos Inger');
    expect(textIn(app.shadowRoot!)).to.contain('Var der noget, der var svært for dig?');
    await screenCheck(app, 'debrief');

    tap(app, 'Gem og send');
    await waitUntil(() => has(app.shadowRoot!, '.error-summary'));
    expect(textIn(deep(app.shadowRoot!, '.error-summary'))).to.contain(
      'Vælg, hvordan koncerten gik for dig.',
    );
    await screenCheck(app, 'debrief with errors');

    // Each answer takes its line out of the summary; the last takes the summary away.
    tap(app, { selector: '[data-outcome="mixed"]' });
    await waitUntil(
      () => !textIn(deep(app.shadowRoot!, '.error-summary')).includes('hvordan koncerten gik'),
      'the answered question stays in the summary',
    );
    expect(textIn(deep(app.shadowRoot!, '.error-summary'))).to.contain(
      'Svar, om noget var svært for dig.',
    );
    tap(app, { selector: '[data-answer="hard-yes"]' });
    await waitUntil(() => has(app.shadowRoot!, '#hard'));
    expect(textIn(app.shadowRoot!)).to.contain('Hvad var svært? (valgfrit)');
    typeInto(app, '#hard', 'Fjernsynet kørte hos naboen, 010203-1234');
    tap(app, { selector: '[data-answer="call-yes"]' });
    await waitUntil(
      () => !has(app.shadowRoot!, '.error-summary'),
      'the summary stays after every question is answered',
    );
    tap(app, 'Gem og send');
    await waitUntil(() => textIn(app.shadowRoot!).includes('CPR'), 'no CPR refusal');
    expect((await rawStores(tablet.dbName)).outbox).to.have.length(0);

    typeInto(app, '#hard', 'Fjernsynet kørte hos naboen hele tiden.');
    typeInto(app, '#note', 'Dejlig eftermiddag.');
    tap(app, 'Gem og send');
    await untilHeading(app, 'Dagens koncerter');
    expect(textIn(app.shadowRoot!)).to.contain('Din evaluering er gemt.');

    const { outbox, drafts } = await rawStores(tablet.dbName);
    expect(drafts).to.deep.equal([]);
    expect(outbox).to.have.length(1);
    const [record] = outbox;
    expect(record!.kind).to.equal('musician-debrief');
    const debrief = record!.body as MusicianDebrief;
    expect(debrief).to.not.have.property('peerId');
    expect(debrief).to.deep.include({
      schemaVersion: 3,
      id: record!.id,
      bookingId: inger.bookingId,
      deviceId: tablet.enrolment.deviceId,
      deviceSeq: record!.deviceSeq,
      howItWent: 'mixed',
      wasAnythingHard: true,
      anythingHard: 'Fjernsynet kørte hos naboen hele tiden.',
      wouldLikeACall: true,
      note: 'Dejlig eftermiddag.',
    });
  });

  it('offers the coordinator or a peer the programme names when the musician would like to talk', async () => {
    const seeded = await seedTablet();
    const mads = { id: newId(), firstName: 'Mads' };
    const items = seeded.bookings.map((b, i) =>
      i === 0 ? { ...b, peers: [mads, { id: newId(), firstName: 'Aisha' }] } : { ...b, peers: [] },
    );
    const db = await openStueDb(seeded.dbName);
    await new KioskStore(db).saveDay({ date: danishToday(), fetchedAt: Date.now(), items });
    db.close();
    const app = await renderApp(seeded.dbName);
    await unlock(app);

    // A concert whose programme names no peers asks as before.
    await startDebrief(app, items[1]!.bookingId);
    expect(textIn(app.shadowRoot!)).to.contain('Vil du gerne ringes op af en koordinator?');
    tap(app, { selector: '[data-answer="call-yes"]' });
    await waitUntil(() => has(app.shadowRoot!, '[data-answer="call-yes"][aria-pressed="true"]'));
    expect(has(app.shadowRoot!, '[data-talk-to]')).to.equal(false);
    tap(app, 'Tilbage');
    await untilHeading(app, 'Dagens koncerter');

    await startDebrief(app, items[0]!.bookingId);
    expect(textIn(app.shadowRoot!)).to.contain('Vil du gerne tale med nogen om koncerten?');
    expect(has(app.shadowRoot!, '[data-talk-to]')).to.equal(false);
    tap(app, { selector: '[data-outcome="hard"]' });
    tap(app, { selector: '[data-answer="hard-no"]' });
    tap(app, { selector: '[data-answer="call-yes"]' });
    await waitUntil(() => has(app.shadowRoot!, '[data-talk-to]'), 'no choice of whom to talk to');
    const group = deep(app.shadowRoot!, '[role="group"][aria-labelledby="talk-to-label"]');
    expect(textIn(group)).to.contain('Hvem vil du tale med?');
    expect(
      deepAll(app.shadowRoot!, '[data-talk-to]').map((b) => [
        textIn(b).replace(/\s+/g, ' ').trim(),
        b.getAttribute('aria-pressed'),
      ]),
    ).to.deep.equal([
      ['Koordinatoren', 'true'],
      ['Mads Erfaren kollega', 'false'],
      ['Aisha Erfaren kollega', 'false'],
    ]);
    tap(app, { selector: `[data-talk-to="${mads.id}"]` });
    await waitUntil(() => has(app.shadowRoot!, `[data-talk-to="${mads.id}"][aria-pressed="true"]`));
    expect(
      deep(app.shadowRoot!, '[data-talk-to="coordinator"]').getAttribute('aria-pressed'),
    ).to.equal('false');
    await screenCheck(app, 'debrief with peers');

    tap(app, 'Gem og send');
    await untilHeading(app, 'Dagens koncerter');
    const { outbox } = await rawStores(seeded.dbName);
    expect(outbox).to.have.length(1);
    expect(outbox[0]!.body as MusicianDebrief).to.deep.include({
      schemaVersion: 3,
      bookingId: items[0]!.bookingId,
      wouldLikeACall: true,
      peerId: mads.id,
    });
    await removeDb(seeded.dbName);
  });

  it('offers the peers in English too', async () => {
    const items = tablet.bookings.map((b) => ({
      ...b,
      peers: [{ id: newId(), firstName: 'Mads' }],
    }));
    const db = await openStueDb(tablet.dbName);
    await new KioskStore(db).saveDay({ date: danishToday(), fetchedAt: Date.now(), items });
    db.close();
    const pageUrl = location.href;
    history.replaceState(null, '', '?lang=en');
    try {
      const app = await renderApp(tablet.dbName);
      await untilHeading(app, 'The tablet is ready');
      tap(app, { selector: '[data-action="unlock"]' });
      await untilHeading(app, 'The musician’s PIN');
      typePin(app, TEST_PIN);
      await untilHeading(app, 'Today’s concerts');
      tap(app, { selector: `[data-booking="${items[0]!.bookingId}"] [data-action="debrief"]` });
      await untilHeading(app, 'Your debrief');
      expect(textIn(app.shadowRoot!)).to.contain(
        'Would you like to talk to someone about the concert?',
      );
      tap(app, { selector: '[data-answer="call-yes"]' });
      await waitUntil(() => has(app.shadowRoot!, '[data-talk-to]'));
      expect(
        deepAll(app.shadowRoot!, '[data-talk-to]').map((b) =>
          textIn(b).replace(/\s+/g, ' ').trim(),
        ),
      ).to.deep.equal(['The coordinator', 'Mads Experienced peer']);
      expect(textIn(app.shadowRoot!)).to.contain('Who would you like to talk to?');
      await screenCheck(app, 'debrief with peers, in English');
    } finally {
      history.replaceState(null, '', pageUrl);
    }
  });

  it('shows a concert the coordinator cancelled as cancelled, with nothing to start', async () => {
    const seeded = await seedTablet();
    const items = seeded.bookings.map((b, i) => (i === 1 ? { ...b, status: 'cancelled' } : b));
    const db = await openStueDb(seeded.dbName);
    await new KioskStore(db).saveDay({ date: danishToday(), fetchedAt: Date.now(), items });
    db.close();
    const app = await renderApp(seeded.dbName);
    await unlock(app);
    const card = `[data-booking="${items[1]!.bookingId}"]`;
    await waitUntil(() => has(app.shadowRoot!, `${card} [data-cancelled]`));
    expect(textIn(deep(app.shadowRoot!, `${card} [data-cancelled]`))).to.equal(
      'Aflyst. Koordinatoren har aflyst koncerten – du skal ikke køre derhen.',
    );
    expect(deepAll(app.shadowRoot!, `${card} button`)).to.have.length(0);
    expect(
      has(app.shadowRoot!, `[data-booking="${items[0]!.bookingId}"] [data-action="start"]`),
    ).to.equal(true);
    await screenCheck(app, 'cancelled by the coordinator');
    await removeDb(seeded.dbName);
  });

  it('reports a concert cancelled at the door with a reason, through the outbox, and keeps the note', async () => {
    let app = await renderApp(tablet.dbName);
    await unlock(app);
    const karen = tablet.bookings[1]!;
    const card = `[data-booking="${karen.bookingId}"]`;
    tap(app, { selector: `${card} [data-action="cancel-at-door"]` });
    await waitUntil(() => has(app.shadowRoot!, `${card} [data-door]`));
    expect(textIn(deep(app.shadowRoot!, `${card} [data-door]`))).to.contain(
      'Hvorfor blev koncerten aflyst?',
    );
    await screenCheck(app, 'cancelled at the door');
    // Going back changes nothing.
    tap(app, { selector: `${card} [data-action="keep-concert"]` });
    await waitUntil(() => !has(app.shadowRoot!, `${card} [data-door]`));
    tap(app, { selector: `${card} [data-action="cancel-at-door"]` });
    await waitUntil(() => has(app.shadowRoot!, `${card} [data-door]`));
    // Reporting asks for a reason first.
    tap(app, { selector: `${card} [data-action="report-cancelled"]` });
    await waitUntil(() =>
      textIn(app.shadowRoot!).includes('Vælg først, hvorfor koncerten blev aflyst.'),
    );
    expect((await rawStores(tablet.dbName)).outbox).to.have.length(0);
    tap(app, { selector: `${card} [data-reason="host-unwell"]` });
    tap(app, { selector: `${card} [data-action="report-cancelled"]` });
    await waitUntil(() => has(app.shadowRoot!, `${card} [data-cancelled]`));
    expect(textIn(deep(app.shadowRoot!, `${card} [data-cancelled]`))).to.equal(
      'Meldt aflyst ved døren: Værten er utilpas. Koordinatoren får besked.',
    );
    expect(has(app.shadowRoot!, `${card} [data-action="start"]`)).to.equal(false);
    expect(
      has(
        app.shadowRoot!,
        `[data-booking="${tablet.bookings[0]!.bookingId}"] [data-action="start"]`,
      ),
    ).to.equal(true);
    await screenCheck(app, 'reported cancelled');

    const { outbox } = await rawStores(tablet.dbName);
    expect(outbox).to.have.length(1);
    const [record] = outbox;
    expect(record).to.deep.include({ kind: 'booking-cancelled-at-door', state: 'pending' });
    expect(record!.body).to.deep.include({
      schemaVersion: 1,
      id: record!.id,
      bookingId: karen.bookingId,
      deviceId: tablet.enrolment.deviceId,
      deviceSeq: record!.deviceSeq,
      reason: 'host-unwell',
    });
    expect(Object.keys(record!.body as object).sort()).to.deep.equal([
      'at',
      'bookingId',
      'deviceId',
      'deviceSeq',
      'id',
      'reason',
      'schemaVersion',
    ]);

    fixtureCleanup();
    app = await renderApp(tablet.dbName);
    await unlock(app);
    await waitUntil(() => has(app.shadowRoot!, `${card} [data-cancelled]`));
  });

  it('keeps a half-written debrief across a reload', async () => {
    let app = await renderApp(tablet.dbName);
    await unlock(app);
    const karen = tablet.bookings[1]!;
    await startDebrief(app, karen.bookingId);
    tap(app, { selector: '[data-outcome="hard"]' });
    typeInto(app, '#note', 'Svært at finde vej.');
    await waitUntil(async () => (await rawStores(tablet.dbName)).drafts.length === 1);
    await waitUntil(async () =>
      JSON.stringify((await rawStores(tablet.dbName)).drafts).includes('Svært at finde vej.'),
    );
    fixtureCleanup();
    app = await renderApp(tablet.dbName);
    await unlock(app);
    await startDebrief(app, karen.bookingId);
    expect(deep(app.shadowRoot!, '[data-outcome="hard"]').getAttribute('aria-pressed')).to.equal(
      'true',
    );
    expect(deep<HTMLTextAreaElement>(app.shadowRoot!, '#note').value).to.equal(
      'Svært at finde vej.',
    );
  });

  it('switches every text to English for the next session', async () => {
    const app = await renderApp(tablet.dbName);
    await unlock(app);
    tap(app, { selector: 'button[lang="en"]' });
    await untilHeading(app, 'Today’s concerts');
    expect(textIn(app.shadowRoot!)).to.contain('At 10:00 · Inger and Bent');
    await screenCheck(app, 'day in English');
    const store = new KioskStore(await openStueDb(tablet.dbName));
    expect(await store.lang()).to.equal('en');
    store.db.close();
  });
});

function contrastOf(a: string, b: string): number {
  const lum = (color: string) => {
    const [r = 0, g = 0, bl = 0] = (color.match(/[\d.]+/g) ?? []).map(Number);
    const f = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(bl);
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
