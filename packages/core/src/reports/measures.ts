import { DEBRIEF_OUTCOMES } from '../feedback/debrief.js';
import type { LocalisedText } from '../feedback/fields.js';
import { RESPONSE_ROLES } from '../feedback/roles.js';
import type { FeedbackInstrument } from '../feedback/instrument.js';

/**
 * What a measure is: `count` (a number of concerts, nominations, people or answers, suppressed
 * below {@link MIN_CELL_SIZE}) or `median-days` (a median number of days, published only when the
 * count it is the median of is published).
 */
export type MeasureKind = 'count' | 'median-days';

/** What a report measure means: its slug, kind, the records it counts and its label. */
export interface MeasureDefinition {
  /** The slug in a report row's `measure`, e.g. `concerts-held` or `answers-visit-good`. */
  id: string;
  kind: MeasureKind;
  /** `concerts`, `nominations`, `respondents`, `answers`, `choices` or `debriefs`. */
  family: 'concerts' | 'nominations' | 'respondents' | 'answers' | 'choices' | 'debriefs';
  /** For a `median-days` measure: the count measure it is the median over. */
  basis?: string;
  label: LocalisedText;
}

/**
 * A sum that holds within one group's row: `total` is the sum of `parts` (all counts). Publishing
 * the total and all but one part would give the last part away, so suppression treats each as a
 * table of its own.
 */
export interface MeasureSum {
  total: string;
  parts: readonly string[];
}

/** The measures of a report, in the order rows are listed, and the sums between them. */
export interface ReportMeasures {
  measures: readonly MeasureDefinition[];
  sums: readonly MeasureSum[];
}

const ROLE_LABELS: Record<(typeof RESPONSE_ROLES)[number], LocalisedText> = {
  host: { da: 'værter', en: 'hosts' },
  'visiting-friend': { da: 'besøgsvenner', en: 'visiting friends' },
  guest: { da: 'gæster', en: 'guests' },
  together: { da: 'vært og besøgsven sammen', en: 'host and visiting friend together' },
};

const DEBRIEF_LABELS: Record<(typeof DEBRIEF_OUTCOMES)[number], LocalisedText> = {
  good: { da: 'gik godt', en: 'went well' },
  mixed: { da: 'både og', en: 'mixed' },
  hard: { da: 'svært', en: 'hard' },
};

/** The nomination outcomes a report counts; together they make up `nominations-received`. */
export const NOMINATION_OUTCOMES = ['accepted', 'declined', 'withdrawn', 'waiting'] as const;
export type NominationOutcome = (typeof NOMINATION_OUTCOMES)[number];

const text = (da: string, en: string): LocalisedText => ({ da, en });

/** A Danish label as it reads inside a sentence: "Glad" → "glad", "Ja, lidt" → "ja, lidt"; "TV" stays. */
const inSentence = (label: string) =>
  /^\p{Lu}\p{Ll}/u.test(label) ? label.charAt(0).toLocaleLowerCase('da') + label.slice(1) : label;

/**
 * Every measure a report has for `instrument`, and the sums that hold between them:
 *
 * - concerts (by the concert's month): `concerts-held`, `concerts-cancelled`, `concerts-no-show`,
 *   and `waiting-days-median` (the median number of days from nomination to a concert held);
 * - nominations (by the month they were received): `nominations-received`, split into what has
 *   become of them since: `nominations-accepted` (also booked or completed), `-declined`,
 *   `-withdrawn`, `-waiting` (not yet decided);
 * - feedback from concerts of the month: `respondents`, split by role (`respondents-host`, …);
 *   for each one-choice question `answers-<question>` (how many reached it), split into one
 *   measure per option and `answers-<question>-skipped`; for each several-choice question
 *   (the feelings) `answers-<question>`, split into `-chosen` and `-skipped`, and
 *   `<question>-<option>` (e.g. `feelings-moved`): how many chose each option (one person may
 *   choose several, so these do not add up);
 * - musicians' debriefs of concerts of the month: `debriefs`, split by how it went
 *   (`debriefs-good`, `-mixed`, `-hard`), and `debriefs-would-like-a-call`.
 *
 * No measure carries text a person wrote.
 *
 * @example
 * reportMeasures(DEFAULT_INSTRUMENT).measures.map((m) => m.id); // ['concerts-held', …]
 */
