import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validate } from '@stue/core';
import {
  MIN_CELL_SIZE,
  REPORT_GROUPINGS,
  reportSchema,
  type Report,
  type ReportRow,
} from '@stue/core/reports';
import { json, signIn, testHub, type Session, type TestHub } from '../helpers.test-support.js';
import { createKey } from '../partners/keys.js';
import { partnerReport } from './store.js';
import {
  HOSTILE_PARTNER,
  REPORT_PERIOD,
  SENTINEL,
  seedReportMonth,
} from './fixtures.test-support.js';

let hub: TestHub;
let session: Session;

beforeAll(async () => {
  hub = await testHub();
  session = await signIn(hub.app, hub.db);
  const me = await json(await hub.app.request('/api/v1/session', { headers: session.headers }));
  await seedReportMonth(hub.db, hub.hubKey, me.coordinator.id);
});
afterAll(() => hub.db.destroy());

const get = (path: string, headers: Record<string, string> = {}) =>
  hub.app.request(path, { headers: { ...session.headers, ...headers } });

async function report(grouping: string): Promise<Report> {
  const res = await get(`/api/v1/reports?period=${REPORT_PERIOD}&grouping=${grouping}`);
  expect(res.status).toBe(200);
  const body: unknown = await res.json();
  const checked = validate(reportSchema, body);
  expect(checked.ok).toBe(true);
  return body as Report;
}

const value = (rows: readonly ReportRow[], key: string, measure: string) => {
  const row = rows.find((r) => r.grouping.key === key && r.measure === measure);
  if (!row) throw new Error(`no row ${key} ${measure}`);
  return row.suppressed ? 'suppressed' : row.value;
};

