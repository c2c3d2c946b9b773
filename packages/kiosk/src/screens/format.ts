import { DANISH_TIME_ZONE, type Lang } from '@stue/core';

const LOCALES: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

// The hub gives a booking's start as Danish local time without an offset (`2030-05-07T10:00`).
const LOCAL = /^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;

/**
 * A clock time in Denmark, as the musician reads it (`10.00` in Danish, `10:00` in English). A
 * date-time without an offset is taken as Danish local time already, whatever the tablet's zone.
 *
 * @example
 * clockTime('2030-05-07T10:00:00+02:00', 'da'); // '10.00'
 * clockTime('2030-05-07T10:00', 'en'); // '10:00'
 */
export function clockTime(at: string | number | Date, lang: Lang): string {
  const local = typeof at === 'string' ? LOCAL.exec(at) : null;
  if (local) return `${local[1]}${lang === 'da' ? '.' : ':'}${local[2]}`;
  return new Intl.DateTimeFormat(LOCALES[lang], {
    hour: '2-digit',
    minute: '2-digit',
    timeZone: DANISH_TIME_ZONE,
  }).format(new Date(at));
}

/**
 * A date as words (`tirsdag 7. maj` / `Tuesday 7 May`), for a day that is not today.
 *
 * @example
 * longDate('2030-05-07', 'en'); // 'Tuesday 7 May'
 */
export function longDate(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(LOCALES[lang], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));
}

/**
 * A number of bytes in megabytes or gigabytes.
 *
 * @example
 * bytes(1_300_000, 'da'); // '1,3 MB'
 */
export function bytes(count: number, lang: Lang): string {
  const giga = count >= 1e9;
  return new Intl.NumberFormat(LOCALES[lang], {
    style: 'unit',
    unit: giga ? 'gigabyte' : 'megabyte',
    maximumFractionDigits: 1,
  }).format(count / (giga ? 1e9 : 1e6));
}
