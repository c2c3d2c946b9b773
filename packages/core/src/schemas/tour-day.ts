import * as z from 'zod/mini';
import { MUNICIPALITY_CODES } from '../geo/municipalities.js';
import {
  choice,
  clientId,
  isoDate,
  minutesOf,
  opaqueId,
  storedTimes,
  timeOfDay,
  wholeNumber,
} from './fields.js';
import { versionedRecord } from './record.js';

/** The version of the tour day record this SDK reads and writes. */
export const TOUR_DAY_SCHEMA_VERSION = 1;

/** Concerts a musician plays on a tour day unless the tour day says otherwise. */
export const DEFAULT_MAX_CONCERTS = 3;
/** Minutes a concert lasts unless the tour day says otherwise. */
export const DEFAULT_CONCERT_MINUTES = 60;
/** Minutes kept free after each concert (coffee, packing up) unless the tour day says otherwise. */
export const DEFAULT_BUFFER_MINUTES = 30;

/**
 * A musician's concert day in an area: the date, the window they can play in (`HH:MM`, Danish
 * local time; the end must come after the start and leave room for one concert), the municipality
 * they start from, and how the day is paced: at most `maxConcerts` concerts (1–6, default 3) of
 * `concertMinutes` each (15–180, default 60) with `bufferMinutes` after each (0–240, default 30)
 * before driving on. The defaults are filled in by the schema.
 *
 * @example
 * validate(tourDayInputSchema, {
 *   schemaVersion: 1, id: newId(), musicianId, date: '2025-05-06',
 *   windowStart: '10:00', windowEnd: '16:00', baseMunicipalityCode: '751',
 * }); // ok; maxConcerts 3, concertMinutes 60, bufferMinutes 30
 */
export const tourDayInputSchema = z
  .strictObject({
    ...versionedRecord(TOUR_DAY_SCHEMA_VERSION),
    musicianId: clientId(),
    date: isoDate(),
    windowStart: timeOfDay(),
    windowEnd: timeOfDay(),
    baseMunicipalityCode: choice(MUNICIPALITY_CODES),
    maxConcerts: z._default(wholeNumber(1, 6), DEFAULT_MAX_CONCERTS),
    concertMinutes: z._default(wholeNumber(15, 180), DEFAULT_CONCERT_MINUTES),
    bufferMinutes: z._default(wholeNumber(0, 240), DEFAULT_BUFFER_MINUTES),
  })
  .check(
    z.superRefine(
      (day, ctx) => {
        // Runs even when other fields are wrong, so each problem shows at once; a malformed
        // time is reported by its own field instead.
        const start = minutesOf(day.windowStart);
        const end = minutesOf(day.windowEnd);
        if (start === undefined || end === undefined) return;
        const length = end - start;
        if (length <= 0) {
          ctx.addIssue({ code: 'custom', message: 'window_end_before_start', path: ['windowEnd'] });
        } else if (Number.isInteger(day.concertMinutes) && length < day.concertMinutes) {
          ctx.addIssue({ code: 'custom', message: 'window_too_short', path: ['windowEnd'] });
        }
      },
      { when: ({ value }) => typeof value === 'object' && value !== null },
    ),
  );
/** What a coordinator may send for a tour day. */
export type TourDayInput = z.input<typeof tourDayInputSchema>;

/** A tour day as the hub stores and returns it: the input plus who created it, and when. */
export const tourDaySchema = z.safeExtend(tourDayInputSchema, {
  createdBy: opaqueId(),
  ...storedTimes(),
});
/** A valid tour day, with its defaults filled in. */
export type TourDay = z.output<typeof tourDaySchema>;
