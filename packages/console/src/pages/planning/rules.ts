/** The planning page's rules and shapes, shared by its sections. */
import type { BookingAction, Musician, TourDay } from '@stue/core';
import type { ScheduleResult, SchedulerNomination, SchedulerTourDay } from '@stue/core/scheduler';
import type { BookingMove, NominationItem } from '../../api.js';

/** Bookings that hold a place on a tour day and a nomination, as the hub counts them. */
export const ACTIVE = new Set(['proposed', 'confirmed']);

/** The endpoint of each booking move that has one. */
export const MOVE_PATH: Partial<Record<BookingAction, BookingMove>> = {
  confirm: 'confirm',
  cancel: 'cancel',
  hold: 'held',
  'mark-no-show': 'no-show',
};

/** A nomination as the scheduler needs it. */
export function schedulerNomination(item: NominationItem): SchedulerNomination {
  const n = item.nomination;
  return {
    id: item.id,
    municipalityCode: n.host.municipalityCode,
    weekdays: n.preferences?.weekdays,
    timesOfDay: n.preferences?.timesOfDay,
    earliestDate: n.preferences?.earliestDate,
    waitingSince: item.receivedAt,
    language: n.host.language,
    wantsGenres: n.preferences?.genres,
  };
}

/**
 * A tour day as the scheduler needs it, with its musician's languages and music, and room only
 * for the concerts not yet booked on it; `undefined` when it is full or its musician inactive.
 */
export function schedulerTourDay(
  day: TourDay,
  musician: Musician | undefined,
  alreadyBooked: number,
): SchedulerTourDay | undefined {
  const room = day.maxConcerts - alreadyBooked;
  if (room < 1 || musician?.active === false) return undefined;
  return {
    ...day,
    maxConcerts: room,
    musicianLanguages: musician?.languages,
    musicianGenres: musician?.genres,
  };
}

/**
 * A day's driving (there and home) from which one concert alone is worth a second thought: two
 * hours on the road for one hour in a living room. The planner says so and leaves the choice.
 */
export const LONG_DRIVE_FOR_ONE_MINUTES = 120;

/** Whether a day holds one concert and drives at least {@link LONG_DRIVE_FOR_ONE_MINUTES} for it. */
export function isLongDriveForOne(stats: { concerts: number; driveMinutes: number }): boolean {
  return stats.concerts === 1 && stats.driveMinutes >= LONG_DRIVE_FOR_ONE_MINUTES;
}

export interface Plan {
  result: ScheduleResult;
  /** Bookings already on each tour day before the plan. */
  booked: Map<string, number>;
}

export type BookingForm = { id: string; kind: 'cancel' | 'mark-no-show' | 'reschedule' };
