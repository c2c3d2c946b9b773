import { expect, html } from '@open-wc/testing';
import {
  DEFAULT_PROGRAMME,
  programmeContentSchema,
  validate,
  type ProgrammeVersion,
} from '@stue/core';
import {
  apiError,
  json,
  musician,
  SESSION,
  stubHub,
  textOf,
  until,
} from '../internal/hub.test-support.js';
import { renderPage } from '../internal/page.test-support.js';
import { defineProgrammesPage, type StueProgrammesPage } from './programmes-page.js';

defineProgrammesPage();

const version = (overrides: Partial<ProgrammeVersion> = {}): ProgrammeVersion => ({
  slug: DEFAULT_PROGRAMME.id,
  version: 1,
  noticeVersion: `${DEFAULT_PROGRAMME.id}/1`,
  name: DEFAULT_PROGRAMME.name,
  format: {
    kind: 'home-concert',
    minutes: 60,
    description: { da: 'En musiker spiller i stuen.', en: 'A musician plays at home.' },
  },
  controller: { name: 'Foreningen Stue', address: 'Vej 1, 8000 Aarhus C', contact: 'data@x.dk' },
  notice: { da: 'Første afsnit.\n\nAndet afsnit.', en: 'First.\n\nSecond.' },
  nominatorContact: { phone: '+4570203040', email: 'k@x.dk' },
  callWithin: { da: 'Vi ringer inden for to uger.', en: 'We call within two weeks.' },
  criteria: DEFAULT_PROGRAMME.eligibility.criteria,
  feedbackInstrumentId: DEFAULT_PROGRAMME.feedbackInstrumentId,
  feedbackConsent: 'widget',
  peers: [],
  createdAt: '2026-12-01T10:00:00.000Z',
  createdBy: `coordinator:${SESSION.coordinator.id}`,
  ...overrides,
});

const detail = (v: ProgrammeVersion) => ({
  current: v,
  versions: [
    {
      version: v.version,
      noticeVersion: v.noticeVersion,
      createdAt: v.createdAt,
      createdBy: v.createdBy,
    },
  ],
  history: [],
});

const mads = musician({ name: 'Mads Holm' });
const aisha = musician({ name: 'Aisha Berg', active: false });
const ole = musician({ name: 'Ole Lund' });
/** The musicians, whom a programme can name as peers. */
const MUSICIANS = { 'GET /api/v1/musicians': { items: [aisha, mads, ole], nextCursor: null } };

const render = () =>
  renderPage<StueProgrammesPage>(
    (context) => html`<stue-programmes-page .context=${context}></stue-programmes-page>`,
  );

const button = (root: ParentNode, text: string) =>
  [...root.querySelectorAll('button')].find((b) => textOf(b) === text)!;

function fill(root: ShadowRoot, id: string, value: string) {
  const input = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
  input.value = value;
}

