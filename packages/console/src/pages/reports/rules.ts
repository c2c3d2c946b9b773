/** The reports page's rules and shapes, shared by its sections. */
import { danishToday, DEFAULT_INSTRUMENT } from '@stue/core';
import { reportMeasures, type ReportRow } from '@stue/core/reports';

export const MEASURES = reportMeasures(DEFAULT_INSTRUMENT).measures;
export const ALL = { kind: 'all', key: 'all' } as const;

/** The month before `today`'s, `YYYY-MM`: the month a report is usually made for. */
export function lastMonth(today: string = danishToday()): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** The value of one cell: a number, `null` when suppressed, `undefined` when there is none. */
export function cell(rows: readonly ReportRow[], grouping: ReportRow['grouping'], measure: string) {
  const row = rows.find(
    (r) =>
      r.measure === measure && r.grouping.kind === grouping.kind && r.grouping.key === grouping.key,
  );
  if (!row) return undefined;
  return row.suppressed ? null : row.value;
}

/** The part of a measure's label after its question ("Hvordan var besøget? – Godt" → "Godt"). */
export function shortLabel(label: string): string {
  const dash = label.lastIndexOf(' – ');
  const colon = label.indexOf(': ');
  if (dash >= 0) return label.slice(dash + 3);
  if (colon >= 0) return label.slice(colon + 2);
  return label.replace(/^Indstillinger modtaget, |^Nominations received, /, '');
}
