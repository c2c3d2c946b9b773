// What the scheduler's tests hold a plan against: its documented rules, written again here from
// the documentation rather than shared with the code under test, and generators of instances.
import fc from 'fast-check';
import { municipalityByCode } from '../geo/municipalities.js';
import { crossesWater, estimateDriveMinutes } from '../geo/travel.js';
import {
  LEFT_OVER_CODES,
  SCHEDULER_WEEKDAYS,
  TIME_OF_DAY_RANGES,
  type ScheduleInput,
  type ScheduleResult,
  type SchedulerNomination,
  type SchedulerTimeOfDay,
  type SchedulerTourDay,
  type SchedulerWeekday,
} from './model.js';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Driving minutes as documented: the road estimate, and no trip that needs a ferry. */
export function drive(from: string, to: string): number {
  const a = municipalityByCode(from)!;
  const b = municipalityByCode(to)!;
  return crossesWater(a, b) ? Infinity : estimateDriveMinutes(a, b);
}

function weekdayOf(date: string): SchedulerWeekday {
  return SCHEDULER_WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;
}

/** Whether a concert from `start` to `end` (minutes) lies in one of the times that suit. */
function inTimesOfDay(n: SchedulerNomination, start: number, end: number): boolean {
  const times = n.timesOfDay ?? [];
  if (times.length === 0) return true;
  // Adjacent parts of the day join: morning and afternoon together run 09:00–17:00.
  const ranges = times
    .map((t) => [minutes(TIME_OF_DAY_RANGES[t].from), minutes(TIME_OF_DAY_RANGES[t].to)])
    .sort((a, b) => a[0]! - b[0]!);
  const joined: number[][] = [];
  for (const [from, to] of ranges) {
    const last = joined[joined.length - 1];
    if (last && from! <= last[1]!) last[1] = Math.max(last[1]!, to!);
    else joined.push([from!, to!]);
  }
  return joined.some(([from, to]) => start >= from! && end <= to!);
}

/**
 * Every rule a plan must keep, checked from the input alone; returns what is broken, so a
 * failing property says why. `step` is the start grid in minutes.
 */
export function violations(input: ScheduleInput, result: ScheduleResult, step = 5): string[] {
  const out: string[] = [];
  const nominations = new Map<string, SchedulerNomination>();
  for (const n of input.nominations) if (!nominations.has(n.id)) nominations.set(n.id, n);
  const days = new Map(input.tourDays.map((t) => [t.id, t]));
  const proposed = new Set<string>();
  const byDay = new Map<string, ScheduleResult['proposals'][number][]>();
  for (const p of result.proposals) {
    if (proposed.has(p.nominationId)) out.push(`${p.nominationId} is proposed twice`);
    proposed.add(p.nominationId);
    if (!nominations.has(p.nominationId)) out.push(`${p.nominationId} is not a nomination`);
    if (!days.has(p.tourDayId)) out.push(`${p.tourDayId} is not a tour day`);
    byDay.set(p.tourDayId, [...(byDay.get(p.tourDayId) ?? []), p]);
  }
  let total = 0;
  for (const [dayId, list] of byDay) {
    const t = days.get(dayId);
    if (t === undefined) continue;
    const concert = t.concertMinutes ?? 60;
    const buffer = t.bufferMinutes ?? 30;
    const languages = t.musicianLanguages ?? ['da'];
    if (list.length > (t.maxConcerts ?? 3)) out.push(`${dayId} has ${list.length} concerts`);
    const sorted = [...list].sort((a, b) => a.start.localeCompare(b.start));
    let free = minutes(t.windowStart);
    let at = t.baseMunicipalityCode;
    for (const p of sorted) {
      const n = nominations.get(p.nominationId);
      if (n === undefined) continue;
      const where = `${n.id} on ${dayId}`;
      const start = minutes(p.start.slice(11));
      const end = minutes(p.end.slice(11));
      if (!p.start.startsWith(`${t.date}T`) || !p.end.startsWith(`${t.date}T`)) {
        out.push(`${where}: not on the tour day's date`);
      }
      if (end - start !== concert) out.push(`${where}: lasts ${end - start} minutes`);
      if (start % step !== 0) out.push(`${where}: starts off the ${step}-minute grid`);
      const leg = drive(at, n.municipalityCode);
      if (!Number.isFinite(leg)) out.push(`${where}: needs a ferry`);
      if (p.driveMinutesBefore !== leg)
        out.push(`${where}: drive ${p.driveMinutesBefore} ≠ ${leg}`);
      if (start < free + leg) out.push(`${where}: starts before the musician can be there`);
      if (end > minutes(t.windowEnd)) out.push(`${where}: ends after the window`);
      const weekdays = n.weekdays ?? [];
      if (weekdays.length > 0 && !weekdays.includes(weekdayOf(t.date))) {
        out.push(`${where}: not on a weekday that suits`);
      }
      if (!inTimesOfDay(n, start, end)) out.push(`${where}: not at a time of day that suits`);
      if (n.earliestDate !== undefined && t.date < n.earliestDate) {
        out.push(`${where}: before the earliest date`);
      }
      if (n.language !== undefined && !languages.includes(n.language)) {
        out.push(`${where}: the musician does not speak ${n.language}`);
      }
      total += leg;
      free = end + buffer;
      at = n.municipalityCode;
    }
    total += drive(at, t.baseMunicipalityCode);
  }
  if (result.stats.concerts !== result.proposals.length) out.push('stats.concerts is off');
  if (result.stats.driveMinutes !== total) {
    out.push(`stats.driveMinutes ${result.stats.driveMinutes} ≠ ${total}`);
  }
  const left = new Map<string, number>();
  for (const l of result.leftOver) {
    left.set(l.nominationId, (left.get(l.nominationId) ?? 0) + 1);
    if (!(LEFT_OVER_CODES as readonly string[]).includes(l.reason.code)) {
      out.push(`${l.nominationId}: unknown reason ${l.reason.code}`);
    }
    if (l.reason.da.trim() === '' || l.reason.en.trim() === '' || /undefined/.test(l.reason.en)) {
      out.push(`${l.nominationId}: reason without words`);
    }
  }
  // Every nomination given is accounted for exactly once: proposed, or left over with a reason
  // (a repeated id is left over once for each repeat).
  const given = new Map<string, number>();
  for (const n of input.nominations) given.set(n.id, (given.get(n.id) ?? 0) + 1);
  for (const [id, count] of given) {
    const accounted = (proposed.has(id) ? 1 : 0) + (left.get(id) ?? 0);
    if (accounted !== count) out.push(`${id}: accounted for ${accounted} times, given ${count}`);
  }
  return out;
}

