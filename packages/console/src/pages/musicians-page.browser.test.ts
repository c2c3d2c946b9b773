import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  apiError,
  auditEntry,
  deepActiveElement,
  json,
  musician,
  SESSION,
  stubHub,
  textOf,
  until,
} from '../internal/hub.test-support.js';
import { editRecord, renderPage } from '../internal/page.test-support.js';
import { defineMusiciansPage, type StueMusiciansPage } from './musicians-page.js';

defineMusiciansPage();

const signe = musician({ name: 'Signe Vang' });

const render = (lang: 'da' | 'en' = 'da') =>
  renderPage<StueMusiciansPage>(
    (context) => html`<stue-musicians-page .context=${context}></stue-musicians-page>`,
    { lang },
  );

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
      'Redigér Signe Vang',
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
    // The notice takes focus once the list has loaded again, after its text shows.
    await until(() => deepActiveElement() === root.querySelector('.notice'), 'notice focused');
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

  it('names every language it offers, Greenlandic too, in Danish and in English', async () => {
    const labels = async (lang: 'da' | 'en') => {
      stubHub({ 'GET /api/v1/musicians': { items: [], nextCursor: null } });
      const { root } = await render(lang);
      return [...root.querySelectorAll('input[name=languages]')].map((input) =>
        textOf(input.closest('label')),
      );
    };
    expect(await labels('da')).to.deep.equal([
      'dansk',
      'engelsk',
      'svensk',
      'norsk',
      'tysk',
      'færøsk',
      'grønlandsk',
      'tyrkisk',
      'arabisk',
      'bosnisk',
      'polsk',
      'urdu',
      'persisk',
      'vietnamesisk',
    ]);
    expect(await labels('en')).to.deep.equal([
      'Danish',
      'English',
      'Swedish',
      'Norwegian',
      'German',
      'Faroese',
      'Greenlandic',
      'Turkish',
      'Arabic',
      'Bosnian',
      'Polish',
      'Urdu',
      'Persian',
      'Vietnamese',
    ]);
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

  describe('editing a musician', () => {
    const history = [
      auditEntry('2026-03-02T09:00:00Z', 'created'),
      auditEntry('2026-03-09T13:30:00Z', 'updated', {
        actor: 'coordinator:someone-else',
        changed: ['phone', 'active'],
      }),
    ];
    const routes = () => ({
      'GET /api/v1/musicians': { items: [signe], nextCursor: null },
      [`GET /api/v1/musicians/${signe.id}`]: { ...signe, history },
    });

    const openEditor = async (lang: 'da' | 'en' = 'da') => editRecord(await render(lang), signe.id);

    it('opens a filled form with the musician’s history: who, when and which fields changed', async () => {
      stubHub(routes());
      const { el, root } = await openEditor();
      expect(deepActiveElement()).to.equal(root.querySelector('#edit-heading'));
      expect(textOf(root.querySelector('#edit-heading'))).to.equal('Redigér Signe Vang');
      expect(root.querySelector('#create-heading')).to.equal(null);
      expect(root.querySelector<HTMLInputElement>('#edit-musician-name')!.value).to.equal(
        'Signe Vang',
      );
      expect(root.querySelector<HTMLInputElement>('#edit-musician-phone')!.value).to.equal(
        '40 50 60 70',
      );
      expect(
        root.querySelector<HTMLSelectElement>('#edit-musician-homeMunicipalityCode')!.value,
      ).to.equal(signe.homeMunicipalityCode);
      expect(root.querySelector<HTMLInputElement>('#edit-musician-active')!.checked).to.equal(true);
      expect(textOf(root.querySelector('#edit-musician-active-hint'))).to.contain(
        'beholder sin historik',
      );
      const entries = [...root.querySelectorAll('ol.history li')].map((li) => textOf(li));
      expect(entries).to.have.length(2);
      expect(entries[0]).to.match(/Oprettet af Demo Koordinator$/);
      expect(entries[1]).to.match(/Ændret: Telefon og Aktiv af en koordinator$/);
      expect(
        root.querySelector(`[data-edit="${signe.id}"]`)!.getAttribute('aria-expanded'),
      ).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('saves the changes with the CSRF token, says so and closes the form', async () => {
      const hub = stubHub({
        ...routes(),
        [`PATCH /api/v1/musicians/${signe.id}`]: ({ body }) => ({
          ...signe,
          ...(body as object),
          updatedAt: '2026-04-01T10:00:00Z',
        }),
      });
      const { el, root } = await openEditor();
      root.querySelector<HTMLInputElement>('#edit-musician-name')!.value = 'Signe Vang Holm';
      root.querySelector<HTMLInputElement>('#edit-musician-active')!.checked = false;
      root.querySelector<HTMLInputElement>('#edit-musician-genres-jazz')!.checked = false;
      root.querySelector<HTMLButtonElement>('#edit-heading ~ form button[type=submit]')!.click();
      await until(() => textOf(root.querySelector('.notice')) !== '', 'saved');
      await el.updateComplete;
      const [patch] = hub.calls('PATCH', `/api/v1/musicians/${signe.id}`);
      expect(patch!.headers.get('x-csrf-token')).to.equal(SESSION.csrfToken);
      expect(patch!.body).to.deep.equal({
        name: 'Signe Vang Holm',
        phone: '40 50 60 70',
        email: signe.email,
        homeMunicipalityCode: signe.homeMunicipalityCode,
        languages: signe.languages,
        genres: signe.genres.filter((g) => g !== 'jazz'),
        active: false,
      });
      expect(textOf(root.querySelector('.notice'))).to.equal(
        'Ændringerne for Signe Vang Holm er gemt.',
      );
      // The notice takes focus once the list has loaded again, after its text shows.
      await until(() => deepActiveElement() === root.querySelector('.notice'), 'notice focused');
      expect(deepActiveElement()).to.equal(root.querySelector('.notice'));
      expect(root.querySelector('#edit-heading')).to.equal(null);
    });

    it('shows the hub’s field problems in the edit form’s summary, linked to its fields', async () => {
      stubHub({
        ...routes(),
        [`PATCH /api/v1/musicians/${signe.id}`]: apiError(400, 'invalid_body', 'x', {
          issues: [
            {
              path: 'phone',
              code: 'invalid_phone',
              message: 'Skriv et dansk telefonnummer med 8 cifre',
            },
            { path: 'email', code: 'invalid_email', message: 'Skriv en gyldig e-mailadresse' },
          ],
        }),
      });
      const { el, root } = await openEditor();
      root.querySelector<HTMLInputElement>('#edit-musician-phone')!.value = '123';
      root.querySelector<HTMLButtonElement>('#edit-heading ~ form button[type=submit]')!.click();
      await until(() => root.querySelector('.error-summary'), 'summary');
      await el.updateComplete;
      expect(
        [...root.querySelectorAll('.error-summary a')].map((a) => a.getAttribute('href')),
      ).to.deep.equal(['#edit-musician-phone', '#edit-musician-email']);
      expect(textOf(root.querySelector('#edit-musician-phone-error'))).to.equal(
        'Skriv et dansk telefonnummer med 8 cifre',
      );
      expect(root.querySelector('#edit-musician-phone')!.getAttribute('aria-invalid')).to.equal(
        'true',
      );
      // What was typed stays, so it can be corrected.
      expect(root.querySelector<HTMLInputElement>('#edit-musician-phone')!.value).to.equal('123');
      expect(deepActiveElement()).to.equal(root.querySelector('.error-summary'));
      await expect(el).to.be.accessible();
    });

    it('shows a refusal (409) in words, in English too, and keeps the form open', async () => {
      stubHub({
        ...routes(),
        [`PATCH /api/v1/musicians/${signe.id}`]: apiError(
          409,
          'record_conflict',
          'The record was changed by someone else',
        ),
      });
      const { el, root } = await openEditor('en');
      expect(textOf(root.querySelector('#edit-heading'))).to.equal('Edit Signe Vang');
      expect(textOf(root.querySelector('ol.history li:last-child'))).to.match(
        /Changed: Phone and Active by a coordinator$/,
      );
      root.querySelector<HTMLButtonElement>('#edit-heading ~ form button[type=submit]')!.click();
      await until(() => root.querySelector('.error-summary'), 'summary');
      await el.updateComplete;
      expect(textOf(root.querySelector('.error-summary li'))).to.equal(
        'The record was changed by someone else',
      );
      expect(root.querySelector('.error-summary a')).to.equal(null);
      expect(root.querySelector('#edit-heading')).not.to.equal(null);
      expect(deepActiveElement()).to.equal(root.querySelector('.error-summary'));
    });

    it('says when the musician is gone, and when the history cannot be read', async () => {
      stubHub({
        'GET /api/v1/musicians': { items: [signe], nextCursor: null },
        [`GET /api/v1/musicians/${signe.id}`]: json({}, 503),
        [`PATCH /api/v1/musicians/${signe.id}`]: apiError(404, 'not_found'),
      });
      const { el, root } = await render();
      root.querySelector<HTMLButtonElement>(`[data-edit="${signe.id}"]`)!.click();
      await until(() => textOf(root).includes('Historikken kunne ikke hentes.'), 'history problem');
      root.querySelector<HTMLButtonElement>('#edit-heading ~ form button[type=submit]')!.click();
      await until(() => textOf(root.querySelector('.notice')) !== '', 'gone');
      await el.updateComplete;
      expect(textOf(root.querySelector('.notice'))).to.equal(
        'Musikeren findes ikke længere. Listen er opdateret.',
      );
      expect(root.querySelector('#edit-heading')).to.equal(null);
    });

    it('works from the keyboard: Enter opens the form, Cancel gives focus back to Edit', async () => {
      stubHub(routes());
      const { el, root } = await render();
      root.querySelector<HTMLButtonElement>(`[data-edit="${signe.id}"]`)!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => root.querySelector('ol.history'), 'editor open');
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(root.querySelector('#edit-heading'));
      await sendKeys({ press: 'Tab' });
      expect(deepActiveElement()).to.equal(root.querySelector('#edit-musician-name'));
      await sendKeys({ press: 'End' });
      await sendKeys({ type: ' Holm' });
      expect(root.querySelector<HTMLInputElement>('#edit-musician-name')!.value).to.equal(
        'Signe Vang Holm',
      );
      const cancel = [...root.querySelectorAll<HTMLButtonElement>('form .actions button')].find(
        (b) => textOf(b) === 'Fortryd',
      )!;
      cancel.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => !root.querySelector('#edit-heading'), 'editor closed');
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(root.querySelector(`[data-edit="${signe.id}"]`));
      expect(root.querySelector('#create-heading')).not.to.equal(null);
    });
  });
});
