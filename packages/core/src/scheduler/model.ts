/**
 * The days of the week a nomination can ask for, Monday first as in Denmark. The same words as the
 * nomination record's preferences, so its `weekdays` can be passed as they are.
 *
 * @example
 * SCHEDULER_WEEKDAYS.indexOf('sat'); // 5
 */
export const SCHEDULER_WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

/** `'mon' | … | 'sun'`. */
export type SchedulerWeekday = (typeof SCHEDULER_WEEKDAYS)[number];

/** `'morning' | 'afternoon' | 'evening'`: the parts of the day a nomination can ask for. */
export type SchedulerTimeOfDay = keyof typeof TIME_OF_DAY_RANGES;

/**
 * The clock times each part of the day stands for, Danish local time. A concert is "in the
 * morning" when all of it lies between `from` and `to`: a host who asked for mornings may have
 * the home carer coming at noon. Parts a nomination names together are joined, so a host who
 * said morning or afternoon can have a concert from 11:30 to 12:30.
 *
 * Morning starts at 09:00 because few very old people are ready for guests earlier; evening
 * ends at 20:00 because a concert after that is too late for most of them.
 *
 * @example
 * TIME_OF_DAY_RANGES.afternoon; // { from: '12:00', to: '17:00' }
 */
export const TIME_OF_DAY_RANGES = {
  morning: { from: '09:00', to: '12:00' },
  afternoon: { from: '12:00', to: '17:00' },
  evening: { from: '17:00', to: '20:00' },
} as const;

/**
 * Concerts on a tour day unless it says otherwise; the same default as the tour day record.
 *
 * @example
 * schedule({ nominations, tourDays: [{ ...day, maxConcerts: undefined }] }); // at most 3 that day
 */
export const SCHEDULER_DEFAULT_MAX_CONCERTS = 3;

/**
 * Minutes a concert lasts unless the tour day says otherwise.
 *
 * @example
 * schedule({ nominations, tourDays }).proposals[0]; // { start: '…T10:30', end: '…T11:30', … }
 */
export const SCHEDULER_DEFAULT_CONCERT_MINUTES = 60;

/**
 * Minutes kept free after each concert (coffee, packing up) before driving on, unless the tour
 * day says otherwise.
 *
 * @example
 * // a concert ending 11:30 and a 20-minute drive: the next starts at 12:20 at the earliest
 */
export const SCHEDULER_DEFAULT_BUFFER_MINUTES = 30;

/**
 * The languages a musician is taken to speak when a tour day does not say: a Danish programme's
 * musicians hold their visits in Danish. Override with `defaultMusicianLanguages`.
 *
 * @example
 * schedule({ nominations, tourDays }, { defaultMusicianLanguages: ['da', 'en'] });
 */
export const SCHEDULER_DEFAULT_MUSICIAN_LANGUAGES: readonly string[] = ['da'];

/**
 * Proposed start times fall on this grid (minutes past the hour divisible by it), so a
 * coordinator can say "half past ten" or "twenty-five past ten" on the phone, never 10:23.
 *
 * @example
 * schedule(input, { startStepMinutes: 15 }); // starts at :00, :15, :30 or :45
 */
export const SCHEDULER_DEFAULT_START_STEP_MINUTES = 5;

/**
 * An accepted nomination as the scheduler needs it: where the host lives and what suits them.
 * Any record with these fields can be passed; other fields are ignored.
 *
 * - `municipalityCode`: one of the 98 official three-digit codes.
 * - `weekdays`, `timesOfDay`: left out or empty, any day and any time within the tour day's window.
 * - `earliestDate`: `YYYY-MM-DD`, the first day a visit can be on.
 * - `waitingSince`: an ISO date-time (with `Z` or an offset), usually when the nomination was
 *   received or accepted; the longer someone has waited, the sooner they are planned.
 * - `language`: the language the visit is held in (`da`, `en`, …). When given, only a musician who
 *   speaks it can be proposed.
 * - `wantsGenres`: kinds of music the pair would like; a musician who plays one of them is
 *   preferred when everything else is equal, never required.
 */
export interface SchedulerNomination {
  readonly id: string;
  readonly municipalityCode: string;
  readonly weekdays?: readonly SchedulerWeekday[] | undefined;
  readonly timesOfDay?: readonly SchedulerTimeOfDay[] | undefined;
  readonly earliestDate?: string | undefined;
  readonly waitingSince: string;
  readonly language?: string | undefined;
  readonly wantsGenres?: readonly string[] | undefined;
}

/**
 * A musician's tour day as the scheduler needs it. Any record with these fields can be passed.
 *
 * - `date`: `YYYY-MM-DD`; `windowStart`, `windowEnd`: `HH:MM`, Danish local time. The window is the
 *   musician's working day: they leave `baseMunicipalityCode` at `windowStart` at the earliest and
 *   the last concert ends by `windowEnd`. The drive home afterwards is counted as driving but may
 *   end after the window.
 * - `maxConcerts` (1–6, default 3), `concertMinutes` (default 60), `bufferMinutes` (default 30,
 *   kept after each concert before driving on).
 * - `musicianLanguages`: what the musician can hold a visit in; left out, Danish
 *   ({@link SCHEDULER_DEFAULT_MUSICIAN_LANGUAGES}).
 * - `musicianGenres`: what the musician plays, matched with `wantsGenres` as a tie-breaker.
 * - `musicianId`: not used for planning; echoed in the statistics so a reader can group by it.
 */
export interface SchedulerTourDay {
  readonly id: string;
  readonly musicianId?: string | undefined;
  readonly date: string;
  readonly windowStart: string;
  readonly windowEnd: string;
  readonly baseMunicipalityCode: string;
  readonly maxConcerts?: number | undefined;
  readonly concertMinutes?: number | undefined;
  readonly bufferMinutes?: number | undefined;
  readonly musicianLanguages?: readonly string[] | undefined;
  readonly musicianGenres?: readonly string[] | undefined;
}

