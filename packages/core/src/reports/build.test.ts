import { describe, expect, it } from 'vitest';
import type { ReportDebrief, ReportInput } from './build.js';
import { buildPartnerReport, buildReport, buildReports } from './build.js';
import type { ReportRow } from './report-row.js';
import { feelingsSpectrum } from './spectrum.js';
import { aResponse } from './report.test-support.js';
import { reportMeasures } from './measures.js';
import { DEFAULT_INSTRUMENT } from '../feedback/default-instrument.js';

// Aarhus (751) holds 12 concerts in March 2025, København (101) 6 and little Dragør (155) 3.
// Every host answers; two hosts in Aarhus chose "sad", one host in Dragør did not like the visit.
function seeded(): ReportInput {
  const input: {
    nominations: ReportInput['nominations'][number][];
    bookings: ReportInput['bookings'][number][];
    feedback: ReportInput['feedback'][number][];
    debriefs: ReportDebrief[];
  } = { nominations: [], bookings: [], feedback: [], debriefs: [] };
  const place = (municipalityCode: string, n: number, partnerId: string) => {
    for (let i = 0; i < n; i++) {
      const id = `${municipalityCode}-${i}`;
      input.nominations.push({
        id,
        receivedAt: '2025-01-10T09:00:00Z',
        status: 'completed',
        municipalityCode,
        partnerId,
        programmeId: 'musikalske-besoegsvenner',
      });
      input.bookings.push({
        id: `b-${id}`,
        nominationId: id,
        musicianId: i % 2 === 0 ? 'musician-1' : 'musician-2',
        date: `2025-03-${String(10 + i).padStart(2, '0')}`,
        status: 'held',
      });
      const sad = municipalityCode === '751' && i < 2;
      const notGood = municipalityCode === '155' && i === 0;
      input.feedback.push(
        aResponse(`b-${id}`, 'host', {
          visit: { choices: [notGood ? 'not-good' : 'good'] },
          feelings: { choices: sad ? ['moved', 'sad'] : ['happy', 'moved'] },
          'another-visit': { choices: ['yes'] },
        }),
      );
      input.debriefs.push({
        bookingId: `b-${id}`,
        howItWent: 'good',
        wouldLikeACall: i === 0,
        // Texts a debrief carries never reach a report.
        ...{ anythingHard: 'SENTINEL-TEXT the stairs', note: 'SENTINEL-TEXT coffee' },
      });
    }
  };
  place('751', 12, 'partner-a');
  place('101', 6, 'partner-b');
  place('155', 3, 'partner-b');
  return input;
}

const period = '2025-03';
const cell = (rows: readonly ReportRow[], key: string, measure: string) => {
  const found = rows.find((row) => row.grouping.key === key && row.measure === measure);
  if (!found) throw new Error(`no ${key} ${measure}`);
  return found.suppressed ? 'suppressed' : found.value;
};

