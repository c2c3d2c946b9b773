import {
  DEBRIEF_OUTCOMES,
  DEFAULT_INSTRUMENT,
  feedbackResponseSchema,
  questionsFor,
  type DebriefOutcome,
  type DebriefView,
  type FeedbackAnswerView,
  type FeedbackInstrument,
  type FeedbackResponse,
  type FeedbackResponseView,
  type Lang,
} from '@stue/core';

/** One question of a response as a coordinator reads it (core's answer type). */
export type ReadableAnswer = FeedbackAnswerView;

/** One respondent's opened feedback (core's answer type). */
export type ReadableResponse = FeedbackResponseView;

const INSTRUMENTS: readonly FeedbackInstrument[] = [DEFAULT_INSTRUMENT];

/**
 * A response rendered against the instrument version it was given under: every question asked
 * of the respondent's role, in order, with the option words in `lang`. A response to an
 * instrument this hub does not know is shown by its ids, so nothing is hidden.
 */
export function readableResponse(
  record: { id: string; receivedAt: string },
  opened: unknown,
  lang: Lang,
): ReadableResponse {
  const parsed = feedbackResponseSchema.safeParse(opened);
  if (!parsed.success) return { ...record, readable: false };
  const response: FeedbackResponse = parsed.data;
  const instrument = INSTRUMENTS.find(
    (i) => i.id === response.instrument.id && i.version === response.instrument.version,
  );
  const base = {
    ...record,
    readable: true,
    role: response.role,
    answeredWithHelp: response.answeredWithHelp,
    instrument: { ...response.instrument, title: instrument?.title[lang] ?? null },
  };
  if (!instrument) {
    return {
      ...base,
      answers: Object.entries(response.answers).map(([questionId, given]) => ({
        questionId,
        question: questionId,
        state: 'choices' in given ? 'answered' : 'skipped',
        choices:
          'choices' in given ? given.choices.map((id) => ({ id, label: id, pictogram: null })) : [],
      })),
    };
  }
  const asked = questionsFor(instrument, response.role);
  // A question answered but not asked of the role cannot pass the hub's check on receipt; it is
  // still shown rather than dropped, should an older hub have let it in.
  const extra = Object.keys(response.answers)
    .filter((id) => !asked.some((q) => q.id === id))
    .flatMap((id) => instrument.questions.filter((q) => q.id === id));
  return {
    ...base,
    answers: [...asked, ...extra].map((question) => {
      const given = response.answers[question.id];
      const choices =
        given && 'choices' in given
          ? given.choices.map((id) => {
              const option = question.options.find((o) => o.id === id);
              return {
                id,
                label: option?.label[lang] ?? id,
                pictogram: option?.pictogram ?? null,
              };
            })
          : [];
      return {
        questionId: question.id,
        question: question.prompt[lang],
        state: given === undefined ? 'not-reached' : 'choices' in given ? 'answered' : 'skipped',
        choices,
      };
    }),
  };
}

/** A musician's debrief as a coordinator reads it, whichever version it is (core's answer type). */
export type ReadableDebrief = Omit<DebriefView, 'call'>;

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

/**
 * Reads a stored debrief defensively: it was valid when received, under whichever debrief
 * version the tablet wrote, so each field is taken when it has the expected type and left null
 * otherwise.
 */
export function readableDebrief(
  record: { id: string; receivedAt: string },
  body: unknown,
): ReadableDebrief {
  const value = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const outcome = value.howItWent;
  return {
    ...record,
    howItWent: DEBRIEF_OUTCOMES.includes(outcome as DebriefOutcome)
      ? (outcome as DebriefOutcome)
      : null,
    wasAnythingHard: typeof value.wasAnythingHard === 'boolean' ? value.wasAnythingHard : null,
    anythingHard: text(value.anythingHard),
    wouldLikeACall: value.wouldLikeACall === true,
    note: text(value.note),
  };
}
