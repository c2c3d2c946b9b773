import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { DEFAULT_PROGRAMME, isUuidV7, MUNICIPALITIES, municipalityNames } from '@stue/core';
import '../define.js';
import { defineElement } from '../internal/define-element.js';
import { StueNominationForm } from './nomination-form.js';
import type {
  StueNominationErrorEvent,
  StueNominationStepEvent,
  StueNominationSubmitEvent,
  StueNominationSuccessEvent,
} from './nomination-form.events.js';
import { NOTICE_VERSION } from './nomination-form.text.js';

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
    screening: Record<string, unknown>;
    preferences: Record<string, unknown>;
    access: Record<string, unknown>;
    consent: Record<string, string>;
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
  return fixture<StueNominationForm>(
    lang
      ? html`<stue-nomination-form
          partner-key="pk_test"
          api=${API}
          lang=${lang}
        ></stue-nomination-form>`
      : html`<stue-nomination-form partner-key="pk_test" api=${API}></stue-nomination-form>`,
  );
}

const root = (el: StueNominationForm) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: StueNominationForm, selector: string) =>
  root(el).querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: StueNominationForm, selector: string) => [
  ...root(el).querySelectorAll<T>(selector),
];
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
// Assertions compare strings and booleans, never DOM nodes: a failing comparison of nodes makes
// the runner try to serialise them (the whole document) instead of reporting the failure.
const exists = (el: StueNominationForm, selector: string) => $(el, selector) !== null;
/** The focused element in the form, as `tag#id.class`, or `none`. */
function focused(el: StueNominationForm) {
  const active = root(el).activeElement;
  if (!active) return 'none';
  return `${active.localName}${active.id ? `#${active.id}` : ''}${active.className ? `.${active.className}` : ''}`;
}
const heading = (el: StueNominationForm) => text($(el, '.step-heading'));
const progress = (el: StueNominationForm) => text($(el, '.progress p'));
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

