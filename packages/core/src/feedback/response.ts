import * as z from 'zod/mini';
import { choice, isoDateTime, slug } from '../schemas/fields.js';
import { issueMessage, type IssueCode, type Lang } from '../validation/messages.js';
import type { Issue } from '../validation/validate.js';
import { deviceRecord, instrumentVersion } from './fields.js';
import type { FeedbackInstrument } from './instrument.js';
import { isRespondent, questionsFor, RESPONSE_ROLES } from './roles.js';
import { FEEDBACK_RESPONSE_SCHEMA_VERSION } from './versions.js';

const answer = z.union(
  [
    z.strictObject({ skipped: z.literal(true) }),
    z.strictObject({
      choices: z.array(slug()).check(z.minLength(1, { error: 'invalid_answer' })),
    }),
  ],
  { error: 'invalid_answer' },
);

/**
 * One respondent's answers to a feedback instrument, as the kiosk records them. `answers` holds
 * the questions the respondent reached, by question id: skipped, or the option ids chosen. A
 * question left out was not reached (a respondent may stop at any point).
 *
 * `startedAt` and `finishedAt` come from the tablet's clock: informative only, never used for
 * ordering (the hub orders by its own receive time, the device by `deviceSeq`).
 *
 * The schema checks the shape; {@link checkResponse} checks the answers against the instrument.
 *
 * @example
 * const response = {
 *   schemaVersion: 1, id: newId(), bookingId, deviceId, deviceSeq: 7,
 *   instrument: { id: 'stue-home-concert', version: 1 }, role: 'host', answeredWithHelp: true,
 *   startedAt: '2025-05-14T14:02:10Z', finishedAt: '2025-05-14T14:06:45Z',
 *   answers: { visit: { choices: ['good'] }, feelings: { choices: ['moved', 'sad'] }, seen: { skipped: true } },
 * };
 * validate(feedbackResponseSchema, response).ok; // true
 */
export const feedbackResponseSchema = z.strictObject({
  ...deviceRecord(FEEDBACK_RESPONSE_SCHEMA_VERSION),
  instrument: z.strictObject({ id: slug(), version: instrumentVersion() }),
  role: choice(RESPONSE_ROLES),
  answeredWithHelp: z.boolean(),
  startedAt: isoDateTime(),
  finishedAt: isoDateTime(),
  answers: z.record(slug(), answer),
});

/** A valid feedback response. */
export type FeedbackResponse = z.output<typeof feedbackResponseSchema>;
/** What a caller may pass before validation. */
export type FeedbackResponseInput = z.input<typeof feedbackResponseSchema>;
/** One question's answer: skipped, or the ids of the options chosen. */
export type FeedbackAnswer = FeedbackResponse['answers'][string];

/**
 * The ways a (schema-valid) response does not fit its instrument version, as issues in the shape
 * {@link validate} returns: an instrument id or version other than `instrument`'s
 * (`instrument_mismatch`, and nothing else is checked, since answers only mean something against
 * their own version), a role that does not answer it (`role_not_respondent`), an unknown question
 * (`unknown_question`), a question not asked of the role (`not_asked`), an unknown option
 * (`unknown_option`, at the choice), the same option twice (`duplicate_choice`), several choices
 * on a single question (`single_choice`), more than `maxChoices` (`too_many_choices`). An empty
 * list means it fits.
 *
 * @example
 * const result = validate(feedbackResponseSchema, body);
 * const issues = result.ok ? checkResponse(DEFAULT_INSTRUMENT, result.value, { lang: 'en' }) : result.issues;
 * // [{ path: 'answers.visit.choices.0', code: 'unknown_option', message: '…' }]
 */
export function checkResponse(
  instrument: FeedbackInstrument,
  response: Pick<FeedbackResponse, 'instrument' | 'role' | 'answers'>,
  options: { lang?: Lang } = {},
): Issue[] {
  const lang = options.lang ?? 'da';
  const issues: Issue[] = [];
  const report = (code: IssueCode, ...path: (string | number)[]) => {
    const dotted = path.join('.');
    issues.push({ path: dotted, code, message: issueMessage(dotted, code, lang) });
  };

  if (response.instrument.id !== instrument.id) report('instrument_mismatch', 'instrument', 'id');
  if (response.instrument.version !== instrument.version) {
    report('instrument_mismatch', 'instrument', 'version');
  }
  if (issues.length > 0) return issues;
  if (!isRespondent(instrument, response.role)) {
    report('role_not_respondent', 'role');
    return issues;
  }

  const asked = new Set(questionsFor(instrument, response.role).map((q) => q.id));
  for (const [questionId, given] of Object.entries(response.answers)) {
    const question = instrument.questions.find((q) => q.id === questionId);
    if (question === undefined) {
      report('unknown_question', 'answers', questionId);
      continue;
    }
    if (!asked.has(questionId)) {
      report('not_asked', 'answers', questionId);
      continue;
    }
    if (!('choices' in given)) continue;
    const optionIds = new Set(question.options.map((o) => o.id));
    const seen = new Set<string>();
    given.choices.forEach((choice, index) => {
      if (!optionIds.has(choice)) report('unknown_option', 'answers', questionId, 'choices', index);
      else if (seen.has(choice))
        report('duplicate_choice', 'answers', questionId, 'choices', index);
      seen.add(choice);
    });
    if (question.kind === 'single' && given.choices.length > 1) {
      report('single_choice', 'answers', questionId, 'choices');
    } else if (question.maxChoices !== undefined && given.choices.length > question.maxChoices) {
      report('too_many_choices', 'answers', questionId, 'choices');
    }
  }
  return issues;
}
