import { describe, expect, it } from 'vitest';
import { exampleReportRow } from '../schemas/examples.js';
import { validate } from '../validation/validate.js';
import { reportPeriod, reportRowSchema, reportRowsSchema } from './report-row.js';
import { issueCodes } from '../validation/validate.test-support.js';

function codesOf(input: unknown) {
  return issueCodes(reportRowSchema, input);
}

describe('reportRowSchema', () => {
  it('accepts a published cell and a suppressed one', () => {
    expect(codesOf(exampleReportRow())).toEqual([]);
    expect(codesOf({ ...exampleReportRow(), value: null, suppressed: true })).toEqual([]);
    expect(validate(reportRowsSchema, [exampleReportRow()]).ok).toBe(true);
  });

  it('never lets a suppressed cell carry its value', () => {
    expect(codesOf({ ...exampleReportRow(), value: 3, suppressed: true })).toEqual([
      ['value', 'suppressed_value_present'],
    ]);
  });

  it.each([
    [{ kind: 'all', key: 'all' }, []],
    [{ kind: 'municipality', key: '751' }, []],
    [{ kind: 'municipality', key: '999' }, [['grouping.key', 'invalid_id']]],
    [{ kind: 'region', key: 'midtjylland' }, []],
    [{ kind: 'region', key: 'skåne' }, [['grouping.key', 'invalid_id']]],
    [{ kind: 'partner', key: 'demo-partner' }, []],
    [{ kind: 'programme', key: 'musikalske-besoegsvenner' }, []],
    [{ kind: 'all', key: 'everything' }, [['grouping.key', 'invalid_id']]],
    [{ kind: 'person', key: 'inger' }, [['grouping.kind', 'invalid_choice']]],
  ])('grouping %j', (grouping, expected) => {
    expect(codesOf({ ...exampleReportRow(), grouping })).toEqual(expected);
  });

  it.each(['2025-3', '2025-13', '2025-00', '25-03', '2025-03-01', '2025-Q0', '2025-Q5', '2025-q1'])(
    'refuses period %s',
    (period) => {
      expect(codesOf({ ...exampleReportRow(), period })).toEqual([['period', 'invalid_period']]);
    },
  );

  it('knows months, quarters and years, each with its first day and the day after its last', () => {
    expect(reportPeriod('2025-03')).toEqual({
      kind: 'month',
      start: '2025-03-01',
      end: '2025-04-01',
    });
    expect(reportPeriod('2025-12')).toEqual({
      kind: 'month',
      start: '2025-12-01',
      end: '2026-01-01',
    });
    expect(reportPeriod('2025-Q1')).toEqual({
      kind: 'quarter',
      start: '2025-01-01',
      end: '2025-04-01',
    });
    expect(reportPeriod('2025-Q4')).toEqual({
      kind: 'quarter',
      start: '2025-10-01',
      end: '2026-01-01',
    });
    expect(reportPeriod('2025')).toEqual({ kind: 'year', start: '2025-01-01', end: '2026-01-01' });
    expect(reportPeriod('2025-Q5')).toBeUndefined();
    for (const period of ['2025-Q2', '2025']) {
      expect(codesOf({ ...exampleReportRow(), period }), period).toEqual([]);
    }
  });

  it('takes numbers JSON can carry, or null', () => {
    expect(codesOf({ ...exampleReportRow(), value: Number.NaN })).toEqual([
      ['value', 'invalid_type'],
    ]);
    expect(codesOf({ ...exampleReportRow(), value: '12' })).toEqual([['value', 'invalid_type']]);
    expect(codesOf({ ...exampleReportRow(), value: 0.75 })).toEqual([]);
  });
});