describe('buildReport', () => {
  it('counts concerts, respondents, answers and debriefs of the month', () => {
    const { rows } = buildReport(seeded(), { period, grouping: 'all' });
    expect(cell(rows, 'all', 'concerts-held')).toBe(21);
    // Nothing was cancelled: a zero is nobody, so it is published.
    expect(cell(rows, 'all', 'concerts-cancelled')).toBe(0);
    expect(cell(rows, 'all', 'respondents')).toBe(21);
    expect(cell(rows, 'all', 'respondents-host')).toBe(21);
    // One "not good" is hidden, and the other answers are zeros: 21 − 20 would give it away, so
    // the 20 "good" is hidden too (the smallest other count of the sum).
    expect(cell(rows, 'all', 'answers-visit-not-good')).toBe('suppressed');
    expect(cell(rows, 'all', 'answers-visit-good')).toBe('suppressed');
    expect(cell(rows, 'all', 'answers-visit-in-between')).toBe(0);
    expect(cell(rows, 'all', 'feelings-moved')).toBe(21);
    expect(cell(rows, 'all', 'feelings-happy')).toBe(19);
    expect(cell(rows, 'all', 'feelings-sad')).toBe('suppressed');
    expect(cell(rows, 'all', 'answers-another-visit-yes')).toBe(21);
    expect(cell(rows, 'all', 'debriefs')).toBe(21);
    expect(cell(rows, 'all', 'debriefs-would-like-a-call')).toBe('suppressed');
    // Received 10 January, held 10 + i March (59 + i days): the middle of the 21 waits is i = 3.
    expect(cell(rows, 'all', 'waiting-days-median')).toBe(62);
    // Every nomination came in January.
    expect(cell(rows, 'all', 'nominations-received')).toBe(0);
    expect(JSON.stringify(rows)).not.toMatch(/SENTINEL/);
  });

  it('hides a small municipality, and a second one so the total gives nothing away', () => {
    const { rows } = buildReport(seeded(), { period, grouping: 'municipality' });
    expect(cell(rows, '751', 'concerts-held')).toBe(12);
    expect(cell(rows, '155', 'concerts-held')).toBe('suppressed');
    // 21 − 12 would give Dragør's 3 away if København's 6 were published.
    expect(cell(rows, '101', 'concerts-held')).toBe('suppressed');
    expect(cell(rows, '101', 'waiting-days-median')).toBe('suppressed');
    expect(cell(rows, '751', 'feelings-sad')).toBe('suppressed');
    expect(cell(rows, '751', 'waiting-days-median')).not.toBe('suppressed');
    expect(rows.filter((row) => row.grouping.kind === 'region')).toEqual([]);
  });

  it('publishes regions that hide their small municipalities', () => {
    const { rows } = buildReport(seeded(), { period, grouping: 'region' });
    expect(cell(rows, 'hovedstaden', 'concerts-held')).toBe(9);
    expect(cell(rows, 'midtjylland', 'concerts-held')).toBe(12);
    expect(rows.map((row) => row.grouping.key)).not.toContain('155');
  });

  it('reads as the worked example of docs/reports.md: zeros shown, no hidden count pinned', () => {
    const seed = seeded();
    const input: ReportInput = {
      ...seed,
      nominations: [
        ...seed.nominations,
        { ...seed.nominations[0]!, id: 'laesoe', municipalityCode: '825' },
      ],
      bookings: [
        ...seed.bookings,
        { ...seed.bookings[0]!, id: 'b-laesoe', nominationId: 'laesoe' },
      ],
    };
    const { municipality, region } = buildReports(input, { period }, ['municipality', 'region']);
    const held = (rows: readonly ReportRow[], key: string) => cell(rows, key, 'concerts-held');
    expect(held(municipality.rows, 'all')).toBe(22);
    expect(held(municipality.rows, '751')).toBe(12);
    expect(held(municipality.rows, '101')).toBe(6);
    expect(held(municipality.rows, '155')).toBe('suppressed');
    expect(held(municipality.rows, '825')).toBe('suppressed');
    expect(held(region.rows, 'midtjylland')).toBe(12);
    expect(held(region.rows, 'nordjylland')).toBe('suppressed');
    // 22 − 12 would give Nordjylland's 1 away: Hovedstaden's 9 goes with it.
    expect(held(region.rows, 'hovedstaden')).toBe('suppressed');
    // A concert cancelled nowhere is 0 everywhere.
    expect(cell(municipality.rows, '825', 'concerts-cancelled')).toBe(0);
    expect(cell(region.rows, 'nordjylland', 'concerts-cancelled')).toBe(0);
  });

  it('hides a count of the all row, in every grouping, when only that protects the groups', () => {
    // Five municipalities with one concert each, 5 in all: with the zeros of the others shown, 5
    // hidden municipalities adding up to 5 are 1 each. No municipality is left to hide.
    const seed = seeded();
    const five = ['101', '147', '751', '727', '860'];
    const input: ReportInput = {
      ...seed,
      nominations: five.map((code, i) => ({
        ...seed.nominations[0]!,
        id: `five-${i}`,
        municipalityCode: code,
      })),
      bookings: five.map((_, i) => ({
        ...seed.bookings[0]!,
        id: `b-five-${i}`,
        nominationId: `five-${i}`,
        musicianId: `musician-${i}`,
      })),
      feedback: [],
      debriefs: [],
    };
    const reports = buildReports(input, { period }, ['all', 'municipality', 'partner']);
    for (const report of Object.values(reports)) {
      expect(cell(report.rows, 'all', 'concerts-held'), report.grouping).toBe('suppressed');
      // Nothing was cancelled: a zero is shown whatever else is hidden.
      expect(cell(report.rows, 'all', 'concerts-cancelled')).toBe(0);
    }
    expect(cell(reports.municipality.rows, '101', 'concerts-held')).toBe('suppressed');
    // One partner had all five: hidden with the all row it equals.
    expect(cell(reports.partner.rows, 'partner-a', 'concerts-held')).toBe('suppressed');
  });

  it('groups by partner, musician and programme', () => {
    const input = seeded();
    const byPartner = buildReport(input, { period, grouping: 'partner' }).rows;
    expect(cell(byPartner, 'partner-a', 'concerts-held')).toBe(12);
    expect(cell(byPartner, 'partner-b', 'concerts-held')).toBe(9);
    const byMusician = buildReport(input, { period, grouping: 'musician' }).rows;
    expect(cell(byMusician, 'musician-1', 'concerts-held')).toBe(6 + 3 + 2);
    expect(
      byMusician.some((r) => r.grouping.kind === 'musician' && r.measure.startsWith('nominations')),
    ).toBe(false);
    const byProgramme = buildReport(input, { period, grouping: 'programme' }).rows;
    expect(cell(byProgramme, 'musikalske-besoegsvenner', 'concerts-held')).toBe(21);
  });

  it("counts a nomination in its month in Denmark, and leaves other months' records out", () => {
    const input = seeded();
    const late = { ...input.nominations[0]!, id: 'late', receivedAt: '2025-02-28T23:30:00Z' };
    const reports = (nominations: ReportInput['nominations']) =>
      ['2025-02', '2025-03'].map(
        (month) => buildReport({ ...input, nominations }, { period: month, grouping: 'all' }).rows,
      );
    const many = Array.from({ length: 5 }, (_, i) => ({ ...late, id: `late-${i}` }));
    const [february, march] = reports([...input.nominations, ...many]);
    expect(cell(february!, 'all', 'nominations-received')).toBe(0);
    expect(cell(march!, 'all', 'nominations-received')).toBe(5);
    expect(cell(march!, 'all', 'nominations-accepted')).toBe(5);
    const april = buildReport(input, { period: '2025-04', grouping: 'all' }).rows;
    expect(cell(april, 'all', 'concerts-held')).toBe(0);
  });

  it('counts a quarter and a year as the months in them, where a month alone shows too few', () => {
    const input = seeded();
    // Five nominations received over three months of a quarter: each month's count is too small.
    const spread = ['2025-01-15', '2025-02-10', '2025-02-20', '2025-03-05', '2025-03-25'].map(
      (day, i) => ({ ...input.nominations[0]!, id: `spread-${i}`, receivedAt: `${day}T10:00:00Z` }),
    );
    const base = {
      ...input,
      nominations: [
        ...input.nominations.filter((n) => !n.receivedAt.startsWith('2025-01')),
        ...spread,
      ],
    };
    const received = (period: string) =>
      cell(buildReport(base, { period, grouping: 'all' }).rows, 'all', 'nominations-received');
    expect(received('2025-02')).toBe('suppressed');
    expect(received('2025-Q1')).toBe(5);
    expect(received('2025-Q2')).toBe(0);
    expect(received('2025')).toBe(5);
    // The concerts of March are the quarter's and the year's concerts too.
    const held = (period: string) =>
      cell(buildReport(input, { period, grouping: 'all' }).rows, 'all', 'concerts-held');
    expect(held('2025-Q1')).toBe(held('2025-03'));
    expect(held('2025')).toBe(21);
    expect(buildReport(input, { period: '2025-Q1', grouping: 'all' }).period).toBe('2025-Q1');
  });

  it('refuses a period that is not a month, a quarter or a year', () => {
    for (const period of ['2025-3', '2025-Q5', '2025-H1']) {
      expect(() => buildReport(seeded(), { period, grouping: 'all' }), period).toThrow(RangeError);
    }
  });

  it('gives a partner its own rows only', () => {
    const own = buildPartnerReport(seeded(), 'partner-b', { period });
    expect(new Set(own.rows.map((row) => row.grouping.key))).toEqual(new Set(['partner-b']));
    expect(cell(own.rows, 'partner-b', 'concerts-held')).toBe(9);
  });
});

