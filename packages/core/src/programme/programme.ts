import * as z from 'zod/mini';
import { requiredText } from '../schemas/fields.js';
import { LANGS } from '../validation/catalogue/types.js';
import {
  CRITERION_KINDS,
  DEFAULT_PROGRAMME_ID,
  DEFAULT_SCREENING_QUESTIONS,
  DEFAULT_SCREENING_WORDING,
  SCREENING_ANSWERS,
} from './screening-questions.js';

export {
  CRITERION_KINDS,
  DEFAULT_PROGRAMME_ID,
  DEFAULT_SCREENING_QUESTIONS,
  DEFAULT_SCREENING_WORDING,
  SCREENING_ANSWERS,
  screeningWording,
  type CriterionKind,
  type ScreeningAnswer,
  type ScreeningQuestion,
  type ScreeningWording,
} from './screening-questions.js';

/** One screening answer. */
export const screeningAnswerSchema = z.enum(SCREENING_ANSWERS, {
  error: (issue) => (issue.input === undefined ? 'required' : 'invalid_choice'),
});

/** The version of the programme record this SDK reads and writes. */
export const PROGRAMME_SCHEMA_VERSION = 1;

/** The longest screening question or help text, so it still fits a phone screen. */
const MAX_QUESTION_LENGTH = 300;

/** A lower-case slug: letters, digits and single dashes, e.g. `musikalske-besoegsvenner`. */
function slug() {
  return z
    .string()
    .check(
      z.minLength(1, { error: 'required' }),
      z.maxLength(60, { error: 'too_long' }),
      z.regex(/^$|^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'invalid_id' }),
    );
}

/** A text in both languages every person-facing text exists in. */
function localised(max: number) {
  return z.strictObject({ da: requiredText(max), en: requiredText(max) });
}

/** A question and its optional help line, for one kind of nominator (`screeningWording`). */
function wording() {
  return z.strictObject({
    question: localised(MAX_QUESTION_LENGTH),
    help: z.optional(localised(MAX_QUESTION_LENGTH)),
  });
}

/** A text a person reads, in Danish and English. */
export interface LocalisedText {
  da: string;
  en: string;
}

/**
 * One screening criterion, asked of the visiting friend about the person they visit.
 *
 * - `question`: plain words a volunteer can answer with yes, no or not sure.
 * - `help`: an optional line under the question that makes it easier to answer.
 * - `thirdPerson`, `host`: the question (and help) for staff and relatives ("the host"), and for
 *   the host themself ("du"); without them every nominator reads the visiting friend's wording.
 * - `whenNo`: optional text a coordinator reads when the answer is "no"; without it, eligibility
 *   writes a general sentence from the question.
 */
export const criterionSchema = z.strictObject({
  id: slug(),
  question: localised(MAX_QUESTION_LENGTH),
  help: z.optional(localised(MAX_QUESTION_LENGTH)),
  thirdPerson: z.optional(wording()),
  host: z.optional(wording()),
  whenNo: z.optional(localised(MAX_QUESTION_LENGTH)),
  kind: z.enum(CRITERION_KINDS, {
    error: (issue) => (issue.input === undefined ? 'required' : 'invalid_choice'),
  }),
});

/** A valid screening criterion. */
export type Criterion = z.output<typeof criterionSchema>;

/**
 * The concert format a programme offers. Only home concerts exist today; `kind` leaves room for
 * others (a day centre, a venue) without changing the record's shape.
 *
 * - `hostAndVisitingFriend`: the concert is for the host together with their visiting friend.
 * - `guestsAllowed`: whether the pair may invite a few more people when they ask.
 * - `concertMinutes`: how long the musician plays, so the booking call can say what to expect.
 */
export const formatSchema = z.strictObject({
  kind: z.literal('home-concert', { error: 'invalid_choice' }),
  hostAndVisitingFriend: z.literal(true, { error: 'invalid_choice' }),
  guestsAllowed: z.boolean({ error: 'invalid_type' }),
  concertMinutes: z
    .number({ error: 'invalid_type' })
    .check(
      z.int({ error: 'invalid' }),
      z.minimum(15, { error: 'invalid' }),
      z.maximum(180, { error: 'invalid' }),
    ),
});

/** A valid concert format. */
export type ProgrammeFormat = z.output<typeof formatSchema>;

