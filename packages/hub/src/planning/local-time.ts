/** The time zone tour days are planned in: their dates and windows are Danish local time. */
export const PLANNING_TIME_ZONE = 'Europe/Copenhagen';

let formatter: Intl.DateTimeFormat | undefined;

/**
 * A moment as Danish local date and time, `YYYY-MM-DDTHH:MM` (the bookings table's `start`), with
 * its date, time and minutes since midnight.
 *
 * @example
 * danishLocal('2025-05-06T08:00:00Z'); // { local: '2025-05-06T10:00', date: '2025-05-06', time: '10:00', minutes: 600 }
 */
export function danishLocal(instant: string | Date) {
  formatter ??= new Intl.DateTimeFormat('en-CA', {
    timeZone: PLANNING_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  const parts = Object.fromEntries(
    formatter.formatToParts(new Date(instant)).map((part) => [part.type, part.value]),
  );
  const date = `${parts.year}-${parts.month}-${parts.day}`;
  const time = `${parts.hour}:${parts.minute}`;
  return {
    local: `${date}T${time}`,
    date,
    time,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** Minutes since midnight of `HH:MM`. */
export const minutesOfDay = (time: string) =>
  Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
