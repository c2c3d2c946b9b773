import { addDays, danishToday } from '@stue/core';
import { expect, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  apiError,
  auditEntry,
  deepActiveElement,
  musician,
  SESSION,
  stubHub,
  textOf,
  tourDay,
  until,
} from '../internal/hub.test-support.js';
import { editRecord, renderPage } from '../internal/page.test-support.js';
import { defineTourDaysPage, periodFromParams, type StueTourDaysPage } from './tour-days-page.js';

defineTourDaysPage();

const pageUrl = location.href;
const signe = musician({ name: 'Signe Vang' });
const day = tourDay(signe.id, { date: '2026-05-05', baseMunicipalityCode: '730' });

const render = (params = new URLSearchParams(), lang: 'da' | 'en' = 'da') =>
  renderPage<StueTourDaysPage>(
    (context) =>
      html`<stue-tour-days-page .context=${context} .params=${params}></stue-tour-days-page>`,
    { lang },
  );

describe('<stue-tour-days-page>', () => {
  afterEach(() => {
    history.replaceState(null, '', pageUrl);
  });

  it('reads the period from the address, four weeks from today by default', () => {
    expect(periodFromParams(new URLSearchParams(), '2026-05-01')).to.deep.equal({
      from: '2026-05-01',
      to: '2026-05-28',
    });
    expect(periodFromParams(new URLSearchParams('from=2026-06-01&to=2026-06-03'))).to.deep.equal({
      from: '2026-06-01',
      to: '2026-06-03',
    });
    expect(
      periodFromParams(new URLSearchParams('from=x&to=2020-01-01'), '2026-05-01'),
    ).to.deep.equal({
      from: '2026-05-01',
      to: '2026-05-28',
    });
  });

  it('lists the period’s tour days with musician, window, base and pace', async () => {
    const hub = stubHub({
      'GET /api/v1/tour-days': { items: [day], nextCursor: null },
      'GET /api/v1/musicians': { items: [signe], nextCursor: null },
    });
    const { root } = await render();
    const request = hub.calls('GET', '/api/v1/tour-days')[0]!;
    expect(request.search.get('from')).to.equal(danishToday());
    expect(request.search.get('to')).to.equal(addDays(danishToday(), 27));
    const cells = [...root.querySelectorAll('tbody tr th, tbody tr td')].map((c) => textOf(c));
    expect(cells).to.deep.equal([
      'tirsdag den 5. maj 2026',
      'Signe Vang',
      '10.00–16.00',
      'Randers',
      'Op til 3',
      '60 min. + 30 min.',
      'Redigér',
    ]);
    expect(root.querySelector(`[data-edit="${day.id}"]`)!.getAttribute('aria-label')).to.equal(
      'Redigér tirsdag den 5. maj 2026 (Signe Vang)',
    );
  });

  it('shows another period and keeps it in the address', async () => {
    const hub = stubHub({
      'GET /api/v1/tour-days': { items: [], nextCursor: null },
      'GET /api/v1/musicians': { items: [signe], nextCursor: null },
    });
    const { el, root } = await render();
    root.querySelector<HTMLInputElement>('#period-from')!.value = '2026-05-01';
    root.querySelector<HTMLInputElement>('#period-to')!.value = '2026-05-31';
    root.querySelector<HTMLButtonElement>('form button[type=submit]')!.click();
    await until(() => hub.calls('GET', '/api/v1/tour-days').length === 2, 'second request');
    await until(() => !el.loading, 'loaded');
    expect(hub.calls('GET', '/api/v1/tour-days')[1]!.search.get('to')).to.equal('2026-05-31');
    expect(location.hash).to.equal('#/tour-days?from=2026-05-01&to=2026-05-31');
  });

  it('adds a tour day for a musician, numbers as numbers', async () => {
    const hub = stubHub({
      'GET /api/v1/tour-days': { items: [], nextCursor: null },
      'GET /api/v1/musicians': { items: [signe], nextCursor: null },
      'POST /api/v1/tour-days': ({ body }) => ({ ...(body as object) }),
    });
    const { el, root } = await render();
    const set = (id: string, value: string) =>
      ((root.querySelector(`#tour-day-${id}`) as HTMLInputElement).value = value);
    set('musicianId', signe.id);
    set('date', '2026-05-12');
    set('baseMunicipalityCode', '751');
    set('maxConcerts', '2');
    root.querySelectorAll<HTMLButtonElement>('form button[type=submit]')[1]!.click();
    await until(() => textOf(root.querySelector('.notice')) !== '', 'created');
    await el.updateComplete;
    const request = hub.calls('POST', '/api/v1/tour-days')[0]!;
    expect(request.headers.get('x-csrf-token')).to.equal(SESSION.csrfToken);
    expect(request.body).to.deep.include({
      schemaVersion: 1,
      musicianId: signe.id,
      date: '2026-05-12',
      windowStart: '10:00',
      windowEnd: '16:00',
      baseMunicipalityCode: '751',
      maxConcerts: 2,
      concertMinutes: 60,
      bufferMinutes: 30,
    });
    expect(textOf(root.querySelector('.notice'))).to.equal(
      'Turnédagen tirsdag den 12. maj 2026 er oprettet.',
    );
  });

  it('shows the hub’s problems, e.g. a window too short, at the field', async () => {
    stubHub({
      'GET /api/v1/tour-days': { items: [], nextCursor: null },
      'GET /api/v1/musicians': { items: [signe], nextCursor: null },
      'POST /api/v1/tour-days': apiError(400, 'invalid_body', 'x', {
        issues: [
          { path: 'windowEnd', code: 'window_too_short', message: 'Tidsrummet er for kort' },
        ],
      }),
    });
    const { el, root } = await render();
    root.querySelectorAll<HTMLButtonElement>('form button[type=submit]')[1]!.click();
    await until(() => root.querySelector('.error-summary'), 'summary');
    await el.updateComplete;
    expect(root.querySelector('.error-summary a')!.getAttribute('href')).to.equal(
      '#tour-day-windowEnd',
    );
    await expect(el).to.be.accessible();
  });

  it('is accessible, in English too', async () => {
    stubHub({
      'GET /api/v1/tour-days': { items: [day], nextCursor: null },
      'GET /api/v1/musicians': { items: [signe], nextCursor: null },
    });
    const { el, root } = await render(new URLSearchParams(), 'en');
    expect(textOf(root.querySelector('h1'))).to.equal('Tour days');
    expect(textOf(root.querySelector('tbody th'))).to.equal('Tuesday, 5 May 2026');
    await expect(el).to.be.accessible();
  });

  describe('editing and deleting a tour day', () => {
    const history = [
      auditEntry('2026-04-01T08:00:00Z', 'created'),
      auditEntry('2026-04-02T12:15:00Z', 'updated', { changed: ['windowEnd', 'maxConcerts'] }),
    ];
    const routes = () => ({
      'GET /api/v1/tour-days': { items: [day], nextCursor: null },
      'GET /api/v1/musicians': { items: [signe], nextCursor: null },
      [`GET /api/v1/tour-days/${day.id}`]: { ...day, bookings: [], history },
    });
    const saveButton = (root: ShadowRoot) =>
      root.querySelector<HTMLButtonElement>('#edit-heading ~ form button[type=submit]')!;

    const openEditor = async (lang: 'da' | 'en' = 'da') =>
      editRecord(await render(new URLSearchParams(), lang), day.id);

    it('opens a filled form with the day’s history, and is accessible', async () => {
      stubHub(routes());
      const { el, root } = await openEditor();
      expect(deepActiveElement()).to.equal(root.querySelector('#edit-heading'));
      expect(textOf(root.querySelector('#edit-heading'))).to.equal(
        'Turnédagen tirsdag den 5. maj 2026 – Signe Vang',
      );
      const value = (id: string) =>
        root.querySelector<HTMLInputElement>(`#edit-tour-day-${id}`)!.value;
      expect(value('windowStart')).to.equal('10:00');
      expect(value('windowEnd')).to.equal('16:00');
      expect(value('baseMunicipalityCode')).to.equal('730');
      expect(value('maxConcerts')).to.equal('3');
      const entries = [...root.querySelectorAll('ol.history li')].map((li) => textOf(li));
      expect(entries[1]).to.match(/Ændret: Til kl\. og Højst antal koncerter af Demo Koordinator$/);
      await expect(el).to.be.accessible();
    });

    it('saves the window, base, concerts and lengths as a patch, numbers as numbers', async () => {
      const hub = stubHub({
        ...routes(),
        [`PATCH /api/v1/tour-days/${day.id}`]: ({ body }) => ({ ...day, ...(body as object) }),
      });
      const { el, root } = await openEditor();
      root.querySelector<HTMLInputElement>('#edit-tour-day-windowEnd')!.value = '15:00';
      root.querySelector<HTMLInputElement>('#edit-tour-day-maxConcerts')!.value = '2';
      saveButton(root).click();
      await until(() => textOf(root.querySelector('.notice')) !== '', 'saved');
      await el.updateComplete;
      const [patch] = hub.calls('PATCH', `/api/v1/tour-days/${day.id}`);
      expect(patch!.headers.get('x-csrf-token')).to.equal(SESSION.csrfToken);
      expect(patch!.body).to.deep.equal({
        windowStart: '10:00',
        windowEnd: '15:00',
        baseMunicipalityCode: '730',
        maxConcerts: 2,
        concertMinutes: 60,
        bufferMinutes: 30,
      });
      expect(textOf(root.querySelector('.notice'))).to.equal(
        'Ændringerne af turnédagen tirsdag den 5. maj 2026 er gemt.',
      );
      // The notice takes focus once the list has loaded again, after its text shows.
      await until(() => deepActiveElement() === root.querySelector('.notice'), 'notice focused');
      expect(deepActiveElement()).to.equal(root.querySelector('.notice'));
    });

    it('shows field problems and a refused change (409) in words', async () => {
      const hub = stubHub({
        ...routes(),
        [`PATCH /api/v1/tour-days/${day.id}`]: apiError(400, 'invalid_body', 'x', {
          issues: [
            { path: 'windowEnd', code: 'window_too_short', message: 'Tidsrummet er for kort' },
          ],
        }),
      });
      const { el, root } = await openEditor();
      saveButton(root).click();
      await until(() => root.querySelector('.error-summary'), 'summary');
      await el.updateComplete;
      expect(root.querySelector('.error-summary a')!.getAttribute('href')).to.equal(
        '#edit-tour-day-windowEnd',
      );
      expect(textOf(root.querySelector('#edit-tour-day-windowEnd-error'))).to.equal(
        'Tidsrummet er for kort',
      );
      expect(deepActiveElement()).to.equal(root.querySelector('.error-summary'));
      await expect(el).to.be.accessible();
      hub.route(
        `PATCH /api/v1/tour-days/${day.id}`,
        apiError(409, 'tour_day_has_bookings', 'tour_day_has_bookings'),
      );
      saveButton(root).click();
      await until(() => textOf(root.querySelector('.error-summary')).includes('passer'), '409');
      expect(textOf(root.querySelector('.error-summary li'))).to.equal(
        'Ændringen kan ikke gemmes, fordi koncerterne på dagen så ikke længere passer. Flyt eller aflys dem først, eller vælg tider, der rummer dem.',
      );
    });

    it('deletes after a confirmation, and says so', async () => {
      const hub = stubHub({
        ...routes(),
        [`DELETE /api/v1/tour-days/${day.id}`]: new Response(null, { status: 204 }),
      });
      const { el, root } = await openEditor();
      root.querySelector<HTMLButtonElement>('#delete-button')!.click();
      await until(() => root.querySelector('#confirm-heading'), 'confirmation');
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(root.querySelector('#confirm-heading'));
      expect(hub.calls('DELETE', `/api/v1/tour-days/${day.id}`)).to.have.length(0);
      await expect(el).to.be.accessible();
      hub.route('GET /api/v1/tour-days', { items: [], nextCursor: null });
      root.querySelector<HTMLButtonElement>('.confirm button.warning')!.click();
      await until(() => textOf(root.querySelector('.notice')) !== '', 'deleted');
      await el.updateComplete;
      const [request] = hub.calls('DELETE', `/api/v1/tour-days/${day.id}`);
      expect(request!.headers.get('x-csrf-token')).to.equal(SESSION.csrfToken);
      expect(textOf(root.querySelector('.notice'))).to.equal(
        'Turnédagen tirsdag den 5. maj 2026 er slettet.',
      );
      // The notice takes focus once the list has loaded again, after its text shows.
      await until(() => deepActiveElement() === root.querySelector('.notice'), 'notice focused');
      expect(deepActiveElement()).to.equal(root.querySelector('.notice'));
      expect(root.querySelector('#edit-heading')).to.equal(null);
      expect(root.querySelector('tbody')).to.equal(null);
    });

    it('explains kindly when the hub refuses to delete a day with kept concerts (409), in English too', async () => {
      stubHub({
        ...routes(),
        [`DELETE /api/v1/tour-days/${day.id}`]: apiError(
          409,
          'tour_day_has_bookings',
          'The tour day has bookings',
        ),
      });
      const { el, root } = await openEditor('en');
      root.querySelector<HTMLButtonElement>('#delete-button')!.click();
      await until(() => root.querySelector('#confirm-heading'), 'confirmation');
      root.querySelector<HTMLButtonElement>('.confirm button.warning')!.click();
      await until(() => root.querySelector('.error-summary'), 'refusal');
      await el.updateComplete;
      expect(textOf(root.querySelector('.error-summary li'))).to.equal(
        'The tour day cannot be deleted because it has confirmed or held concerts. Cancel or move those concerts first – then the day can be deleted.',
      );
      expect(root.querySelector('#confirm-heading')).to.equal(null);
      expect(root.querySelector('#edit-heading')).not.to.equal(null);
      expect(deepActiveElement()).to.equal(root.querySelector('.error-summary'));
      await expect(el).to.be.accessible();
    });

    it('works from the keyboard: open, ask to delete, cancel, close', async () => {
      const hub = stubHub(routes());
      const { el, root } = await render();
      root.querySelector<HTMLButtonElement>(`[data-edit="${day.id}"]`)!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => root.querySelector('ol.history'), 'editor open');
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(root.querySelector('#edit-heading'));
      root.querySelector<HTMLButtonElement>('#delete-button')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => root.querySelector('#confirm-heading'), 'confirmation');
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(root.querySelector('#confirm-heading'));
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: 'Tab' });
      expect(textOf(deepActiveElement())).to.equal('Fortryd');
      await sendKeys({ press: 'Enter' });
      await until(() => !root.querySelector('#confirm-heading'), 'confirmation closed');
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(root.querySelector('#delete-button'));
      expect(hub.calls('DELETE', `/api/v1/tour-days/${day.id}`)).to.have.length(0);
      await sendKeys({ press: 'Shift+Tab' });
      expect(textOf(deepActiveElement())).to.equal('Fortryd');
      await sendKeys({ press: 'Enter' });
      await until(() => !root.querySelector('#edit-heading'), 'editor closed');
      await el.updateComplete;
      expect(deepActiveElement()).to.equal(root.querySelector(`[data-edit="${day.id}"]`));
    });
  });
});
