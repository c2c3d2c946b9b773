import { expect, fixture, html } from '@open-wc/testing';
import {
  apiError,
  musician,
  restoreFetch,
  SESSION,
  stubHub,
  testContext,
  textOf,
  tourDay,
  until,
} from '../internal/test-hub.js';
import { addDays, danishToday } from '../internal/time.js';
import { defineTourDaysPage, periodFromParams, type StueTourDaysPage } from './tour-days-page.js';

defineTourDaysPage();

const pageUrl = location.href;
const signe = musician({ name: 'Signe Vang' });
const day = tourDay(signe.id, { date: '2026-05-05', baseMunicipalityCode: '730' });

async function render(params = new URLSearchParams(), lang: 'da' | 'en' = 'da') {
  const el = await fixture<StueTourDaysPage>(
    html`<stue-tour-days-page
      .context=${testContext(lang)}
      .params=${params}
    ></stue-tour-days-page>`,
  );
  await until(() => !el.loading, 'loaded');
  await el.updateComplete;
  return { el, root: el.shadowRoot! };
}

describe('<stue-tour-days-page>', () => {
  afterEach(() => {
    restoreFetch();
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
    ]);
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
});
