import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import {
  DEFAULT_PROGRAMME,
  NOMINATOR_ROLES,
  screeningWording,
  type NominatorRole,
  type ProgrammePublic,
} from '@stue/core';
import '../define.js';
import type { StueNominationErrorEvent } from './nomination-form.events.js';
import type { StueNominationForm } from './nomination-form.js';
import { NOTICE_VERSION } from './nomination-form.text.js';

// What a programme on the hub makes the form say and record: its notice, controller and contact,
// its questions in the nominator's words, only the consents shown and ticked (with the version
// shown), and a receipt with its promise.

const API = 'https://hub.example.test/';
// The default programme's questions as the hub sends them: with each nominator's wording.
const QUESTIONS = DEFAULT_PROGRAMME.eligibility.criteria.map(
  ({ whenNo: _, ...question }) => question,
);
const realFetch = globalThis.fetch;

const programme = (overrides: Partial<ProgrammePublic> = {}): ProgrammePublic => ({
  slug: 'musikalske-besoegsvenner',
  version: 4,
  noticeVersion: 'musikalske-besoegsvenner/4',
  name: { da: 'Musikalske Besøgsvenner', en: 'Musical Visiting Friends' },
  format: {
    kind: 'home-concert',
    minutes: 60,
    description: { da: 'En musiker spiller i stuen.', en: 'A musician plays in the living room.' },
  },
  controller: {
    name: 'Foreningen Stue',
    address: 'Eksempelvej 1, 8000 Aarhus C',
    contact: 'data@stue.example.dk',
  },
  notice: {
    da: 'Vi bruger oplysningerne til at planlægge besøget.\n\nVærten kan altid sige nej.',
    en: 'We use the details to plan the visit.\n\nThe host can always say no.',
  },
  nominatorContact: { phone: '+4570203040', email: 'koordinator@stue.example.dk' },
  callWithin: {
    da: 'En koordinator ringer til besøgsvennen inden for cirka to uger.',
    en: 'A coordinator phones the visiting friend within about two weeks.',
  },
  criteria: QUESTIONS,
  feedbackConsent: 'widget',
  ...overrides,
});

interface Sent {
  url: string;
  method: string;
  body: {
    programmeId?: string;
    consent: Record<string, string>;
    feedbackConsent?: Record<string, string>;
  };
}

