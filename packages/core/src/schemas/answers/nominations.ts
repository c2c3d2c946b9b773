// The hub's answers to coordinators about nominations: the inbox, one nomination, a screening
// move, a note.
import * as z from 'zod/mini';
import { NOMINATION_STATUSES } from '../../lifecycle/nomination.js';
import { nominationV2Schema } from '../nomination-v2.js';
import { allowedActionSchema, auditEntrySchema, namedSchema, pageSchema } from './common.js';

/** A coordinator's note about a nomination, with who wrote it and when. */
export const nominationNoteViewSchema = z.object({
  id: z.string(),
  nominationId: z.string(),
  text: z.string(),
  createdAt: z.string(),
  author: namedSchema,
});
/** A coordinator's note about a nomination. */
export type NominationNote = z.output<typeof nominationNoteViewSchema>;

const nominationFields = {
  id: z.string(),
  reference: z.string(),
  status: z.enum(NOMINATION_STATUSES),
  partner: namedSchema,
  receivedAt: z.string(),
};

/** A nomination as coordinators see it in a list: the stored, valid version 2 record. */
export const nominationItemSchema = z.object({
  ...nominationFields,
  nomination: nominationV2Schema,
  /** The audit trail, when the hub sends it (a single-nomination read). */
  history: z.optional(z.array(auditEntrySchema)),
  /** Coordinators' notes, oldest first, when the hub sends them (a single-nomination read). */
  notes: z.optional(z.array(nominationNoteViewSchema)),
});
/** A nomination as coordinators see it. */
export type NominationItem = z.output<typeof nominationItemSchema>;

/** A page of nominations, longest waiting first (`GET /api/v1/nominations`). */
export const nominationItemPageSchema = pageSchema(nominationItemSchema);

/**
 * A nomination as `GET /api/v1/nominations/{id}` answers it: without its record
 * (`nomination: null`) once the host has withdrawn consent — its reference, status, history and
 * consents stay, to act on the withdrawal, and nothing about the pair.
 */
export const nominationDetailSchema = z.object({
  ...nominationFields,
  updatedAt: z.string(),
  nomination: z.nullable(nominationV2Schema),
  history: z.array(auditEntrySchema),
  notes: z.array(nominationNoteViewSchema),
  allowedActions: z.array(allowedActionSchema),
  /** When the host withdrew consent to be contacted; `null` while it holds. */
  consentWithdrawnAt: z.optional(z.nullable(z.string())),
});
/** A nomination as a single read answers it. */
export type NominationDetail = z.output<typeof nominationDetailSchema>;

/** What the hub answers to a screening move. */
export const nominationMovedSchema = z.object({
  id: z.string(),
  reference: z.string(),
  status: z.enum(NOMINATION_STATUSES),
  allowedActions: z.array(allowedActionSchema),
});
/** What the hub answers to a screening move. */
export type NominationMoved = z.output<typeof nominationMovedSchema>;

/**
 * A nomination as a page holds it: the inbox's item, or the single read that replaces it — the
 * detail's own fields may be missing, and the record is `null` once consent is withdrawn.
 */
export type NominationView = Omit<NominationItem, 'nomination'> &
  Partial<Pick<NominationDetail, 'updatedAt' | 'allowedActions' | 'consentWithdrawnAt'>> & {
    nomination: NominationDetail['nomination'];
  };
