import { describe, expect, it } from 'vitest';
import { readClock, readDate, readInstant, formatClock } from './clock.js';
import type { SchedulerNomination, SchedulerTourDay } from './model.js';
import { leftOverReason } from './reasons.js';
import { schedule } from './schedule.js';
import { violations } from './schedule.test-support.js';

// 2025-05-06 is a Tuesday, 2025-05-10 a Saturday. Aarhus is 751, Randers 730 (65 minutes away
// by the road estimate), Bornholm 400, København 101.
const TUESDAY = '2025-05-06';
const SATURDAY = '2025-05-10';

function nomination(id: string, extra: Partial<SchedulerNomination> = {}): SchedulerNomination {
  return {
    id,
    municipalityCode: '751',
    waitingSince: `2025-01-${String(10 + Number(id.replace(/\D/g, '') || 0)).padStart(2, '0')}T09:00:00Z`,
    ...extra,
  };
}

function tourDay(id: string, extra: Partial<SchedulerTourDay> = {}): SchedulerTourDay {
  return {
    id,
    musicianId: 'signe',
    date: TUESDAY,
    windowStart: '09:00',
    windowEnd: '16:00',
    baseMunicipalityCode: '751',
    ...extra,
  };
}

function plan(nominations: SchedulerNomination[], tourDays: SchedulerTourDay[], step = 5) {
  const input = { nominations, tourDays };
  const result = schedule(input, { startStepMinutes: step });
  expect(violations(input, result, step)).toEqual([]);
  return result;
}

function reasonOf(result: ReturnType<typeof schedule>, id: string) {
  return result.leftOver.find((l) => l.nominationId === id)?.reason;
}

describe('schedule: a single concert', () => {
  it('drives from the base, plays at the first start on the grid, and drives home', () => {
    const result = plan([nomination('n1')], [tourDay('d1')]);
    expect(result.proposals).toEqual([
      {
        nominationId: 'n1',
        tourDayId: 'd1',
        start: `${TUESDAY}T09:20`,
        end: `${TUESDAY}T10:20`,
        driveMinutesBefore: 20,
      },
    ]);
    expect(result.leftOver).toEqual([]);
    expect(result.stats).toEqual({
      concerts: 1,
      driveMinutes: 40,
      tourDays: [{ tourDayId: 'd1', musicianId: 'signe', concerts: 1, driveMinutes: 40 }],
      ignoredTourDays: [],
    });
  });

  it('rounds the start up to the grid', () => {
    const result = plan([nomination('n1')], [tourDay('d1')], 15);
    expect(result.proposals[0]?.start).toBe(`${TUESDAY}T09:30`);
  });

  it('uses a given travel estimate, and treats a trip it cannot make as impossible', () => {
    const fast = schedule(
      { nominations: [nomination('n1')], tourDays: [tourDay('d1')] },
      { travel: () => 5 },
    );
    expect(fast.proposals[0]?.start).toBe(`${TUESDAY}T09:05`);
    expect(fast.stats.driveMinutes).toBe(10);
    const never = schedule(
      { nominations: [nomination('n1')], tourDays: [tourDay('d1')] },
      { travel: () => Number.NaN },
    );
    expect(never.proposals).toEqual([]);
    expect(reasonOf(never, 'n1')?.code).toBe('too-far');
  });
});

