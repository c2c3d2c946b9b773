// Who answers feedback and which questions they are asked: plain values and functions with no
// schema behind them, so that an app can draw its first screen with them before it loads
// validation (zod and the schemas).
import type { FeedbackInstrument, FeedbackQuestion } from './instrument.js';

/** The roles of the people a feedback instrument is given to. */
export const RESPONDENT_ROLES = ['host', 'visiting-friend', 'guest'] as const;
export type RespondentRole = (typeof RESPONDENT_ROLES)[number];

/**
 * Who gave a response: one of the {@link RESPONDENT_ROLES}, or `together` when the host and the
 * visiting friend answered as a pair.
 */
export const RESPONSE_ROLES = [...RESPONDENT_ROLES, 'together'] as const;
export type ResponseRole = (typeof RESPONSE_ROLES)[number];

/** The part of an instrument that says who answers it. */
type Respondents = Pick<FeedbackInstrument, 'respondentRoles'>;

/**
 * Whether `role` may answer `instrument`. A pair answering `together` may when the instrument is
 * for both the host and the visiting friend.
 *
 * @example
 * isRespondent(DEFAULT_INSTRUMENT, 'together'); // true
 */
export function isRespondent(instrument: Respondents, role: ResponseRole): boolean {
  const roles: readonly RespondentRole[] = instrument.respondentRoles;
  return role === 'together'
    ? roles.includes('host') && roles.includes('visiting-friend')
    : roles.includes(role);
}

/**
 * The questions a kiosk asks `role`, in order: those without `roles` (asked of everyone) and those
 * that name the role. Empty when the role does not answer this instrument.
 *
 * @example
 * for (const question of questionsFor(DEFAULT_INSTRUMENT, 'host')) showScreen(question);
 */
export function questionsFor(
  instrument: FeedbackInstrument,
  role: ResponseRole,
): FeedbackQuestion[] {
  if (!isRespondent(instrument, role)) return [];
  return instrument.questions.filter((q) => q.roles === undefined || q.roles.includes(role));
}
