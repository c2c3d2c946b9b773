// Dates and clock times as the scheduler reads them. Tour days are local calendar dates and
// wall-clock times, so everything is plain arithmetic on numbers: no time zones, no Date.now.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;
const MINUTES_PER_DAY = 24 * 60;

/** A calendar date as days since 1970-01-01 and its weekday (0 = Monday … 6 = Sunday). */
export interface CalendarDay {
  readonly day: number;
  readonly weekday: number;
}

/**
 * Reads `YYYY-MM-DD`, refusing dates that do not exist (2025-02-30).
 *
 * @example
 * readDate('2025-05-05'); // { day: 20213, weekday: 0 } – a Monday
 */
export function readDate(text: unknown): CalendarDay | undefined {
  if (typeof text !== 'string') return undefined;
  const match = DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const date = Number(match[3]);
  const utc = Date.UTC(year, month - 1, date);
  const check = new Date(utc);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1) return undefined;
  if (check.getUTCDate() !== date) return undefined;
  const day = Math.round(utc / 86_400_000);
  // 1970-01-01 was a Thursday, weekday 3 when Monday is 0.
  return { day, weekday: (((day + 3) % 7) + 7) % 7 };
}

/**
 * Minutes since midnight of `HH:MM` (00:00–23:59).
 *
 * @example
 * readClock('10:30'); // 630
 */
export function readClock(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const match = CLOCK.exec(text);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

/**
 * `HH:MM` of minutes since midnight; 24:00 is written as such, for a range that ends at midnight.
 *
 * @example
 * formatClock(630); // '10:30'
 */
export function formatClock(minutes: number): string {
  const clamped = Math.max(0, Math.min(MINUTES_PER_DAY, minutes));
  const hours = Math.floor(clamped / 60);
  return `${String(hours).padStart(2, '0')}:${String(clamped % 60).padStart(2, '0')}`;
}

/**
 * Milliseconds since the epoch of an ISO date-time, or `undefined` if it is not one. Only full
 * date-times are accepted, so a bare date is not silently read as UTC midnight.
 *
 * @example
 * readInstant('2025-03-01T10:00:00+01:00'); // 1740819600000
 */
export function readInstant(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})$/.test(text)) {
    return undefined;
  }
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : undefined;
}
