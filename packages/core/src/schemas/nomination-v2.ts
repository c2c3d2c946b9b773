import * as z from 'zod/mini';
import { MUNICIPALITY_CODES } from '../geo/municipalities.js';
import { NOMINATION_STATUSES } from '../lifecycle/nomination.js';
import { TEXT_LIMITS } from '../limits.js';
import { DEFAULT_PROGRAMME_ID, screeningAnswerSchema } from '../programme/programme.js';
import { phoneOrEmail } from './contact.js';
import {
  choice,
  choices,
  danishPhone,
  email,
  freeText,
  isoDate,
  isoDateTime,
  opaqueId,
  postcode,
  requiredText,
  slug,
  wholeNumber,
} from './fields.js';
import { NOMINATOR_ROLES } from './nomination.js';
import { versionedRecord } from './record.js';
import {
  CONSENT_VIA,
  MAX_EXTRA_GUESTS,
  MAX_SCREENING_ANSWERS,
  MUSIC_GENRES,
  TIMES_OF_DAY,
  VISIT_LANGUAGES,
  WEEKDAYS,
} from './vocabulary.js';

/** The version of the nomination payload this SDK writes: the full record. */
export const NOMINATION_V2_SCHEMA_VERSION = 2;

export { CONSENT_VIA, MAX_EXTRA_GUESTS, type ConsentVia } from './vocabulary.js';

function nominator() {
  return z
    .strictObject({
      role: choice(NOMINATOR_ROLES),
      name: requiredText(),
      organisation: z.optional(requiredText(120)),
      phone: z.optional(danishPhone()),
      email: z.optional(email()),
    })
    .check(phoneOrEmail());
}

/**
 * A record of the host's yes to the visit: who agreed (always the host: nobody agrees on their
 * behalf), through whom the yes came, when, and which version of the privacy notice was shown. A
 * nomination without one is refused (`consent_required`): it is what allows Stue to hold the pair's
 * details at all.
 *
 * @example
 * const consent = {
 *   agreedBy: 'host', via: 'visiting-friend', at: new Date().toISOString(), noticeVersion: '2025-01',
 * };
 */
export const consentSchema = z.strictObject(
  {
    agreedBy: z.literal('host', { error: 'invalid_choice' }),
    via: choice(CONSENT_VIA),
    at: isoDateTime(),
    noticeVersion: requiredText(TEXT_LIMITS.noticeVersion),
  },
  // Missing, or the v1 `true`: ask for the statement itself. Other issues keep their own codes.
  { error: (issue) => (issue.code === 'invalid_type' ? 'consent_required' : undefined) },
);
/** A valid consent record. */
export type Consent = z.output<typeof consentSchema>;

/**
 * How far a consent's time may lie ahead of the clock of the hub that receives it: a few minutes
 * for the clock of the device that took it down. Beyond that the consent is dated in the future
 * — a consent not yet given — and the hub refuses it (`consent_in_future`). Only consents are
 * held to the hub's clock: a tablet's records never are (RELIABILITY.md F10).
 */
export const CONSENT_CLOCK_SKEW_MS = 5 * 60_000;

/**
 * Whether a consent dated `at` (ISO 8601 with offset) lies more than
 * {@link CONSENT_CLOCK_SKEW_MS} after `now`. A schema cannot know "now"; the hub asks this of
 * every consent it receives, with its own clock.
 *
 * @example
 * isConsentInFuture('2026-11-26T10:04:00Z', new Date('2026-11-26T10:00:00Z')); // false
 * isConsentInFuture('2026-11-26T11:00:00Z', new Date('2026-11-26T10:00:00Z')); // true
 */
export function isConsentInFuture(at: string, now: Date): boolean {
  return Date.parse(at) > now.getTime() + CONSENT_CLOCK_SKEW_MS;
}

/**
 * Practical matters a musician should know before ringing the bell. Each is `true` when it applies
 * and defaults to `false` (not mentioned). They are deliberately plain facts about the visit, not
 * health information: no diagnoses and no free-text notes.
 *
 * - `hearing`: the host hears poorly (the musician plays and speaks with that in mind);
 * - `sight`: the host sees poorly;
 * - `stairs`: there are stairs to the home and no lift (instruments are carried);
 * - `wheelchair`: the host uses a wheelchair;
 * - `pets`: there are animals in the home (allergies);
 * - `smokeFree`: the pair asks that nobody smokes during the visit.
 */
export const accessSchema = z.strictObject({
  hearing: z._default(z.boolean(), false),
  sight: z._default(z.boolean(), false),
  stairs: z._default(z.boolean(), false),
  wheelchair: z._default(z.boolean(), false),
  pets: z._default(z.boolean(), false),
  smokeFree: z._default(z.boolean(), false),
});
/** Valid access needs, every key present. */
export type AccessNeeds = z.output<typeof accessSchema>;

/**
 * What suits the pair. Empty lists mean any day and any time; `earliestDate` is the first day a
 * visit can be on; `musicWishes` is what they would love to hear, in their own words (at most 500
 * characters), and `genres` the same as choices a scheduler can match with musicians;
 * `extraGuests` is how many more people they would like to invite (0–6, default 0).
 */
