import { DEFAULT_INSTRUMENT } from '../feedback/default-instrument.js';
import type { DebriefOutcome } from '../feedback/debrief.js';
import type { ResponseRole } from '../feedback/roles.js';
import type { FeedbackInstrument } from '../feedback/instrument.js';
import type { FeedbackAnswer } from '../feedback/response.js';
import { municipalityByCode } from '../geo/municipalities.js';
import type { BookingStatus } from '../lifecycle/booking.js';
import type { NominationStatus } from '../lifecycle/nomination.js';
import { reportMeasures, type NominationOutcome } from './measures.js';
import {
  MIN_CELL_SIZE,
  REPORT_ROW_SCHEMA_VERSION,
  type Report,
  type ReportGrouping,
  type ReportRow,
  reportPeriod,
} from './report-row.js';
import { suppressCells, type CellSum } from './suppress.js';
import { danishToday } from '../time/danish-time.js';

/** A nomination as a report sees it: when it came, where from, and what has become of it. */
export interface ReportNomination {
  id: string;
  /** When the hub received it (ISO 8601); reports use its month in Denmark. */
  receivedAt: string;
  status: NominationStatus;
  /** The host's municipality code. */
  municipalityCode: string;
  partnerId: string;
  programmeId: string;
}

/** A booking as a report sees it: its concert's date, its musician and its status. */
export interface ReportBooking {
  id: string;
  nominationId: string;
  musicianId: string;
  /** The concert's date in Denmark, `YYYY-MM-DD`. */
  date: string;
  status: BookingStatus;
}

/** One respondent's feedback as a report sees it: the role and the chosen options, no more. */
export interface ReportFeedback {
  bookingId: string;
  instrument: { id: string; version: number };
  role: ResponseRole;
  answers: Readonly<Record<string, FeedbackAnswer>>;
}

/** A musician's debrief as a report sees it: never its texts. */
export interface ReportDebrief {
  bookingId: string;
  howItWent: DebriefOutcome;
  wouldLikeACall: boolean;
}

/** Everything a report is made from; the records of other months are left out by the report. */
export interface ReportInput {
  nominations: readonly ReportNomination[];
  bookings: readonly ReportBooking[];
  feedback: readonly ReportFeedback[];
  debriefs: readonly ReportDebrief[];
}

/** Which month, grouped how, read against which feedback instrument. */
export interface ReportOptions {
  /** The month, `YYYY-MM`. */
  period: string;
  grouping: ReportGrouping;
  /** The instrument whose answers are counted (default {@link DEFAULT_INSTRUMENT}). */
  instrument?: FeedbackInstrument;
}

const OUTCOME_OF: Record<NominationStatus, NominationOutcome> = {
  received: 'waiting',
  'in-review': 'waiting',
  accepted: 'accepted',
  booked: 'accepted',
  completed: 'accepted',
  declined: 'declined',
  withdrawn: 'withdrawn',
};

const CONCERT_MEASURE: Partial<Record<BookingStatus, string>> = {
  held: 'concerts-held',
  cancelled: 'concerts-cancelled',
  'no-show': 'concerts-no-show',
};

interface Row {
  kind: ReportGrouping;
  key: string;
  values: Map<string, number>;
  waits: number[];
}

const DAY_MS = 86_400_000;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const value =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  return Math.round(value);
}

/**
 * An aggregate report of one month, grouped by region, municipality, partner, musician or
 * programme (or `all`), with small cells suppressed. The rows of the group `all`/`all` come first
 * (the whole programme), then each group with records in the month, by key; within a group, the
 * measures of {@link reportMeasures} in order. Nomination measures are not split by musician (a
 * nomination has none until it is booked): a musician report has them in its `all` rows only.
 *
 * Disclosure control, so no person can be singled out:
 *
 * - a count from 1 to 4 is published as `suppressed: true, value: null`; a zero is published as 0
 *   (it is nobody);
 * - complementary suppression (see {@link suppressCells}) over every sum a reader could combine:
 *   each group's parts against its total (`nominations-received` and its outcomes, `respondents`
 *   and its roles, each question's options and skips, `debriefs` and how they went), and each
 *   measure's groups against the `all` row, in every grouping at once (municipalities within
 *   their region, regions within the country, partners, programmes, musicians), knowing that a
 *   hidden count is at least 1. Every grouping's report is cut from that one result, so reports
 *   read side by side give nothing away either, and the `all` row is the same in every grouping.
 *   A count of the `all` row is hidden to protect a group only when nothing else can (five
 *   municipalities with one concert each and 5 in all);
 * - a median is published only beside its count (`waiting-days-median` with `concerts-held`);
 * - dates are months; no text anyone wrote is read.
 *
 * Records are counted in the month of the concert (bookings, feedback, debriefs) or of their
 * receipt in Denmark (nominations). A booking whose nomination is not in the input, and feedback
 * or a debrief whose booking is not, are left out, as is feedback given to another instrument.
 *
 * @example
 * const report = buildReport(input, { period: '2025-03', grouping: 'region' });
 * report.rows.find((r) => r.grouping.key === 'all' && r.measure === 'concerts-held');
 * // { schemaVersion: 1, period: '2025-03', grouping: { kind: 'all', key: 'all' }, measure: 'concerts-held', value: 23, suppressed: false }
 */