/**
 * A programme: what it is called, the concert format it offers, the screening criteria a
 * nomination is held against, the feedback instrument used after each concert, and the languages
 * it works in. A programme is configuration: a new one needs a record, not code.
 *
 * Criterion ids are unique within a programme, and so are its languages.
 *
 * @example
 * const result = validate(programmeSchema, DEFAULT_PROGRAMME);
 * result.ok; // true
 */
export const programmeSchema = z.strictObject({
  schemaVersion: z.literal(PROGRAMME_SCHEMA_VERSION, { error: 'unsupported_version' }),
  id: slug(),
  name: localised(120),
  format: formatSchema,
  eligibility: z.strictObject({
    criteria: z.array(criterionSchema).check(
      z.refine((criteria) => new Set(criteria.map((c) => c.id)).size === criteria.length, {
        error: 'invalid',
      }),
    ),
  }),
  feedbackInstrumentId: requiredText(80),
  languages: z.array(z.enum(LANGS, { error: 'invalid_choice' })).check(
    z.minLength(1, { error: 'required' }),
    z.refine((langs) => new Set(langs).size === langs.length, { error: 'invalid' }),
  ),
});

/** A valid programme. */
export type Programme = z.output<typeof programmeSchema>;

// What a coordinator reads when a criterion of the default programme is answered no.
const WHEN_NO: Record<string, LocalisedText> = {
  'own-home': {
    da: 'Værten bor ikke i eget hjem – koncertformatet er lavet til besøg i hjemmet. Tal med besøgsvennen om andre tilbud.',
    en: 'The host does not live in their own home – the concert format is made for visits at home. Talk with the visiting friend about other offers.',
  },
  'little-access-to-concerts': {
    da: 'Værten kan godt komme ud til koncerter. Tal med besøgsvennen om, hvad en koncert derhjemme kan give.',
    en: 'The host can get out to concerts. Talk with the visiting friend about what a concert at home could give.',
  },
  'risk-of-loneliness': {
    da: 'Værten er ikke meget alene. Det er godt – tal med besøgsvennen om, hvad en koncert kan give.',
    en: 'The host is not alone much. That is good – talk with the visiting friend about what a concert could give.',
  },
  'enjoys-music': {
    da: 'Værten kan ikke lytte til eller reagere på musik lige nu – koncerten bygger på, at man kan være med i musikken. Tal med besøgsvennen om andre tilbud.',
    en: 'The host cannot listen or respond to music just now – the concert relies on taking part in the music. Talk with the visiting friend about other offers.',
  },
  'takes-part-in-conversation': {
    da: 'Værten kan ikke være med i en samtale lige nu – koncerten er også en snak mellem sangene. Tal med besøgsvennen om andre tilbud.',
    en: 'The host cannot take part in a conversation just now – the concert is also a talk between the songs. Talk with the visiting friend about other offers.',
  },
  'said-yes': {
    da: 'Værten har ikke sagt ja til en koncert. Vi kommer kun, når værten selv vil – tal med besøgsvennen, før der sker mere.',
    en: 'The host has not said yes to a concert. We only come when the host wants to – talk with the visiting friend before anything else happens.',
  },
};

/**
 * Musikalske Besøgsvenner: a musician plays in the living room of someone who rarely gets to
 * concerts, together with their visiting friend. The questions are written for a volunteer who
 * answers them about the person they visit, so they speak of "the person you visit".
 *
 * Living at home, enjoying music, taking part in a conversation and having said yes are what the
 * format is built on (`required`); few concerts and loneliness are why the programme exists and
 * help a coordinator prioritise (`supporting`).
 *
 * @example
 * DEFAULT_PROGRAMME.eligibility.criteria.map((c) => c.id);
 * // ['own-home', 'little-access-to-concerts', 'risk-of-loneliness', 'enjoys-music',
 * //  'takes-part-in-conversation', 'said-yes']
 */
export const DEFAULT_PROGRAMME: Programme = {
  schemaVersion: PROGRAMME_SCHEMA_VERSION,
  id: DEFAULT_PROGRAMME_ID,
  name: { da: 'Musikalske Besøgsvenner', en: 'Musical Visiting Friends' },
  format: {
    kind: 'home-concert',
    hostAndVisitingFriend: true,
    guestsAllowed: true,
    concertMinutes: 60,
  },
  eligibility: {
    criteria: /* @__PURE__ */ DEFAULT_SCREENING_QUESTIONS.map((question) => ({
      ...question,
      ...DEFAULT_SCREENING_WORDING[question.id],
      whenNo: WHEN_NO[question.id],
    })),
  },
  feedbackInstrumentId: 'stue-home-concert',
  languages: ['da', 'en'],
};