/** Types into a field the way a person does: value, then an `input` event. */
function type(el: StueNominationForm, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.focus();
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

function choose(el: StueNominationForm, id: string, value: string) {
  if (id === 'host-municipalityCode') {
    // The municipality is a combobox: type the name out, as a person may.
    type(el, id, municipalityNames().find(([code]) => code === value)![1]);
    return;
  }
  const select = $<HTMLSelectElement>(el, `#${id}`)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

const click = (el: StueNominationForm, selector: string) => $<HTMLElement>(el, selector)!.click();

/** Presses the step's main button and waits for the step (and its focus move) to settle. */
async function next(el: StueNominationForm) {
  click(el, 'button[type=submit]');
  await el.updateComplete;
  await tick();
}

async function back(el: StueNominationForm) {
  click(el, 'button[part=back]');
  await el.updateComplete;
  await tick();
}

const criteria = DEFAULT_PROGRAMME.eligibility.criteria;

/** Fills each step with valid answers, from the first step to the review. */
async function fillToReview(
  el: StueNominationForm,
  answers: 'all-yes' | 'some-unsure' = 'all-yes',
) {
  await next(el); // what a concert visit is
  click(el, '#nominator-role'); // the first role: local expert
  type(el, 'nominator-name', ' Hanne Holm ');
  type(el, 'nominator-email', 'Hanne@Example.DK');
  await next(el);
  type(el, 'host-firstName', ' Inger ');
  choose(el, 'host-municipalityCode', '751');
  type(el, 'host-postcode', '8000');
  await next(el);
  type(el, 'visitingFriend-firstName', 'Bent');
  type(el, 'visitingFriend-phone', '20 30-40 50');
  await next(el);
  for (const [i, criterion] of criteria.entries()) {
    const answer = answers === 'some-unsure' && i === 2 ? 'not-sure' : 'yes';
    click(
      el,
      answer === 'yes' ? `#screening-${criterion.id}` : `#screening-${criterion.id}-${answer}`,
    );
  }
  await next(el);
  click(el, '#preferences-weekdays-tue');
  click(el, '#preferences-weekdays'); // Monday, ticked after Tuesday
  click(el, '#preferences-timesOfDay-afternoon');
  click(el, '#preferences-genres-hymns');
  type(el, 'preferences-musicWishes', 'Den blå anemone');
  choose(el, 'preferences-extraGuests', '2');
  click(el, '#access'); // hearing
  click(el, '#access-stairs');
  await next(el);
  click(el, '#consent');
  await next(el);
}

/** Counts each domain event the element fires. */
function countEvents(el: StueNominationForm) {
  const counts = { step: 0, submit: 0, success: 0, error: 0 };
  el.addEventListener('stue-nomination-step', () => counts.step++);
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

const summaryLinks = (el: StueNominationForm) =>
  $$<HTMLAnchorElement>(el, '.error-summary a').map((link) => [
    link.getAttribute('href'),
    text(link),
  ]);

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

  it('offers exactly the 98 municipalities of @stue/core, by name', () => {
    expect(municipalityNames()).to.deep.equal(MUNICIPALITIES.map((m) => [m.code, m.name]));
  });

  it('walks through eight steps, one topic each, in Danish by default', async () => {
    const el = await renderForm();
    const counts = countEvents(el);
    const steps: string[][] = [];
    const seen: StueNominationStepEvent[] = [];
    el.addEventListener('stue-nomination-step', (event) => seen.push(event));
    expect($(el, '.base')!.lang).to.equal('da');
    // The drawing's place, named, at once; the drawing itself in a frame of its own.
    expect($(el, '[part=illustration][role=img]')!.getAttribute('aria-label')).to.contain(
      'musiker med guitar',
    );
    for (let i = 0; i < 50 && !exists(el, 'svg[role=img]'); i++) await tick();
    expect($(el, 'svg[role=img]')!.getAttribute('aria-label')).to.contain('musiker med guitar');
    expect(text($(el, '.intro'))).to.contain('én professionel musiker');
    expect(exists(el, 'button[part=back]'), 'no way back from the first step').to.equal(false);

    steps.push([progress(el), heading(el)]);
    for (let i = 0; i < 7; i++) {
      await fillStepIfNeeded(el);
      await next(el);
      steps.push([progress(el), heading(el)]);
      expect(focused(el), `focus on step ${i + 2}`).to.equal('h2.step-heading');
      expect(text($(el, '[role=status].visually-hidden'))).to.equal(progress(el));
      expect(exists(el, 'button[part=back]'), `back on step ${i + 2}`).to.equal(true);
    }
    expect(steps).to.deep.equal([
      ['Trin 1 af 8', 'Indstil en vært og besøgsven til en koncert i stuen'],
      ['Trin 2 af 8', 'Om dig, der indstiller'],
      ['Trin 3 af 8', 'Værten'],
      ['Trin 4 af 8', 'Besøgsvennen'],
      ['Trin 5 af 8', 'Et par spørgsmål om værten'],
      ['Trin 6 af 8', 'Ønsker og praktiske forhold'],
      ['Trin 7 af 8', 'Værtens ja'],
      ['Trin 8 af 8', 'Tjek indstillingen'],
    ]);
    expect(seen.map((event) => [event.step, event.index, event.total])).to.deep.equal([
      ['nominator', 2, 8],
      ['host', 3, 8],
      ['friend', 4, 8],
      ['screening', 5, 8],
      ['wishes', 6, 8],
      ['consent', 7, 8],
      ['review', 8, 8],
    ]);
    expect(seen.every((event) => event.bubbles && event.composed)).to.equal(true);
    expect(counts).to.deep.equal({ step: 7, submit: 0, success: 0, error: 0 });
    expect(text($(el, 'button[type=submit]'))).to.equal('Send indstillingen');

    await back(el);
    expect([progress(el), heading(el)]).to.deep.equal(['Trin 7 af 8', 'Værtens ja']);
    expect($<HTMLInputElement>(el, '#consent')!.checked, 'kept going back').to.equal(true);
    expect(counts.step).to.equal(8);
  });

  /** Just enough for each step to pass, for tests about moving between steps. */
  async function fillStepIfNeeded(el: StueNominationForm) {
    const id = $(el, 'input, select')?.id;
    if (id === 'nominator-role') {
      click(el, '#nominator-role');
      type(el, 'nominator-name', 'Hanne');
      type(el, 'nominator-phone', '20304050');
    } else if (id === 'host-firstName') {
      type(el, 'host-firstName', 'Inger');
      choose(el, 'host-municipalityCode', '101');
    } else if (id === 'visitingFriend-firstName') {
      type(el, 'visitingFriend-firstName', 'Bent');
      type(el, 'visitingFriend-phone', '20304050');
    } else if (id === 'consent') click(el, '#consent');
  }

  it('speaks English with lang="en", and follows a change of lang keeping what was typed', async () => {
    const el = await renderForm('en');
    expect($(el, '.base')!.lang).to.equal('en');
    expect([progress(el), heading(el)]).to.deep.equal([
      'Step 1 of 8',
      'Nominate a host and visiting friend for a living-room concert',
    ]);
    expect(text($(el, '.intro'))).to.contain('one professional musician');
    await next(el);
    type(el, 'nominator-name', 'Hanne');
    await next(el);
    expect(text($(el, '.error-summary h3'))).to.equal('There is a problem');
    expect(text($(el, '#nominator-role-error'))).to.equal('Error: Choose who you are');

    el.lang = 'da';
    await el.updateComplete;
    expect(heading(el)).to.equal('Om dig, der indstiller');
    expect(text($(el, '.error-summary h3'))).to.equal('Der er et problem');
    expect(text($(el, '#nominator-role-error'))).to.equal('Fejl: Vælg hvem du er');
    expect($<HTMLInputElement>(el, '#nominator-name')!.value).to.equal('Hanne');
  });

  it('switches between Dansk and English with its own buttons, keeping what was typed', async () => {
    const el = await renderForm();
    const choice = (name: string) =>
      $$<HTMLButtonElement>(el, '.languages button').find((button) => text(button) === name)!;
    expect($(el, '.languages')!.getAttribute('aria-label')).to.equal('Sprog');
    expect([choice('Dansk').ariaPressed, choice('English').ariaPressed]).to.deep.equal([
      'true',
      'false',
    ]);
    expect(choice('English').lang).to.equal('en');
    await next(el);
    type(el, 'nominator-name', 'Hanne');
    await next(el);
    expect(text($(el, '#nominator-role-error'))).to.equal('Fejl: Vælg hvem du er');

    choice('English').click();
    await el.updateComplete;
    expect($(el, '.base')!.lang).to.equal('en');
    expect(heading(el)).to.equal('About you');
    expect(text($(el, '#nominator-role-error'))).to.equal('Error: Choose who you are');
    expect($<HTMLInputElement>(el, '#nominator-name')!.value).to.equal('Hanne');
    expect(choice('English').ariaPressed).to.equal('true');
    // The page's lang is only the default: the person's choice stays.
    expect(el.lang).to.equal('da');
    await expect(el).to.be.accessible();

    choice('Dansk').click();
    await el.updateComplete;
    expect(heading(el)).to.equal('Om dig, der indstiller');
  });

  it("names weekdays from the browser and visit languages in core's words, in the page language", async () => {
    const el = await renderForm('en');
    await next(el);
    await fillStepIfNeeded(el);
    await next(el);
    const languages = $$<HTMLOptionElement>(el, '#host-language option').map(text);
    expect(languages).to.have.length(14);
    expect(languages.slice(0, 3)).to.deep.equal(['Danish', 'English', 'Swedish']);
    // Chromium's own tables have no name for `kl` and would show "Kl".
    expect(languages[6]).to.equal('Greenlandic');
    el.lang = 'da';
    await el.updateComplete;
    const danish = $$(el, '#host-language option').map(text);
    expect(danish.slice(0, 2)).to.deep.equal(['Dansk', 'Engelsk']);
    expect(danish[6]).to.equal('Grønlandsk');
  });

  it('offers the municipalities in an accessible combobox: type to filter, arrows, Enter, Escape', async () => {
    const el = await renderForm();
    await next(el);
    await fillStepIfNeeded(el);
    await next(el);
    const input = $<HTMLInputElement>(el, '#host-municipalityCode')!;
    const list = $(el, '#host-municipalityCode-list')!;
    const key = async (name: string, init: KeyboardEventInit = {}) => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, ...init }));
      await el.updateComplete;
    };
    const options = () => $$(el, '[role=option]').map(text);
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.getAttribute('aria-controls')).to.equal(list.id);

    // Down arrow opens every name, in Danish alphabetical order, the first one active.
    input.focus();
    await key('ArrowDown');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    expect(options()).to.have.length(98);
    expect(options().slice(0, 2)).to.deep.equal(['Albertslund', 'Allerød']);
    expect(options().slice(-3)).to.deep.equal(['Aabenraa', 'Aalborg', 'Aarhus']); // "Aa" is "Å", last in Danish
    expect(input.getAttribute('aria-activedescendant')).to.equal('municipality-165');
    await expect(el).to.be.accessible();

    // Typing filters (those starting with the text first), with no option active yet; the first
    // ArrowDown goes to the first match, the next to the second; Enter chooses.
    type(el, 'host-municipalityCode', 'holm');
    await el.updateComplete;
    expect(options()).to.deep.equal(['Bornholm', 'Hørsholm']);
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
    await key('ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).to.equal('municipality-400');
    await key('ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).to.equal('municipality-223');
    expect($(el, '#municipality-223')!.getAttribute('aria-selected')).to.equal('true');
    expect($(el, '#municipality-400')!.getAttribute('aria-selected')).to.equal('false');
    await key('ArrowUp');
    await key('Enter');
    expect(input.value).to.equal('Bornholm');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);

    // Escape closes an open list and keeps the text; on a closed list it empties the field.
    await key('ArrowDown');
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    await key('Escape');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.value).to.equal('Bornholm');
    await key('Escape');
    expect(input.value).to.equal('');

    // A click chooses too; the value sent is the code.
    type(el, 'host-municipalityCode', 'aarh');
    await el.updateComplete;
    expect(options()).to.deep.equal(['Aarhus']);
    $(el, '#municipality-751')!.click();
    await el.updateComplete;
    expect(input.value).to.equal('Aarhus');

    // Other common forms find their municipality; one typed out in full counts as chosen at
    // once, closes the list (so nothing under the field moves when it loses focus), and shows as
    // its official name once the field is left.
    type(el, 'host-municipalityCode', 'Århu');
    await el.updateComplete;
    expect(options()).to.deep.equal(['Aarhus']);
    type(el, 'host-municipalityCode', 'Århus');
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    type(el, 'host-municipalityCode', 'Copenhagen');
    await el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.value).to.equal('Copenhagen');
    input.blur();
    await el.updateComplete;
    expect(input.value).to.equal('København');
    type(el, 'host-municipalityCode', 'Aarhus');
    await el.updateComplete;
    type(el, 'host-firstName', 'Inger');
    await next(el);
    expect(heading(el)).to.equal('Besøgsvennen');

    // Text that names no municipality says so while typing, and asks to choose from the list.
    click(el, '.actions button.secondary');
    await el.updateComplete;
    const status = () => text($(el, '.combo-status'));
    expect(status()).to.equal('');
    type(el, 'host-municipalityCode', 'Atlantis');
    await el.updateComplete;
    expect(options()).to.deep.equal([]);
    expect($(el, '.combo-status')!.getAttribute('role')).to.equal('status');
    expect(status()).to.equal(
      'Ingen kommune passer til »Atlantis«. Prøv med færre bogstaver eller en anden stavemåde.',
    );
    await expect(el).to.be.accessible();
    await next(el);
    expect(text($(el, '#host-municipalityCode-error'))).to.equal(
      'Fejl: Vælg værtens kommune på listen',
    );
  });

  it('shows every message of the nominator step, with a focused summary that links to each field', async () => {
    const el = await renderForm();
    const counts = countEvents(el);
    await next(el);
    await next(el);
    expect(heading(el), 'stays on the step').to.equal('Om dig, der indstiller');
    expect(focused(el)).to.equal('div.error-summary');
    expect(summaryLinks(el)).to.deep.equal([
      ['#nominator-role', 'Vælg hvem du er'],
      ['#nominator-name', 'Skriv dit navn'],
      ['#nominator-phone', 'Skriv et telefonnummer eller en e-mailadresse, så vi kan kontakte dig'],
    ]);
    for (const id of ['nominator-name', 'nominator-phone']) {
      const input = $(el, `#${id}`)!;
      expect(input.getAttribute('aria-invalid'), id).to.equal('true');
      expect(input.getAttribute('aria-describedby')!.split(' '), id).to.include(`${id}-error`);
      expect(text($(el, `#${id}-error`)), id).to.match(/^Fejl: \S/);
    }
    expect(
      $(el, '#nominator-role')!.closest('fieldset')!.getAttribute('aria-describedby'),
    ).to.equal('nominator-role-error');

    // A summary link moves focus to its field without touching the URL.
    $$<HTMLAnchorElement>(el, '.error-summary a')[1]!.click();
    expect(root(el).activeElement?.id).to.equal('nominator-name');
    expect(location.hash).to.equal('');

    click(el, '#nominator-role');
    type(el, 'nominator-name', '010203-1234');
    type(el, 'nominator-phone', '1234');
    type(el, 'nominator-email', 'hanne@');
    type(el, 'nominator-organisation', 'x'.repeat(121));
    await next(el);
    expect(summaryLinks(el)).to.deep.equal([
      ['#nominator-name', 'Skriv ikke CPR-numre. Stue må ikke gemme dem.'],
      ['#nominator-organisation', 'Skriv organisationens navn med højst 120 tegn'],
      [
        '#nominator-phone',
        'Skriv et telefonnummer med 8 cifre, fx 20 30 40 50, eller et udenlandsk med landekode, fx +46 70 123 45 67',
      ],
      ['#nominator-email', 'Skriv en e-mailadresse som navn@eksempel.dk'],
    ]);
    expect(counts).to.deep.equal({ step: 1, submit: 0, success: 0, error: 0 });
  });

  it('shows every message of the host, friend and consent steps, in both languages', async () => {
    const el = await renderForm();
    await next(el);
    await fillStepIfNeeded(el);
    await next(el);
    await next(el);
    expect(summaryLinks(el)).to.deep.equal([
      ['#host-firstName', 'Skriv værtens fornavn'],
      ['#host-municipalityCode', 'Vælg hvilken kommune værten bor i'],
    ]);
    type(el, 'host-postcode', '80');
    await next(el);
    expect(summaryLinks(el).map(([, message]) => message)).to.deep.equal([
      'Skriv værtens fornavn',
      'Vælg hvilken kommune værten bor i',
      'Skriv et dansk postnummer med 4 cifre, fx 8000',
    ]);
    el.lang = 'en';
    await el.updateComplete;
    expect(summaryLinks(el).map(([, message]) => message)).to.deep.equal([
      "Enter the host's first name",
      'Choose the municipality the host lives in',
      'Enter a Danish postcode with 4 digits, like 8000',
    ]);
    el.lang = 'da';
    type(el, 'host-postcode', '');
    await fillStepIfNeeded(el);
    await next(el);

    await next(el);
    expect(summaryLinks(el)).to.deep.equal([
      ['#visitingFriend-firstName', 'Skriv besøgsvennens fornavn'],
      ['#visitingFriend-phone', 'Skriv besøgsvennens telefonnummer'],
    ]);
    type(el, 'visitingFriend-firstName', 'Bent');
    type(el, 'visitingFriend-phone', '2030');
    await next(el);
    expect(summaryLinks(el)).to.deep.equal([
      [
        '#visitingFriend-phone',
        'Skriv et telefonnummer med 8 cifre, fx 20 30 40 50, eller et udenlandsk med landekode, fx +46 70 123 45 67',
      ],
    ]);
    type(el, 'visitingFriend-phone', '20304050');
    await next(el);
    await next(el); // screening: no answers is fine
    expect(heading(el)).to.equal('Ønsker og praktiske forhold');
    type(el, 'preferences-musicWishes', 'Noget med 010203 1234');
    await next(el);
    expect(summaryLinks(el)).to.deep.equal([
      ['#preferences-musicWishes', 'Skriv ikke CPR-numre. Stue må ikke gemme dem.'],
    ]);
    type(el, 'preferences-musicWishes', '');
    await next(el);
    await next(el);
    expect(summaryLinks(el)).to.deep.equal([
      ['#consent', 'Bekræft, at værten har sagt ja til besøget gennem sin besøgsven'],
    ]);
    expect($(el, '#consent')!.getAttribute('aria-invalid')).to.equal('true');
  });

  it('never blocks on screening answers, and says kindly that a coordinator will talk them through', async () => {
    const el = await renderForm();
    for (let i = 0; i < 4; i++) {
      await fillStepIfNeeded(el);
      await next(el);
    }
    expect(heading(el)).to.equal('Et par spørgsmål om værten');
    const legends = $$(el, 'fieldset legend').map(text);
    // Without its programme from the hub, the form asks in its built-in (visiting friend's) words.
    expect(legends).to.deep.equal(criteria.map((criterion) => criterion.question.da));
    expect(
      $$(el, `input[name="screening:own-home"]`).map(
        (input) => input.nextElementSibling!.textContent,
      ),
    ).to.deep.equal(['Ja', 'Nej', 'Ved ikke']);
    expect(exists(el, '.note'), 'nothing said before an answer').to.equal(false);

    click(el, '#screening-own-home');
    await el.updateComplete;
    expect(exists(el, '.note')).to.equal(false);
    click(el, '#screening-said-yes-not-sure');
    await el.updateComplete;
    expect(text($(el, '.note'))).to.contain('En koordinator taler dem igennem med besøgsvennen');
    click(el, '#screening-enjoys-music-no');
    await el.updateComplete;
    const note = text($(el, '.note'));
    expect(note).to.contain('Du kan sagtens sende indstillingen');
    expect(note).not.to.match(/afvis|ikke egnet|kan ikke/i);
    expect(exists(el, '[role=status] > .note')).to.equal(true);

    await next(el);
    expect(heading(el), 'a "no" does not block').to.equal('Ønsker og praktiske forhold');
  });

  it('reviews every answer, and a change link goes to the step and back to the review', async () => {
    const el = await renderForm();
    await fillToReview(el, 'some-unsure');
    expect(heading(el)).to.equal('Tjek indstillingen');
    const rows = Object.fromEntries(
      $$(el, '.review dl > div').map((row) => [
        text(row.querySelector('dt')),
        text(row.querySelector('dd')),
      ]),
    );
    expect(rows).to.deep.include({
      'Hvem er du?': 'Jeg arbejder i en besøgstjeneste eller kommune',
      'Dit navn': 'Hanne Holm',
      Organisation: 'Ikke oplyst',
      'E-mail': 'Hanne@Example.DK',
      'Værtens fornavn': 'Inger',
      Kommune: 'Aarhus',
      Postnummer: '8000',
      'Sprog under besøget': 'Dansk',
      'Besøgsvennens telefonnummer': '20 30-40 50',
      [criteria[2]!.question.da]: 'Ved ikke',
      'Hvilke dage passer?': 'Mandag, Tirsdag',
      'Hvilket tidspunkt passer?': 'Eftermiddag (kl. 12–17)',
      'Hvilken slags musik holder værten af?': 'Salmer',
      'Særlige musikønsker': 'Den blå anemone',
      'Ekstra gæster': '2',
      'Praktiske forhold': 'Værten hører dårligt, Der er trapper og ingen elevator',
      'Værten har sagt ja til besøget gennem sin besøgsven': 'Ja',
    });
    expect(text($(el, '.note'))).to.contain('En koordinator taler dem igennem');

    const changes = $$<HTMLButtonElement>(el, 'button[part=change]');
    expect(changes.map(text)).to.deep.equal([
      'Ret: Om dig, der indstiller',
      'Ret: Værten',
      'Ret: Besøgsvennen',
      'Ret: Et par spørgsmål om værten',
      'Ret: Ønsker og praktiske forhold',
      'Ret: Værtens ja',
    ]);
    changes[1]!.click();
    await el.updateComplete;
    await tick();
    expect(heading(el)).to.equal('Værten');
    expect(focused(el)).to.equal('h2.step-heading');
    type(el, 'host-firstName', 'Ingrid');
    await next(el);
    expect(heading(el), 'back to the review').to.equal('Tjek indstillingen');
    expect(text($$(el, '.review')[1]!)).to.contain('Ingrid');
  });

  it('sends the whole, normalised nomination once and shows the receipt', async () => {
    const sent = stubFetch(received);
    const el = await renderForm();
    const counts = countEvents(el);
    await fillToReview(el);

    const success = oneEvent(el, 'stue-nomination-success') as Promise<StueNominationSuccessEvent>;
    await next(el);
    const event = await success;
    expect([event.reference, event.status]).to.deep.equal(['STUE-7KQ3-9XZD', 'received']);
    expect(event.bubbles && event.composed).to.equal(true);
    expect(counts).to.deep.equal({ step: 7, submit: 1, success: 1, error: 0 });

    expect(sent).to.have.length(1);
    const [request] = sent;
    expect(request!.url).to.equal(`${API}api/v1/nominations`);
    expect(request!.method).to.equal('POST');
    expect(request!.authorization).to.equal('Bearer pk_test');
    const body = request!.body;
    expect(isUuidV7(body.id)).to.equal(true);
    expect(body.schemaVersion).to.equal(2);
    expect(body.programmeId).to.equal('musikalske-besoegsvenner');
    expect(body.nominator).to.deep.equal({
      role: 'local-expert',
      name: 'Hanne Holm',
      email: 'hanne@example.dk',
    });
    expect(body.host).to.deep.equal({
      firstName: 'Inger',
      municipalityCode: '751',
      postcode: '8000',
      language: 'da',
    });
    expect(body.visitingFriend).to.deep.equal({ firstName: 'Bent', phone: '+4520304050' });
    expect(body.screening).to.deep.equal(Object.fromEntries(criteria.map((c) => [c.id, 'yes'])));
    expect(body.preferences).to.deep.equal({
      weekdays: ['mon', 'tue'],
      timesOfDay: ['afternoon'],
      genres: ['hymns'],
      musicWishes: 'Den blå anemone',
      extraGuests: 2,
    });
    expect(body.access).to.deep.equal({
      hearing: true,
      sight: false,
      stairs: true,
      wheelchair: false,
      pets: false,
      smokeFree: false,
    });
    // The tick box becomes a consent record: who agreed, through whom (the nominator, here
    // staff), when, and to what notice.
    expect(body.consent).to.deep.include({
      agreedBy: 'host',
      via: 'local-expert',
      noticeVersion: NOTICE_VERSION,
    });
    expect(Date.now() - Date.parse(body.consent.at!)).to.be.within(0, 60_000);

    expect(focused(el)).to.equal('h2#receipt-title');
    expect(text($(el, '.reference'))).to.equal('STUE-7KQ3-9XZD');
    expect(text($(el, '.receipt'))).to.contain('En koordinator ringer til besøgsvennen');
    expect(exists(el, 'form')).to.equal(false);
    await expect(el).to.be.accessible();
    await expectNoStorage();
  });

  it('says "sending" while it waits, and ignores a second press', async () => {
    let answer!: (response: Response) => void;
    const sent = stubFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const el = await renderForm();
    await fillToReview(el);
    await next(el);

    const button = $<HTMLButtonElement>(el, 'button[type=submit]')!;
    expect(button.getAttribute('aria-disabled')).to.equal('true');
    expect(text($(el, '.status'))).to.equal('Sender…');
    await next(el);
    await back(el);
    expect(heading(el), 'no way back while sending').to.equal('Tjek indstillingen');
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
    await fillToReview(el);

    const failed = oneEvent(el, 'stue-nomination-error') as Promise<StueNominationErrorEvent>;
    await next(el);
    const error = await failed;
    expect([error.code, error.retryable]).to.deep.equal(['network', true]);
    await el.updateComplete;

    const notice = $(el, '.notice')!;
    expect(text(notice)).to.contain('Ikke sendt – prøv igen');
    await waitUntil(() => root(el).activeElement === notice, 'the notice takes focus');
    expect(text($(el, '.review'))).to.contain('Hanne Holm');
    expect(text($(el, 'button[type=submit]'))).to.equal('Prøv at sende igen');
    await expectNoStorage();

    const success = oneEvent(el, 'stue-nomination-success');
    await next(el);
    await success;
    expect(sent).to.have.length(2);
    expect(sent[1]!.body.id).to.equal(sent[0]!.body.id);
    expect(sent[1]!.body).to.deep.equal(sent[0]!.body);
    expect(counts).to.deep.equal({ step: 7, submit: 2, success: 1, error: 1 });
    await expectNoStorage();
  });

  it('after a receipt, another pair gets a new id and empty pair details; the nominator stays', async () => {
    const sent = stubFetch(received);
    const el = await renderForm();
    await fillToReview(el);
    const success = oneEvent(el, 'stue-nomination-success');
    await next(el);
    await success;

    click(el, '.receipt button[part=button]');
    await el.updateComplete;
    await tick();
    expect(heading(el)).to.equal('Om dig, der indstiller');
    expect($<HTMLInputElement>(el, '#nominator-name')!.value).to.equal(' Hanne Holm ');
    await next(el);
    expect($<HTMLInputElement>(el, '#host-firstName')!.value).to.equal('');
    await next(el);
    expect(summaryLinks(el)).to.have.length(2);

    for (let i = 0; i < 5; i++) {
      await fillStepIfNeeded(el);
      await next(el);
    }
    expect(heading(el)).to.equal('Tjek indstillingen');
    const again = oneEvent(el, 'stue-nomination-success');
    await next(el);
    await again;
    expect(sent).to.have.length(2);
    expect(sent[1]!.body.id).not.to.equal(sent[0]!.body.id);
    expect(sent[1]!.body.preferences, 'the first pair’s wishes are gone').to.deep.equal({
      weekdays: [],
      timesOfDay: [],
      genres: [],
      extraGuests: 0,
    });
  });

  it('sends nothing when stue-nomination-submit is cancelled', async () => {
    const sent = stubFetch(received);
    const el = await renderForm();
    let seen: StueNominationSubmitEvent | undefined;
    el.addEventListener('stue-nomination-submit', (event) => {
      seen = event;
      event.preventDefault();
    });
    await fillToReview(el);
    await next(el);
    await new Promise((resolve) => setTimeout(resolve, 50));

    expect(seen?.cancelable).to.equal(true);
    expect(isUuidV7(seen?.nominationId)).to.equal(true);
    expect(sent).to.have.length(0);
    expect(text($(el, '.status'))).to.equal('');
    expect(heading(el)).to.equal('Tjek indstillingen');
  });

  it("takes the hub's own refusal (400) to the step with the problem, in the form's language", async () => {
    stubFetch(() =>
      json(400, {
        error: {
          code: 'invalid_body',
          message: 'The body is not valid',
          issues: [{ path: 'host.municipalityCode', code: 'invalid_choice', message: 'no' }],
        },
      }),
    );
    const el = await renderForm();
    await fillToReview(el);
    const failed = oneEvent(el, 'stue-nomination-error') as Promise<StueNominationErrorEvent>;
    await next(el);
    expect((await failed).code).to.equal('invalid_body');
    await el.updateComplete;
    await tick();
    expect(heading(el)).to.equal('Værten');
    expect(summaryLinks(el)).to.deep.equal([
      ['#host-municipalityCode', 'Vælg værtens kommune på listen'],
    ]);
    expect(focused(el)).to.equal('div.error-summary');
    await next(el);
    expect(heading(el), 'continuing returns to the review').to.equal('Tjek indstillingen');
  });

  it('tells the site owner when the page is not set up (401/403), with the code', async () => {
    stubFetch(() => json(403, { error: { code: 'origin_not_allowed', message: 'No' } }));
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await renderForm('en');
      await fillToReview(el);
      const failed = oneEvent(el, 'stue-nomination-error') as Promise<StueNominationErrorEvent>;
      await next(el);
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
    await fillToReview(el);
    const warn = console.warn;
    console.warn = () => {};
    try {
      const failed = oneEvent(el, 'stue-nomination-error') as Promise<StueNominationErrorEvent>;
      await next(el);
      expect((await failed).code).to.equal('missing_partner_key');
    } finally {
      console.warn = warn;
    }
    await el.updateComplete;
    expect(text($(el, '.notice code'))).to.equal('missing_partner_key');
    expect(sent).to.have.length(0);

    el.partnerKey = 'pk_test';
    const success = oneEvent(el, 'stue-nomination-success');
    await next(el);
    await success;
    expect(sent[0]!.url).to.equal('https://partner.example.test/stue/api/v1/nominations');
  });

  it('says that no hub answers when a server that is no hub answers (404, 405, a page)', async () => {
    const page = (status: number) =>
      Promise.resolve(
        new Response('<h1>Not found</h1>', { status, headers: { 'content-type': 'text/html' } }),
      );
    for (const answer of [() => page(404), () => page(405), () => page(200)]) {
      stubFetch(answer);
      const warn = console.warn;
      const warnings: unknown[][] = [];
      console.warn = (...args: unknown[]) => warnings.push(args);
      try {
        const el = await fixture<StueNominationForm>(
          html`<stue-nomination-form
            lang="en"
            partner-key="pk_test"
            api="https://partner.example.test/"
          ></stue-nomination-form>`,
        );
        await fillToReview(el);
        const failed = oneEvent(el, 'stue-nomination-error') as Promise<StueNominationErrorEvent>;
        await next(el);
        const error = await failed;
        expect([error.code, error.retryable]).to.deep.equal(['no_hub', false]);
        await el.updateComplete;
        expect(text($(el, '.notice h3'))).to.equal(
          'The form cannot be sent from this page right now',
        );
        expect(text($(el, 'button[type=submit]'))).not.to.equal('Try sending again');
        expect(String(warnings[0]![0])).to.contain(
          'no Stue hub answers at https://partner.example.test/. Set the api attribute',
        );
      } finally {
        console.warn = warn;
      }
    }
  });

  it('asks to wait and retry on 429 and 5xx', async () => {
    stubFetch((call) =>
      call === 1
        ? json(429, { error: { code: 'rate_limited', message: 'Slow' } }, { 'retry-after': '5' })
        : json(503, { error: { code: 'internal', message: 'Down' } }),
    );
    const el = await renderForm();
    await fillToReview(el);
    let failed = oneEvent(el, 'stue-nomination-error') as Promise<StueNominationErrorEvent>;
    await next(el);
    expect((await failed).code).to.equal('rate_limited');
    await el.updateComplete;
    expect(text($(el, '.notice'))).to.contain('Vent et øjeblik');

    failed = oneEvent(el, 'stue-nomination-error') as Promise<StueNominationErrorEvent>;
    await next(el);
    expect((await failed).code).to.equal('internal');
    await el.updateComplete;
    expect(text($(el, '.notice'))).to.contain('Prøv at sende igen om lidt');
    expect(text($(el, 'button[type=submit]'))).to.equal('Prøv at sende igen');
  });

  it('fills in prefilled details, and shows them read-only with lock-prefill', async () => {
    const sent = stubFetch(received);
    const el = await fixture<StueNominationForm>(
      html`<stue-nomination-form
        partner-key="pk_test"
        api=${API}
        lock-prefill
        .prefill=${{
          nominator: {
            role: 'local-expert',
            name: 'Hanne Holm',
            organisation: 'Røde Kors Aarhus',
            email: 'hanne@example.dk',
          },
        }}
      ></stue-nomination-form>`,
    );
    await next(el);
    expect(text($(el, '.locked-value'))).to.equal('Jeg arbejder i en besøgstjeneste eller kommune');
    expect(exists(el, 'input[name=role]'), 'no radios for a locked role').to.equal(false);
    for (const [id, value] of [
      ['nominator-name', 'Hanne Holm'],
      ['nominator-organisation', 'Røde Kors Aarhus'],
      ['nominator-email', 'hanne@example.dk'],
    ]) {
      const input = $<HTMLInputElement>(el, `#${id}`)!;
      expect([input.value, input.readOnly], id).to.deep.equal([value, true]);
      expect(text($(el, `#${id}-hint`)), id).to.equal('Udfyldt af hjemmesiden.');
    }
    expect($<HTMLInputElement>(el, '#nominator-phone')!.readOnly, 'not prefilled').to.equal(false);
    await expect(el).to.be.accessible();
    await next(el);
    expect(heading(el)).to.equal('Værten');

    for (let i = 0; i < 5; i++) {
      await fillStepIfNeeded(el);
      await next(el);
    }
    const success = oneEvent(el, 'stue-nomination-success');
    await next(el);
    await success;
    expect(sent[0]!.body.nominator).to.deep.equal({
      role: 'local-expert',
      name: 'Hanne Holm',
      organisation: 'Røde Kors Aarhus',
      email: 'hanne@example.dk',
    });
  });

  it('takes prefill as a JSON attribute, and unlocks a prefilled value that is not valid', async () => {
    const warn = console.warn;
    const warnings: unknown[] = [];
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await fixture<StueNominationForm>(
        html`<stue-nomination-form
          lock-prefill
          prefill='{"nominator":{"role":"visiting-friend","email":"not-an-address","organisation":"Ældre Sagen"}}'
        ></stue-nomination-form>`,
      );
      await next(el);
      expect(text($(el, '.locked-value'))).to.equal('Jeg er besøgsven');
      expect($<HTMLInputElement>(el, '#nominator-email')!.readOnly).to.equal(true);
      type(el, 'nominator-name', 'Bent');
      await next(el);
      expect(summaryLinks(el)).to.deep.equal([
        ['#nominator-email', 'Skriv en e-mailadresse som navn@eksempel.dk'],
      ]);
      const email = $<HTMLInputElement>(el, '#nominator-email')!;
      expect(email.readOnly, 'the person can correct it').to.equal(false);
      expect($<HTMLInputElement>(el, '#nominator-organisation')!.readOnly).to.equal(true);
      expect(warnings).to.have.length(1);

      const broken = await fixture<StueNominationForm>(
        html`<stue-nomination-form prefill="{not json"></stue-nomination-form>`,
      );
      expect(broken.prefill).to.equal(undefined);
      expect(warnings).to.have.length(2);
    } finally {
      console.warn = warn;
    }
  });

  it('keeps its place and what was typed when removed and added again; reset() starts over', async () => {
    const el = await renderForm();
    await next(el);
    await fillStepIfNeeded(el);
    await next(el);
    type(el, 'host-firstName', 'Inger');
    const parent = el.parentElement!;
    el.remove();
    await tick();
    parent.append(el);
    await el.updateComplete;
    expect(heading(el)).to.equal('Værten');
    expect($<HTMLInputElement>(el, '#host-firstName')!.value).to.equal('Inger');

    const counts = countEvents(el);
    el.reset();
    await el.updateComplete;
    expect(progress(el)).to.equal('Trin 1 af 8');
    await next(el);
    expect($<HTMLInputElement>(el, '#nominator-name')!.value).to.equal('');
    expect(counts.step, 'reset itself is not a move').to.equal(1);
  });

  it('skips the screening step for a programme it has no questions for', async () => {
    const el = await fixture<StueNominationForm>(
      html`<stue-nomination-form programme="koncert-paa-plejecenter"></stue-nomination-form>`,
    );
    expect(progress(el)).to.equal('Trin 1 af 7');
    for (let i = 0; i < 4; i++) {
      await fillStepIfNeeded(el);
      await next(el);
    }
    expect(heading(el)).to.equal('Ønsker og praktiske forhold');

    el.criteria = criteria.slice(0, 1);
    await el.updateComplete;
    expect(progress(el)).to.equal('Trin 5 af 8');
  });

  it('is accessible at every step, with and without errors, in both languages', async () => {
    for (const lang of ['da', 'en']) {
      const el = await renderForm(lang);
      for (let step = 1; step <= 8; step++) {
        await expect(el).to.be.accessible();
        if (step === 8) break;
        if ([2, 3, 4, 7].includes(step)) {
          await next(el); // nothing filled in: the summary and the messages
          expect(exists(el, '.error-summary'), `errors on step ${step}`).to.equal(true);
          await expect(el).to.be.accessible();
        }
        await fillStepIfNeeded(el);
        await next(el);
      }
    }
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