/** A hub that answers the programme's public part with `info` (or never) and takes nominations. */
function stubHub(info: ProgrammePublic | 'hang' | 'down') {
  const sent: Sent[] = [];
  const asked: string[] = [];
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    if ((init?.method ?? 'GET') === 'GET') {
      asked.push(url);
      if (info === 'hang') return new Promise<Response>(() => {});
      if (info === 'down') throw new TypeError('Failed to fetch');
      return new Response(JSON.stringify(info), {
        headers: { 'content-type': 'application/json' },
      });
    }
    sent.push({ url, method: init!.method!, body: JSON.parse(String(init!.body)) });
    return new Response(JSON.stringify({ reference: 'STUE-7KQ3-9XZD', status: 'received' }), {
      status: 201,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { sent, asked };
}

const root = (el: StueNominationForm) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: StueNominationForm, selector: string) =>
  root(el).querySelector<T>(selector);
const $$ = (el: StueNominationForm, selector: string) => [...root(el).querySelectorAll(selector)];
const text = (node: Element | null) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const heading = (el: StueNominationForm) => text($(el, '.step-heading'));
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
const click = (el: StueNominationForm, selector: string) => $<HTMLElement>(el, selector)!.click();

function type(el: StueNominationForm, id: string, value: string) {
  const input = $<HTMLInputElement>(el, `#${id}`)!;
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function next(el: StueNominationForm) {
  click(el, 'button[type=submit]');
  await el.updateComplete;
  await tick();
}

const roleId = (role: NominatorRole) =>
  role === NOMINATOR_ROLES[0] ? 'nominator-role' : `nominator-role-${role}`;

/** From the first step past the visiting friend's, as `role`. */
async function fillPastFriend(el: StueNominationForm, role: NominatorRole) {
  await next(el);
  click(el, `#${roleId(role)}`);
  type(el, 'nominator-name', 'Hanne Holm');
  type(el, 'nominator-email', 'hanne@example.dk');
  await next(el);
  type(el, 'host-firstName', 'Inger');
  type(el, 'host-municipalityCode', 'Aarhus');
  await next(el);
  type(el, 'visitingFriend-firstName', 'Bent');
  type(el, 'visitingFriend-phone', '20304050');
  await next(el);
}

/** From the first step to the consent step, as `role`, answering every question yes. */
async function fillToConsent(el: StueNominationForm, role: NominatorRole) {
  await fillPastFriend(el, role);
  if (heading(el).startsWith('Et par spørgsmål')) {
    for (const input of $$(el, 'input[type=radio][value=yes]')) (input as HTMLElement).click();
    await next(el);
  }
  await next(el); // wishes: all optional
}

async function renderForm(slug?: string) {
  const el = await fixture<StueNominationForm>(
    slug
      ? html`<stue-nomination-form
          partner-key="pk_test"
          api=${API}
          programme=${slug}
        ></stue-nomination-form>`
      : html`<stue-nomination-form partner-key="pk_test" api=${API}></stue-nomination-form>`,
  );
  return el;
}

/** Waits until the programme's texts show (its name in the first step's title). */
async function programmeShown(el: StueNominationForm, name: string) {
  for (let i = 0; i < 50 && !heading(el).includes(name); i++) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  expect(heading(el)).to.contain(name);
}

describe('<stue-nomination-form> with its programme', () => {
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('never waits for the programme: step 1 is there at once, and without it the built-in texts are recorded', async () => {
    const { sent, asked } = stubHub('hang');
    const el = await renderForm();
    expect(heading(el)).to.equal('Indstil en vært og besøgsven til en koncert i stuen');
    // Asked once step 1 is on screen, so the request never delays it.
    for (let i = 0; i < 50 && asked.length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(asked).to.deep.equal([`${API}api/v1/programmes/musikalske-besoegsvenner/public`]);
    await fillToConsent(el, 'visiting-friend');
    expect(exists(el, '#feedbackConsent'), 'no programme, no feedback question').to.equal(false);
    click(el, '#consent');
    await next(el);
    const success = oneEvent(el, 'stue-nomination-success');
    await next(el);
    await success;
    expect(sent[0]!.body.consent).to.deep.include({
      via: 'visiting-friend',
      noticeVersion: NOTICE_VERSION,
    });
    expect(sent[0]!.body).not.to.have.property('feedbackConsent');
  });

  it('says a programme the hub does not hold is the page’s setup, not the person’s to fix', async () => {
    stubHub('down');
    const answer = { issues: [{ path: 'programmeId', code: 'not_found', message: 'Findes ikke' }] };
    const realStub = globalThis.fetch;
    globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) =>
      (init?.method ?? 'GET') === 'GET'
        ? realStub(input, init)
        : new Response(
            JSON.stringify({
              error: { code: 'unknown_programme', message: 'Unknown programme', ...answer },
            }),
            { status: 422, headers: { 'content-type': 'application/json' } },
          );
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const el = await renderForm('syngende-besoeg');
      const failed = oneEvent(el, 'stue-nomination-error') as Promise<StueNominationErrorEvent>;
      await fillToConsent(el, 'local-expert');
      click(el, '#consent');
      await next(el);
      await next(el);
      expect((await failed).code).to.equal('unknown_programme');
      await el.updateComplete;
      expect(text($(el, '.notice h3'))).to.equal(
        'Formularen kan ikke sendes fra denne side lige nu',
      );
      expect(text($(el, '.notice code'))).to.equal('unknown_programme');
      expect(exists(el, 'stue-error-summary [role=alert] li, .error-message')).to.equal(false);
      expect(warnings).to.deep.equal([
        `<stue-nomination-form>: the hub at ${API} holds no programme "syngende-besoeg" with these words (unknown_programme): check the programme attribute.`,
      ]);
      await expect(el).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });

  it('falls back to the built-in texts when the hub cannot be reached', async () => {
    stubHub('down');
    const el = await renderForm();
    await tick();
    expect(heading(el)).to.equal('Indstil en vært og besøgsven til en koncert i stuen');
    await fillToConsent(el, 'local-expert');
    expect(text($(el, '.intro'))).to.contain('Vi bruger oplysningerne til at planlægge');
  });

  // The consent property: every path records exactly the consents shown and ticked, with the
  // version that was on screen, through the nominator.
  for (const role of NOMINATOR_ROLES) {
    for (const place of ['widget', 'kiosk'] as const) {
      for (const tickFeedback of [true, false]) {
        it(`records what ${role} was shown and ticked (feedback asked on the ${place}${tickFeedback ? ', ticked' : ''})`, async () => {
          const info = programme({ feedbackConsent: place });
          const { sent } = stubHub(info);
          const el = await renderForm();
          await programmeShown(el, info.name.da);
          await fillToConsent(el, role);

          const shown = text($(el, '.intro'));
          expect(shown).to.contain('Vi bruger oplysningerne til at planlægge besøget.');
          expect(shown).to.contain('Dataansvarlig: Foreningen Stue, Eksempelvej 1, 8000 Aarhus C');
          expect(shown).to.contain('70 20 30 40 · koordinator@stue.example.dk');
          expect(text(root(el) as unknown as Element), 'no internal version').not.to.contain(
            info.noticeVersion,
          );
          const asked = place === 'widget' && (role === 'visiting-friend' || role === 'self');
          expect(exists(el, '#feedbackConsent'), 'feedback asked here').to.equal(asked);
          await expect(el).to.be.accessible();

          click(el, '#consent');
          if (asked && tickFeedback) click(el, '#feedbackConsent');
          await next(el);
          const success = oneEvent(el, 'stue-nomination-success');
          await next(el);
          await success;

          const { body } = sent[0]!;
          const given = { agreedBy: 'host', via: role, noticeVersion: info.noticeVersion };
          expect(body.consent).to.deep.include(given);
          if (asked && tickFeedback) expect(body.feedbackConsent).to.deep.include(given);
          else expect(body).not.to.have.property('feedbackConsent');
        });
      }
    }
  }

  it('asks the questions in the words of each nominator', async () => {
    const expected: Record<NominatorRole, RegExp> = {
      'visiting-friend': /^Bor den, du besøger, i sit eget hjem\?$/,
      'local-expert': /^Bor værten i sit eget hjem\?$/,
      relative: /^Bor værten i sit eget hjem\?$/,
      self: /^Bor du i dit eget hjem\?$/,
    };
    for (const role of NOMINATOR_ROLES) {
      stubHub(programme());
      const el = await renderForm();
      await programmeShown(el, 'Musikalske Besøgsvenner');
      await fillPastFriend(el, role);
      expect(heading(el)).to.equal(
        role === 'self' ? 'Et par spørgsmål om dig' : 'Et par spørgsmål om værten',
      );
      const legends = $$(el, 'fieldset legend').map(text);
      expect(legends[0], role).to.match(expected[role]);
      expect(legends).to.deep.equal(QUESTIONS.map((q) => screeningWording(q, role).question.da));
      if (role !== 'visiting-friend') {
        expect(text($(el, 'form')), role).not.to.match(/gennem dig|den, du besøger/);
      }
    }
  });

  it('nominates for another programme: its address, its questions, its promise on the receipt', async () => {
    const singing = programme({
      slug: 'syngende-besoeg',
      noticeVersion: 'syngende-besoeg/1',
      name: { da: 'Syngende besøg', en: 'Singing visits' },
      format: {
        kind: 'singing-visit',
        minutes: 45,
        description: { da: 'En sanger synger med værten.', en: 'A singer sings with the host.' },
      },
      nominatorContact: { email: 'besoeg@stemmer.example.dk' },
      callWithin: { da: 'Vi ringer inden for en uge.', en: 'We phone within a week.' },
      criteria: [
        {
          id: 'likes-singing',
          kind: 'required',
          question: { da: 'Kan den, du besøger, lide at synge?', en: 'Likes singing?' },
          thirdPerson: { question: { da: 'Kan værten lide at synge?', en: 'Likes singing?' } },
        },
      ],
      feedbackConsent: 'kiosk',
    });
    const { sent, asked } = stubHub(singing);
    const el = await renderForm('syngende-besoeg');
    await programmeShown(el, 'Syngende besøg');
    expect(asked).to.deep.equal([`${API}api/v1/programmes/syngende-besoeg/public`]);
    expect(text($(el, '.intro'))).to.contain('En sanger synger med værten.');
    await fillToConsent(el, 'relative');
    click(el, '#consent');
    await next(el);
    expect(text($(el, 'form'))).to.contain('Kan værten lide at synge?');
    const success = oneEvent(el, 'stue-nomination-success');
    await next(el);
    await success;
    expect(sent[0]!.body.programmeId).to.equal('syngende-besoeg');
    expect(sent[0]!.body.consent.noticeVersion).to.equal('syngende-besoeg/1');

    const receipt = text($(el, '.receipt'));
    expect(receipt).to.contain('Vi ringer inden for en uge.');
    expect(receipt).to.contain('Spørgsmål? Kontakt besoeg@stemmer.example.dk');
    expect(text($(el, '.reference-line'))).to.equal('Reference: STUE-7KQ3-9XZD');
    expect(receipt).to.contain('Syngende besøg');
    expect(receipt).to.contain('Inger, Aarhus');
    expect(receipt).to.contain('Bent, 20304050');
    expect(receipt).to.contain('Værten har sagt ja til besøget gennem sin besøgsven');
    expect(receipt).not.to.contain('svarene fra tabletten');
    expect($$(el, '.receipt button').map(text)).to.deep.equal([
      'Kopiér referencen',
      'Udskriv kvitteringen',
      'Indstil et andet par',
    ]);
    await expect(el).to.be.accessible();
  });
});

const exists = (el: StueNominationForm, selector: string) => $(el, selector) !== null;

describe('<stue-nomination-form lang="en"> with its programme', () => {
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('says the programme in English: notice, controller, the host’s own words, the receipt', async () => {
    const { sent } = stubHub(programme());
    const el = await fixture<StueNominationForm>(
      html`<stue-nomination-form
        partner-key="pk_test"
        api=${API}
        lang="en"
      ></stue-nomination-form>`,
    );
    await programmeShown(el, 'Musical Visiting Friends');
    await next(el);
    click(el, `#${roleId('self')}`);
    type(el, 'nominator-name', 'Inger Holm');
    type(el, 'nominator-phone', '20304050');
    await next(el);
    type(el, 'host-firstName', 'Inger');
    type(el, 'host-municipalityCode', 'Aarhus');
    await next(el);
    type(el, 'visitingFriend-firstName', 'Bent');
    type(el, 'visitingFriend-phone', '20304051');
    await next(el);
    expect(heading(el)).to.equal('A few questions about you');
    expect(text($(el, 'fieldset legend'))).to.equal('Do you live in your own home?');
    await next(el);
    await next(el);
    const shown = text($(el, '.intro'));
    expect(shown).to.contain('We use the details to plan the visit.');
    expect(shown).to.contain('Data controller: Foreningen Stue, Eksempelvej 1, 8000 Aarhus C.');
    expect(text($(el, 'label[part=label]'))).to.equal('I say yes to the visit');
    click(el, '#consent');
    click(el, '#feedbackConsent');
    await next(el);
    const success = oneEvent(el, 'stue-nomination-success');
    await next(el);
    await success;
    expect(sent[0]!.body.feedbackConsent).to.deep.include({ via: 'self' });
    const receipt = text($(el, '.receipt'));
    expect(receipt).to.contain('A coordinator phones the visiting friend within about two weeks.');
    expect(receipt).to.contain('Questions? Contact 70 20 30 40 · koordinator@stue.example.dk');
    expect(receipt).to.contain('I also say yes to you keeping my answers from the tablet');
    await expect(el).to.be.accessible();
  });
});