describe('GET /api/v1/reports (S8)', () => {
  it('publishes no count from 1 to 4 in any grouping, and no text anyone wrote', async () => {
    for (const grouping of REPORT_GROUPINGS) {
      const { rows } = await report(grouping);
      for (const row of rows) {
        if (row.suppressed) expect(row.value).toBeNull();
        else if (row.measure !== 'waiting-days-median' && row.value !== null && row.value !== 0) {
          expect(row.value).toBeGreaterThanOrEqual(MIN_CELL_SIZE);
        }
      }
      expect(JSON.stringify(rows)).not.toContain(SENTINEL);
    }
  });

  it('counts the month from sealed feedback, debriefs, bookings and nominations', async () => {
    const { rows } = await report('all');
    expect(value(rows, 'all', 'concerts-held')).toBe(22);
    expect(value(rows, 'all', 'concerts-cancelled')).toBe('suppressed');
    // 22 hosts and 22 visiting friends; the response sealed to a stranger's key is left out.
    expect(value(rows, 'all', 'respondents')).toBe(44);
    // No guest answered: a zero is published.
    expect(value(rows, 'all', 'respondents-guest')).toBe(0);
    expect(value(rows, 'all', 'feelings-happy')).toBe(22 + 19);
    expect(value(rows, 'all', 'feelings-sad')).toBe('suppressed');
    expect(value(rows, 'all', 'answers-another-visit-no')).toBe('suppressed');
    expect(value(rows, 'all', 'debriefs')).toBe(22);
    expect(value(rows, 'all', 'debriefs-would-like-a-call')).toBe('suppressed');
    expect(value(rows, 'all', 'nominations-received')).toBe(6);
    expect(value(rows, 'all', 'waiting-days-median')).toBe(56);
  });

  it("counts a quarter and a year: the month's records are in them, and nothing is twice", async () => {
    const year = REPORT_PERIOD.slice(0, 4);
    const quarter = `${year}-Q${Math.ceil(Number(REPORT_PERIOD.slice(5)) / 3)}`;
    for (const period of [quarter, year]) {
      const res = await get(`/api/v1/reports?period=${period}&grouping=all`);
      expect(res.status, period).toBe(200);
      const body = (await res.json()) as Report;
      expect(body.period).toBe(period);
      expect(value(body.rows, 'all', 'concerts-held'), period).toBe(22);
      expect(value(body.rows, 'all', 'respondents'), period).toBe(44);
    }
    const csv = await get(`/api/v1/reports.csv?period=${quarter}&grouping=all`);
    expect(csv.headers.get('content-disposition')).toContain(`stue-rapport-${quarter}-all.csv`);
  });

  it('names the partners and musicians it is grouped by, in the asked language', async () => {
    const byPartner = await report('partner');
    const keys = new Set(byPartner.rows.map((row) => row.grouping.key));
    expect(byPartner.names?.['demo-partner']).toBe('Demo Besøgstjeneste');
    for (const key of keys) if (key !== 'all') expect(byPartner.names).toHaveProperty(key);
    const byMusician = await report('musician');
    const musicians = byMusician.rows.filter((row) => row.grouping.kind === 'musician');
    expect(musicians.length).toBeGreaterThan(0);
    for (const row of musicians) expect(byMusician.names?.[row.grouping.key]).toMatch(/\S/);
  });

  it('hides small municipalities, and enough others that no total gives them away', async () => {
    const { rows } = await report('municipality');
    expect(value(rows, '751', 'concerts-held')).toBe(12);
    expect(value(rows, '155', 'concerts-held')).toBe('suppressed');
    expect(value(rows, '825', 'concerts-held')).toBe('suppressed');
    expect(value(rows, '751', 'feelings-sad')).toBe('suppressed');
    // For every measure: if the total is published, either no municipality is suppressed or at
    // least two are, so the total minus the published ones is never one cell.
    const measures = new Set(rows.map((r) => r.measure));
    for (const measure of measures) {
      const total = rows.find((r) => r.grouping.kind === 'all' && r.measure === measure)!;
      const hidden = rows.filter(
        (r) => r.grouping.kind === 'municipality' && r.measure === measure && r.suppressed,
      );
      if (!total.suppressed) expect(hidden.length === 0 || hidden.length >= 2).toBe(true);
    }
    // Regions: Nordjylland's one concert is hidden, and with it the next smallest region,
    // Hovedstaden (9), or 22 − 12 would give Nordjylland away.
    const { rows: regions } = await report('region');
    expect(value(regions, 'midtjylland', 'concerts-held')).toBe(12);
    expect(value(regions, 'nordjylland', 'concerts-held')).toBe('suppressed');
    expect(value(regions, 'hovedstaden', 'concerts-held')).toBe('suppressed');
    // Dragør (3) and Læsø (1) hide each other, so København's 6 can be published: with
    // Hovedstaden hidden, 6 + Dragør and Læsø's 4 are still two unknowns.
    expect(value(rows, '101', 'concerts-held')).toBe(6);
  });

  it('refuses a bad query with a message in Danish, or English on request, naming the field', async () => {
    const cases: [string, string, string, string][] = [
      ['', 'period', 'required', 'Vælg rapportens periode'],
      ['?period=2030-13', 'period', 'invalid_period', 'Skriv en periode som en måned'],
      ['?period=2030-Q5', 'period', 'invalid_period', 'Skriv en periode som en måned'],
      // A month whose next month is no date (year 0, or year 9999's December) is no month either.
      ['?period=0000-01', 'period', 'invalid_period', 'Skriv en periode som en måned'],
      ['?period=9999-12', 'period', 'invalid_period', 'Skriv en periode som en måned'],
      [
        `?period=${REPORT_PERIOD}&grouping=person`,
        'grouping',
        'invalid_choice',
        'Vælg en opdeling',
      ],
      [
        `?period=${REPORT_PERIOD}&separator=tab`,
        'separator',
        'invalid_choice',
        'Vælg skilletegnet',
      ],
      [`?period=${REPORT_PERIOD}&limit=5`, 'limit', 'unknown_key', 'Feltet kendes ikke'],
    ];
    for (const [query, path, code, message] of cases) {
      const res = await get(`/api/v1/reports${query}`);
      expect(res.status).toBe(400);
      const { error } = await json(res);
      expect(error.code).toBe('invalid_parameter');
      expect(error.issues).toEqual([{ path, code, message: expect.stringContaining(message) }]);
    }
    const english = await json(await get('/api/v1/reports.csv', { 'accept-language': 'en' }));
    expect(english.error.issues[0].message).toBe(
      "Choose the report's period: a month (like 2025-03), a quarter (like 2025-Q1) or a year (like 2025)",
    );
  });

  it('answers any query with 200 or a structured 400, never 5xx (B1)', async () => {
    const text = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom(REPORT_PERIOD, '2030-00', '0000-01', ...REPORT_GROUPINGS, 'en', 'semicolon'),
    );
    const key = fc.constantFrom('period', 'grouping', 'lang', 'separator', '__proto__', 'x');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(key, text), { maxLength: 4 }),
        fc.boolean(),
        async (pairs, csv) => {
          const search = new URLSearchParams(pairs).toString();
          const res = await get(`/api/v1/reports${csv ? '.csv' : ''}?${search}`);
          expect([200, 400]).toContain(res.status);
          if (res.status === 400) {
            const { error } = await json(res);
            expect(error.code).toBe('invalid_parameter');
            expect(error.issues.length).toBeGreaterThan(0);
          } else await res.arrayBuffer();
        },
      ),
      { numRuns: 40 },
    );
  });

  it('answers 401 without a session', async () => {
    const res = await hub.app.request(`/api/v1/reports?period=${REPORT_PERIOD}`);
    expect(res.status).toBe(401);
  });
});