describe('schedule: the tour day window', () => {
  it('counts the drive from the base inside the window', () => {
    // Aarhus to Randers is 65 minutes: leaving at 09:00, the concert starts 10:05 and ends 11:05.
    const far = nomination('n1', { municipalityCode: '730' });
    expect(plan([far], [tourDay('d1', { windowEnd: '11:05' })]).proposals[0]?.start).toBe(
      `${TUESDAY}T10:05`,
    );
    const tooShort = plan([far], [tourDay('d1', { windowEnd: '11:00' })]);
    expect(tooShort.proposals).toEqual([]);
    expect(reasonOf(tooShort, 'n1')?.code).toBe('too-far');
  });

  it('lets the last concert end at the window end and the drive home come after it', () => {
    const result = plan([nomination('n1')], [tourDay('d1', { windowEnd: '10:20' })]);
    expect(result.proposals[0]?.end).toBe(`${TUESDAY}T10:20`);
    expect(result.stats.driveMinutes).toBe(40);
  });

  it('keeps the drive and the buffer between concerts', () => {
    const result = plan([nomination('n1'), nomination('n2')], [tourDay('d1')]);
    // 09:20–10:20, 30 minutes' buffer, 20 minutes' drive: the next starts at 11:10.
    expect(result.proposals.map((p) => p.start.slice(11))).toEqual(['09:20', '11:10']);
    expect(result.proposals.map((p) => p.driveMinutesBefore)).toEqual([20, 20]);
    expect(result.stats.driveMinutes).toBe(60);
  });

  it('follows the tour day’s concert length and buffer', () => {
    const day = tourDay('d1', { concertMinutes: 45, bufferMinutes: 0 });
    const result = plan([nomination('n1'), nomination('n2')], [day]);
    expect(result.proposals.map((p) => [p.start.slice(11), p.end.slice(11)])).toEqual([
      ['09:20', '10:05'],
      ['10:25', '11:10'],
    ]);
  });

  it('never plans more than the maximum, and says the days are full', () => {
    const nominations = ['n1', 'n2', 'n3', 'n4'].map((id) => nomination(id));
    const result = plan(nominations, [tourDay('d1')]);
    expect(result.stats.concerts).toBe(3);
    // The one who waited least is the one left over.
    expect(result.leftOver.map((l) => l.nominationId)).toEqual(['n4']);
    expect(reasonOf(result, 'n4')).toEqual(leftOverReason('tour-days-full', { days: 1 }));
    const two = plan(nominations, [tourDay('d1', { maxConcerts: 2 })]);
    expect(two.stats.concerts).toBe(2);
  });

  it('says when a day has room but not between the concerts already there', () => {
    const morning = { timesOfDay: ['morning'] as const };
    const result = plan(
      [nomination('n1', { ...morning }), nomination('n2', { ...morning })],
      [tourDay('d1')],
    );
    // 09:20–10:20, then 11:10 at the earliest: past noon for the second.
    expect(result.stats.concerts).toBe(1);
    expect(reasonOf(result, 'n2')?.code).toBe('no-room-in-route');
  });
});

describe('schedule: what suits the host', () => {
  it('keeps the weekdays that suit', () => {
    const saturday = nomination('n1', { weekdays: ['sat'] });
    const none = plan([saturday], [tourDay('d1')]);
    expect(reasonOf(none, 'n1')).toEqual(leftOverReason('no-day-on-weekday', { weekdays: [5] }));
    expect(reasonOf(none, 'n1')?.en).toContain('Saturday');
    expect(reasonOf(none, 'n1')?.da).toContain('lørdag');
    const result = plan([saturday], [tourDay('d1'), tourDay('d2', { date: SATURDAY })]);
    expect(result.proposals.map((p) => p.tourDayId)).toEqual(['d2']);
  });

  it('keeps the earliest date', () => {
    const later = nomination('n1', { earliestDate: '2025-05-07' });
    const none = plan([later], [tourDay('d1')]);
    expect(reasonOf(none, 'n1')?.code).toBe('no-day-after-earliest-date');
    expect(reasonOf(none, 'n1')?.da).toContain('2025-05-07');
    expect(plan([later], [tourDay('d1', { date: '2025-05-07' })]).stats.concerts).toBe(1);
  });

  it('says when days fall on the right weekdays and after the date, but none on both', () => {
    const n = nomination('n1', { weekdays: ['tue'], earliestDate: '2025-05-07' });
    const result = plan([n], [tourDay('d1'), tourDay('d2', { date: SATURDAY })]);
    expect(reasonOf(result, 'n1')?.code).toBe('no-day-on-weekday-after-earliest-date');
  });

  it('keeps the times of day, and joins adjacent ones', () => {
    const evening = nomination('n1', { timesOfDay: ['evening'] });
    const none = plan([evening], [tourDay('d1')]);
    expect(reasonOf(none, 'n1')?.code).toBe('no-window-at-time-of-day');
    expect(reasonOf(none, 'n1')?.en).toContain('evening');
    const late = plan([evening], [tourDay('d1', { windowEnd: '21:00' })]);
    expect(late.proposals[0]?.start).toBe(`${TUESDAY}T17:00`);
    // A concert may not start before 09:00 when the host asked for mornings.
    const morning = nomination('n2', { timesOfDay: ['morning'] });
    const early = plan([morning], [tourDay('d1', { windowStart: '08:00' })]);
    expect(early.proposals[0]?.start).toBe(`${TUESDAY}T09:00`);
    // Morning or afternoon: 11:30–12:30 is fine as one stretch.
    const either = nomination('n3', { timesOfDay: ['afternoon', 'morning'] });
    const noon = plan([either], [tourDay('d1', { windowStart: '11:10' })]);
    expect(noon.proposals[0]?.start).toBe(`${TUESDAY}T11:30`);
  });

  it('proposes only musicians who speak the language asked for', () => {
    const english = nomination('n1', { language: 'en' });
    const none = plan([english], [tourDay('d1')]);
    expect(reasonOf(none, 'n1')?.code).toBe('no-musician-with-language');
    expect(reasonOf(none, 'n1')?.en).toContain('English');
    const result = plan(
      [english],
      [tourDay('d1'), tourDay('d2', { musicianLanguages: ['da', 'en'] })],
    );
    expect(result.proposals.map((p) => p.tourDayId)).toEqual(['d2']);
    // Danish is what a musician speaks unless the tour day says otherwise.
    expect(plan([nomination('n2', { language: 'da' })], [tourDay('d1')]).stats.concerts).toBe(1);
  });

  it('prefers a musician who plays what the pair wishes for, when it costs nothing', () => {
    const jazz = nomination('n1', { wantsGenres: ['jazz'] });
    const days = [
      tourDay('a', { musicianGenres: ['hymns'] }),
      tourDay('b', { musicianGenres: ['folk', 'jazz'] }),
    ];
    expect(plan([jazz], days).proposals[0]?.tourDayId).toBe('b');
    // But genres never cost driving: nearer wins.
    const nearer = [tourDay('a', { baseMunicipalityCode: '730' }), ...days.slice(1)];
    const randers = nomination('n2', { municipalityCode: '730', wantsGenres: ['jazz'] });
    expect(plan([randers], nearer).proposals[0]?.tourDayId).toBe('a');
    // And a musician without the genre is still proposed.
    expect(plan([jazz], [days[0]!]).stats.concerts).toBe(1);
  });
});

