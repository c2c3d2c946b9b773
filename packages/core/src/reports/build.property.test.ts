import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INSTRUMENT } from '../feedback/default-instrument.js';
import { validate } from '../validation/validate.js';
import { cellId, knownSums, pinnedCells } from './audit.test-support.js';
import { buildPartnerReport, buildReport, buildReports } from './build.js';
import { reportMeasures } from './measures.js';
import { MIN_CELL_SIZE, REPORT_GROUPINGS, reportSchema, type ReportRow } from './report-row.js';
import { reportInputs } from './report.test-support.js';

const period = '2025-03';
const reportsOf = (input: Parameters<typeof buildReport>[0]) =>
  buildReports(input, { period }, REPORT_GROUPINGS);

const allRows = (rows: readonly ReportRow[]) => rows.filter((row) => row.grouping.kind === 'all');

describe('buildReport on any data (S8)', () => {
  it('publishes no count from 1 to 4, only valid rows, and the same all rows in every grouping', () => {
    fc.assert(
      fc.property(reportInputs(), (input) => {
        const reports = reportsOf(input);
        for (const report of Object.values(reports)) {
          expect(validate(reportSchema, report).ok).toBe(true);
          for (const row of report.rows) {
            if (row.suppressed) expect(row.value).toBeNull();
            else if (row.value !== null && !row.measure.endsWith('-median') && row.value !== 0) {
              expect(row.value).toBeGreaterThanOrEqual(MIN_CELL_SIZE);
            }
          }
          expect(allRows(report.rows)).toEqual(allRows(reports.all.rows));
        }
        expect(buildReport(input, { period, grouping: 'municipality' })).toEqual(
          reports.municipality,
        );
      }),
      { numRuns: 60 },
    );
  });

  it('keeps every sum true where all its cells are published', () => {
    fc.assert(
      fc.property(reportInputs(), (input) => {
        const reports = reportsOf(input);
        for (const report of Object.values(reports)) {
          const values = new Map(report.rows.map((row) => [cellId(row), row]));
          for (const sum of knownSums(report.rows, DEFAULT_INSTRUMENT)) {
            const cells = [sum.total, ...sum.parts].map((id) => values.get(id));
            if (cells.some((cell) => cell === undefined || cell.suppressed)) continue;
            const [total, ...parts] = cells.map((cell) => cell!.value!);
            expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('lets no suppressed count be worked out from the sums, one report or several together', () => {
    fc.assert(
      fc.property(reportInputs(120), (input) => {
        const reports = reportsOf(input);
        const combinations = [
          ...REPORT_GROUPINGS.map((grouping) => [grouping]),
          // Region and municipality reports share their hierarchy: read side by side.
          ['region', 'municipality'],
          REPORT_GROUPINGS,
        ] as const;
        for (const combination of combinations) {
          const rows = [
            ...new Map(
              combination.flatMap((g) => reports[g].rows).map((row) => [cellId(row), row]),
            ).values(),
          ];
          // A reader who knows zeros are published knows every suppressed cell is at least 1.
          expect(pinnedCells(rows, knownSums(rows, DEFAULT_INSTRUMENT))).toEqual([]);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives a partner exactly its own rows of the partner report', () => {
    fc.assert(
      fc.property(reportInputs(), fc.constantFrom('partner-a', 'partner-b'), (input, partner) => {
        const own = buildPartnerReport(input, partner, { period });
        const full = buildReport(input, { period, grouping: 'partner' });
        expect(own.rows).toEqual(full.rows.filter((row) => row.grouping.key === partner));
      }),
      { numRuns: 30 },
    );
  });

  it('has every measure of the catalogue in its all rows', () => {
    const ids = reportMeasures(DEFAULT_INSTRUMENT).measures.map((m) => m.id);
    fc.assert(
      fc.property(reportInputs(10), (input) => {
        expect(
          allRows(buildReport(input, { period, grouping: 'all' }).rows).map((r) => r.measure),
        ).toEqual(ids);
      }),
      { numRuns: 10 },
    );
  });
});
