import * as z from 'zod/mini';
import { MUNICIPALITY_CODES, REGION_CODES } from '../geo/municipalities.js';
import { choice, slug } from '../schemas/fields.js';

/** The version of the report row shape the hub's report endpoints return. */
export const REPORT_ROW_SCHEMA_VERSION = 1;

/**
 * A report's period: a month `YYYY-MM`, a quarter `YYYY-Q1` … `YYYY-Q4`, or a year `YYYY`, from
 * 1900 to 2999: wide enough for any programme, narrow enough that the day after it is a date too.
 * A small programme's month often has too few concerts to publish; its quarter or year has more.
 */
export const REPORT_PERIOD_PATTERN = /^(?:19|2\d)\d{2}(?:-(?:0[1-9]|1[0-2])|-Q[1-4])?$/;

/** What a report period is: a month, a quarter or a year. */
export type ReportPeriodKind = 'month' | 'quarter' | 'year';

/**
 * A valid report period's kind and its days: `start` is its first day and `end` the day after
 * its last (`YYYY-MM-DD`, Danish dates); `undefined` for anything else.
 *
 * @example
 * reportPeriod('2025-Q2'); // { kind: 'quarter', start: '2025-04-01', end: '2025-07-01' }
 * reportPeriod('2025'); // { kind: 'year', start: '2025-01-01', end: '2026-01-01' }
 */
export function reportPeriod(
  period: string,
): { kind: ReportPeriodKind; start: string; end: string } | undefined {
  if (!REPORT_PERIOD_PATTERN.test(period)) return undefined;
  const year = Number(period.slice(0, 4));
  const rest = period.slice(5);
  const [kind, first, months]: [ReportPeriodKind, number, number] =
    rest === ''
      ? ['year', 1, 12]
      : rest.startsWith('Q')
        ? ['quarter', (Number(rest.slice(1)) - 1) * 3 + 1, 3]
        : ['month', Number(rest), 1];
  const day = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}-01`;
  const after = first + months;
  return {
    kind,
    start: day(year, first),
    end: after > 12 ? day(year + 1, after - 12) : day(year, after),
  };
}

/** The smallest count other than 0 a report publishes; a cell from 1 to one below it is suppressed. */
export const MIN_CELL_SIZE = 5;

/**
 * What a report row is grouped by: everything, or one municipality, region, partner, musician or
 * programme.
 */
export const REPORT_GROUPINGS = [
  'all',
  'municipality',
  'region',
  'partner',
  'musician',
  'programme',
] as const;
/** One of {@link REPORT_GROUPINGS}. */
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

// The key must name a thing of the grouping's kind; partner and musician ids are opaque ids.
function keyFits(kind: unknown, key: string): boolean {
  switch (kind) {
    case 'all':
      return key === 'all';
    case 'municipality':
      return (MUNICIPALITY_CODES as readonly string[]).includes(key);
    case 'region':
      return (REGION_CODES as readonly string[]).includes(key);
    default:
      return /^[A-Za-z0-9][\w.:-]{0,63}$/.test(key);
  }
}

/**
 * One cell of an aggregate report: a month (`YYYY-MM`), what it is grouped by (`kind` and `key`:
 * `all`/`all`, a municipality code, a region code, a partner, musician or programme id), the measure (a
 * slug such as `concerts-held`), and its value. A cell counting from 1 to {@link MIN_CELL_SIZE} − 1
 * (or one that would give such a cell away) is suppressed: `suppressed: true` and `value: null`,
 * never a number; a zero is published as 0. A `null` value that
 * is not suppressed means there is nothing to measure (a mean of no answers).
 *
 * @example
 * validate(reportRowSchema, {
 *   schemaVersion: 1, period: '2025-03', grouping: { kind: 'region', key: 'midtjylland' },
 *   measure: 'concerts-held', value: null, suppressed: true,
 * }); // ok
 */
export const reportRowSchema = z
  .strictObject({
    schemaVersion: z.literal(REPORT_ROW_SCHEMA_VERSION, { error: 'unsupported_version' }),
    period: z.string().check(z.regex(REPORT_PERIOD_PATTERN, { error: 'invalid_period' })),
    grouping: z.strictObject({ kind: choice(REPORT_GROUPINGS), key: z.string() }).check(
      z.refine((grouping) => keyFits(grouping.kind, grouping.key), {
        error: 'invalid_id',
        path: ['key'],
      }),
    ),
    measure: slug(),
    // zod refuses NaN and the infinities, which JSON cannot carry anyway.
    value: z.nullable(z.number({ error: 'invalid_type' })),
    suppressed: z.boolean({ error: 'invalid_type' }),
  })
  .check(
    z.refine((row) => !(row.suppressed === true && row.value !== null), {
      error: 'suppressed_value_present',
      path: ['value'],
    }),
  );
/** A valid report row. */
export type ReportRow = z.output<typeof reportRowSchema>;

/** A report as the hub returns it: its rows, in any order. */
export const reportRowsSchema = z.array(reportRowSchema);

/**
 * A whole report as the hub's JSON endpoints return it: the month, the grouping, the smallest
 * count it publishes ({@link MIN_CELL_SIZE}), its rows, and the names of partner, musician and
 * programme keys (municipality and region names come from the geo module). The rows of `all`/`all` come first.
 *
 * @example
 * const report = validate(reportSchema, await res.json());
 */
export const reportSchema = z.strictObject({
  schemaVersion: z.literal(REPORT_ROW_SCHEMA_VERSION, { error: 'unsupported_version' }),
  period: z.string().check(z.regex(REPORT_PERIOD_PATTERN, { error: 'invalid_period' })),
  grouping: choice(REPORT_GROUPINGS),
  minCellSize: z.int({ error: 'invalid_type' }),
  rows: reportRowsSchema,
  /** The names of the groups' keys (partners, musicians, the programme), in the asked language. */
  names: z.optional(z.record(z.string(), z.string())),
});
/** A valid report. */
export type Report = z.output<typeof reportSchema>;