describe('schedule: water', () => {
  it('does not cross to an island without a bridge', () => {
    const bornholm = nomination('n1', { municipalityCode: '400' });
    const result = plan([bornholm], [tourDay('d1', { baseMunicipalityCode: '101' })]);
    expect(reasonOf(result, 'n1')?.code).toBe('across-water');
    const onIsland = plan([bornholm], [tourDay('d1', { baseMunicipalityCode: '400' })]);
    expect(onIsland.proposals[0]?.driveMinutesBefore).toBe(20);
  });

  it('keeps a day based on an island on that island', () => {
    const result = plan([nomination('n1')], [tourDay('d1', { baseMunicipalityCode: '741' })]);
    expect(reasonOf(result, 'n1')?.code).toBe('across-water');
  });
});

describe('schedule: the objective', () => {
  it('gives a contested place to whoever has waited longest', () => {
    const result = plan(
      [
        nomination('late', { waitingSince: '2025-03-01T09:00:00Z' }),
        nomination('early', { waitingSince: '2025-01-01T09:00:00+01:00' }),
      ],
      [tourDay('d1', { maxConcerts: 1 })],
    );
    expect(result.proposals.map((p) => p.nominationId)).toEqual(['early']);
    expect(result.leftOver.map((l) => l.nominationId)).toEqual(['late']);
  });

  it('places more concerts before it is fair', () => {
    // The longest waiting lives in Randers; with them, a short day holds one concert, without
    // them two in Aarhus.
    const result = plan(
      [
        nomination('far', { municipalityCode: '730', waitingSince: '2024-12-01T09:00:00Z' }),
        nomination('n1'),
        nomination('n2'),
      ],
      [tourDay('d1', { windowEnd: '12:30', maxConcerts: 2 })],
    );
    expect(result.proposals.map((p) => p.nominationId).sort()).toEqual(['n1', 'n2']);
    expect(reasonOf(result, 'far')?.code).toBe('tour-days-full');
  });

  it('moves a concert to another day to make room for one more', () => {
    // n1 goes first to Saturday, the nearer day; n2 can only have Saturday, so n1 moves.
    const result = plan(
      [nomination('n1'), nomination('n2', { weekdays: ['sat'] })],
      [
        tourDay('sat', { date: SATURDAY, maxConcerts: 1 }),
        tourDay('tue', { maxConcerts: 1, baseMunicipalityCode: '730' }),
      ],
    );
    expect(result.proposals.map((p) => [p.nominationId, p.tourDayId])).toEqual([
      ['n1', 'tue'],
      ['n2', 'sat'],
    ]);
  });

  it('drives less when it can', () => {
    const randers = nomination('n1', { municipalityCode: '730' });
    const result = plan(
      [randers],
      [tourDay('aarhus'), tourDay('randers', { baseMunicipalityCode: '730' })],
    );
    expect(result.proposals[0]?.tourDayId).toBe('randers');
    expect(result.stats.driveMinutes).toBe(40);
  });

  it('visits the concerts of a day in time order', () => {
    // n1 is planned first, in the afternoon; n2, who wants a morning, goes before it.
    const result = plan(
      [
        nomination('n1', { timesOfDay: ['afternoon'] }),
        nomination('n2', { timesOfDay: ['morning'] }),
      ],
      [tourDay('d1')],
    );
    expect(result.proposals.map((p) => [p.nominationId, p.start.slice(11)])).toEqual([
      ['n2', '09:20'],
      ['n1', '12:00'],
    ]);
  });
});