export function buildReport(input: ReportInput, options: ReportOptions): Report {
  return buildReports(input, options, [options.grouping])[options.grouping]!;
}

/**
 * The reports of one period in several groupings at once, as {@link buildReport} makes each of
 * them: suppression works on every grouping together anyway, so this does it once.
 *
 * @example
 * const { region, municipality } = buildReports(input, { period: '2025' }, ['region', 'municipality']);
 */
export function buildReports<G extends ReportGrouping>(
  input: ReportInput,
  options: Omit<ReportOptions, 'grouping'>,
  groupings: readonly G[],
): Record<G, Report> {
  const { period } = options;
  const range = reportPeriod(period);
  if (!range)
    throw new RangeError(`Not a month, quarter or year (YYYY-MM, YYYY-Qn, YYYY): ${period}`);
  const inPeriod = (day: string) => day >= range.start && day < range.end;
  const instrument = options.instrument ?? DEFAULT_INSTRUMENT;
  const { measures, sums } = reportMeasures(instrument);

  // Rows by `kind:key`.
  const rows = new Map<string, Row>();
  const rowOf = (kind: ReportGrouping, key: string): Row => {
    const id = `${kind}:${key}`;
    let row = rows.get(id);
    if (!row) {
      row = { kind, key, values: new Map(), waits: [] };
      rows.set(id, row);
    }
    return row;
  };
  const all = rowOf('all', 'all');

  interface Where {
    municipality: string;
    region: string;
    partner: string;
    programme: string;
    musician?: string;
  }
  // Every grouping is counted, whichever is asked for: suppression works on all of them at once
  // (see below), and the asked one is cut from the result.
  const groupsOf = (where: Where): Row[] => [
    all,
    rowOf('region', where.region),
    rowOf('municipality', where.municipality),
    rowOf('partner', where.partner),
    rowOf('programme', where.programme),
    ...(where.musician === undefined ? [] : [rowOf('musician', where.musician)]),
  ];
  const count = (targets: Row[], measure: string) => {
    for (const row of targets) row.values.set(measure, (row.values.get(measure) ?? 0) + 1);
  };

  // Nominations in a municipality the hub does not know cannot be placed, in any grouping.
  const nominations = new Map<string, ReportNomination & { region: string; day: string }>();
  for (const nomination of input.nominations) {
    const region = municipalityByCode(nomination.municipalityCode)?.region;
    const received = new Date(nomination.receivedAt);
    if (region === undefined || Number.isNaN(received.getTime())) continue;
    const day = danishToday(received);
    nominations.set(nomination.id, { ...nomination, region, day });
    if (!inPeriod(day)) continue;
    const targets = groupsOf({
      municipality: nomination.municipalityCode,
      region,
      partner: nomination.partnerId,
      programme: nomination.programmeId,
    });
    count(targets, 'nominations-received');
    count(targets, `nominations-${OUTCOME_OF[nomination.status]}`);
  }

  const bookings = new Map<string, Row[]>();
  for (const booking of input.bookings) {
    const nomination = nominations.get(booking.nominationId);
    if (!nomination || !inPeriod(booking.date)) continue;
    const targets = groupsOf({
      municipality: nomination.municipalityCode,
      region: nomination.region,
      partner: nomination.partnerId,
      programme: nomination.programmeId,
      musician: booking.musicianId,
    });
    bookings.set(booking.id, targets);
    const measure = CONCERT_MEASURE[booking.status];
    if (measure !== undefined) count(targets, measure);
    if (booking.status === 'held') {
      const days = Math.round(
        (Date.parse(`${booking.date}T00:00:00Z`) - Date.parse(`${nomination.day}T00:00:00Z`)) /
          DAY_MS,
      );
      for (const row of targets) row.waits.push(Math.max(0, days));
    }
  }

  for (const response of input.feedback) {
    const targets = bookings.get(response.bookingId);
    if (!targets) continue;
    if (
      response.instrument.id !== instrument.id ||
      response.instrument.version !== instrument.version
    ) {
      continue;
    }
    count(targets, 'respondents');
    count(targets, `respondents-${response.role}`);
    for (const question of instrument.questions) {
      const answer = response.answers[question.id];
      if (answer === undefined) continue;
      const known = question.options.map((option) => option.id);
      if ('choices' in answer && !answer.choices.every((choice) => known.includes(choice))) {
        continue;
      }
      count(targets, `answers-${question.id}`);
      if (!('choices' in answer)) count(targets, `answers-${question.id}-skipped`);
      else if (question.kind === 'single') {
        count(targets, `answers-${question.id}-${answer.choices[0]!}`);
      } else {
        count(targets, `answers-${question.id}-chosen`);
        for (const choice of new Set(answer.choices)) count(targets, `${question.id}-${choice}`);
      }
    }
  }

  for (const debrief of input.debriefs) {
    const targets = bookings.get(debrief.bookingId);
    if (!targets) continue;
    count(targets, 'debriefs');
    count(targets, `debriefs-${debrief.howItWent}`);
    if (debrief.wouldLikeACall) count(targets, 'debriefs-would-like-a-call');
  }

  // Every row of the report has every measure (zero when nothing was counted), except that
  // nominations are not split by musician.
  const groupRows = [...rows.values()]
    .filter((row) => row !== all)
    .sort((a, b) => (a.kind === b.kind ? compare(a.key, b.key) : compare(a.kind, b.kind)));
  const measuresOf = (row: Row) =>
    row.kind === 'musician' ? measures.filter((m) => m.family !== 'nominations') : measures;

  const cells: { row: Row; measure: string }[] = [];
  const values: number[] = [];
  const cellAt = new Map<Row, Map<string, number>>();
  for (const row of [all, ...groupRows]) {
    const ofRow = new Map<string, number>();
    cellAt.set(row, ofRow);
    for (const measure of measuresOf(row)) {
      if (measure.kind !== 'count') continue;
      ofRow.set(measure.id, cells.length);
      cells.push({ row, measure: measure.id });
      values.push(row.values.get(measure.id) ?? 0);
    }
  }
  const at = (row: Row, measure: string) => cellAt.get(row)!.get(measure);

  const cellSums: CellSum[] = [];
  for (const row of [all, ...groupRows]) {
    for (const sum of sums) {
      const total = at(row, sum.total);
      const parts = sum.parts.map((part) => at(row, part));
      if (total === undefined || parts.some((part) => part === undefined)) continue;
      const members = [total, ...(parts as number[])];
      cellSums.push({ total, parts: parts as number[], complements: [members] });
    }
  }
  const regions = groupRows.filter((row) => row.kind === 'region');
  const layers = (['municipality', 'partner', 'programme', 'musician'] as const).map((kind) =>
    groupRows.filter((row) => row.kind === kind),
  );
  for (const measure of measures) {
    if (measure.kind !== 'count') continue;
    const total = at(all, measure.id)!;
    const layer = (members: Row[]) =>
      members.map((row) => at(row, measure.id)).filter((cell) => cell !== undefined);
    // The `all` row is not offered as a complement, so it is hidden to protect a group only when
    // nothing else can (see suppressCells); it is the same in every grouping all the same.
    // The municipalities add up to the `all` row through their regions: that sum is implied.
    for (const members of layers.slice(regions.length > 0 ? 1 : 0)) {
      const parts = layer(members);
      if (parts.length > 0) cellSums.push({ total, parts, complements: [parts] });
    }
    const regionCells = layer(regions);
    if (regionCells.length > 0) {
      cellSums.push({ total, parts: regionCells, complements: [regionCells] });
    }
    for (const region of regions) {
      const regionTotal = at(region, measure.id)!;
      const within = layer(
        layers[0]!.filter((row) => municipalityByCode(row.key)?.region === region.key),
      );
      cellSums.push({ total: regionTotal, parts: within, complements: [within, [regionTotal]] });
    }
  }

  const allCells = new Set(cells.flatMap((c, i) => (c.row === all ? [i] : [])));
  const suppressed = suppressCells(values, cellSums, MIN_CELL_SIZE, allCells);

  const cut = (grouping: ReportGrouping): Report => {
    const shown = grouping === 'all' ? [] : groupRows.filter((row) => row.kind === grouping);
    const result: ReportRow[] = [];
    for (const row of [all, ...shown]) {
      for (const measure of measuresOf(row)) {
        const cell = at(row, measure.basis ?? measure.id)!;
        const hidden = suppressed[cell]!;
        const value = measure.kind === 'count' ? values[cell]! : hidden ? null : median(row.waits);
        result.push({
          schemaVersion: REPORT_ROW_SCHEMA_VERSION,
          period,
          grouping: { kind: row.kind, key: row.key },
          measure: measure.id,
          value: hidden ? null : value,
          suppressed: hidden,
        });
      }
    }
    return {
      schemaVersion: REPORT_ROW_SCHEMA_VERSION,
      period,
      grouping,
      minCellSize: MIN_CELL_SIZE,
      rows: result,
    };
  };
  return Object.fromEntries(groupings.map((grouping) => [grouping, cut(grouping)])) as Record<
    G,
    Report
  >;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A partner's own part of a report: the rows of its group in the month's report grouped by
 * partner, exactly as {@link buildReport} suppresses them there, and nothing else (not the `all`
 * rows, not other partners). Being cut from the report everyone may see, it tells a partner
 * nothing that report does not; a finer split of its own records (by municipality, say) could be
 * subtracted from the published tables, so it is not offered.
 *
 * @example
 * const own = buildPartnerReport(input, 'demo-partner', { period: '2025-03' });
 * own.rows.every((row) => row.grouping.key === 'demo-partner'); // true
 */
export function buildPartnerReport(
  input: ReportInput,
  partnerId: string,
  options: Omit<ReportOptions, 'grouping'>,
): Report {
  const report = buildReport(input, { ...options, grouping: 'partner' });
  return {
    ...report,
    rows: report.rows.filter(
      (row) => row.grouping.kind === 'partner' && row.grouping.key === partnerId,
    ),
  };
}