export const preferencesSchema = z.strictObject({
  weekdays: z._default(choices(WEEKDAYS), () => []),
  timesOfDay: z._default(choices(TIMES_OF_DAY), () => []),
  earliestDate: z.optional(isoDate()),
  musicWishes: z.optional(freeText(500)),
  genres: z._default(choices(MUSIC_GENRES), () => []),
  extraGuests: z._default(wholeNumber(0, MAX_EXTRA_GUESTS), 0),
});
/** Valid preferences, every key but the optional ones present. */
export type Preferences = z.output<typeof preferencesSchema>;

/**
 * The screening answers, by the programme's criterion id (a slug). Every answer is optional and
 * none blocks a nomination: eligibility turns them into advice for a coordinator. Whether the ids
 * belong to the programme is checked where the programme is known (eligibility, the hub).
 */
export const screeningSchema = z.record(slug(), screeningAnswerSchema).check(
  z.refine((answers) => Object.keys(answers).length <= MAX_SCREENING_ANSWERS, {
    error: 'too_many',
  }),
);

/**
 * A nomination of a host and their visiting friend for a home concert, version 2: the full record
 * a partner site or the widget sends. Strict: unknown keys are refused, so a client cannot set
 * what the hub decides (partner, status, reference, times; see {@link storedNominationSchema}).
 *
 * - `programmeId`: the programme nominated for; left out, it is the default programme
 *   (`musikalske-besoegsvenner`), which is what every partner site nominates for today.
 * - `host.municipalityCode`: one of the 98 official codes ({@link MUNICIPALITY_CODES}); a form
 *   offers the names and sends the code.
 * - `host.postcode`: optional. The widget asks for it, but it never stands between a pair and a
 *   visit: nominations upgraded from version 1 have none, and a coordinator asks on the call.
 * - `host.language`: the language the visit is held in, from {@link VISIT_LANGUAGES}; default
 *   Danish.
 * - `screening`, `preferences`, `access` may be left out; they then hold no answers, no
 *   preferences and no needs.
 * - `consent` is required: the host's yes to the visit, with the notice version shown. It is
 *   recorded as consent to hold the pair's details and contact them (`nomination-contact`) only.
 * - `feedbackConsent` is the host's own yes to keeping the answers given after the visit
 *   (`feedback`), when the form asked it as its own choice; left out, nobody was asked, and the
 *   tablet asks before the first question.
 *
 * Every text refuses CPR numbers (`cpr_not_allowed`). Older payloads are read with
 * `readNomination`, which upgrades version 1.
 *
 * @example
 * const result = validate(nominationV2Schema, {
 *   schemaVersion: 2,
 *   id: newId(),
 *   nominator: { role: 'local-expert', name: 'Hanne Holm', email: 'hanne@example.dk' },
 *   host: { firstName: 'Inger', municipalityCode: '751', postcode: '8000' },
 *   visitingFriend: { firstName: 'Bent', phone: '20 30 40 50' },
 *   consent: { agreedBy: 'host', via: 'visiting-friend', at: '2025-03-01T10:00:00Z', noticeVersion: '2025-01' },
 * });
 */
export const nominationV2Schema = z.strictObject({
  ...versionedRecord(NOMINATION_V2_SCHEMA_VERSION),
  programmeId: z._default(slug(), DEFAULT_PROGRAMME_ID),
  nominator: nominator(),
  host: z.strictObject({
    firstName: requiredText(),
    municipalityCode: choice(MUNICIPALITY_CODES),
    postcode: z.optional(postcode()),
    language: z._default(choice(VISIT_LANGUAGES), 'da'),
  }),
  visitingFriend: z.strictObject({
    firstName: requiredText(),
    phone: danishPhone(),
  }),
  screening: z._default(screeningSchema, () => ({})),
  preferences: z.prefault(preferencesSchema, () => ({})),
  access: z.prefault(accessSchema, () => ({})),
  consent: consentSchema,
  feedbackConsent: z.optional(consentSchema),
});

/** A valid, normalised version 2 nomination, with every default filled in. */
export type NominationV2 = z.output<typeof nominationV2Schema>;
/** What a caller may send as a version 2 nomination, before validation and normalisation. */
export type NominationV2Input = z.input<typeof nominationV2Schema>;

/**
 * A nomination as the hub stores and returns it: the version 2 payload plus what only the hub
 * sets: the partner it came from, the reference people quote, the status, and when it was
 * received and last changed.
 */
export const storedNominationSchema = z.extend(nominationV2Schema, {
  partnerId: opaqueId(),
  reference: z.string().check(z.regex(/^STUE-[0-9A-Z]{4}-[0-9A-Z]{4}$/, { error: 'invalid_id' })),
  status: choice(NOMINATION_STATUSES),
  receivedAt: isoDateTime(),
  updatedAt: isoDateTime(),
});
/** A nomination as stored by the hub. */
export type StoredNomination = z.output<typeof storedNominationSchema>;