/**
 * The best plan by the documented objective, by trying every assignment: for tiny instances
 * only (it is exponential). Returns the number of concerts, the ids placed, and the driving.
 */
export function bruteForceOptimum(input: ScheduleInput): {
  concerts: number;
  placed: string[];
  driveMinutes: number;
} {
  const noms = [...input.nominations].sort(
    (a, b) => Date.parse(a.waitingSince) - Date.parse(b.waitingSince) || (a.id < b.id ? -1 : 1),
  );
  const days = input.tourDays;
  const dayDrive = (t: SchedulerTourDay, set: SchedulerNomination[]): number => {
    let best = Infinity;
    for (const order of permutations(set)) best = Math.min(best, routeDrive(t, order));
    return best;
  };
  let best = { concerts: -1, key: '', placed: [] as string[], driveMinutes: Infinity };
  const choice = new Array<number>(noms.length).fill(-1);
  const visit = (k: number): void => {
    if (k === noms.length) {
      let total = 0;
      for (let d = 0; d < days.length; d++) {
        const set = noms.filter((_, i) => choice[i] === d);
        if (set.length > (days[d]!.maxConcerts ?? 3)) return;
        if (set.length > 0) total += dayDrive(days[d]!, set);
        if (!Number.isFinite(total)) return;
      }
      const concerts = choice.filter((c) => c >= 0).length;
      // Lexicographic fairness: '1' for placed, longest waiting first; larger is fairer.
      const key = choice.map((c) => (c >= 0 ? '1' : '0')).join('');
      if (
        concerts > best.concerts ||
        (concerts === best.concerts &&
          (key > best.key || (key === best.key && total < best.driveMinutes)))
      ) {
        const placed = noms.filter((_, i) => choice[i]! >= 0).map((n) => n.id);
        best = { concerts, key, placed, driveMinutes: total };
      }
      return;
    }
    for (let d = -1; d < days.length; d++) {
      choice[k] = d;
      visit(k + 1);
    }
  };
  visit(0);
  return { concerts: best.concerts, placed: best.placed.sort(), driveMinutes: best.driveMinutes };
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

/** Driving of a day's route in this order with every rule kept, or Infinity. */
function routeDrive(t: SchedulerTourDay, order: readonly SchedulerNomination[]): number {
  const concert = t.concertMinutes ?? 60;
  const buffer = t.bufferMinutes ?? 30;
  let free = minutes(t.windowStart);
  let at = t.baseMunicipalityCode;
  let total = 0;
  for (const n of order) {
    const weekdays = n.weekdays ?? [];
    if (weekdays.length > 0 && !weekdays.includes(weekdayOf(t.date))) return Infinity;
    if (n.earliestDate !== undefined && t.date < n.earliestDate) return Infinity;
    if (n.language !== undefined && !(t.musicianLanguages ?? ['da']).includes(n.language)) {
      return Infinity;
    }
    const leg = drive(at, n.municipalityCode);
    if (!Number.isFinite(leg)) return Infinity;
    total += leg;
    let start = Math.ceil((free + leg) / 5) * 5;
    while (start + concert <= minutes(t.windowEnd) && !inTimesOfDay(n, start, start + concert)) {
      start += 5;
    }
    if (start + concert > minutes(t.windowEnd)) return Infinity;
    free = start + concert + buffer;
    at = n.municipalityCode;
  }
  return total + drive(at, t.baseMunicipalityCode);
}

// ---------------------------------------------------------------------------------------------
// Generators.

/**
 * Municipalities the generated instances use: Aarhus and its neighbours mostly, now and then
 * Copenhagen (far) and Samsø (an island without a bridge).
 */
export const TEST_MUNICIPALITIES = ['751', '730', '740', '706', '710', '746', '751', '730'];
const MUNICIPALITY_ARB = fc.oneof(
  { arbitrary: fc.constantFrom(...TEST_MUNICIPALITIES), weight: 8 },
  { arbitrary: fc.constantFrom('101', '741'), weight: 1 },
);
const DATES = ['2025-05-05', '2025-05-06', '2025-05-07', '2025-05-09', '2025-05-10'];

const nominationArb = (id: string) =>
  fc.record(
    {
      id: fc.constant(id),
      municipalityCode: MUNICIPALITY_ARB,
      weekdays: fc.subarray([...SCHEDULER_WEEKDAYS], { minLength: 3 }),
      timesOfDay: fc.subarray<SchedulerTimeOfDay>(['morning', 'afternoon', 'evening'], {
        minLength: 1,
      }),
      earliestDate: fc.constantFrom(DATES[0]!, DATES[0]!, DATES[1]!, DATES[3]!),
      waitingSince: fc
        .integer({ min: 0, max: 200 })
        .map((d) => new Date(Date.UTC(2025, 0, 1) + d * 86_400_000).toISOString()),
      language: fc.constantFrom('da', 'da', 'da', 'en'),
      wantsGenres: fc.subarray(['jazz', 'hymns', 'folk']),
    },
    { requiredKeys: ['id', 'municipalityCode', 'waitingSince'] },
  );

const tourDayArb = (id: string) =>
  fc
    .record({
      date: fc.constantFrom(...DATES),
      from: fc.integer({ min: 16, max: 28 }).map((h) => h * 30),
      length: fc.integer({ min: 3, max: 16 }).map((h) => h * 30),
      base: MUNICIPALITY_ARB,
      maxConcerts: fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
      concertMinutes: fc.option(fc.constantFrom(45, 60, 75), { nil: undefined }),
      bufferMinutes: fc.option(fc.constantFrom(0, 20, 30), { nil: undefined }),
      languages: fc.option(fc.constantFrom(['da'], ['da', 'en'], ['da', 'en'], ['en']), {
        nil: undefined,
      }),
      genres: fc.subarray(['jazz', 'hymns', 'folk']),
    })
    .map((r): SchedulerTourDay => ({
      id,
      musicianId: `m-${id}`,
      date: r.date,
      windowStart: clock(r.from),
      windowEnd: clock(Math.min(23 * 60 + 30, r.from + r.length)),
      baseMunicipalityCode: r.base,
      maxConcerts: r.maxConcerts,
      concertMinutes: r.concertMinutes,
      bufferMinutes: r.bufferMinutes,
      musicianLanguages: r.languages,
      musicianGenres: r.genres,
    }));

function clock(total: number): string {
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
}

/** Instances of up to `maxNominations` nominations and `maxDays` tour days. */
export function instanceArb(maxNominations: number, maxDays: number): fc.Arbitrary<ScheduleInput> {
  return fc
    .record({
      n: fc.integer({ min: 0, max: maxNominations }),
      // No tour days at all is tested by hand; generated plans have some to plan on.
      d: fc.integer({ min: Math.min(1, maxDays), max: maxDays }),
    })
    .chain(({ n, d }) =>
      fc.record({
        nominations: fc.tuple(...Array.from({ length: n }, (_, i) => nominationArb(`n${i}`))),
        tourDays: fc.tuple(...Array.from({ length: d }, (_, i) => tourDayArb(`d${i}`))),
      }),
    )
    .map(({ nominations, tourDays }) => ({ nominations, tourDays }));
}
