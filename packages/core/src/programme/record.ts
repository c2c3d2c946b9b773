import * as z from 'zod/mini';
import { phoneOrEmail } from '../schemas/contact.js';
import {
  choice,
  clientId,
  danishPhone,
  email,
  isoDateTime,
  requiredText,
} from '../schemas/fields.js';
import { auditEntrySchema } from '../schemas/answers/common.js';
import type { DeviceProgramme } from '../schemas/device-answers.js';
import { criterionSchema } from './programme.js';
import { FEEDBACK_CONSENT_PLACES, VISIT_FORMAT_KINDS, type ProgrammePublic } from './public.js';

export {
  FEEDBACK_CONSENT_PLACES,
  noticeVersionOf,
  VISIT_FORMAT_KINDS,
  type FeedbackConsentPlace,
  type ProgrammePublic,
  type VisitFormatKind,
} from './public.js';

/** The longest privacy notice, per language. */
const MAX_NOTICE_LENGTH = 4000;
/** The most screening criteria a programme asks. */
const MAX_CRITERIA = 20;
/** The most peers a programme names. */
export const MAX_PEERS = 20;

const localised = (max: number) => z.strictObject({ da: requiredText(max), en: requiredText(max) });

/** A programme's slug: lower-case letters, digits and single dashes, e.g. `syngende-besoeg`. */
export const programmeSlugSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'required' : 'invalid_type') })
  .check(
    z.minLength(1, { error: 'required' }),
    z.maxLength(60, { error: 'too_long' }),
    z.regex(/^$|^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'invalid_id' }),
  );

/**
 * What a coordinator writes for a version of a programme (every version holds all of it, so an
 * old version can always be read as it was):
 *
 * - `name`, and the `format` of the visit: its kind, about how many minutes, and a sentence or two
 *   describing it (the nomination form's first step says it).
 * - `controller`: the data controller's name, postal address and contact (an e-mail or phone).
 * - `notice`: the privacy notice, per language; paragraphs separated by a blank line.
 * - `nominatorContact`: whom a nominator can ask, a phone number, an e-mail or both.
 * - `callWithin`: the time frame promised on the receipt.
 * - `criteria`: the screening criteria (unique ids), with the wording per nominator.
 * - `feedbackInstrumentId`: which feedback instrument the tablet uses after the visit.
 * - `feedbackConsent`: where the host's yes to keeping the feedback is asked.
 * - `peers`: the musicians (by id) who have agreed to be called by another musician after a hard
 *   concert; the musician's debrief offers them beside the coordinator. Left out, none. Only their
 *   first names reach a tablet; whether each exists and is active is checked by the hub.
 */
export const programmeContentSchema = z.strictObject({
  name: localised(120),
  format: z.strictObject({
    kind: choice(VISIT_FORMAT_KINDS),
    minutes: z
      .number({ error: (issue) => (issue.input === undefined ? 'required' : 'invalid_type') })
      .check(
        z.int({ error: 'invalid' }),
        z.minimum(15, { error: 'invalid' }),
        z.maximum(240, { error: 'invalid' }),
      ),
    description: localised(600),
  }),
  controller: z.strictObject({
    name: requiredText(120),
    address: requiredText(200),
    contact: requiredText(120),
  }),
  notice: localised(MAX_NOTICE_LENGTH),
  nominatorContact: z
    .strictObject({ phone: z.optional(danishPhone()), email: z.optional(email()) })
    .check(phoneOrEmail()),
  callWithin: localised(200),
  criteria: z.array(criterionSchema).check(
    z.maxLength(MAX_CRITERIA, { error: 'too_many' }),
    z.refine((criteria) => new Set(criteria.map((c) => c.id)).size === criteria.length, {
      error: 'duplicate_choice',
    }),
  ),
  feedbackInstrumentId: requiredText(80),
  feedbackConsent: choice(FEEDBACK_CONSENT_PLACES),
  peers: z._default(
    z.array(clientId()).check(
      z.maxLength(MAX_PEERS, { error: 'too_many' }),
      z.refine((peers) => new Set(peers).size === peers.length, { error: 'duplicate_choice' }),
    ),
    () => [],
  ),
});
/** A valid version of a programme, as a coordinator wrote it. */
export type ProgrammeContent = z.output<typeof programmeContentSchema>;
/** What a coordinator may send as a programme version, before validation. */
export type ProgrammeContentInput = z.input<typeof programmeContentSchema>;

