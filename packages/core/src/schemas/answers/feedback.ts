// The hub's answers to coordinators about what the tablets sent: opened feedback, debriefs, and
// the calls musicians asked for.
import * as z from 'zod/mini';
import { hostShownSchema, pageSchema } from './common.js';

const HOW_IT_WENT = ['good', 'mixed', 'hard'] as const;
const CALL_STATES = ['open', 'done'] as const;

/** One question of an opened feedback response, rendered in the reader's language. */
export const feedbackAnswerViewSchema = z.object({
  questionId: z.string(),
  question: z.string(),
  state: z.enum(['answered', 'skipped', 'not-reached']),
  choices: z.array(
    z.object({ id: z.string(), label: z.string(), pictogram: z.nullable(z.string()) }),
  ),
});
/** One question of an opened feedback response. */
export type FeedbackAnswerView = z.output<typeof feedbackAnswerViewSchema>;

/** One respondent's opened feedback response; `readable` is false when the hub could not open it. */
export const feedbackResponseViewSchema = z.object({
  id: z.string(),
  receivedAt: z.string(),
  readable: z.boolean(),
  role: z.optional(z.enum(['host', 'visiting-friend', 'guest', 'together'])),
  answeredWithHelp: z.optional(z.boolean()),
  instrument: z.optional(
    z.object({ id: z.string(), version: z.number(), title: z.nullable(z.string()) }),
  ),
  answers: z.optional(z.array(feedbackAnswerViewSchema)),
});
/** One respondent's opened feedback response. */
export type FeedbackResponseView = z.output<typeof feedbackResponseViewSchema>;

/** A made call: when, by whom, and the note from it. */
export const callDoneSchema = z.object({
  at: z.string(),
  by: z.object({ id: z.string(), name: z.nullable(z.string()) }),
  note: z.nullable(z.string()),
});
/** A made call. */
export type CallDone = z.output<typeof callDoneSchema>;

/** A musician's debrief, read whichever version the tablet wrote, with its call task if any. */
export const debriefViewSchema = z.object({
  id: z.string(),
  receivedAt: z.string(),
  howItWent: z.nullable(z.enum(HOW_IT_WENT)),
  wasAnythingHard: z.nullable(z.boolean()),
  anythingHard: z.nullable(z.string()),
  wouldLikeACall: z.boolean(),
  note: z.nullable(z.string()),
  call: z.nullable(z.object({ state: z.enum(CALL_STATES), done: z.nullable(callDoneSchema) })),
});
/** A musician's debrief. */
export type DebriefView = z.output<typeof debriefViewSchema>;

/** Everything the tablet sent about a concert (`GET /api/v1/bookings/{id}/feedback`). */
export const bookingFeedbackSchema = z.object({
  bookingId: z.string(),
  responses: z.array(feedbackResponseViewSchema),
  debriefs: z.array(debriefViewSchema),
});
/** Everything the tablet sent about a concert. */
export type BookingFeedback = z.output<typeof bookingFeedbackSchema>;

/** Whether a musician's requested call is still to be made. */
export type CallState = (typeof CALL_STATES)[number];

/** Whom a call task is for: the coordinator, or a peer the musician chose. */
export const CALL_TASK_FOR = ['coordinator', 'peer'] as const;
/** Whom a call task is for. */
export type CallTaskFor = (typeof CALL_TASK_FOR)[number];

/**
 * A musician who asked for a call in a debrief. `id` is the debrief's. `peer` is the peer the
 * musician would like to talk to (`null`: the coordinator); a coordinator passes the task on to
 * them. The phone numbers are for the coordinator, who reads this alone.
 */
export const callTaskSchema = z.object({
  id: z.string(),
  state: z.enum(CALL_STATES),
  musician: z.object({ id: z.string(), name: z.string(), phone: z.string() }),
  peer: z.nullable(z.object({ id: z.string(), name: z.string(), phone: z.string() })),
  /** The concert the debrief is about; `null` when the hub has no such booking. */
  booking: z.nullable(
    z.object({
      id: z.string(),
      date: z.string(),
      /** Danish local start, `YYYY-MM-DDTHH:MM`. */
      start: z.string(),
      host: hostShownSchema,
    }),
  ),
  receivedAt: z.string(),
  howItWent: z.nullable(z.enum(HOW_IT_WENT)),
  done: z.nullable(callDoneSchema),
});
/** A musician who asked for a call in a debrief. */
export type CallTask = z.output<typeof callTaskSchema>;

/** A page of call tasks: open ones longest waiting first, done ones most recent first. */
export const callTaskPageSchema = pageSchema(callTaskSchema);
