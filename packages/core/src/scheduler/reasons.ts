import { visitLanguageName } from '../schemas/vocabulary.js';
import type { LeftOverCode, LeftOverReason, SchedulerTimeOfDay } from './model.js';

// Words a coordinator reads in the planning view; the codes stay stable, the words may improve.

const WEEKDAY_NAMES = {
  da: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'],
  en: ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
} as const;

const TIME_OF_DAY_NAMES: Record<SchedulerTimeOfDay, { da: string; en: string }> = {
  morning: { da: 'formiddagen', en: 'morning' },
  afternoon: { da: 'eftermiddagen', en: 'afternoon' },
  evening: { da: 'aftenen', en: 'evening' },
};

/** What a reason's words may mention. */
export interface ReasonDetails {
  /** The field that is missing or unreadable, for `invalid-nomination`. */
  field?: string;
  /** Weekday numbers (0 = Monday) that suit, for the weekday reasons. */
  weekdays?: readonly number[];
  /** The earliest date, for the date reasons. */
  earliestDate?: string;
  /** The visit's language code. */
  language?: string;
  /** The times of day that suit. */
  timesOfDay?: readonly SchedulerTimeOfDay[];
  /** How many tour days could have taken the concert, for the last two reasons. */
  days?: number;
}

function list(words: readonly string[], and: string): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${and} ${words[words.length - 1]}`;
}

function or(lang: 'da' | 'en', words: readonly string[]): string {
  return list(words, lang === 'da' ? 'eller' : 'or');
}

function languageName(code: string | undefined, lang: 'da' | 'en'): string {
  if (code === undefined) return '';
  return visitLanguageName(code, lang) ?? code;
}

function days(count: number | undefined, lang: 'da' | 'en'): string {
  const n = count ?? 0;
  if (lang === 'da') return n === 1 ? '1 turnédag' : `${n} turnédage`;
  return n === 1 ? '1 tour day' : `${n} tour days`;
}

function texts(code: LeftOverCode, d: ReasonDetails): { da: string; en: string } {
  const weekdays = (lang: 'da' | 'en') =>
    or(
      lang,
      (d.weekdays ?? []).map((w) => WEEKDAY_NAMES[lang][w] ?? ''),
    );
  const times = (lang: 'da' | 'en') =>
    or(
      lang,
      (d.timesOfDay ?? []).map((t) => TIME_OF_DAY_NAMES[t][lang]),
    );
  switch (code) {
    case 'invalid-nomination':
      return {
        da: `Indstillingen kan ikke planlægges, fordi feltet ${d.field} mangler eller er ugyldigt.`,
        en: `The nomination cannot be planned because the field ${d.field} is missing or invalid.`,
      };
    case 'duplicate-nomination':
      return {
        da: 'Den samme indstilling er med mere end én gang; den er kun planlagt én gang.',
        en: 'The same nomination is included more than once; it is planned only once.',
      };
    case 'unknown-municipality':
      return {
        da: 'Værtens kommune er ikke en af de 98 danske kommuner, så køretiden kan ikke beregnes.',
        en: "The host's municipality is not one of the 98 Danish municipalities, so driving time cannot be estimated.",
      };
    case 'no-tour-days':
      return {
        da: 'Der er ingen turnédage at planlægge på.',
        en: 'There are no tour days to plan on.',
      };
    case 'no-day-on-weekday':
      return {
        da: `Ingen turnédag falder på en ugedag, der passer værten (${weekdays('da')}).`,
        en: `No tour day falls on a weekday that suits the host (${weekdays('en')}).`,
      };
    case 'no-day-after-earliest-date':
      return {
        da: `Ingen turnédag ligger på eller efter den tidligste dato, ${d.earliestDate}.`,
        en: `No tour day is on or after the earliest date, ${d.earliestDate}.`,
      };
    case 'no-day-on-weekday-after-earliest-date':
      return {
        da: `Ingen turnédag falder på en ugedag, der passer værten (${weekdays('da')}), på eller efter ${d.earliestDate}.`,
        en: `No tour day falls on a weekday that suits the host (${weekdays('en')}) on or after ${d.earliestDate}.`,
      };
    case 'no-musician-with-language':
      return {
        da: `Ingen musiker på de turnédage, der passer, kan holde besøget på ${languageName(d.language, 'da')}.`,
        en: `No musician on the tour days that suit can hold the visit in ${languageName(d.language, 'en')}.`,
      };
    case 'across-water':
      return {
        da: 'De turnédage, der passer, ville kræve en færgetur: værten og musikerens udgangspunkt er ikke på samme ø.',
        en: "The tour days that suit would need a ferry: the host and the musician's base are not on the same island.",
      };
    case 'no-window-at-time-of-day':
      return {
        da: `Ingen af de turnédage, der passer, har plads til en koncert om ${times('da')}.`,
        en: `None of the tour days that suit has room for a concert in the ${times('en')}.`,
      };
    case 'too-far':
      return {
        da: 'Der er for langt fra musikernes udgangspunkt til at nå frem og spille inden for turnédagenes tidsrum.',
        en: "The musicians' bases are too far away to arrive and play within the tour days' hours.",
      };
    case 'tour-days-full':
      return {
        da: `${days(d.days, 'da')} kunne passe, men de er fyldt op med andre koncerter.`,
        en: `${days(d.days, 'en')} would suit, but they are full with other concerts.`,
      };
    case 'no-room-in-route':
      return {
        da: `${days(d.days, 'da')} kunne passe, men koncerten kan ikke nås mellem de koncerter, der allerede er planlagt.`,
        en: `${days(d.days, 'en')} would suit, but the concert cannot be fitted between the concerts already planned.`,
      };
  }
}

/**
 * The reason for a left-over nomination, in Danish and English.
 *
 * @example
 * leftOverReason('no-day-on-weekday', { weekdays: [5, 6] }).en;
 * // 'No tour day falls on a weekday that suits the host (Saturday or Sunday).'
 */
export function leftOverReason(code: LeftOverCode, details: ReasonDetails = {}): LeftOverReason {
  return { code, ...texts(code, details) };
}
