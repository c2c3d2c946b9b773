// Whether a concert fits a tour day: the one rule the hub checks a coordinator's booking against
// and the console shows before it is sent.
import type { TourDay } from '../schemas/tour-day.js';
import { danishLocal, minutesOfDay } from '../time/danish-time.js';

/** A booking that takes up time on a tour day: its id and its start (ISO 8601 with offset). */
export interface TakenSlot {
  id: string;
  start: string;
}

/** Why a start does not fit a tour day; `undefined` when it fits. */
export type SlotProblem = 'outside_window' | 'tour_day_full' | 'booking_overlap';

/** The parts of a tour day that decide whether a concert fits it. */
export type DayShape = Pick<
  TourDay,
  'date' | 'windowStart' | 'windowEnd' | 'maxConcerts' | 'concertMinutes' | 'bufferMinutes'
>;

/**
 * Whether a concert starting at `start` lies on the tour day's date and ends inside its window
 * (Danish local time).
 */
export function insideWindow(day: DayShape, start: string): boolean {
  const local = danishLocal(start);
  return (
    local.date === day.date &&
    local.minutes >= minutesOfDay(day.windowStart) &&
    local.minutes + day.concertMinutes <= minutesOfDay(day.windowEnd)
  );
}

const overlaps = (day: DayShape, a: string, b: string) =>
  // A concert and the buffer after it (coffee, packing up) take the musician's time; the next
  // concert starts after both. Driving between homes is the scheduler's estimate, not a rule here.
  Math.abs(Date.parse(a) - Date.parse(b)) < (day.concertMinutes + day.bufferMinutes) * 60_000;

/**
 * Whether a concert at `start` fits a tour day that already has the active bookings `taken`
 * (proposed or confirmed, not counting the booking being moved): inside the window, below the
 * maximum number of concerts, and clear of the others with their buffers.
 */
export function slotProblem(
  day: DayShape,
  start: string,
  taken: readonly TakenSlot[],
): SlotProblem | undefined {
  if (!insideWindow(day, start)) return 'outside_window';
  if (taken.length >= day.maxConcerts) return 'tour_day_full';
  if (taken.some((slot) => overlaps(day, slot.start, start))) return 'booking_overlap';
  return undefined;
}

/** Whether all of a tour day's active bookings still fit it (after the day is changed). */
export function allFit(day: DayShape, taken: readonly TakenSlot[]): boolean {
  return taken.every((slot, i) => slotProblem(day, slot.start, taken.slice(0, i)) === undefined);
}
