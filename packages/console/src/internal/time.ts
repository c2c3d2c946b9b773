import { danishLocal as coreDanishLocal, DANISH_TIME_ZONE, type Lang } from '@stue/core';

// The Danish clock itself is core's (`danishInstant`, `danishToday`, `addDays`); this module
// writes it the way the console shows it.

const DAY_MS = 86_400_000;

/** The locale `Intl` formats a console text in. */
export const localeOf = (lang: Lang): string => (lang === 'en' ? 'en-GB' : 'da-DK');

/** An instant as Danish local `YYYY-MM-DDTHH:MM` (for a datetime-local field). */
export const danishLocal = (instant: string): string => coreDanishLocal(instant).local;

/** Whole days since `since` (never negative). */
export function waitingDays(since: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / DAY_MS));
}

/** "tirsdag den 6. maj 2025" / "Tuesday, 6 May 2025" for a `YYYY-MM-DD` date. */
export function formatDate(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** "6. maj 2025" / "6 May 2025" for a `YYYY-MM-DD` date. */
export function formatShortDate(date: string, lang: Lang): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));
}

/** An instant as a Danish date and clock time, in the console's language. */
export function formatDateTime(instant: string, lang: Lang): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    timeZone: DANISH_TIME_ZONE,
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** An instant's Danish clock time, `10.30` / `10:30`. */
export function formatClock(instant: string, lang: Lang): string {
  return new Intl.DateTimeFormat(localeOf(lang), {
    timeZone: DANISH_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(instant));
}

/** A local `HH:MM` in the console's way of writing clock times. */
export function formatLocalClock(hhmm: string, lang: Lang): string {
  return lang === 'da' ? hhmm.replace(':', '.') : hhmm;
}