describe('feelingsSpectrum', () => {
  it('lists every feeling in order, with shares of those who chose any', () => {
    const { rows } = buildReport(seeded(), { period, grouping: 'all' });
    const spectrum = feelingsSpectrum(rows);
    expect(spectrum.respondents).toBe(21);
    expect(spectrum.feelings.map((f) => f.id)).toEqual([
      'happy',
      'sad',
      'moved',
      'longing',
      'calm',
      'tired',
      'reminded',
      'energised',
    ]);
    expect(spectrum.feelings[0]).toMatchObject({ count: 19, share: 0.905, suppressed: false });
    expect(spectrum.feelings[1]).toMatchObject({ count: null, share: null, suppressed: true });
    expect(spectrum.feelings[2]!.label.en).toBe('Moved');
  });

  it('refuses a question that is not several-choice', () => {
    expect(() => feelingsSpectrum([], undefined, { question: 'visit' })).toThrow(RangeError);
  });
});

describe('report labels', () => {
  it('go on in lower case after the dash in Danish, and name the musician’s form "evaluering"', () => {
    const labels = new Map(
      reportMeasures(DEFAULT_INSTRUMENT).measures.map((m) => [m.id, m.label] as const),
    );
    expect(labels.get('feelings-sad')).toEqual({
      da: 'Hvad mærkede du under musikken? – trist',
      en: 'What did you feel during the music? – Sad',
    });
    expect(labels.get('debriefs')?.da).toBe('Musikernes evalueringer');
    expect(labels.get('debriefs-good')?.da).toBe('Evalueringer: gik godt');
  });
});