export function reportMeasures(instrument: FeedbackInstrument): ReportMeasures {
  const measures: MeasureDefinition[] = [];
  const sums: MeasureSum[] = [];
  const add = (
    id: string,
    family: MeasureDefinition['family'],
    label: LocalisedText,
    more: Partial<MeasureDefinition> = {},
  ) => {
    measures.push({ id, kind: 'count', family, label, ...more });
    return id;
  };
  // A total split into one part per key (`<family>-<key>`), each labelled `<prefix><its label>`.
  const split = <K extends string>(
    total: string,
    family: MeasureDefinition['family'],
    keys: readonly K[],
    labels: Record<K, LocalisedText>,
    prefix: LocalisedText,
  ) => {
    sums.push({
      total,
      parts: keys.map((key) =>
        add(`${family}-${key}`, family, {
          da: `${prefix.da}${labels[key].da}`,
          en: `${prefix.en}${labels[key].en}`,
        }),
      ),
    });
  };

  add('concerts-held', 'concerts', text('Koncerter holdt', 'Concerts held'));
  add('concerts-cancelled', 'concerts', text('Koncerter aflyst (afbud)', 'Concerts cancelled'));
  add('concerts-no-show', 'concerts', text('Koncerter, hvor ingen var hjemme', 'No-shows'));
  add(
    'waiting-days-median',
    'concerts',
    text('Ventetid fra indstilling til koncert, median i dage', 'Waiting time, median days'),
    { kind: 'median-days', basis: 'concerts-held' },
  );

  const received = add(
    'nominations-received',
    'nominations',
    text('Indstillinger modtaget', 'Nominations received'),
  );
  const outcomeLabels: Record<NominationOutcome, LocalisedText> = {
    accepted: text('heraf godkendt', 'of which accepted'),
    declined: text('heraf afvist', 'of which declined'),
    withdrawn: text('heraf trukket tilbage', 'of which withdrawn'),
    waiting: text('heraf endnu ikke afgjort', 'of which not yet decided'),
  };
  split(
    received,
    'nominations',
    NOMINATION_OUTCOMES,
    outcomeLabels,
    text('Indstillinger modtaget, ', 'Nominations received, '),
  );

  const respondents = add('respondents', 'respondents', text('Svarpersoner', 'Respondents'));
  split(
    respondents,
    'respondents',
    RESPONSE_ROLES,
    ROLE_LABELS,
    text('Svarpersoner: ', 'Respondents: '),
  );

  for (const question of instrument.questions) {
    // A label about this question: its prompt, a dash, then what is counted. After the dash the
    // Danish goes on in lower case, as inside a sentence ("– glad"; docs/glossary.md).
    const about = (da: string, en: string) =>
      text(`${question.prompt.da} – ${inSentence(da)}`, `${question.prompt.en} – ${en}`);
    const reached = add(
      `answers-${question.id}`,
      'answers',
      about('nåede spørgsmålet', 'reached the question'),
    );
    const skipped = (id: string) => add(id, 'answers', about('sprang over', 'skipped'));
    if (question.kind === 'single') {
      const parts = question.options.map((option) =>
        add(
          `answers-${question.id}-${option.id}`,
          'answers',
          about(option.label.da, option.label.en),
        ),
      );
      sums.push({ total: reached, parts: [...parts, skipped(`answers-${question.id}-skipped`)] });
    } else {
      const chosen = add(
        `answers-${question.id}-chosen`,
        'answers',
        about('valgte mindst én', 'chose at least one'),
      );
      sums.push({ total: reached, parts: [chosen, skipped(`answers-${question.id}-skipped`)] });
      for (const option of question.options) {
        add(`${question.id}-${option.id}`, 'choices', about(option.label.da, option.label.en));
      }
    }
  }

  const debriefs = add('debriefs', 'debriefs', text('Musikernes evalueringer', 'Debriefs'));
  split(
    debriefs,
    'debriefs',
    DEBRIEF_OUTCOMES,
    DEBRIEF_LABELS,
    text('Evalueringer: ', 'Debriefs: '),
  );
  add(
    'debriefs-would-like-a-call',
    'debriefs',
    text('Evalueringer: vil gerne ringes op', 'Debriefs: would like a call'),
  );
  return { measures, sums };
}
