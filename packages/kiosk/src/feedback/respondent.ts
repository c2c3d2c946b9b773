import {
  FEEDBACK_RESPONSE_SCHEMA_VERSION,
  questionsFor,
  type FeedbackAnswer,
  type FeedbackInstrument,
  type FeedbackQuestion,
  type FeedbackResponseInput,
  type Lang,
  type ResponseRole,
} from '@stue/core';

/** The step before the first question: "on your own, or with help?". */
export const HELP_STEP = -1;

/**
 * One respondent's answers in progress, saved to the drafts store on every tap (under
 * `responseId`), so a reload or a crash resumes exactly here. It is deleted in the same
 * transaction that queues the sealed response.
 */
export interface RespondentDraft {
  v: 1;
  /** The response's client id, made when the respondent starts; also the draft's key. */
  responseId: string;
  bookingId: string;
  role: ResponseRole;
  instrument: { id: string; version: number };
  lang: Lang;
  /** `null` until the help question is answered (or skipped). */
  answeredWithHelp: boolean | null;
  /** By question id: only questions the respondent reached. */
  answers: Record<string, FeedbackAnswer>;
  /** {@link HELP_STEP}, or the index of the question on screen. */
  step: number;
  startedAt: string;
}

/**
 * A fresh draft for `role` at the help step.
 *
 * @example
 * const draft = startRespondent(DEFAULT_INSTRUMENT, { responseId: newId(), bookingId, role: 'host', lang: 'da' });
 */
export function startRespondent(
  instrument: FeedbackInstrument,
  start: { responseId: string; bookingId: string; role: ResponseRole; lang: Lang; now?: Date },
): RespondentDraft {
  return {
    v: 1,
    responseId: start.responseId,
    bookingId: start.bookingId,
    role: start.role,
    instrument: { id: instrument.id, version: instrument.version },
    lang: start.lang,
    answeredWithHelp: null,
    answers: {},
    step: HELP_STEP,
    startedAt: (start.now ?? new Date()).toISOString(),
  };
}

/** The questions this draft's respondent is asked, in order. */
export function questionsOf(
  instrument: FeedbackInstrument,
  draft: RespondentDraft,
): FeedbackQuestion[] {
  return questionsFor(instrument, draft.role);
}

/** The draft after the help question: on to the first question. */
export function withHelp(draft: RespondentDraft, withHelp: boolean | null): RespondentDraft {
  return { ...draft, answeredWithHelp: withHelp, step: 0 };
}

/** The choices made so far on `questionId`. */
export function choicesOf(draft: RespondentDraft, questionId: string): string[] {
  const answer = draft.answers[questionId];
  return answer && 'choices' in answer ? answer.choices : [];
}

/** A single-choice answer: chosen, and on to the next step. */
export function chooseOne(
  draft: RespondentDraft,
  questionId: string,
  optionId: string,
): RespondentDraft {
  return {
    ...draft,
    answers: { ...draft.answers, [questionId]: { choices: [optionId] } },
    step: draft.step + 1,
  };
}

/**
 * A multi-choice tap: adds or removes `optionId`, staying on the question. Taking away the last
 * choice removes the answer (nothing chosen is not an answer until the respondent moves on).
 */
export function toggleChoice(
  draft: RespondentDraft,
  questionId: string,
  optionId: string,
): RespondentDraft {
  const current = choicesOf(draft, questionId);
  const choices = current.includes(optionId)
    ? current.filter((id) => id !== optionId)
    : [...current, optionId];
  const answers = { ...draft.answers };
  if (choices.length === 0) delete answers[questionId];
  else answers[questionId] = { choices };
  return { ...draft, answers };
}

/** Moving on from a question: what was chosen stays; nothing chosen counts as skipped. */
export function moveOn(draft: RespondentDraft, questionId: string): RespondentDraft {
  const answers = { ...draft.answers };
  if (choicesOf(draft, questionId).length === 0) answers[questionId] = { skipped: true };
  return { ...draft, answers, step: draft.step + 1 };
}

/** Skipping a question: any choice on it is dropped. */
export function skip(draft: RespondentDraft, questionId: string): RespondentDraft {
  return {
    ...draft,
    answers: { ...draft.answers, [questionId]: { skipped: true } },
    step: draft.step + 1,
  };
}

/** One step back; answers stay as they were. */
export function stepBack(draft: RespondentDraft): RespondentDraft {
  return { ...draft, step: Math.max(HELP_STEP, draft.step - 1) };
}

/**
 * The response to seal: the draft's answers with the device's id and sequence number. Skipping
 * the help question records `answeredWithHelp: false` (the schema has no "not said").
 *
 * @example
 * const response = buildResponse(draft, { deviceId, deviceSeq: 7 });
 */
export function buildResponse(
  draft: RespondentDraft,
  device: { deviceId: string; deviceSeq: number; finishedAt?: Date },
): FeedbackResponseInput {
  return {
    schemaVersion: FEEDBACK_RESPONSE_SCHEMA_VERSION,
    id: draft.responseId,
    bookingId: draft.bookingId,
    deviceId: device.deviceId,
    deviceSeq: device.deviceSeq,
    instrument: { ...draft.instrument },
    role: draft.role,
    answeredWithHelp: draft.answeredWithHelp === true,
    startedAt: draft.startedAt,
    finishedAt: (device.finishedAt ?? new Date()).toISOString(),
    answers: structuredClone(draft.answers),
  };
}
