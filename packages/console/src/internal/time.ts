import type { Lang } from '@stue/core';

/** Concerts, tour days and the hub's calendar are in Danish time, wherever the coordinator sits. */
export const DANISH_TIME_ZONE = 'Europe/Copenhagen';

const DAY_MS = 86_400_000;

/** The locale `Intl` formats a console text in. */
export const localeOf = (lang: Lang): string => (lang === 'en' ? 'en-GB' : 'da-DK');

// `longOffset` gives "GMT+02:00", "GMT+01:00" (or "GMT" at zero).
function offsetMinutesAt(utcMs: number): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: DANISH_TIME_ZONE, timeZoneName: 'longOffset' })
      .formatToParts(new Date(utcMs))
      .find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * A Danish local date-time (`YYYY-MM-DDTHH:MM`, as the scheduler and `<input type=datetime-local>`
 * give it) as an ISO instant with its offset, which the hub requires.
 *
 * @example
 * danishInstant('2025-05-06T10:30'); // '2025-05-06T10:30:00+02:00'
 */
export function danishInstant(local: string): string {
  const asUtc = Date.parse(`${local.slice(0, 16)}:00Z`);
  if (Number.isNaN(asUtc)) throw new RangeError(`Not a local date-time: ${local}`);
  // Guess with the offset an hour earlier, then correct once: right on both sides of a change.
  let offset = offsetMinutesAt(asUtc - 60 * 60_000);
  offset = offsetMinutesAt(asUtc - offset * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local.slice(0, 16)}:00${sign}${hh}:${mm}`;
}

/** An instant as Danish local `YYYY-MM-DDTHH:MM` (for a datetime-local field). */
export function danishLocal(instant: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: DANISH_TIME_ZONE,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date(instant))
      .map((part) => [part.type, part.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']}T${parts['hour']}:${parts['minute']}`;
}

/** Today's date in Denmark, `YYYY-MM-DD`. */
export function danishToday(now: Date = new Date()): string {
  return danishLocal(now.toISOString()).slice(0, 10);
}

/** A `YYYY-MM-DD` date `days` later (or earlier). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

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
