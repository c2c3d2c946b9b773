import { expect, fixture, html } from '@open-wc/testing';
import {
  apiError,
  deepActiveElement,
  musician,
  restoreFetch,
  SESSION,
  stubHub,
  testContext,
  textOf,
  until,
} from '../internal/test-hub.js';
import { defineMusiciansPage, type StueMusiciansPage } from './musicians-page.js';

defineMusiciansPage();

const signe = musician({ name: 'Signe Vang' });

async function render(lang: 'da' | 'en' = 'da') {
  const el = await fixture<StueMusiciansPage>(
    html`<stue-musicians-page .context=${testContext(lang)}></stue-musicians-page>`,
  );
  await until(() => !el.loading, 'loaded');
  await el.updateComplete;
  return { el, root: el.shadowRoot! };
}

function fill(root: ShadowRoot) {
  const set = (id: string, value: string) =>
    ((root.querySelector(`#${id}`) as HTMLInputElement).value = value);
  set('musician-name', 'Jakob Holm');
  set('musician-phone', '41 51 61 71');
  set('musician-email', 'jakob@example.dk');
  set('musician-homeMunicipalityCode', '730');
  root.querySelector<HTMLInputElement>('input[name=languages][value=de]')!.checked = true;
  root.querySelector<HTMLInputElement>('input[name=genres][value=hymns]')!.checked = true;
}

const submit = (root: ShadowRoot) =>
  root.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();

describe('<stue-musicians-page>', () => {
  afterEach(restoreFetch);

  it('lists the musicians: how to reach them, where they drive from, languages and music', async () => {
    stubHub({ 'GET /api/v1/musicians': { items: [signe], nextCursor: null } });
    const { root } = await render();
    const cells = [
      ...root.querySelectorAll('tbody tr:first-child th, tbody tr:first-child td'),
    ].map((c) => textOf(c));
    expect(cells).to.deep.equal([
      'Signe Vang',
      '40 50 60 70',
      'signe@example.dk',
      'Aarhus',
      'dansk og engelsk',
      'Danske sange og Jazz',
      'Ja',
    ]);
  });

  it('adds a musician with a client id, and keeps that id when the answer is lost', async () => {
    let lose = true;
    const hub = stubHub({
      'GET /api/v1/musicians': { items: [signe], nextCursor: null },
      'POST /api/v1/musicians': ({ body }) =>
        lose ? Promise.reject(new TypeError('Failed to fetch')) : { ...(body as object) },
    });
    const { el, root } = await render();
    fill(root);
    submit(root);
    await until(() => root.querySelector('.error-summary'), 'network problem');
    lose = false;
    submit(root);
    await until(() => textOf(root.querySelector('.notice')) !== '', 'created');
    await el.updateComplete;
    const [first, second] = hub.calls('POST', '/api/v1/musicians');
    expect(second!.headers.get('x-csrf-token')).to.equal(SESSION.csrfToken);
    expect((second!.body as { id: string }).id).to.equal((first!.body as { id: string }).id);
    expect(second!.body).to.deep.include({
      schemaVersion: 1,
      name: 'Jakob Holm',
      phone: '41 51 61 71',
      email: 'jakob@example.dk',
      homeMunicipalityCode: '730',
      languages: ['da', 'de'],
      genres: ['hymns'],
      active: true,
    });
    expect(textOf(root.querySelector('.notice'))).to.equal('Jakob Holm er oprettet.');
    expect(deepActiveElement()).to.equal(root.querySelector('.notice'));
    expect(root.querySelector<HTMLInputElement>('#musician-name')!.value).to.equal('');
  });

  it('shows the hub’s field problems in a summary linked to the fields', async () => {
    stubHub({
      'GET /api/v1/musicians': { items: [], nextCursor: null },
      'POST /api/v1/musicians': apiError(400, 'invalid_body', 'x', {
        issues: [
          { path: 'name', code: 'required', message: 'Skriv et navn' },
          {
            path: 'phone',
            code: 'invalid_phone',
            message: 'Skriv et dansk telefonnummer med 8 cifre',
          },
          { path: 'languages', code: 'required', message: 'Vælg mindst ét sprog' },
        ],
      }),
    });
    const { el, root } = await render();
    submit(root);
    await until(() => root.querySelector('.error-summary'), 'summary');
    await el.updateComplete;
    expect(
      [...root.querySelectorAll('.error-summary a')].map((a) => a.getAttribute('href')),
    ).to.deep.equal(['#musician-name', '#musician-phone', '#musician-languages']);
    expect(textOf(root.querySelector('#musician-phone-error'))).to.equal(
      'Skriv et dansk telefonnummer med 8 cifre',
    );
    expect(deepActiveElement()).to.equal(root.querySelector('.error-summary'));
    await expect(el).to.be.accessible();
  });

  it('says there are none yet, and speaks English', async () => {
    stubHub({ 'GET /api/v1/musicians': { items: [], nextCursor: null } });
    const { root } = await render('en');
    expect(textOf(root.querySelector('h1'))).to.equal('Musicians');
    expect([...root.querySelectorAll('p')].map((p) => textOf(p))).to.include(
      'There are no musicians yet.',
    );
    expect(textOf(root.querySelector('label[for=musician-homeMunicipalityCode]'))).to.equal(
      'Municipality the musician drives from',
    );
  });

  it('is accessible', async () => {
    stubHub({
      'GET /api/v1/musicians': {
        items: [signe, musician({ name: 'Maja Lund' })],
        nextCursor: null,
      },
    });
    const { el } = await render();
    await expect(el).to.be.accessible();
  });
});
