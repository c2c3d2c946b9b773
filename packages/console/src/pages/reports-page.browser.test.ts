import { expect, html } from '@open-wc/testing';
import { DEFAULT_INSTRUMENT, questionsFor, type ResponseRole } from '@stue/core';
import { buildReport, type ReportGrouping, type ReportInput } from '@stue/core/reports';
import { stubHub, textOf } from '../internal/hub.test-support.js';
import { renderPage } from '../internal/page.test-support.js';
import { defineReportsPage, lastMonth, type StueReportsPage } from './reports-page.js';

defineReportsPage();

const PERIOD = '2026-10';

/**
 * A month of a small programme: 30 concerts in Aarhus and Copenhagen and 2 on Bornholm, 64
 * respondents, most happy or moved, a few sad; 8 nominations received.
 */
function monthInput(): ReportInput {
  const nominations: ReportInput['nominations'][number][] = [];
  const bookings: ReportInput['bookings'][number][] = [];
  const feedback: ReportInput['feedback'][number][] = [];
  const debriefs: ReportInput['debriefs'][number][] = [];
  const places = [...Array<string>(15).fill('751'), ...Array<string>(15).fill('101'), '400', '400'];
  places.forEach((municipality, i) => {
    const id = `n-${i}`;
    nominations.push({
      id,
      receivedAt: i < 8 ? `${PERIOD}-0${1 + (i % 9)}T10:00:00Z` : '2026-08-10T10:00:00Z',
      status: 'completed',
      municipalityCode: municipality,
      partnerId: 'demo-partner',
      programmeId: 'musikalske-besoegsvenner',
    });
    bookings.push({
      id: `b-${i}`,
      nominationId: id,
      musicianId: i % 2 ? 'm-1' : 'm-2',
      date: `${PERIOD}-${String(1 + (i % 28)).padStart(2, '0')}`,
      status: 'held',
    });
    for (const role of ['host', 'visiting-friend'] as ResponseRole[]) {
      const answers: Record<string, { choices: string[] }> = {};
      for (const question of questionsFor(DEFAULT_INSTRUMENT, role)) {
        const options = question.options.map((o) => o.id);
        answers[question.id] = {
          choices:
            question.kind === 'multi'
              ? i % 5 === 0
                ? ['moved', 'sad']
                : ['happy', 'moved']
              : [options[0]!],
        };
      }
      feedback.push({
        bookingId: `b-${i}`,
        instrument: { id: DEFAULT_INSTRUMENT.id, version: DEFAULT_INSTRUMENT.version },
        role,
        answers,
      });
    }
    debriefs.push({
      bookingId: `b-${i}`,
      howItWent: i % 6 ? 'good' : 'mixed',
      wouldLikeACall: false,
    });
  });
  return { nominations, bookings, feedback, debriefs };
}

/** September: only the two concerts on Bornholm, so every count but the zeros is small. */
function septemberInput(): ReportInput {
  const input = monthInput();
  const bornholm = new Set(['b-30', 'b-31']);
  return {
    ...input,
    bookings: input.bookings
      .filter((b) => bornholm.has(b.id))
      .map((b) => ({ ...b, date: b.date.replace(PERIOD, '2026-09') })),
  };
}

function reportFor(grouping: ReportGrouping, period = PERIOD) {
  const input = period === '2026-09' ? septemberInput() : monthInput();
  return {
    ...buildReport(input, { period, grouping }),
    names: { 'demo-partner': 'Demo Besøgstjeneste' },
  };
}

async function render(lang: 'da' | 'en' = 'da', params = `period=${PERIOD}`) {
  const hub = stubHub({
    'GET /api/v1/reports': ({ search }) =>
      reportFor(search.get('grouping') as ReportGrouping, search.get('period') ?? PERIOD),
  });
  const { el, root } = await renderPage<StueReportsPage>(
    (context) =>
      html`<stue-reports-page
        .context=${context}
        .params=${new URLSearchParams(params)}
      ></stue-reports-page>`,
    { lang, ready: (el) => el.report, waitingFor: 'report' },
  );
  return { el, root, hub };
}

const figure = (root: ShadowRoot, label: string) =>
  textOf(
    [...root.querySelectorAll('dl.figures > div')]
      .find((d) => textOf(d.querySelector('dt')) === label)
      ?.querySelector('dd'),
  );

