import * as z from 'zod/mini';
import { choice, requiredText, slug } from '../schemas/fields.js';
import { instrumentVersion, localisedText } from './fields.js';
import { isRespondent, RESPONDENT_ROLES, RESPONSE_ROLES } from './roles.js';

/** The version of the feedback instrument format this SDK reads and writes. */
export const FEEDBACK_INSTRUMENT_SCHEMA_VERSION = 1;

/** `single`: one option may be chosen; `multi`: any number, up to `maxChoices`. */
export const QUESTION_KINDS = ['single', 'multi'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** More options than this do not fit one calm screen of 96-pixel targets. */
const MAX_OPTIONS = 12;

const option = z.strictObject({
  id: slug(),
  /** The name of a picture the kiosk maps to an image, e.g. `face-happy`. */
  pictogram: slug(),
  // Labels sit under a picture on a large target, so they must stay short.
  label: localisedText(32),
  readAloud: localisedText(200),
});

const question = z.strictObject({
  id: slug(),
  kind: choice(QUESTION_KINDS),
  prompt: localisedText(160),
  readAloud: localisedText(400),
  roles: z.optional(z.array(choice(RESPONSE_ROLES)).check(z.minLength(1, { error: 'required' }))),
  options: z
    .array(option)
    .check(
      z.minLength(2, { error: 'too_few_options' }),
      z.maxLength(MAX_OPTIONS, { error: 'too_many_options' }),
    ),
  // Part of the data rather than implied, so a reader of a stored instrument sees the promise.
  allowSkip: z.literal(true, { error: 'skip_required' }),
  maxChoices: z.optional(
    z
      .int({ error: (issue) => (issue.input === undefined ? 'required' : 'invalid_max_choices') })
      .check(z.gte(1, { error: 'invalid_max_choices' })),
  ),
});

const provenance = z.strictObject({
  basedOn: z
    .array(
      z.strictObject({
        name: requiredText(120),
        /** A URL or a citation a reader can find the published instrument by. */
        reference: requiredText(500),
        licence: z.optional(requiredText(300)),
      }),
    )
    .check(z.minLength(1, { error: 'required' })),
  adaptation: localisedText(500),
});

type Path = (string | number)[];

function duplicates<T>(values: readonly T[]): number[] {
  const seen = new Set<T>();
  const at: number[] = [];
  values.forEach((value, index) => {
    if (seen.has(value)) at.push(index);
    seen.add(value);
  });
  return at;
}

/**
 * A feedback instrument: versioned data that a kiosk renders one question per screen, not screens.
 * Besides the shape it checks that question ids are unique, option ids are unique within their
 * question, every question has 2–12 options, `maxChoices` is only on `multi` questions and at most
 * the number of options, and question roles are among the instrument's respondents (`together`
 * needs both `host` and `visiting-friend`).
 *
 * An instrument's `id` and `version` together name one immutable text: once published, any change
 * (even a comma) is a new `version`, because responses are read against the version they were given
 * under.
 *
 * @example
 * const result = validate(feedbackInstrumentSchema, instrumentFromHub, { lang: 'en' });
 * if (!result.ok) console.log(result.issues); // [{ path: 'questions.2.id', code: 'duplicate_question', … }]
 */
export const feedbackInstrumentSchema = z
  .strictObject({
    schemaVersion: z.literal(FEEDBACK_INSTRUMENT_SCHEMA_VERSION, { error: 'unsupported_version' }),
    id: slug(),
    version: instrumentVersion(),
    title: localisedText(80),
    respondentRoles: z.array(choice(RESPONDENT_ROLES)).check(z.minLength(1, { error: 'required' })),
    questions: z.array(question).check(z.minLength(1, { error: 'required' })),
    provenance,
  })
  .check(
    z.superRefine((instrument, ctx) => {
      const report = (code: string, path: Path) =>
        ctx.addIssue({ code: 'custom', message: code, path, input: instrument });
      for (const at of duplicates(instrument.respondentRoles)) {
        report('duplicate_role', ['respondentRoles', at]);
      }
      for (const at of duplicates(instrument.questions.map((q) => q.id))) {
        report('duplicate_question', ['questions', at, 'id']);
      }
      instrument.questions.forEach((q, index) => {
        const at: Path = ['questions', index];
        for (const dup of duplicates(q.options.map((o) => o.id))) {
          report('duplicate_option', [...at, 'options', dup, 'id']);
        }
        if (q.maxChoices !== undefined && q.kind === 'single') {
          report('max_choices_single', [...at, 'maxChoices']);
        } else if (q.maxChoices !== undefined && q.maxChoices > q.options.length) {
          report('invalid_max_choices', [...at, 'maxChoices']);
        }
        const roles = q.roles ?? [];
        for (const dup of duplicates(roles)) report('duplicate_role', [...at, 'roles', dup]);
        roles.forEach((role, r) => {
          if (!isRespondent(instrument, role)) report('unknown_role', [...at, 'roles', r]);
        });
      });
    }),
  );

/** A valid feedback instrument. */
export type FeedbackInstrument = z.output<typeof feedbackInstrumentSchema>;
/** One question of a feedback instrument. */
export type FeedbackQuestion = FeedbackInstrument['questions'][number];
/** One answer option of a question, with its pictogram, label and read-aloud text. */
export type FeedbackOption = FeedbackQuestion['options'][number];
