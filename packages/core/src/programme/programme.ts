import * as z from 'zod/mini';
import { requiredText } from '../schemas/fields.js';
import { LANGS } from '../validation/messages.js';

/**
 * How a visiting friend answers a screening question about the person they visit. "Not sure" is a
 * real answer, not a gap: it asks a coordinator to talk first.
 */
export const SCREENING_ANSWERS = ['yes', 'no', 'not-sure'] as const;

/** One screening answer. */
export const screeningAnswerSchema = z.enum(SCREENING_ANSWERS, {
  error: (issue) => (issue.input === undefined ? 'required' : 'invalid_choice'),
});

/** `'yes' | 'no' | 'not-sure'`. */
export type ScreeningAnswer = (typeof SCREENING_ANSWERS)[number];

/**
 * Whether a criterion is part of the format (`required`: a "no" means the format does not suit the
 * host) or helps a coordinator prioritise (`supporting`: a "no" is something to talk about).
 */
export const CRITERION_KINDS = ['required', 'supporting'] as const;

/** `'required' | 'supporting'`. */
export type CriterionKind = (typeof CRITERION_KINDS)[number];

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
 * - `whenNo`: optional text a coordinator reads when the answer is "no"; without it, eligibility
 *   writes a general sentence from the question.
 */
export const criterionSchema = z.strictObject({
  id: slug(),
  question: localised(MAX_QUESTION_LENGTH),
  help: z.optional(localised(MAX_QUESTION_LENGTH)),
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

/** The id of the default programme, Musikalske Besøgsvenner. */
export const DEFAULT_PROGRAMME_ID = 'musikalske-besoegsvenner';

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
    criteria: [
      {
        id: 'own-home',
        kind: 'required',
        question: {
          da: 'Bor den, du besøger, i sit eget hjem?',
          en: 'Does the person you visit live in their own home?',
        },
        help: {
          da: 'Hus, lejlighed og ældrebolig tæller alle med. Et plejehjem gør ikke – koncerten foregår i personens egen stue.',
          en: 'A house, a flat or a sheltered flat all count. A care home does not – the concert takes place in their own living room.',
        },
        whenNo: {
          da: 'Værten bor ikke i eget hjem – koncertformatet er lavet til besøg i hjemmet. Tal med besøgsvennen om andre tilbud.',
          en: 'The host does not live in their own home – the concert format is made for visits at home. Talk with the visiting friend about other offers.',
        },
      },
      {
        id: 'little-access-to-concerts',
        kind: 'supporting',
        question: {
          da: 'Er det svært for den, du besøger, at komme ud og høre levende musik?',
          en: 'Is it hard for the person you visit to get out and hear live music?',
        },
        help: {
          da: 'Fx fordi det er svært at gå, en lang tur er for meget, eller en stor sal er for larmende.',
          en: 'For example because walking is hard, a long trip is too much, or a big hall is too noisy.',
        },
        whenNo: {
          da: 'Værten kan godt komme ud til koncerter. Tal med besøgsvennen om, hvad en koncert derhjemme kan give.',
          en: 'The host can get out to concerts. Talk with the visiting friend about what a concert at home could give.',
        },
      },
      {
        id: 'risk-of-loneliness',
        kind: 'supporting',
        question: {
          da: 'Er den, du besøger, meget alene i hverdagen?',
          en: 'Is the person you visit alone much of the time?',
        },
        help: {
          da: 'Fx få besøg eller få at tale med. Du behøver ikke spørge – svar ud fra det, du ved.',
          en: 'For example few visitors or few people to talk to. You need not ask – answer from what you know.',
        },
        whenNo: {
          da: 'Værten er ikke meget alene. Det er godt – tal med besøgsvennen om, hvad en koncert kan give.',
          en: 'The host is not alone much. That is good – talk with the visiting friend about what a concert could give.',
        },
      },
      {
        id: 'enjoys-music',
        kind: 'required',
        question: {
          da: 'Kan den, du besøger, glæde sig over musik – lytte og reagere på den?',
          en: 'Can the person you visit enjoy music – listen and respond to it?',
        },
        help: {
          da: 'Et smil, et nik eller at nynne med er nok.',
          en: 'A smile, a nod or humming along is enough.',
        },
        whenNo: {
          da: 'Værten kan ikke lytte til eller reagere på musik lige nu – koncerten bygger på, at man kan være med i musikken. Tal med besøgsvennen om andre tilbud.',
          en: 'The host cannot listen or respond to music just now – the concert relies on taking part in the music. Talk with the visiting friend about other offers.',
        },
      },
      {
        id: 'takes-part-in-conversation',
        kind: 'required',
        question: {
          da: 'Kan den, du besøger, være med i en samtale, fx om musikken eller gamle minder?',
          en: 'Can the person you visit take part in a conversation, for example about the music or old memories?',
        },
        help: {
          da: 'Korte svar er fine. Dårlig hørelse er også fint – musikeren tager hensyn.',
          en: 'Short answers are fine. Poor hearing is fine too – the musician adapts.',
        },
        whenNo: {
          da: 'Værten kan ikke være med i en samtale lige nu – koncerten er også en snak mellem sangene. Tal med besøgsvennen om andre tilbud.',
          en: 'The host cannot take part in a conversation just now – the concert is also a talk between the songs. Talk with the visiting friend about other offers.',
        },
      },
      {
        id: 'said-yes',
        kind: 'required',
        question: {
          da: 'Har den, du besøger, selv sagt ja til en koncert, da du fortalte om den?',
          en: 'Has the person you visit said yes to a concert when you told them about it?',
        },
        help: {
          da: 'Vi kontakter kun personen gennem dig. Er du i tvivl, så spørg gerne igen.',
          en: 'We only contact them through you. If you are unsure, ask them again.',
        },
        whenNo: {
          da: 'Værten har ikke sagt ja til en koncert. Vi kommer kun, når værten selv vil – tal med besøgsvennen, før der sker mere.',
          en: 'The host has not said yes to a concert. We only come when the host wants to – talk with the visiting friend before anything else happens.',
        },
      },
    ],
  },
  feedbackInstrumentId: 'stue-home-concert',
  languages: ['da', 'en'],
};
