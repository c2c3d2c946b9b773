import { DEFAULT_INSTRUMENT } from '../feedback/default-instrument.js';
import type { LocalisedText } from '../feedback/fields.js';
import type { FeedbackInstrument } from '../feedback/instrument.js';
import type { ReportRow } from './report-row.js';

/** One feeling of a {@link FeelingsSpectrum}. */
export interface SpectrumFeeling {
  /** The option id, e.g. `moved`. */
  id: string;
  pictogram: string;
  label: LocalisedText;
  /** How many respondents chose it, or `null` when the count is suppressed. */
  count: number | null;
  /**
   * Its share of the respondents who chose at least one feeling (0–1, three decimals), or `null`
   * when either count is suppressed. Shares do not add up to 1: a person may choose several.
   */
  share: number | null;
  suppressed: boolean;
}

/** The feelings chosen in one group of a report, in the instrument's order. */
export interface FeelingsSpectrum {
  /** The several-choice question the feelings answer, e.g. `feelings`. */
  question: string;
  grouping: ReportRow['grouping'];
  /** How many respondents chose at least one feeling, or `null` when suppressed. */
  respondents: number | null;
  feelings: SpectrumFeeling[];
}

/**
 * The feelings chosen, as a spectrum: for each feeling of the instrument's several-choice question
 * (by default the first one, `feelings`), how many respondents of the group chose it and what
 * share of those who chose any feeling that is. The order is the instrument's own, where pleasant
 * and unpleasant feelings alternate: it is a range, not a scale from good to bad, and no feeling is
 * a worse result than another. Suppressed counts stay suppressed.
 *
 * @example
 * const spectrum = feelingsSpectrum(report.rows, { kind: 'all', key: 'all' });
 * spectrum.feelings.map((f) => `${f.label.da}: ${f.count ?? 'skjult'}`);
 * // ['Glad: 31', 'Trist: 7', 'Rørt: 18', 'Savn: skjult', …]
 */
export function feelingsSpectrum(
  rows: readonly ReportRow[],
  grouping: ReportRow['grouping'] = { kind: 'all', key: 'all' },
  options: { instrument?: FeedbackInstrument; question?: string } = {},
): FeelingsSpectrum {
  const instrument = options.instrument ?? DEFAULT_INSTRUMENT;
  const question = instrument.questions.find((q) =>
    options.question === undefined ? q.kind === 'multi' : q.id === options.question,
  );
  if (question === undefined || question.kind !== 'multi') {
    throw new RangeError(`No several-choice question ${options.question ?? ''} in the instrument`);
  }
  const cell = (measure: string) =>
    rows.find(
      (row) =>
        row.measure === measure &&
        row.grouping.kind === grouping.kind &&
        row.grouping.key === grouping.key,
    );
  const respondents = cell(`answers-${question.id}-chosen`)?.value ?? null;
  return {
    question: question.id,
    grouping,
    respondents,
    feelings: question.options.map((option) => {
      const row = cell(`${question.id}-${option.id}`);
      const count = row?.value ?? null;
      return {
        id: option.id,
        pictogram: option.pictogram,
        label: option.label,
        count,
        share:
          count === null || respondents === null || respondents === 0
            ? null
            : Math.round((count / respondents) * 1000) / 1000,
        suppressed: row?.suppressed ?? true,
      };
    }),
  };
}
