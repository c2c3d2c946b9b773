import {
  SCREENING_ANSWERS,
  type Criterion,
  type LocalisedText,
  type ScreeningAnswer,
} from '../programme/programme.js';

/**
 * What screening suggests to the coordinator, best first: the nomination `fits` the format, the
 * coordinator should `talk-first` with the visiting friend, or the host's situation looks
 * `outside-format` for this programme. None of them is a decision.
 */
export const ELIGIBILITY_OUTCOMES = ['fits', 'talk-first', 'outside-format'] as const;

/** `'fits' | 'talk-first' | 'outside-format'`. */
export type EligibilityOutcome = (typeof ELIGIBILITY_OUTCOMES)[number];

/** Why a criterion did not simply answer yes, in words a coordinator can read aloud on the phone. */
export interface EligibilityReason {
  criterionId: string;
  kind: Criterion['kind'];
  /** The answer given; `undefined` when the question was not answered. */
  answer: ScreeningAnswer | undefined;
  text: LocalisedText;
}

/** What eligibility needs of a `Programme`: its criteria (a whole programme will do). */
export interface EligibilityProgramme {
  readonly eligibility: { readonly criteria: readonly Criterion[] };
}

/** The outcome of screening, with one reason per criterion that was not a plain yes. */
export interface EligibilityAssessment {
  outcome: EligibilityOutcome;
  reasons: EligibilityReason[];
}

const knownAnswers: readonly unknown[] = SCREENING_ANSWERS;

// An answers object arrives from a form or the network: only its own, well-formed values count,
// so a criterion id like `constructor` never picks up something from Object.prototype.
function answerFor(answers: object, id: string): ScreeningAnswer | undefined {
  if (!Object.hasOwn(answers, id)) return undefined;
  const value: unknown = (answers as Record<string, unknown>)[id];
  return knownAnswers.includes(value) ? (value as ScreeningAnswer) : undefined;
}

function reasonText(criterion: Criterion, answer: ScreeningAnswer | undefined): LocalisedText {
  const { da, en } = criterion.question;
  if (answer === undefined) {
    return {
      da: `Ikke besvaret: »${da}« Spørg besøgsvennen.`,
      en: `Not answered: “${en}” Ask the visiting friend.`,
    };
  }
  if (answer === 'not-sure') {
    return {
      da: `Besøgsvennen er ikke sikker: »${da}« Tal med besøgsvennen om det.`,
      en: `The visiting friend is not sure: “${en}” Talk it over with the visiting friend.`,
    };
  }
  if (criterion.whenNo) return criterion.whenNo;
  return criterion.kind === 'required'
    ? {
        da: `Besøgsvennen har svaret nej: »${da}« Det passer ikke til dette koncertformat – tal med besøgsvennen om andre tilbud.`,
        en: `The visiting friend answered no: “${en}” That does not suit this concert format – talk with the visiting friend about other offers.`,
      }
    : {
        da: `Besøgsvennen har svaret nej: »${da}« Det udelukker ikke en koncert – tal med besøgsvennen om det.`,
        en: `The visiting friend answered no: “${en}” That does not rule out a concert – talk it over with the visiting friend.`,
      };
}

/**
 * Holds a nomination's screening answers against a programme's criteria and says what that
 * suggests. It never rejects anyone: the outcome informs a coordinator, who talks with the
 * visiting friend and decides.
 *
 * The rules, first match wins:
 *
 * 1. A `required` criterion answered `no` → `outside-format`: the format is built on it, so the
 *    coordinator should talk about other offers.
 * 2. Any criterion answered `not-sure` or not answered, or a `supporting` criterion answered `no`
 *    → `talk-first`.
 * 3. Every criterion answered `yes` → `fits` (a programme with no criteria fits everyone).
 *
 * `reasons` has one entry per criterion that is not a plain yes, in the programme's order, with a
 * Danish and English text (the criterion's own `whenNo` text for a no, when it has one). Answers
 * to questions the programme does not ask, and values that are not screening answers, are ignored
 * here (the nomination schema refuses them); a malformed value counts as not answered.
 *
 * @example
 * const { outcome, reasons } = assessEligibility(DEFAULT_PROGRAMME, {
 *   'own-home': 'yes',
 *   'little-access-to-concerts': 'yes',
 *   'risk-of-loneliness': 'not-sure',
 *   'enjoys-music': 'yes',
 *   'takes-part-in-conversation': 'yes',
 *   'said-yes': 'yes',
 * });
 * outcome; // 'talk-first'
 * reasons[0].text.da; // 'Besøgsvennen er ikke sikker: »Er den, du besøger, meget alene …'
 */
export function assessEligibility(
  programme: EligibilityProgramme,
  answers: Readonly<Record<string, ScreeningAnswer | undefined>>,
): EligibilityAssessment {
  const reasons: EligibilityReason[] = [];
  let outsideFormat = false;
  for (const criterion of programme.eligibility.criteria) {
    const answer = answerFor(answers, criterion.id);
    if (answer === 'yes') continue;
    if (answer === 'no' && criterion.kind === 'required') outsideFormat = true;
    reasons.push({
      criterionId: criterion.id,
      kind: criterion.kind,
      answer,
      text: reasonText(criterion, answer),
    });
  }
  const outcome = outsideFormat ? 'outside-format' : reasons.length > 0 ? 'talk-first' : 'fits';
  return { outcome, reasons };
}
