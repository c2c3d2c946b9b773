import type {
  AccessNeed,
  Lang,
  MusicGenre,
  NominatorRole,
  ScreeningAnswer,
  TimeOfDay,
} from '@stue/core';

/**
 * The version of the built-in privacy notice and consent wording below, shown when the form
 * cannot read its programme from the hub. It is sent as `consent.noticeVersion`, so a consent
 * record can always be matched with the words the person read: change the version whenever
 * `consent.notice` or a consent label changes in either language. With the programme, the form
 * records the programme's own notice version instead.
 */
export const NOTICE_VERSION = 'stue-nomination-form/3';

/** The nominators who can answer for the host's yes to keeping feedback themselves. */
export type FeedbackAsker = 'visiting-friend' | 'self';

/**
 * The texts of the first step, in one language: all the first step needs, so that the words of the
 * later steps load in their own chunk, the active language's only.
 */
export interface FirstStepText {
  /** The name of the language switch's group. */
  language: string;
  step: (index: number, total: number) => string;
  about: {
    title: string;
    lines: string[];
    picture: string;
    start: string;
    programme: string;
    titleFor: (name: string) => string;
    /** Said when "Start" could not load the later steps (the connection dropped). */
    unavailable: string;
  };
}

/**
 * Every text the nomination form shows, in one language. Weekday and language names come from
 * the browser (`Intl`), so they are not here.
 */
export interface NominationFormText extends FirstStepText {
  next: string;
  back: string;
  optional: string;
  errorPrefix: string;
  summaryTitle: string;
  nominator: {
    title: string;
    role: string;
    roles: Record<NominatorRole, string>;
    name: string;
    organisation: string;
    organisationHint: string;
    contact: string;
    contactHint: string;
    phone: string;
    email: string;
    locked: string;
  };
  host: {
    title: string;
    intro: string;
    firstName: string;
    firstNameHint: string;
    municipality: string;
    municipalityHint: string;
    municipalityNone: (typed: string) => string;
    postcode: string;
    language: string;
    languageHint: string;
  };
  friend: { title: string; why: string; firstName: string; phone: string };
  screening: {
    title: string;
    /** The title when the host nominates themself. */
    titleSelf: string;
    intro: string;
    answers: Record<ScreeningAnswer, string>;
    talkFirst: string;
  };
  wishes: {
    title: string;
    intro: string;
    weekdays: string;
    anyHint: string;
    times: string;
    timesOfDay: Record<TimeOfDay, string>;
    genres: string;
    genreNames: Record<MusicGenre, string>;
    musicWishes: string;
    musicWishesHint: string;
    extraGuests: string;
    extraGuestsHint: string;
    access: string;
    accessHint: string;
    accessNeeds: Record<AccessNeed, string>;
  };
  consent: {
    title: string;
    notice: string[];
    label: string;
    /** The tick box in the words of the nominator (the host, the visiting friend, others). */
    labels: Record<NominatorRole, string>;
    controller: (name: string, address: string, contact: string) => string;
    ask: string;
    feedbackTitle: string;
    feedbackHint: string;
    feedbackLabels: Record<FeedbackAsker, string>;
  };
  review: {
    title: string;
    intro: string;
    change: string;
    notGiven: string;
    any: string;
    none: string;
    yes: string;
    send: string;
  };
  retry: string;
  sending: string;
  notSent: {
    title: string;
    setupTitle: string;
    retryable: string;
    rateLimited: string;
    setup: string;
    conflict: string;
    code: string;
  };
  receipt: {
    title: string;
    reference: string;
    copy: string;
    copied: string;
    print: string;
    nextTitle: string;
    next: string[];
    ask: string;
    sentTitle: string;
    consents: string;
    again: string;
  };
}
const firstStep: Record<Lang, FirstStepText> = {
  da: {
    language: 'Sprog',
    step: (index, total) => `Trin ${index} af ${total}`,
    about: {
      title: 'Indstil en vært og besøgsven til en koncert i stuen',
      lines: [
        'En koncert i stuen er et besøg af én professionel musiker. Musikeren spiller sine egne sange akustisk – uden højttalere – i værtens egen stue.',
        'Besøgsvennen er med. Besøget varer omkring en time, og der er tid til en kop kaffe og en snak.',
        'Det tager omkring 10 minutter at indstille. Du kan gå tilbage og rette undervejs.',
      ],
      picture: 'En musiker med guitar spiller for to personer, der sidder i lænestole med kaffe.',
      start: 'Start indstillingen',
      programme: 'Program',
      titleFor: (name) => `Indstil en vært og besøgsven til ${name}`,
      unavailable: 'Resten af formularen kunne ikke hentes. Tjek forbindelsen, og prøv igen.',
    },
  },
  en: {
    language: 'Language',
    step: (index, total) => `Step ${index} of ${total}`,
    about: {
      title: 'Nominate a host and visiting friend for a living-room concert',
      lines: [
        "A living-room concert is a visit from one professional musician. The musician plays their own songs acoustically – no speakers – in the host's own living room.",
        'The visiting friend is there too. The visit lasts about an hour, with time for a cup of coffee and a chat.',
        'Nominating takes about 10 minutes. You can go back and make changes along the way.',
      ],
      picture: 'A musician with a guitar plays for two people sitting in armchairs with coffee.',
      start: 'Start the nomination',
      programme: 'Programme',
      titleFor: (name) => `Nominate a host and visiting friend for ${name}`,
      unavailable: 'The rest of the form could not be loaded. Check the connection and try again.',
    },
  },
};

/** The texts of the later steps, in one language: one chunk per language. */
export type LaterStepsText = Omit<NominationFormText, keyof FirstStepText>;

const laterSteps: Record<Lang, () => Promise<{ text: LaterStepsText }>> = {
  da: () => import('./nomination-form.text.da.js'),
  en: () => import('./nomination-form.text.en.js'),
};

const loaded: Partial<Record<Lang, NominationFormText>> = {};

/** The first step's texts in `lang`: always at hand. */
export function firstStepText(lang: Lang): FirstStepText {
  return firstStep[lang];
}

/** Loads the texts of every step in `lang` (once), so {@link nominationFormText} has them. */
export async function loadNominationFormText(lang: Lang): Promise<NominationFormText> {
  return (loaded[lang] ??= { ...firstStep[lang], ...(await laterSteps[lang]()).text });
}

/** Whether {@link loadNominationFormText} has loaded `lang`. */
export function hasNominationFormText(lang: Lang): boolean {
  return lang in loaded;
}

/** Every text of the form in `lang`, once {@link loadNominationFormText} has loaded it. */
export function nominationFormText(lang: Lang): NominationFormText {
  const text = loaded[lang];
  if (!text) throw new Error(`The form's texts in ${lang} are not loaded.`);
  return text;
}

/** Danish unless the page asks for English (`en`, `en-GB`, …): the programme is Danish first. */
export function toLang(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'da';
}