/** What to plan: accepted nominations and the tour days to place them on. */
export interface ScheduleInput {
  readonly nominations: readonly SchedulerNomination[];
  readonly tourDays: readonly SchedulerTourDay[];
}

/**
 * Driving minutes from one municipality to another, by their codes. It must not depend on
 * anything but its arguments, or the plan stops being reproducible.
 */
export type TravelMinutes = (fromCode: string, toCode: string) => number;

/** Settings for one run of the scheduler. */
export interface ScheduleOptions {
  /**
   * Driving minutes between two municipalities. Default: `estimateDriveMinutes` between their
   * centres (see `geo/travel.ts`). Results are rounded up to whole minutes; a negative or
   * non-finite result means the trip cannot be made. Trips that need a ferry are never planned,
   * whatever this says.
   */
  readonly travel?: TravelMinutes;
  /** See {@link SCHEDULER_DEFAULT_START_STEP_MINUTES}; 1 to 60. */
  readonly startStepMinutes?: number;
  /** See {@link SCHEDULER_DEFAULT_MUSICIAN_LANGUAGES}. */
  readonly defaultMusicianLanguages?: readonly string[];
  /**
   * How many rounds of improvement follow the first plan (default 4). Each round tries to place
   * more, then to be fairer, then to drive less; 0 keeps the first, greedy plan.
   */
  readonly improvementRounds?: number;
}

/**
 * One proposed concert: a nomination on a tour day at a time. `start` and `end` are local times
 * on the tour day (`YYYY-MM-DDTHH:MM`); `driveMinutesBefore` is the drive to it, from the base for
 * the day's first concert and from the previous concert for the others.
 */
export interface ScheduleProposal {
  readonly nominationId: string;
  readonly tourDayId: string;
  readonly start: string;
  readonly end: string;
  readonly driveMinutesBefore: number;
}

/** A reason in words a coordinator can read, in Danish and English, with a stable `code`. */
export interface LeftOverReason {
  readonly code: LeftOverCode;
  readonly da: string;
  readonly en: string;
}

/** A nomination the plan has no concert for, and why. */
export interface LeftOverNomination {
  readonly nominationId: string;
  readonly reason: LeftOverReason;
}

/**
 * The stable codes of the reasons a nomination is left over, from the most basic to the most
 * particular; each left-over nomination gets the first that explains it.
 *
 * - `invalid-nomination`: a field the scheduler needs is missing or unreadable;
 * - `duplicate-nomination`: the same id came twice; the first (longest waiting) is planned;
 * - `unknown-municipality`: not one of the 98 municipality codes;
 * - `no-tour-days`: there are no usable tour days at all;
 * - `no-day-on-weekday`: no tour day falls on a weekday that suits;
 * - `no-day-after-earliest-date`: no tour day falls on or after the earliest date;
 * - `no-day-on-weekday-after-earliest-date`: there are days of both kinds, but none is both;
 * - `no-musician-with-language`: no musician on those days speaks the visit's language;
 * - `across-water`: every such day would need a ferry (the host lives on an island without a
 *   bridge and no tour day starts there, or the other way round);
 * - `no-window-at-time-of-day`: no such day's window covers a concert at a time of day that suits;
 * - `too-far`: the days that remain start too far away to reach the host in time;
 * - `tour-days-full`: days that could take the concert are full of other concerts;
 * - `no-room-in-route`: days that could take it have room, but not between the concerts already
 *   planned there (times and driving do not fit).
 *
 * @example
 * LEFT_OVER_CODES.includes(result.leftOver[0].reason.code); // true
 */
export const LEFT_OVER_CODES = [
  'invalid-nomination',
  'duplicate-nomination',
  'unknown-municipality',
  'no-tour-days',
  'no-day-on-weekday',
  'no-day-after-earliest-date',
  'no-day-on-weekday-after-earliest-date',
  'no-musician-with-language',
  'across-water',
  'no-window-at-time-of-day',
  'too-far',
  'tour-days-full',
  'no-room-in-route',
] as const;

/** One of {@link LEFT_OVER_CODES}. */
export type LeftOverCode = (typeof LEFT_OVER_CODES)[number];

/** What one tour day got: its concerts and driving minutes (the drive home included). */
export interface TourDayStats {
  readonly tourDayId: string;
  readonly musicianId?: string | undefined;
  readonly concerts: number;
  readonly driveMinutes: number;
}

/**
 * A tour day the scheduler could not use, and which field made it so (`date`, `windowStart`,
 * `windowEnd`, `baseMunicipalityCode`, `maxConcerts`, `concertMinutes`, `bufferMinutes`, or `id`
 * for a repeated id).
 */
export interface IgnoredTourDay {
  readonly tourDayId: string;
  readonly field: string;
}

/** Totals of a plan. */
export interface ScheduleStats {
  /** Concerts proposed. */
  readonly concerts: number;
  /** Minutes of driving over all tour days, each day's drive home included. */
  readonly driveMinutes: number;
  /** Per usable tour day, in date order, including days with no concerts. */
  readonly tourDays: readonly TourDayStats[];
  /** Tour days left out because a field was missing or unreadable. */
  readonly ignoredTourDays: readonly IgnoredTourDay[];
}

/**
 * A plan: the proposals (by tour day in date order, then by start), the nominations left over with
 * their reasons (longest waiting first), and totals.
 */
export interface ScheduleResult {
  readonly proposals: readonly ScheduleProposal[];
  readonly leftOver: readonly LeftOverNomination[];
  readonly stats: ScheduleStats;
}
