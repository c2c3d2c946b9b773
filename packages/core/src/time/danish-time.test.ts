import { describe, expect, it } from 'vitest';
import { addDays, danishInstant, danishLocal, danishToday, minutesOfDay } from './danish-time.js';

describe('Danish time', () => {
  it('reads a moment as Danish wall-clock time, summer and winter', () => {
    expect(danishLocal('2025-05-06T08:00:00Z')).toEqual({
      local: '2025-05-06T10:00',
      date: '2025-05-06',
      time: '10:00',
      minutes: 600,
    });
    expect(danishLocal('2025-01-06T08:00:00Z').time).toBe('09:00');
  });

  it('says which day it is in Denmark, not in UTC', () => {
    expect(danishToday(new Date('2025-05-06T22:30:00Z'))).toBe('2025-05-07');
    expect(danishToday(new Date('2025-01-06T22:30:00Z'))).toBe('2025-01-06');
  });

  it('gives a local date-time its offset, on both sides of a change', () => {
    expect(danishInstant('2025-05-06T10:30')).toBe('2025-05-06T10:30:00+02:00');
    expect(danishInstant('2025-01-06T10:30')).toBe('2025-01-06T10:30:00+01:00');
    // The last hour of summer time and the first of winter time, 26 October 2025.
    expect(danishInstant('2025-10-26T01:30')).toBe('2025-10-26T01:30:00+02:00');
    expect(danishInstant('2025-10-26T04:00')).toBe('2025-10-26T04:00:00+01:00');
    expect(() => danishInstant('not a time')).toThrow(RangeError);
  });

  it('round-trips every quarter hour of a year through its instant', () => {
    for (let day = 0; day < 365; day += 7) {
      for (const time of ['00:15', '09:00', '13:45', '23:30']) {
        const local = `${addDays('2025-01-01', day)}T${time}`;
        expect(danishLocal(danishInstant(local)).local).toBe(local);
      }
    }
  });

  it('counts days and minutes', () => {
    expect(addDays('2025-03-30', 1)).toBe('2025-03-31');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(minutesOfDay('10:30')).toBe(630);
  });
});
