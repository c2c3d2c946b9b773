import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { isUuidV7 } from '@stue/core';
import '../define.js';
import { defineElement } from '../internal/define-element.js';
import { StueNominationForm } from './nomination-form.js';
import type {
  StueNominationErrorEvent,
  StueNominationSubmitEvent,
  StueNominationSuccessEvent,
} from './nomination-form.events.js';

const API = 'https://hub.example.test/';
const realFetch = globalThis.fetch;

interface SentRequest {
  url: string;
  method: string;
  authorization: string | null;
  body: Record<string, unknown> & {
    id: string;
    nominator: Record<string, unknown>;
    host: Record<string, unknown>;
    visitingFriend: Record<string, unknown>;
  };
}

/** Replaces `fetch` with `answer`, recording every request the form makes. */
function stubFetch(answer: (call: number) => Promise<Response>): SentRequest[] {
  const sent: SentRequest[] = [];
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    sent.push({
      url: String(input),
      method: init?.method ?? 'GET',
      authorization: headers.get('authorization'),
      body: JSON.parse(String(init?.body)),
    });
    return answer(sent.length);
  };
  return sent;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  Promise.resolve(
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    }),
  );

const received = () => json(201, { reference: 'STUE-7KQ3-9XZD', status: 'received' });

async function renderForm(lang?: string) {
  const el = await fixture<StueNominationForm>(
    lang
      ? html`<stue-nomination-form
          partner-key="pk_test"
          api=${API}
          lang=${lang}
        ></stue-nomination-form>`
      : html`<stue-nomination-form partner-key="pk_test" api=${API}></stue-nomination-form>`,
  );
  return el;
}

const root = (el: StueNominationForm) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: StueNominationForm, selector: string) =>
  root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: StueNominationForm, selector: string) => [
  ...root(el).querySelectorAll<T>(selector),
];
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

