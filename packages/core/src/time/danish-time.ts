// Danish local time, the one clock of the programme: tour days, concert starts, "today" on the
// tablet and in reports are Danish wall-clock time, wherever the device or server runs.

/** The time zone concerts, tour days and the hub's calendar are in. */
export const DANISH_TIME_ZONE = 'Europe/Copenhagen';

const DAY_MS = 86_400_000;

// Made on first use, not at module scope: a bundle that imports this module pays nothing until
// it asks the time.
let parts: Intl.DateTimeFormat | undefined;
let days: Intl.DateTimeFormat | undefined;
let offsets: Intl.DateTimeFormat | undefined;

/** A moment as Danish wall-clock time. */
export interface DanishLocal {
  /** `YYYY-MM-DDTHH:MM` */
  local: string;
  /** `YYYY-MM-DD` */
  date: string;
  /** `HH:MM` */
  time: string;
  /** Minutes since midnight. */
  minutes: number;
}

/**
 * A moment as Danish local date and time, with its date, clock time and minutes since midnight.
 *
 * @example
 * danishLocal('2025-05-06T08:00:00Z');
 * // { local: '2025-05-06T10:00', date: '2025-05-06', time: '10:00', minutes: 600 }
 */
export function danishLocal(instant: string | number | Date): DanishLocal {
  parts ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: DANISH_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const p = Object.fromEntries(
    parts.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  );
  const date = `${p['year']}-${p['month']}-${p['day']}`;
  const time = `${p['hour']}:${p['minute']}`;
  return { local: `${date}T${time}`, date, time, minutes: minutesOfDay(time) };
}

/**
 * Today's date in Denmark, `YYYY-MM-DD`.
 *
 * @example
 * danishToday(new Date('2025-05-06T23:30:00Z')); // '2025-05-07'
 */
export function danishToday(now: Date = new Date()): string {
  // Canadian English writes a date as YYYY-MM-DD.
  days ??= new Intl.DateTimeFormat('en-CA', { timeZone: DANISH_TIME_ZONE });
  return days.format(now);
}

// `longOffset` gives "GMT+02:00", "GMT+01:00" (or "GMT" at zero).
function offsetMinutesAt(utcMs: number): number {
  offsets ??= new Intl.DateTimeFormat('en-US', {
    timeZone: DANISH_TIME_ZONE,
    timeZoneName: 'longOffset',
  });
  const name =
    offsets.formatToParts(new Date(utcMs)).find((part) => part.type === 'timeZoneName')?.value ??
    'GMT';
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
  const asUtc = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(local)
    ? Date.parse(`${local.slice(0, 16)}:00Z`)
    : Number.NaN;
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

/**
 * A `YYYY-MM-DD` date `days` later (or earlier).
 *
 * @example
 * addDays('2025-03-30', 1); // '2025-03-31'
 */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Minutes since midnight of `HH:MM`.
 *
 * @example
 * minutesOfDay('10:30'); // 630
 */
export const minutesOfDay = (time: string): number =>
  Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