describe('GET /api/v1/reports.csv', () => {
  it('is a UTF-8 file with a byte-order mark, for Excel, named by month and grouping', async () => {
    const res = await get(`/api/v1/reports.csv?period=${REPORT_PERIOD}&grouping=municipality`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="stue-rapport-${REPORT_PERIOD}-municipality.csv"`,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('måned,opdelt efter,nøgle,navn,mål,beskrivelse,værdi,skjult');
    expect(lines).toContain(
      `${REPORT_PERIOD},kommune,751,Aarhus,concerts-held,Koncerter holdt,12,nej`,
    );
    expect(lines).toContain(
      `${REPORT_PERIOD},kommune,155,Dragør,concerts-held,Koncerter holdt,,ja`,
    );
    expect(text).not.toContain(SENTINEL);
  });

  it('neutralises a partner name a spreadsheet would run, in English with ; on request', async () => {
    const res = await get(
      `/api/v1/reports.csv?period=${REPORT_PERIOD}&grouping=partner&lang=en&separator=semicolon`,
    );
    const text = await res.text();
    expect(res.headers.get('content-disposition')).toContain('stue-report-');
    expect(text).toContain('month;grouped by;key;name;measure;description;value;suppressed');
    expect(text).toContain(
      `;${HOSTILE_PARTNER.id};"'=HYPERLINK(""http://evil.example"",""klik"")";`,
    );
    expect(text).not.toMatch(/[;,]=HYPERLINK/);
  });
});

describe('partnerReport', () => {
  it("is the partner's own rows of the partner report, and nobody else's", async () => {
    const own = await partnerReport(hub.db, hub.hubKey, 'demo-partner', REPORT_PERIOD);
    const full = await report('partner');
    expect(own.rows.length).toBeGreaterThan(0);
    expect(own.rows).toEqual(full.rows.filter((r) => r.grouping.key === 'demo-partner'));
    expect(value(own.rows, 'demo-partner', 'concerts-held')).toBe(12);
    expect(value(own.rows, 'demo-partner', 'nominations-received')).toBe(6);
    const nobody = await partnerReport(hub.db, hub.hubKey, 'no-such-partner', REPORT_PERIOD);
    expect(nobody.rows).toEqual([]);
  });

  it('is what a partner fetches with its secret key, and only that', async () => {
    const { key } = (await createKey(hub.db, 'demo-partner', 'secret'))!;
    const asPartner = (path: string, headers: Record<string, string> = {}) =>
      hub.app.request(path, { headers: { authorization: `Bearer ${key}`, ...headers } });
    const res = await asPartner(`/api/v1/partner/reports?period=${REPORT_PERIOD}`);
    expect(res.status).toBe(200);
    const body: unknown = await res.json();
    expect(validate(reportSchema, body).ok).toBe(true);
    const own = await partnerReport(hub.db, hub.hubKey, 'demo-partner', REPORT_PERIOD);
    expect((body as Report).rows).toEqual(own.rows);
    for (const row of own.rows) {
      expect(row.grouping).toEqual({ kind: 'partner', key: 'demo-partner' });
      if (!row.suppressed && row.measure !== 'waiting-days-median' && row.value) {
        expect(row.value).toBeGreaterThanOrEqual(MIN_CELL_SIZE);
      }
    }
    const csv = await asPartner(`/api/v1/partner/reports.csv?period=${REPORT_PERIOD}&lang=en`);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).not.toContain(SENTINEL);
    expect((await asPartner('/api/v1/partner/reports?period=2030-13')).status).toBe(400);
    const browser = await asPartner(`/api/v1/partner/reports?period=${REPORT_PERIOD}`, {
      origin: 'https://besoeg.example',
    });
    expect(browser.status).toBe(403);
    const publishable = await hub.app.request(`/api/v1/partner/reports?period=${REPORT_PERIOD}`, {
      headers: { authorization: 'Bearer pk_demo' },
    });
    expect(publishable.status).toBe(403);
  });
});