describe('<stue-reports-page>', () => {
  it('opens on last month by default', () => {
    expect(lastMonth('2026-11-26')).to.equal('2026-10');
    expect(lastMonth('2027-01-03')).to.equal('2026-12');
  });

  it('shows the month’s figures, with small counts hidden in words', async () => {
    const { root, hub } = await render();
    const asked = hub.calls('GET', '/api/v1/reports')[0]!.search;
    expect(Object.fromEntries(asked)).to.deep.equal({
      period: PERIOD,
      grouping: 'all',
      lang: 'da',
    });
    expect(textOf(root.querySelector('#report-heading'))).to.equal(
      'Musikalske Besøgsvenner – oktober 2026',
    );
    expect(figure(root, 'Koncerter holdt')).to.equal('32');
    expect(figure(root, 'Svarpersoner')).to.equal('64');
    // Nothing was cancelled: a zero is shown as 0.
    expect(figure(root, 'Koncerter aflyst (afbud)')).to.equal('0');
    expect(figure(root, 'Indstillinger modtaget')).to.equal('8');
  });

  it('draws the feelings as a spectrum in the instrument’s order, sad as one of them', async () => {
    const { root } = await render();
    const chart = root.querySelector('figure[aria-labelledby="feelings-caption"]')!;
    expect(textOf(chart.querySelector('figcaption'))).to.equal(
      'Hvad mærkede de under musikken? (64 svarede)',
    );
    const rows = [...chart.querySelectorAll('tbody tr')].map((tr) => [
      textOf(tr.querySelector('th')),
      textOf(tr.querySelector('td')),
    ]);
    const feelings = DEFAULT_INSTRUMENT.questions.find((q) => q.kind === 'multi')!.options;
    expect(rows.map(([label]) => label)).to.deep.equal(feelings.map((o) => o.label.da));
    expect(Object.fromEntries(rows)).to.include({ Rørt: '64', Glad: '50', Trist: '14' });
  });

  it('splits by municipality in a table, hiding the small one and one to protect it', async () => {
    const { root } = await render('da', `period=${PERIOD}&grouping=municipality`);
    const rows = [
      ...root.querySelectorAll('section[aria-labelledby="setting-heading"] tbody tr'),
    ].map((tr) => [...tr.querySelectorAll('th, td')].map((c) => textOf(c)));
    const byName = Object.fromEntries(rows.map(([name, held]) => [name, held]));
    expect(byName['Bornholm']).to.equal('Skjult');
    expect(Object.values(byName).filter((v) => v === 'Skjult').length).to.be.at.least(2);
  });

  it('links to the CSV (semicolons for Danish Excel) and JSON of the same report', async () => {
    const { root } = await render('da', `period=${PERIOD}&grouping=region`);
    const links = [...root.querySelectorAll('.downloads a')].map(
      (a) => new URL((a as HTMLAnchorElement).href),
    );
    expect(links[0]!.pathname).to.match(/\/api\/v1\/reports\.csv$/);
    expect(Object.fromEntries(links[0]!.searchParams)).to.deep.equal({
      period: PERIOD,
      grouping: 'region',
      lang: 'da',
      separator: 'semicolon',
    });
    expect(links[1]!.pathname).to.match(/\/api\/v1\/reports$/);
  });

  it('makes a quarter’s or a year’s report from the chosen month', async () => {
    const { el, root, hub } = await render();
    const span = root.querySelector<HTMLSelectElement>('#report-span')!;
    expect([...span.options].map((o) => o.text)).to.deep.equal([
      'Kun måneden',
      'Hele kvartalet',
      'Hele året',
    ]);
    span.value = 'quarter';
    root.querySelector<HTMLButtonElement>('.filters button[type=submit]')!.click();
    await el.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 50));
    await el.updateComplete;
    expect(hub.calls('GET', '/api/v1/reports').at(-1)!.search.get('period')).to.equal('2026-Q4');
    expect(textOf(root.querySelector('#report-heading'))).to.equal(
      'Musikalske Besøgsvenner – 4. kvartal 2026',
    );
    expect(figure(root, 'Koncerter holdt')).to.equal('32');
    expect(location.hash).to.contain('period=2026-Q4');

    // Opened on a year, the filters show its first month and "the whole year".
    const year = await render('en', 'period=2026');
    expect(year.root.querySelector<HTMLSelectElement>('#report-span')!.value).to.equal('year');
    expect(year.root.querySelector<HTMLInputElement>('#report-period')!.value).to.equal('2026-01');
    expect(textOf(year.root.querySelector('#report-heading'))).to.equal(
      'Musikalske Besøgsvenner – 2026',
    );
  });

  it('says in one sentence when every count of a chart is hidden, and suggests a longer period', async () => {
    // September has two concerts: every count is hidden, or 0.
    const { root } = await render('da', 'period=2026-09');
    expect(root.querySelectorAll('figure[aria-labelledby="feelings-caption"]').length).to.equal(0);
    expect(textOf(root.querySelector('#feelings-hidden'))).to.equal(
      'Hvad mærkede de under musikken? Tallene er skjult: de er under 5 eller ville afsløre et tal under 5. Vælg hele kvartalet eller hele året for at få tal, der kan vises.',
    );
    expect(textOf(root.querySelector('#debriefs-hidden'))).to.match(
      /^Musikernes evalueringer Tallene er skjult/,
    );
    await expect(root.host).to.be.accessible();
    // A month with figures draws its charts.
    const october = await render();
    expect(october.root.querySelectorAll('#feelings-hidden, #debriefs-hidden').length).to.equal(0);
    expect(
      october.root.querySelectorAll('figure[aria-labelledby="feelings-caption"]').length,
    ).to.equal(1);
  });

  it('says in one sentence that a chart is all zeros, and shows the zeros as 0', async () => {
    // July has no records at all.
    const { root } = await render('da', 'period=2026-07');
    expect(figure(root, 'Koncerter holdt')).to.equal('0');
    expect(figure(root, 'Svarpersoner')).to.equal('0');
    // No concert, so no waiting time: nothing to measure, not a hidden one.
    expect(figure(root, 'Ventetid fra indstilling til koncert, median i dage')).to.equal('–');
    expect(textOf(root.querySelector('#feelings-none'))).to.equal(
      'Hvad mærkede de under musikken? Ingen i perioden (0).',
    );
    expect(textOf(root.querySelector('#debriefs-none'))).to.equal(
      'Musikernes evalueringer Ingen i perioden (0).',
    );
    expect(root.querySelectorAll('.all-suppressed, figure.chart').length).to.equal(0);
    await expect(root.host).to.be.accessible();
  });

  it('is in English when asked', async () => {
    const { root } = await render('en');
    expect(textOf(root.querySelector('h1'))).to.equal('Reports');
    expect(figure(root, 'Concerts held')).to.equal('32');
  });

  it('is accessible, with every chart’s table open', async () => {
    const { root } = await render('da', `period=${PERIOD}&grouping=municipality`);
    for (const details of root.querySelectorAll('details')) details.open = true;
    await expect(root.host).to.be.accessible();
  });
});