/** A new programme: its slug (never changed) and its first version. */
export const programmeInputSchema = z.extend(programmeContentSchema, { slug: programmeSlugSchema });
/** A valid new programme. */
export type ProgrammeInput = z.output<typeof programmeInputSchema>;

/** One version of a programme as the hub stores and returns it to coordinators. */
export const programmeVersionSchema = z.extend(programmeContentSchema, {
  slug: programmeSlugSchema,
  version: z.number().check(z.int(), z.minimum(1)),
  noticeVersion: requiredText(80),
  createdAt: isoDateTime(),
  createdBy: requiredText(200),
});
/** A programme version as coordinators read it. */
export type ProgrammeVersion = z.output<typeof programmeVersionSchema>;

/** The public part of a programme version, as the hub sends it ({@link ProgrammePublic}). */
export const programmePublicSchema = z.strictObject({
  slug: programmeSlugSchema,
  version: z.number().check(z.int(), z.minimum(1)),
  noticeVersion: requiredText(80),
  name: programmeContentSchema.shape.name,
  format: programmeContentSchema.shape.format,
  controller: programmeContentSchema.shape.controller,
  notice: programmeContentSchema.shape.notice,
  nominatorContact: programmeContentSchema.shape.nominatorContact,
  callWithin: programmeContentSchema.shape.callWithin,
  criteria: z.array(z.omit(criterionSchema, { whenNo: true })),
  feedbackConsent: programmeContentSchema.shape.feedbackConsent,
});

/** Every programme's newest version, as coordinators list them. */
export const programmeListSchema = z.strictObject({ items: z.array(programmeVersionSchema) });

/** A programme as a coordinator reads it: its newest version, every version, its history. */
export const programmeDetailSchema = z.strictObject({
  current: programmeVersionSchema,
  versions: z.array(
    z.strictObject({
      version: z.number().check(z.int(), z.minimum(1)),
      noticeVersion: requiredText(80),
      createdAt: isoDateTime(),
      createdBy: requiredText(200),
    }),
  ),
  history: z.array(auditEntrySchema),
});
/** A programme with its versions and history. */
export type ProgrammeDetail = z.output<typeof programmeDetailSchema>;

/**
 * The public part of a programme version ({@link ProgrammePublic}): what only a coordinator
 * reads (each criterion's `whenNo`, the feedback instrument, who wrote it) left out.
 *
 * @example
 * const answer = publicPartOf(version); // what GET /api/v1/programmes/{slug}/public sends
 */
export function publicPartOf(version: ProgrammeVersion): ProgrammePublic {
  return {
    slug: version.slug,
    version: version.version,
    noticeVersion: version.noticeVersion,
    name: version.name,
    format: version.format,
    controller: version.controller,
    notice: version.notice,
    nominatorContact: version.nominatorContact,
    callWithin: version.callWithin,
    criteria: version.criteria.map(({ whenNo: _whenNo, ...question }) => question),
    feedbackConsent: version.feedbackConsent,
  };
}

/**
 * What a tablet reads of a programme version ({@link DeviceProgramme}): the notice and its
 * version, the data controller, whom the pair can ask, and the feedback instrument named.
 *
 * @example
 * const day = { date, items, programmes: [devicePartOf(version)] }; // GET /api/v1/device/bookings
 */
export function devicePartOf(version: ProgrammeVersion): DeviceProgramme {
  return {
    slug: version.slug,
    version: version.version,
    noticeVersion: version.noticeVersion,
    name: version.name,
    notice: version.notice,
    controller: version.controller,
    contact: version.nominatorContact,
    feedbackInstrumentId: version.feedbackInstrumentId,
  };
}
