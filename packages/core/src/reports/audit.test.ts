import { describe, expect, it } from 'vitest';
import { DEFAULT_INSTRUMENT } from '../feedback/default-instrument.js';
import { cellRanges, knownSums, pinnedCells, recoverableCells } from './audit.test-support.js';
import type { ReportRow } from './report-row.js';

const row = (measure: string, value: number | null, key = 'all'): ReportRow => ({
  schemaVersion: 1,
  period: '2025-03',
  grouping: { kind: key === 'all' ? 'all' : 'partner', key },
  measure,
  value,
  suppressed: value === null,
});

describe('the audit the property tests read reports with', () => {
  // Seven answered "Hvordan var besøget?": 5 good, one "in between", one "not good", no one
  // skipped. The old rule hid the two small ones and stopped there: no sum has one hidden cell.
  const rows = [
    row('answers-visit', 7),
    row('answers-visit-good', 5),
    row('answers-visit-in-between', null),
    row('answers-visit-not-good', null),
    row('answers-visit-skipped', 0),
  ];
  const sums = knownSums(rows, DEFAULT_INSTRUMENT);

  it('sees what a reader sees once zeros are published: 7 − 5 = 2 hidden, so 1 each', () => {
    // Adding and subtracting alone finds nothing: in-between + not-good = 2 has many solutions.
    expect(recoverableCells(rows, sums)).toEqual([]);
    // Knowing that a hidden cell is never 0 leaves one.
    expect(cellRanges(rows, sums)).toEqual([
      { cell: 'all:all|answers-visit-in-between', min: 1, max: 1 },
      { cell: 'all:all|answers-visit-not-good', min: 1, max: 1 },
    ]);
  });

  it('finds nothing once one more cell is hidden, and gives the range a reader is left with', () => {
    const safer = rows.map((r) => (r.measure === 'answers-visit-good' ? row(r.measure, null) : r));
    expect(pinnedCells(safer, sums)).toEqual([]);
    expect(cellRanges(safer, sums).map((range) => [range.min, range.max])).toEqual([
      [1, 5],
      [1, 5],
      [1, 5],
    ]);
  });

  it('combines sums across groups and takes an unbounded cell as unknown', () => {
    // 6 concerts in all: partners a and b hidden, partner c had none.
    const groups = [
      row('concerts-held', 6),
      row('concerts-held', null, 'partner-a'),
      row('concerts-held', null, 'partner-b'),
      row('concerts-held', 0, 'partner-c'),
    ];
    // 6 = a + b with both ≥ 1: each is 1 to 5.
    expect(cellRanges(groups, knownSums(groups, DEFAULT_INSTRUMENT))).toEqual([
      { cell: 'partner:partner-a|concerts-held', min: 1, max: 5 },
      { cell: 'partner:partner-b|concerts-held', min: 1, max: 5 },
    ]);
    const open = groups.map((r, i) => (i === 0 ? row('concerts-held', null) : r));
    expect(cellRanges(open, knownSums(open, DEFAULT_INSTRUMENT))[0]).toEqual({
      cell: 'all:all|concerts-held',
      min: 2,
      max: Infinity,
    });
  });
});
