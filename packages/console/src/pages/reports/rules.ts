/** The reports page's rules and shapes, shared by its sections. */
import { danishToday, DEFAULT_INSTRUMENT } from '@stue/core';
import {
  reportMeasures,
  reportPeriod,
  type ReportPeriodKind,
  type ReportRow,
} from '@stue/core/reports';

export const MEASURES = reportMeasures(DEFAULT_INSTRUMENT).measures;
export const ALL = { kind: 'all', key: 'all' } as const;

/** The month before `today`'s, `YYYY-MM`: the month a report is usually made for. */
export function lastMonth(today: string = danishToday()): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** A report period as a month and how far it reaches: `2025-Q2` → `2025-04` and `quarter`. */
export function periodParts(period: string): { month: string; kind: ReportPeriodKind } {
  const range = reportPeriod(period);
  if (!range) return { month: lastMonth(), kind: 'month' };
  return { month: range.start.slice(0, 7), kind: range.kind };
}

/** The period a month reaches to: itself, its quarter (`2025-Q2`) or its year (`2025`). */
export function periodOf(month: string, kind: ReportPeriodKind): string {
  const year = month.slice(0, 4);
  if (kind === 'year') return year;
  if (kind === 'quarter') return `${year}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
  return month;
}

/**
 * The value of one cell: a number, `null` when suppressed, `undefined` when there is none (no row,
 * or nothing to measure: the median waiting time of no concerts).
 */
export function cell(rows: readonly ReportRow[], grouping: ReportRow['grouping'], measure: string) {
  const row = rows.find(
    (r) =>
      r.measure === measure && r.grouping.kind === grouping.kind && r.grouping.key === grouping.key,
  );
  if (!row) return undefined;
  return row.suppressed ? null : (row.value ?? undefined);
}

/** The part of a measure's label after its question ("Hvordan var besøget? – Godt" → "Godt"). */
export function shortLabel(label: string): string {
  const dash = label.lastIndexOf(' – ');
  const colon = label.indexOf(': ');
  // On its own, a bar's label starts with a capital (docs/glossary.md).
  const alone = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
  if (dash >= 0) return alone(label.slice(dash + 3));
  if (colon >= 0) return alone(label.slice(colon + 2));
  return label.replace(/^Indstillinger modtaget, |^Nominations received, /, '');
}
