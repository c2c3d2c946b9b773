import { expect, html } from '@open-wc/testing';
import { DEFAULT_PROGRAMME, type ProgrammeVersion } from '@stue/core';
import { apiError, json, SESSION, stubHub, textOf, until } from '../internal/hub.test-support.js';
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

    fill(root, 'programme-controller-name', 'Sangforeningen Stemmer');
    button(root, 'Gem').click();
    await until(() => el.notice !== '', 'saved');
    expect(el.notice).to.equal('Syngende besøg er gemt som version 1.');
    expect(textOf(root.querySelector('#programme-heading'))).to.equal('Syngende besøg');
  });
});
