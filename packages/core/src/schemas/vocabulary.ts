/** Who is nominating the pair. */
export const NOMINATOR_ROLES = ['local-expert', 'visiting-friend', 'relative', 'self'] as const;
/** One of {@link NOMINATOR_ROLES}. */
export type NominatorRole = (typeof NOMINATOR_ROLES)[number];

/**
 * The days of the week a visit can be on, Monday first as in Denmark.
 *
 * @example
 * WEEKDAYS.indexOf('sat'); // 5
 */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
/** `'mon' | … | 'sun'`. */
export type Weekday = (typeof WEEKDAYS)[number];

/** Parts of the day a pair can prefer: before noon, noon to 17, after 17. */
export const TIMES_OF_DAY = ['morning', 'afternoon', 'evening'] as const;
/** `'morning' | 'afternoon' | 'evening'`. */
export type TimeOfDay = (typeof TIMES_OF_DAY)[number];

/**
 * Languages a visit can be held in, and musicians can speak, as ISO 639-1 codes: Danish and
 * English; the Nordic neighbours (`sv`, `no`); German (the minority in Southern Jutland); Faroese
 * and Greenlandic (the Realm); and the languages older immigrants in Denmark most often speak at
 * home (`tr`, `ar`, `bs`, `pl`, `ur`, `fa`, `vi`). Adding a code later is a compatible change: no
 * payload that was valid becomes invalid.
 */
export const VISIT_LANGUAGES = [
  'da',
  'en',
  'sv',
  'no',
  'de',
  'fo',
  'kl',
  'tr',
  'ar',
  'bs',
  'pl',
  'ur',
  'fa',
  'vi',
] as const;
/** One of {@link VISIT_LANGUAGES}. */
export type VisitLanguage = (typeof VISIT_LANGUAGES)[number];

const VISIT_LANGUAGE_NAMES: Readonly<Record<VisitLanguage, { da: string; en: string }>> = {
  da: { da: 'dansk', en: 'Danish' },
  en: { da: 'engelsk', en: 'English' },
  sv: { da: 'svensk', en: 'Swedish' },
  no: { da: 'norsk', en: 'Norwegian' },
  de: { da: 'tysk', en: 'German' },
  fo: { da: 'færøsk', en: 'Faroese' },
  kl: { da: 'grønlandsk', en: 'Greenlandic' },
  tr: { da: 'tyrkisk', en: 'Turkish' },
  ar: { da: 'arabisk', en: 'Arabic' },
  bs: { da: 'bosnisk', en: 'Bosnian' },
  pl: { da: 'polsk', en: 'Polish' },
  ur: { da: 'urdu', en: 'Urdu' },
  fa: { da: 'persisk', en: 'Persian' },
  vi: { da: 'vietnamesisk', en: 'Vietnamese' },
};

/**
 * A visit language's name in Danish or English, as it reads inside a sentence ("grønlandsk",
 * "Greenlandic"); `undefined` for a code outside {@link VISIT_LANGUAGES}. Our own words rather than
 * `Intl.DisplayNames`, whose data differs between runtimes (Chromium has no name for `kl`).
 *
 * @example
 * visitLanguageName('kl', 'en'); // "Greenlandic"
 */
export function visitLanguageName(code: string, lang: 'da' | 'en'): string | undefined {
  return Object.hasOwn(VISIT_LANGUAGE_NAMES, code)
    ? VISIT_LANGUAGE_NAMES[code as VisitLanguage][lang]
    : undefined;
}

/**
 * Kinds of music a musician plays and a pair can wish for, broad enough for a volunteer to choose
 * from: the Danish songbook and ballads (`danish-songs`), hymns, evergreens and schlager,
 * classical, jazz, folk, pop and rock, and music from other parts of the world.
 */
export const MUSIC_GENRES = [
  'danish-songs',
  'hymns',
  'evergreens',
  'classical',
  'jazz',
  'folk',
  'pop-rock',
  'world',
] as const;
/** One of {@link MUSIC_GENRES}. */
export type MusicGenre = (typeof MUSIC_GENRES)[number];

/** The most extra guests a pair can ask for besides host and visiting friend: it is a living room. */
export const MAX_EXTRA_GUESTS = 6;

/** How a host's yes reached Stue: through whom the host agreed. */
export const CONSENT_VIA = ['visiting-friend', 'relative', 'local-expert', 'self'] as const;
/** One of {@link CONSENT_VIA}. */
export type ConsentVia = (typeof CONSENT_VIA)[number];

/**
 * What a consent allows:
 *
 * - `nomination-contact`: holding the pair's details to plan a concert and contacting them
 *   through the visiting friend. Without it the hub keeps nothing about them.
 * - `feedback`: keeping the feedback given after the concert, to report on it anonymously.
 * - `quote`: quoting what they said (anonymously) in a report. Never assumed: recorded on its own.
 */
export const CONSENT_SCOPES = ['nomination-contact', 'feedback', 'quote'] as const;
/** One of {@link CONSENT_SCOPES}. */
export type ConsentScope = (typeof CONSENT_SCOPES)[number];

/** Whose consent it is: the two people a nomination is about. */
export const CONSENT_PERSONS = ['host', 'visiting-friend'] as const;
/** One of {@link CONSENT_PERSONS}. */
export type ConsentPerson = (typeof CONSENT_PERSONS)[number];

/** The most screening answers a nomination may carry: a programme has a handful of criteria, and a bound keeps a hostile payload small. */
export const MAX_SCREENING_ANSWERS = 40;

/**
 * The practical matters a nomination can mention (the keys of `accessSchema`), in the order a form
 * offers them. Plain facts about the visit, never health information.
 */
export const ACCESS_NEEDS = [
  'hearing',
  'sight',
  'stairs',
  'wheelchair',
  'pets',
  'smokeFree',
] as const;
/** One of {@link ACCESS_NEEDS}. */
export type AccessNeed = (typeof ACCESS_NEEDS)[number];