describe('schedule: what cannot be planned', () => {
  it('says so when there are no tour days', () => {
    const result = plan([nomination('n1')], []);
    expect(result.leftOver).toEqual([
      { nominationId: 'n1', reason: leftOverReason('no-tour-days') },
    ]);
  });

  it('names an unknown municipality', () => {
    const result = plan([nomination('n1', { municipalityCode: '999' })], [tourDay('d1')]);
    expect(reasonOf(result, 'n1')?.code).toBe('unknown-municipality');
  });

  it('names the field of a nomination it cannot read', () => {
    const bad = [
      nomination('n1', { waitingSince: 'yesterday' }),
      nomination('n2', { earliestDate: '2025-02-30' }),
      nomination('n3', { weekdays: ['someday' as 'mon'] }),
    ];
    const result = plan(bad, [tourDay('d1')]);
    expect(result.leftOver.map((l) => [l.nominationId, l.reason.code])).toEqual([
      ['n2', 'invalid-nomination'],
      ['n3', 'invalid-nomination'],
      ['n1', 'invalid-nomination'],
    ]);
    expect(reasonOf(result, 'n1')?.en).toContain('waitingSince');
    expect(reasonOf(result, 'n2')?.da).toContain('earliestDate');
  });

  it('plans a repeated nomination once', () => {
    const result = plan([nomination('n1'), nomination('n1')], [tourDay('d1')]);
    expect(result.stats.concerts).toBe(1);
    expect(result.leftOver).toEqual([
      { nominationId: 'n1', reason: leftOverReason('duplicate-nomination') },
    ]);
  });

  it('leaves out a tour day it cannot read, and says which field', () => {
    const result = schedule({
      nominations: [nomination('n1')],
      tourDays: [
        tourDay('bad-window', { windowEnd: '08:00' }),
        tourDay('bad-base', { baseMunicipalityCode: '0' }),
        tourDay('too-short', { windowEnd: '09:30' }),
        tourDay('twice'),
        tourDay('twice', { windowStart: '10:00' }),
      ],
    });
    expect(result.stats.ignoredTourDays).toEqual([
      { tourDayId: 'bad-base', field: 'baseMunicipalityCode' },
      { tourDayId: 'bad-window', field: 'windowEnd' },
      { tourDayId: 'too-short', field: 'windowEnd' },
      { tourDayId: 'twice', field: 'id' },
    ]);
    // Of two days with one id, the earlier is used.
    expect(result.proposals.map((p) => p.start)).toEqual([`${TUESDAY}T09:20`]);
  });

  it('refuses a start grid it cannot use', () => {
    expect(() => schedule({ nominations: [], tourDays: [] }, { startStepMinutes: 0 })).toThrow(
      RangeError,
    );
  });
});

describe('clock', () => {
  it('reads dates, weekdays, clock times and instants', () => {
    expect(readDate(TUESDAY)?.weekday).toBe(1);
    expect(readDate(SATURDAY)?.weekday).toBe(5);
    expect(readDate('1970-01-01')).toEqual({ day: 0, weekday: 3 });
    expect(readDate('2025-02-29')).toBeUndefined();
    expect(readDate('2025-5-6')).toBeUndefined();
    expect(readClock('10:30')).toBe(630);
    expect(readClock('24:00')).toBeUndefined();
    expect(formatClock(630)).toBe('10:30');
    expect(readInstant('2025-03-01T10:00:00+01:00')).toBe(Date.UTC(2025, 2, 1, 9));
    expect(readInstant('2025-03-01')).toBeUndefined();
  });
});