describe('<stue-programmes-page>', () => {
  it('lists the programmes and shows one with its controller, promise, notice version and versions', async () => {
    const current = version();
    stubHub({
      ...MUSICIANS,
      'GET /api/v1/programmes': { items: [current] },
      [`GET /api/v1/programmes/${current.slug}`]: detail(current),
    });
    const { el, root } = await render();
    expect(textOf(root.querySelector('table'))).to.contain('Musikalske Besøgsvenner');
    button(root, 'Vis').click();
    await until(() => root.querySelector('#programme-heading'), 'the programme');
    const shown = textOf(root.querySelector('section.panel'));
    expect(shown).to.contain('Version 1 · oplysningstekst musikalske-besoegsvenner/1');
    expect(shown).to.contain('Foreningen Stue, Vej 1, 8000 Aarhus C · data@x.dk');
    expect(shown).to.contain('70 20 30 40 · k@x.dk');
    expect(shown).to.contain('Vi ringer inden for to uger.');
    expect(shown).to.contain('Bor den, du besøger, i sit eget hjem?');
    await expect(el).to.be.accessible();
  });

  it('a coordinator creates a singing visit; the questions carry over; bad input is said at its field', async () => {
    const saved = version({
      slug: 'syngende-besoeg',
      noticeVersion: 'syngende-besoeg/1',
      name: { da: 'Syngende besøg', en: 'Singing visits' },
    });
    let attempt = 0;
    const hub = stubHub({
      ...MUSICIANS,
      'GET /api/v1/programmes': { items: [] },
      'POST /api/v1/programmes': () =>
        ++attempt === 1
          ? apiError(400, 'invalid_body', 'Invalid', {
              issues: [
                {
                  path: 'controller.name',
                  code: 'required',
                  message: 'Skriv den dataansvarliges navn',
                },
              ],
            })
          : json(saved, 201),
      'GET /api/v1/programmes/syngende-besoeg': detail(saved),
    });
    const { el, root } = await render();
    button(root, 'Nyt program').click();
    await el.updateComplete;
    expect(textOf(root.querySelector('#programme-form-heading'))).to.equal('Nyt program');
    await expect(el).to.be.accessible();
    fill(root, 'programme-slug', 'syngende-besoeg');
    fill(root, 'programme-name-da', 'Syngende besøg');
    fill(root, 'programme-name-en', 'Singing visits');
    root.querySelector<HTMLSelectElement>('#programme-format-kind')!.value = 'singing-visit';
    button(root, 'Gem').click();
    await until(() => el.errors.length > 0, 'the issue');
    await el.updateComplete;
    expect(el.errors).to.deep.equal([
      {
        field: 'programme-controller-name',
        message: 'Dataansvarliges navn: Skriv den dataansvarliges navn',
      },
    ]);
    const sent = hub.calls('POST', '/api/v1/programmes')[0]!.body as Record<string, unknown>;
    expect(sent).to.deep.include({ slug: 'syngende-besoeg', feedbackConsent: 'kiosk' });
    expect(sent['format']).to.deep.include({ kind: 'singing-visit', minutes: 60 });
    expect(sent['criteria']).to.deep.equal(DEFAULT_PROGRAMME.eligibility.criteria);
    expect(sent['peers']).to.deep.equal([]);

    fill(root, 'programme-controller-name', 'Sangforeningen Stemmer');
    button(root, 'Gem').click();
    await until(() => el.notice !== '', 'saved');
    expect(el.notice).to.equal('Syngende besøg er gemt som version 1.');
    expect(textOf(root.querySelector('#programme-heading'))).to.equal('Syngende besøg');
  });

  it('names peers in a new version: active musicians to choose, an inactive one said so and refused at its field', async () => {
    const current = version({ peers: [aisha.id] });
    const next = version({ version: 2, noticeVersion: `${current.slug}/2`, peers: [mads.id] });
    let attempt = 0;
    const hub = stubHub({
      ...MUSICIANS,
      'GET /api/v1/programmes': { items: [current] },
      [`GET /api/v1/programmes/${current.slug}`]: () =>
        json(attempt < 2 ? detail(current) : detail(next)),
      [`POST /api/v1/programmes/${current.slug}/versions`]: () =>
        ++attempt === 1
          ? apiError(400, 'invalid_body', 'Invalid', {
              issues: [
                {
                  path: 'peers.0',
                  code: 'inactive',
                  message: 'Musikeren er ikke aktiv og kan ikke være kollega i programmet',
                },
              ],
            })
          : json(next, 201),
    });
    const { el, root } = await render();
    button(root, 'Vis').click();
    await until(() => root.querySelector('#programme-heading'), 'the programme');
    const shown = textOf(root.querySelector('section.panel'));
    expect(shown).to.contain('Erfarne kolleger');
    expect(textOf(root.querySelector('ul.peers'))).to.equal('Aisha Berg');

    button(root, 'Ny version').click();
    await until(() => root.querySelector('#programme-peers'), 'the peers');
    await el.updateComplete;
    const boxes = () => [...root.querySelectorAll<HTMLInputElement>('input[name=peers]')];
    expect(boxes().map((box) => [textOf(box.closest('label')), box.checked])).to.deep.equal([
      ['Aisha Berg (ikke aktiv)', true],
      ['Mads Holm', false],
      ['Ole Lund', false],
    ]);
    expect(textOf(root.querySelector('fieldset:has(#programme-peers)'))).to.contain(
      'Tabletten viser kun deres fornavn',
    );
    await expect(el).to.be.accessible();

    button(root, 'Gem').click();
    await until(() => el.errors.length > 0, 'the refusal');
    await el.updateComplete;
    expect(el.errors).to.deep.equal([
      {
        field: 'programme-peers',
        message: 'Aisha Berg: Musikeren er ikke aktiv og kan ikke være kollega i programmet',
      },
    ]);
    expect(
      hub.calls('POST', `/api/v1/programmes/${current.slug}/versions`)[0]!.body,
    ).to.deep.include({ peers: [aisha.id] });
    await expect(el).to.be.accessible();

    boxes()[0]!.checked = false;
    boxes()[1]!.checked = true;
    button(root, 'Gem').click();
    await until(() => el.notice !== '', 'saved');
    const sent = hub.calls('POST', `/api/v1/programmes/${current.slug}/versions`)[1]!.body;
    expect(sent).to.deep.include({ peers: [mads.id] });
    await until(() => textOf(root.querySelector('ul.peers')) === 'Mads Holm', 'the new peer');
  });

  it('a coordinator edits, removes and adds screening questions; each problem is said at its field, and saving makes a new version', async () => {
    const current = version();
    const defaults = DEFAULT_PROGRAMME.eligibility.criteria;
    const saved = version({ version: 2, noticeVersion: `${current.slug}/2` });
    const hub = stubHub({
      ...MUSICIANS,
      'GET /api/v1/programmes': { items: [current] },
      [`GET /api/v1/programmes/${current.slug}`]: detail(current),
      // The hub checks the version with core's schema, as the real one does.
      [`POST /api/v1/programmes/${current.slug}/versions`]: ({ body }) => {
        const checked = validate(programmeContentSchema, body, { lang: 'da' });
        return checked.ok
          ? json(saved, 201)
          : apiError(400, 'invalid_body', 'Invalid', { issues: checked.issues });
      },
    });
    const { el, root } = await render();
    button(root, 'Vis').click();
    await until(() => root.querySelector('#programme-heading'), 'the programme');
    button(root, 'Ny version').click();
    await el.updateComplete;
    const questions = () => [...root.querySelectorAll('fieldset.criterion')];
    expect(questions()).to.have.length(defaults.length);
    expect(
      root.querySelector<HTMLTextAreaElement>('#programme-criteria-0-question-da')!.value,
    ).to.equal(defaults[0]!.question.da);

    fill(
      root,
      'programme-criteria-0-question-da',
      'Bor værten i eget hjem eller i bolig med hjælp?',
    );
    root.querySelector<HTMLButtonElement>('[data-remove-criterion="1"]')!.click();
    await el.updateComplete;
    expect(questions()).to.have.length(defaults.length - 1);
    expect(
      root.querySelector<HTMLTextAreaElement>('#programme-criteria-0-question-da')!.value,
      'what was typed stays',
    ).to.equal('Bor værten i eget hjem eller i bolig med hjælp?');
    button(root, 'Tilføj spørgsmål').click();
    await el.updateComplete;
    const last = defaults.length - 1;
    expect(root.activeElement?.id).to.equal(`programme-criteria-${last}-id`);
    fill(root, `programme-criteria-${last}-id`, defaults[0]!.id);
    root.querySelector<HTMLSelectElement>(`#programme-criteria-${last}-kind`)!.value = 'required';
    fill(root, `programme-criteria-${last}-question-da`, 'Kan den, du besøger, lide at synge?');
    fill(root, `programme-criteria-${last}-help-da`, 'Fx salmer eller gamle slagere.');
    button(root, 'Gem').click();
    await until(() => el.errors.length > 0, 'the issues');
    await el.updateComplete;
    const [question, help, duplicate] = el.errors;
    expect([question, help]).to.deep.equal([
      {
        field: `programme-criteria-${last}-question-en`,
        message: `Spørgsmål ${last + 1}, spørgsmål til besøgsvennen (engelsk): Udfyld feltet`,
      },
      {
        field: `programme-criteria-${last}-help-en`,
        message: `Spørgsmål ${last + 1}, hjælpetekst (engelsk): Udfyld feltet`,
      },
    ]);
    expect(duplicate?.field).to.equal('programme-criteria');
    expect(duplicate?.message).to.match(/^Screeningsspørgsmål: /);
    expect(
      root.querySelector(`#programme-criteria-${last}-help-en`)!.getAttribute('aria-invalid'),
    ).to.equal('true');
    await expect(el).to.be.accessible();

    fill(root, `programme-criteria-${last}-id`, 'kan-lide-at-synge');
    fill(root, `programme-criteria-${last}-question-en`, 'Does the person you visit like singing?');
    fill(root, `programme-criteria-${last}-help-en`, 'Hymns or old hits, for example.');
    button(root, 'Gem').click();
    await until(() => el.notice !== '', 'saved');
    expect(el.notice).to.equal('Musikalske Besøgsvenner er gemt som version 2.');
    const sent = hub.calls('POST', `/api/v1/programmes/${current.slug}/versions`).at(-1)!.body as {
      criteria: unknown[];
    };
    expect(sent.criteria).to.deep.equal([
      {
        ...defaults[0],
        question: {
          ...defaults[0]!.question,
          da: 'Bor værten i eget hjem eller i bolig med hjælp?',
        },
      },
      ...defaults.slice(2),
      {
        id: 'kan-lide-at-synge',
        kind: 'required',
        question: {
          da: 'Kan den, du besøger, lide at synge?',
          en: 'Does the person you visit like singing?',
        },
        help: { da: 'Fx salmer eller gamle slagere.', en: 'Hymns or old hits, for example.' },
      },
    ]);
  });
});
