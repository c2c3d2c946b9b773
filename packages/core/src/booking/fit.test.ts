import { describe, expect, it } from 'vitest';
import { allFit, insideWindow, slotProblem } from './fit.js';

const day = {
  date: '2025-05-06',
  windowStart: '10:00',
  windowEnd: '16:00',
  maxConcerts: 3,
  concertMinutes: 60,
  bufferMinutes: 30,
};
const at = (time: string) => `2025-05-06T${time}:00+02:00`;

describe('booking fit', () => {
  it('needs the whole concert inside the window, on the day, in Danish time', () => {
    expect(insideWindow(day, at('10:00'))).toBe(true);
    expect(insideWindow(day, at('15:00'))).toBe(true);
    expect(insideWindow(day, at('15:01'))).toBe(false);
    expect(insideWindow(day, at('09:59'))).toBe(false);
    expect(insideWindow(day, '2025-05-06T08:00:00Z')).toBe(true);
    expect(insideWindow(day, '2025-05-07T10:00:00+02:00')).toBe(false);
  });

  it('keeps a concert and its buffer clear of the others, and counts the day’s concerts', () => {
    const taken = [{ id: 'a', start: at('10:00') }];
    expect(slotProblem(day, at('11:29'), taken)).toBe('booking_overlap');
    expect(slotProblem(day, at('11:30'), taken)).toBeUndefined();
    expect(slotProblem(day, at('17:00'), taken)).toBe('outside_window');
    const full = [...taken, { id: 'b', start: at('12:00') }, { id: 'c', start: at('14:00') }];
    expect(slotProblem(day, at('15:00'), full)).toBe('tour_day_full');
  });

  it('tells whether a changed day still holds its bookings', () => {
    const taken = [
      { id: 'a', start: at('10:00') },
      { id: 'b', start: at('14:00') },
    ];
    expect(allFit(day, taken)).toBe(true);
    expect(allFit({ ...day, windowEnd: '14:30' }, taken)).toBe(false);
    expect(allFit({ ...day, maxConcerts: 1 }, taken)).toBe(false);
  });
});
