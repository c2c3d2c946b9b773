import { describe, expect, it } from 'vitest';
import { validate } from '../validation/validate.js';
import { exampleTourDayInput } from './examples.js';
import { storedTourDay } from './records.test-support.js';
import { tourDayInputSchema, tourDaySchema } from './tour-day.js';
import { expectAcceptedAsIs, issueCodes } from '../validation/validate.test-support.js';

function codesOf(input: unknown) {
  return issueCodes(tourDayInputSchema, input);
}

describe('tourDayInputSchema', () => {
  it('fills in three concerts of an hour with half an hour after each', () => {
    const rest = exampleTourDayInput();
    delete rest.maxConcerts;
    delete rest.concertMinutes;
    delete rest.bufferMinutes;
    expect(validate(tourDayInputSchema, rest)).toEqual({
      ok: true,
      value: { ...rest, maxConcerts: 3, concertMinutes: 60, bufferMinutes: 30 },
    });
  });

  it.each([
    ['16:00', '10:00', [['windowEnd', 'window_end_before_start']]],
    ['10:00', '10:00', [['windowEnd', 'window_end_before_start']]],
    ['10:00', '10:59', [['windowEnd', 'window_too_short']]],
    ['10:00', '11:00', []],
    ['00:00', '23:59', []],
    ['9:00', '16:00', [['windowStart', 'invalid_time']]],
    ['10:00', '24:00', [['windowEnd', 'invalid_time']]],
  ])('window %s–%s', (windowStart, windowEnd, expected) => {
    expect(codesOf({ ...exampleTourDayInput(), windowStart, windowEnd })).toEqual(expected);
  });

  it('checks the window against the concert length it is given', () => {
    expect(codesOf({ ...exampleTourDayInput(), windowEnd: '11:00', concertMinutes: 90 })).toEqual([
      ['windowEnd', 'window_too_short'],
    ]);
  });

  it('reports the window even when another field is wrong too', () => {
    expect(
      codesOf({ ...exampleTourDayInput(), date: '2025-13-01', windowEnd: '09:00', maxConcerts: 9 }),
    ).toEqual([
      ['date', 'invalid_date'],
      ['maxConcerts', 'out_of_range'],
      ['windowEnd', 'window_end_before_start'],
    ]);
  });

  it('keeps the pace within reason', () => {
    expect(
      codesOf({
        ...exampleTourDayInput(),
        maxConcerts: 0,
        concertMinutes: 10,
        bufferMinutes: -5,
      }),
    ).toEqual([
      ['maxConcerts', 'out_of_range'],
      ['concertMinutes', 'out_of_range'],
      ['bufferMinutes', 'out_of_range'],
    ]);
  });
});

describe('tourDaySchema', () => {
  it('is the input plus who created it, and when; its window rule still holds', () => {
    const stored = storedTourDay();
    expectAcceptedAsIs(tourDaySchema, stored);
    expect(validate(tourDaySchema, { ...stored, windowEnd: '09:00' }).ok).toBe(false);
  });
});