/** Types into a field the way a person does: value, then an `input` event. */
function type(el: StueNominationForm, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

const typed = {
  'nominator-name': ' Hanne Holm ',
  'nominator-phone': '',
  'nominator-email': 'Hanne@Example.DK',
  'host-first-name': ' Inger ',
  'host-municipality': '751',
  'friend-first-name': 'Bent',
  'friend-phone': '20 30-40 50',
};

function fillValid(el: StueNominationForm) {
  $<HTMLInputElement>(el, '#role-local-expert')!.click();
  for (const [id, value] of Object.entries(typed)) type(el, id, value);
  $<HTMLInputElement>(el, '#consent')!.click();
}

async function submit(el: StueNominationForm) {
  $<HTMLButtonElement>(el, 'button[type=submit]')!.click();
  await el.updateComplete;
}

/** Counts each domain event the element fires. */
function countEvents(el: StueNominationForm) {
  const counts = { submit: 0, success: 0, error: 0 };
  el.addEventListener('stue-nomination-submit', () => counts.submit++);
  el.addEventListener('stue-nomination-success', () => counts.success++);
  el.addEventListener('stue-nomination-error', () => counts.error++);
  return counts;
}

async function expectNoStorage() {
  expect(localStorage.length, 'localStorage').to.equal(0);
  expect(sessionStorage.length, 'sessionStorage').to.equal(0);
  expect(document.cookie, 'cookies').to.equal('');
  expect(await indexedDB.databases(), 'IndexedDB').to.deep.equal([]);
  expect(location.hash, 'URL').to.equal('');
}

describe('<stue-nomination-form>', () => {
  beforeEach(async () => {
    localStorage.clear();
    sessionStorage.clear();
    for (const db of await indexedDB.databases()) if (db.name) indexedDB.deleteDatabase(db.name);
  });

  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('is registered by define', () => {
    expect(customElements.get('stue-nomination-form')).to.equal(StueNominationForm);
  });

  it('speaks Danish by default and English with lang="en"', async () => {
    const da = await renderForm();
    expect($(da, '.base')!.lang).to.equal('da');
    expect(text($(da, '#title'))).to.equal('Indstil en vært og besøgsven til en koncert i stuen');
    expect(text($(da, '.intro'))).to.contain('én professionel musiker');
    expect(text($(da, 'button[type=submit]'))).to.equal('Send indstillingen');

    const en = await renderForm('en');
    expect($(en, '.base')!.lang).to.equal('en');
    expect(text($(en, '#title'))).to.equal(
      'Nominate a host and visiting friend for a living-room concert',
    );
    expect(text($(en, '.intro'))).to.contain('one professional musician');
    expect(text($(en, 'label[for=friend-phone]'))).to.equal("Visiting friend's phone number");
  });

  it('follows a change of lang, messages included, and keeps what was typed', async () => {
    const el = await renderForm();
    type(el, 'nominator-name', 'Hanne');
    await submit(el);
    expect(text($(el, '.summary h2'))).to.equal('Der er et problem');

    el.lang = 'en';
    await el.updateComplete;
    expect(text($(el, '.summary h2'))).to.equal('There is a problem');
    expect(text($(el, '#host-first-name-error'))).to.equal("Error: Enter the host's first name");
    expect($<HTMLInputElement>(el, '#nominator-name')!.value).to.equal('Hanne');
  });

  it('is accessible before and after an attempt with errors', async () => {
    const el = await renderForm();
    await expect(el).to.be.accessible();
    await submit(el);
    await expect(el).to.be.accessible();
  });

  it('shows a focused error summary with a link per problem, and the message at each field', async () => {
    const sent = stubFetch(received);
    const el = await renderForm();
    const counts = countEvents(el);
    await submit(el);

    const summary = $(el, '.summary');
    expect(summary).not.to.equal(null);
    expect(root(el).activeElement).to.equal(summary);
    const links = $$<HTMLAnchorElement>(el, '.summary a');
    expect(links.map((link) => link.getAttribute('href'))).to.deep.equal([
      '#role-local-expert',
      '#nominator-name',
      '#nominator-phone',
      '#host-first-name',
      '#host-municipality',
      '#friend-first-name',
      '#friend-phone',
      '#consent',
    ]);
    expect(text(links[0]!)).to.equal('Vælg hvem du er');
    expect(text(links[2]!)).to.equal(
      'Skriv et telefonnummer eller en e-mailadresse, så vi kan kontakte dig',
    );

    // Every text field with a problem says so itself and points at its message.
    for (const id of [
      'nominator-name',
      'nominator-phone',
      'host-first-name',
      'host-municipality',
      'friend-first-name',
      'friend-phone',
      'consent',
    ]) {
      const input = $(el, `#${id}`)!;
      expect(input.getAttribute('aria-invalid'), id).to.equal('true');
      const describedBy = input.getAttribute('aria-describedby')!.split(' ');
      expect(describedBy, id).to.include(`${id}-error`);
      expect(text($(el, `#${id}-error`)), id).to.match(/^Fejl: \S/);
    }
    expect(
      $(el, '#role-local-expert')!.closest('fieldset')!.getAttribute('aria-describedby'),
    ).to.equal('role-error');
    expect($(el, '#nominator-email')!.hasAttribute('aria-invalid')).to.equal(false);
    expect(sent).to.have.length(0);
    expect(counts).to.deep.equal({ submit: 0, success: 0, error: 0 });
  });

  it('moves focus to the field when a summary link is followed, without touching the URL', async () => {
    const el = await renderForm();
    await submit(el);
    const link = $$<HTMLAnchorElement>(el, '.summary a').find(
      (candidate) => candidate.getAttribute('href') === '#host-first-name',
    )!;
    link.click();
    expect(root(el).activeElement?.id).to.equal('host-first-name');
    expect(location.hash).to.equal('');

    $$<HTMLAnchorElement>(el, '.summary a')[0]!.click();
    expect(root(el).activeElement?.id).to.equal('role-local-expert');
  });

  it('sends the typed, normalised nomination once and shows the receipt', async () => {
    const sent = stubFetch(received);
    const el = await renderForm();
    const counts = countEvents(el);
    fillValid(el);

    const success = oneEvent(el, 'stue-nomination-success') as Promise<StueNominationSuccessEvent>;
    await submit(el);
    const event = await success;

    expect(event.reference).to.equal('STUE-7KQ3-9XZD');
    expect(event.status).to.equal('received');
    expect(event.bubbles && event.composed).to.equal(true);
    expect(counts).to.deep.equal({ submit: 1, success: 1, error: 0 });

    expect(sent).to.have.length(1);
    const [request] = sent;
    expect(request!.url).to.equal(`${API}api/v1/nominations`);
    expect(request!.method).to.equal('POST');
    expect(request!.authorization).to.equal('Bearer pk_test');
    expect(isUuidV7(request!.body.id)).to.equal(true);
    const body = request!.body;
    expect(body.schemaVersion).to.equal(2);
    expect(body.nominator).to.deep.equal({
      role: 'local-expert',
      name: 'Hanne Holm',
      email: 'hanne@example.dk',
    });
    expect(body.host).to.deep.include({ firstName: 'Inger', municipalityCode: '751' });
    expect(body.visitingFriend).to.deep.equal({ firstName: 'Bent', phone: '+4520304050' });
    // The tick box becomes a consent record: who agreed, through whom, when, and to what wording.
    const consent = body.consent as unknown as Record<string, string>;
    expect(consent).to.deep.include({
      agreedBy: 'host',
      via: 'visiting-friend',
      noticeVersion: 'stue-nomination-form/1',
    });
    expect(Date.now() - Date.parse(consent.at!)).to.be.within(0, 60_000);

    const heading = $(el, '#receipt-title')!;
    expect(root(el).activeElement).to.equal(heading);
    expect(text($(el, '.reference'))).to.equal('STUE-7KQ3-9XZD');
    expect(text($(el, '.receipt'))).to.contain('En koordinator ringer til besøgsvennen');
    expect($(el, 'form')).to.equal(null);
    await expect(el).to.be.accessible();
    await expectNoStorage();
  });

  it('says "sending" while it waits, and ignores a second press', async () => {
    let answer!: (response: Response) => void;
    const sent = stubFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const el = await renderForm();
    fillValid(el);
    await submit(el);

    const button = $<HTMLButtonElement>(el, 'button[type=submit]')!;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(text($(el, '[role=status]'))).to.equal('Sender…');
    await submit(el);
    expect(sent).to.have.length(1);

    answer(await received());
    await oneEvent(el, 'stue-nomination-success');
    expect(sent).to.have.length(1);
  });

  it('keeps everything when sending fails, and a retry sends the same id', async () => {
    const sent = stubFetch((call) =>
      call === 1 ? Promise.reject(new TypeError('Failed to fetch')) : received(),
    );
    const el = await renderForm();
    const counts = countEvents(el);
    fillValid(el);

    const failed = oneEvent(el, 'stue-nomination-error') as Promise<StueNominationErrorEvent>;
    await submit(el);
    const error = await failed;
    expect(error.code).to.equal('network');
    expect(error.retryable).to.equal(true);
    await el.updateComplete;

    const notice = $(el, '.notice')!;
    expect(text(notice)).to.contain('Ikke sendt – prøv igen');
    await waitUntil(() => root(el).activeElement === notice, 'the notice takes focus');
    for (const [id, value] of Object.entries(typed)) {
      expect($<HTMLInputElement>(el, `#${id}`)!.value, id).to.equal(value);
    }
    expect($<HTMLInputElement>(el, '#role-local-expert')!.checked).to.equal(true);
    expect($<HTMLInputElement>(el, '#consent')!.checked).to.equal(true);
    expect(text($(el, 'button[type=submit]'))).to.equal('Prøv at sende igen');
    await expectNoStorage();

    const success = oneEvent(el, 'stue-nomination-success');
    await submit(el);
    await success;
    expect(sent).to.have.length(2);
    expect(sent[1]!.body.id).to.equal(sent[0]!.body.id);
    expect(sent[1]!.body).to.deep.equal(sent[0]!.body);
    expect(counts).to.deep.equal({ submit: 2, success: 1, error: 1 });
    await expectNoStorage();
  });

  it('a new nomination after a receipt gets a new id and an empty form', async () => {
    const sent = stubFetch(received);
    const el = await renderForm();
    fillValid(el);
    await submit(el);
    await oneEvent(el, 'stue-nomination-success');

    $<HTMLButtonElement>(el, '.receipt button')!.click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#nominator-name')!.value).to.equal('');
    fillValid(el);
    await submit(el);
    await oneEvent(el, 'stue-nomination-success');
    expect(sent).to.have.length(2);
    expect(sent[1]!.body.id).not.to.equal(sent[0]!.body.id);
  });

  it('sends nothing when stue-nomination-submit is cancelled', async () => {
    const sent = stubFetch(received);
    const el = await renderForm();
    let seen: StueNominationSubmitEvent | undefined;
    el.addEventListener('stue-nomination-submit', (event) => {
      seen = event;
      event.preventDefault();
    });
    fillValid(el);
    await submit(el);
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(seen?.cancelable).to.equal(true);
    expect(isUuidV7(seen?.nominationId)).to.equal(true);
    expect(sent).to.have.length(0);
    expect(text($(el, '[role=status]'))).to.equal('');
    expect($(el, 'form')).not.to.equal(null);
  });

  it("shows the hub's own refusal (400) in the summary, in the form's language", async () => {
    stubFetch(() =>
      json(400, {
        error: {
          code: 'invalid_body',
          message: 'The body is not valid',
          issues: [
            { path: 'host.municipalityCode', code: 'invalid_choice', message: 'not a code' },
          ],
        },
      }),
    );
    const el = await renderForm();
    fillValid(el);
    const failed = oneEvent(el, 'stue-nomination-error') as Promise<StueNominationErrorEvent>;
    await submit(el);
    expect((await failed).code).to.equal('invalid_body');
    await el.updateComplete;
    expect($$(el, '.summary a').map(text)).to.deep.equal(['Vælg værtens kommune på listen']);
    expect($(el, '#host-municipality')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('tells the site owner when the page is not set up (401/403), with the code', async () => {
    stubFetch(() => json(403, { error: { code: 'origin_not_allowed', message: 'No' } }));
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await renderForm('en');
      fillValid(el);
      const failed = oneEvent(el, 'stue-nomination-error') as Promise<StueNominationErrorEvent>;
      await submit(el);
      const error = await failed;
      expect([error.code, error.retryable]).to.deep.equal(['origin_not_allowed', false]);
      await el.updateComplete;
      expect(text($(el, '.notice'))).to.contain('not set up correctly on this page');
      expect(text($(el, '.notice code'))).to.equal('origin_not_allowed');
      expect(warnings).to.have.length(1);
    } finally {
      console.warn = warn;
    }
  });

  it('sends to a hub that lives in a folder, and says so when the page gave no key', async () => {
    const sent = stubFetch(received);
    const el = await fixture<StueNominationForm>(
      html`<stue-nomination-form api="https://partner.example.test/stue"></stue-nomination-form>`,
    );
    fillValid(el);
    const warn = console.warn;
    console.warn = () => {};
    try {
      const failed = oneEvent(el, 'stue-nomination-error') as Promise<StueNominationErrorEvent>;
      await submit(el);
      expect((await failed).code).to.equal('missing_partner_key');
    } finally {
      console.warn = warn;
    }
    await el.updateComplete;
    expect(text($(el, '.notice code'))).to.equal('missing_partner_key');
    expect(sent).to.have.length(0);

    el.partnerKey = 'pk_test';
    const success = oneEvent(el, 'stue-nomination-success');
    await submit(el);
    await success;
    expect(sent[0]!.url).to.equal('https://partner.example.test/stue/api/v1/nominations');
  });

  it('asks to wait and retry on 429 and 5xx', async () => {
    stubFetch((call) =>
      call === 1
        ? json(
            429,
            { error: { code: 'rate_limited', message: 'Slow down' } },
            { 'retry-after': '5' },
          )
        : json(503, { error: { code: 'internal', message: 'Down' } }),
    );
    const el = await renderForm();
    fillValid(el);
    let failed = oneEvent(el, 'stue-nomination-error') as Promise<StueNominationErrorEvent>;
    await submit(el);
    expect((await failed).code).to.equal('rate_limited');
    await el.updateComplete;
    expect(text($(el, '.notice'))).to.contain('Vent et øjeblik');

    failed = oneEvent(el, 'stue-nomination-error') as Promise<StueNominationErrorEvent>;
    await submit(el);
    expect((await failed).code).to.equal('internal');
    await el.updateComplete;
    expect(text($(el, '.notice'))).to.contain('Prøv at sende igen om lidt');
    expect(text($(el, 'button[type=submit]'))).to.equal('Prøv at sende igen');
  });

  it('defining the tag twice warns instead of throwing', () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      expect(() =>
        defineElement('stue-nomination-form', class extends StueNominationForm {}),
      ).not.to.throw();
      expect(() => defineElement('stue-nomination-form', StueNominationForm)).not.to.throw();
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(2);
    expect(customElements.get('stue-nomination-form')).to.equal(StueNominationForm);
  });
});
