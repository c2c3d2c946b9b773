// The scheduler's benchmarks: speed at the scale of a busy season (scheduler-scale), and quality
// against the exact optimum on small plans (scheduler-quality, scheduler-driving). Each returns
// one figure in the shape bench/run.ts prints; `node bench/scheduler.ts` runs them all for a quick
// look. Run after `pnpm build`.
//
// Everything here reads the rules from the scheduler's documentation, not from its code: the
// feasibility check, the first-fit baseline and the exact search are written again, so a mistake
// in the scheduler cannot hide in the yardstick.
import { fileURLToPath } from 'node:url';
import {
  MUNICIPALITIES,
  municipalityByCode,
  type Municipality,
} from '../packages/core/dist/index.js';
import {
  crossesWater,
  estimateDriveMinutes,
  schedule,
  TIME_OF_DAY_RANGES,
  type ScheduleResult,
  type SchedulerNomination,
  type SchedulerTimeOfDay,
  type SchedulerTourDay,
  type SchedulerWeekday,
} from '../packages/core/dist/scheduler.js';

/** One figure, as bench/run.ts collects them (it adds the ratio). */
export interface SchedulerBenchResult {
  name: string;
  value: number;
  unit: string;
  reference: string;
  referenceValue: number;
  goal: string;
  met: boolean;
}

/** A plan to make: what `schedule` takes. */
export interface Instance {
  nominations: SchedulerNomination[];
  tourDays: SchedulerTourDay[];
}

const WEEKDAYS: readonly SchedulerWeekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const TIMES: readonly SchedulerTimeOfDay[] = ['morning', 'afternoon', 'evening'];
const GENRES = ['danish-songs', 'hymns', 'evergreens', 'classical', 'jazz', 'folk', 'pop-rock'];
const STEP = 5; // the scheduler's default start grid, minutes
const DAY_MS = 86_400_000;

// ---------------------------------------------------------------------------------------------
// Seeded randomness, so every run plans the same instances.

/** mulberry32: a small, fast PRNG with a 32-bit state; plenty for generating test plans. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: () => number, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;

function some<T>(random: () => number, items: readonly T[], min: number, max: number): T[] {
  const count = min + Math.floor(random() * (max - min + 1));
  const pool = [...items];
  const out: T[] = [];
  while (out.length < count && pool.length > 0) {
    out.push(pool.splice(Math.floor(random() * pool.length), 1)[0]!);
  }
  return out;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

// Monday 2 March 2026: the generated tour days run from here.
const FIRST_MONDAY = Date.UTC(2026, 2, 2);
const WAITING_FROM = Date.UTC(2025, 2, 1);

// ---------------------------------------------------------------------------------------------
// Generators.

/**
 * A busy season: `nominations` hosts spread over all 98 municipalities (each at least once), and
 * `tourDays` days of musicians touring from their home or a neighbouring town over four weeks
 * (Monday–Saturday), with the windows, preferences and languages a coordinator meets.
 */
export function scaleInstance(nominations = 2000, tourDays = 300, seed = 1): Instance {
  const random = prng(seed);
  const munis = MUNICIPALITIES;
  const musicians = Math.ceil(tourDays / 4);
  const days: SchedulerTourDay[] = [];
  const windows: [number, number][] = [
    [9 * 60, 15 * 60],
    [10 * 60, 16 * 60],
    [9 * 60 + 30, 14 * 60 + 30],
    [12 * 60, 19 * 60],
    [10 * 60, 18 * 60],
  ];
  for (let m = 0; days.length < tourDays; m = (m + 1) % musicians) {
    const home = munis[(m * 37) % munis.length]!;
    const languages = ['da', ...(random() < 0.2 ? ['en'] : []), ...(random() < 0.05 ? ['de'] : [])];
    const genres = some(random, GENRES, 1, 3);
    const nearby = munis.filter(
      (x) => x.region === home.region && !crossesWater(home, x) && x.code !== home.code,
    );
    const base = random() < 0.6 || nearby.length === 0 ? home : pick(random, nearby);
    const [from, to] = pick(random, windows);
    days.push({
      id: `day-${String(days.length).padStart(3, '0')}`,
      musicianId: `musician-${m}`,
      date: isoDate(
        FIRST_MONDAY + (Math.floor(random() * 4) * 7 + Math.floor(random() * 6)) * DAY_MS,
      ),
      windowStart: clock(from),
      windowEnd: clock(to),
      baseMunicipalityCode: base.code,
      maxConcerts: random() < 0.1 ? 2 : random() < 0.1 ? 4 : 3,
      concertMinutes: random() < 0.15 ? 45 : 60,
      bufferMinutes: random() < 0.2 ? 20 : 30,
      musicianLanguages: languages,
      musicianGenres: genres,
    });
  }
  const noms: SchedulerNomination[] = [];
  for (let i = 0; i < nominations; i++) {
    const muni = i < munis.length ? munis[i]! : pick(random, munis);
    noms.push(randomNomination(random, `nom-${String(i).padStart(4, '0')}`, muni, 28));
  }
  return { nominations: noms, tourDays: days };
}

function randomNomination(
  random: () => number,
  id: string,
  muni: Municipality,
  spanDays: number,
): SchedulerNomination {
  const r = random();
  const language = r < 0.85 ? 'da' : r < 0.95 ? undefined : pick(random, ['en', 'de']);
  const nomination: SchedulerNomination = {
    id,
    municipalityCode: muni.code,
    waitingSince: new Date(WAITING_FROM + Math.floor(random() * 300 * DAY_MS)).toISOString(),
    ...(random() < 0.5 ? { weekdays: some(random, WEEKDAYS.slice(0, 6), 1, 4) } : {}),
    ...(random() < 0.6
      ? { timesOfDay: some(random, random() < 0.8 ? TIMES.slice(0, 2) : TIMES, 1, 2) }
      : {}),
    ...(random() < 0.3
      ? { earliestDate: isoDate(FIRST_MONDAY + Math.floor(random() * spanDays) * DAY_MS) }
      : {}),
    ...(language === undefined ? {} : { language }),
    ...(random() < 0.5 ? { wantsGenres: some(random, GENRES, 1, 2) } : {}),
  };
  return nomination;
}

/**
 * A small plan of the kind a coordinator makes for one area and week: up to 12 nominations and 4
 * tour days of at most 3 concerts, in municipalities around one centre, with tight enough
 * windows and preferences that not everyone fits.
 */
export function smallInstance(seed: number): Instance {
  const random = prng(seed * 7919 + 17);
  const mainland = MUNICIPALITIES.filter((m) => !crossesWater(m, municipalityByCode('101')!));
  const centre = pick(random, mainland);
  const radius = 35 + random() * 60;
  const area = mainland.filter((m) => distance(m, centre) <= radius);
  const dayCount = 2 + Math.floor(random() * 3);
  const nomCount = 6 + Math.floor(random() * 7);
  const windows: [number, number][] = [
    [9 * 60, 14 * 60],
    [10 * 60, 15 * 60],
    [12 * 60, 17 * 60 + 30],
    [9 * 60, 16 * 60],
    [13 * 60, 19 * 60],
  ];
  const tourDays: SchedulerTourDay[] = [];
  for (let d = 0; d < dayCount; d++) {
    const [from, to] = pick(random, windows);
    tourDays.push({
      id: `d${d}`,
      musicianId: `m${d % 3}`,
      date: isoDate(FIRST_MONDAY + Math.floor(random() * 6) * DAY_MS),
      windowStart: clock(from),
      windowEnd: clock(to),
      baseMunicipalityCode: pick(random, area).code,
      maxConcerts: random() < 0.25 ? 2 : 3,
      concertMinutes: random() < 0.2 ? 45 : 60,
      bufferMinutes: random() < 0.3 ? 20 : 30,
      musicianLanguages: random() < 0.3 ? ['da', 'en'] : ['da'],
      musicianGenres: some(random, GENRES, 1, 2),
    });
  }
  const nominations: SchedulerNomination[] = [];
  for (let i = 0; i < nomCount; i++) {
    const n = randomNomination(random, `n${i}`, pick(random, area), 6);
    nominations.push(
      n.language === 'de' ? { ...n, language: 'en' } : n, // a language some musicians speak
    );
  }
  return { nominations, tourDays };
}

function distance(a: Municipality, b: Municipality): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

// ---------------------------------------------------------------------------------------------
// The rules, read from docs/scheduler.md and written again.

interface Stop {
  nom: number;
  muni: string;
  intervals: [number, number][];
}

interface DayRules {
  date: string;
  weekday: number;
  from: number;
  to: number;
  base: string;
  max: number;
  concert: number;
  buffer: number;
  languages: string[];
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

function dayRules(t: SchedulerTourDay): DayRules {
  return {
    date: t.date,
    weekday: (new Date(`${t.date}T00:00:00Z`).getUTCDay() + 6) % 7,
    from: minutesOf(t.windowStart),
    to: minutesOf(t.windowEnd),
    base: t.baseMunicipalityCode,
    max: t.maxConcerts ?? 3,
    concert: t.concertMinutes ?? 60,
    buffer: t.bufferMinutes ?? 30,
    languages: [...(t.musicianLanguages ?? ['da'])],
  };
}

function allowedIntervals(n: SchedulerNomination): [number, number][] {
  const times = n.timesOfDay ?? [];
  if (times.length === 0) return [[0, 24 * 60]];
  const ranges = times
    .map((t): [number, number] => [
      minutesOf(TIME_OF_DAY_RANGES[t].from),
      minutesOf(TIME_OF_DAY_RANGES[t].to),
    ])
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of ranges) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

/** Driving minutes with the estimate the scheduler documents, memoised per pair. */
function travelTable(): (a: string, b: string) => number {
  const cache = new Map<string, number>();
  return (a, b) => {
    const key = `${a}>${b}`;
    let minutes = cache.get(key);
    if (minutes === undefined) {
      const ma = municipalityByCode(a)!;
      const mb = municipalityByCode(b)!;
      minutes = crossesWater(ma, mb) ? Infinity : estimateDriveMinutes(ma, mb);
      cache.set(key, minutes);
    }
    return minutes;
  };
}

/** Whether a nomination may be on a day at all, before routes and times: the static rules. */
function compatible(n: SchedulerNomination, d: DayRules): boolean {
  const weekdays = n.weekdays ?? [];
  if (weekdays.length > 0 && !weekdays.includes(WEEKDAYS[d.weekday]!)) return false;
  if (n.earliestDate !== undefined && d.date < n.earliestDate) return false;
  if (n.language !== undefined && !d.languages.includes(n.language)) return false;
  return !crossesWater(municipalityByCode(n.municipalityCode)!, municipalityByCode(d.base)!);
}

/**
 * Drives `stops` in this order on day `d`, each concert at the earliest allowed time on the
 * 5-minute grid; the total driving (home included), or undefined if a rule breaks.
 */
function routeDrive(
  d: DayRules,
  stops: readonly Stop[],
  travel: (a: string, b: string) => number,
): number | undefined {
  let time = d.from;
  let at = d.base;
  let drive = 0;
  for (const stop of stops) {
    const leg = travel(at, stop.muni);
    if (!Number.isFinite(leg)) return undefined;
    drive += leg;
    let start: number | undefined;
    for (const [lo, hi] of stop.intervals) {
      const s = Math.ceil(Math.max(time + leg, lo) / STEP) * STEP;
      if (s + d.concert <= Math.min(hi, d.to)) {
        start = s;
        break;
      }
    }
    if (start === undefined) return undefined;
    time = start + d.concert + d.buffer;
    at = stop.muni;
  }
  return drive + travel(at, d.base);
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

// ---------------------------------------------------------------------------------------------
// The first-fit baseline.

/**
 * First fit, no improvement: longest waiting first, each onto the first tour day (in date order)
 * where it can follow the day's last concert. What a coordinator with a spreadsheet would do.
 */
export function firstFit(instance: Instance): { concerts: number; driveMinutes: number } {
  const travel = travelTable();
  const days = instance.tourDays
    .map((t) => ({ t, rules: dayRules(t) }))
    .sort((a, b) => a.t.date.localeCompare(b.t.date) || a.rules.from - b.rules.from);
  const routes = days.map((): Stop[] => []);
  const noms = [...instance.nominations].sort((a, b) =>
    a.waitingSince.localeCompare(b.waitingSince),
  );
  let concerts = 0;
  noms.forEach((n, index) => {
    const stop: Stop = { nom: index, muni: n.municipalityCode, intervals: allowedIntervals(n) };
    for (let d = 0; d < days.length; d++) {
      const { rules } = days[d]!;
      const route = routes[d]!;
      if (route.length >= rules.max || !compatible(n, rules)) continue;
      if (routeDrive(rules, [...route, stop], travel) === undefined) continue;
      route.push(stop);
      concerts++;
      return;
    }
  });
  const driveMinutes = routes.reduce(
    (sum, route, d) => sum + (route.length ? routeDrive(days[d]!.rules, route, travel)! : 0),
    0,
  );
  return { concerts, driveMinutes };
}

// ---------------------------------------------------------------------------------------------
// The exact optimum of a small plan.

/**
 * The optimum by the scheduler's objective: most concerts; then fairness, lexicographic by
 * waiting (a bit per nomination, longest waiting highest, so a larger set mask is fairer at the
 * same size); then least driving. `mask` uses that bit order.
 */
export interface Optimum {
  concerts: number;
  mask: number;
  driveMinutes: number;
  /** Least driving for every placeable set of nominations (by mask), for diagnosis. */
  driveFor: Map<number, number>;
}

/** Nominations longest waiting first, as the objective ranks them (ties by id). */
function ranked(instance: Instance): SchedulerNomination[] {
  return [...instance.nominations].sort(
    (a, b) => Date.parse(a.waitingSince) - Date.parse(b.waitingSince) || a.id.localeCompare(b.id),
  );
}

/**
 * Exhaustive search, exact for small plans: every set of at most `max` nominations per day, in
 * every order, then a dynamic programme over the days on the set of nominations used so far.
 */
export function exhaustiveOptimum(instance: Instance): Optimum {
  const travel = travelTable();
  const noms = ranked(instance);
  const n = noms.length;
  const bit = (i: number) => 1 << (n - 1 - i);
  const stops = noms.map((x, i): Stop => ({
    nom: i,
    muni: x.municipalityCode,
    intervals: allowedIntervals(x),
  }));
  let best = new Map<number, number>([[0, 0]]);
  for (const t of instance.tourDays) {
    const rules = dayRules(t);
    const fits = noms.map((x, i) => i).filter((i) => compatible(noms[i]!, rules));
    // The least driving for each feasible set on this day.
    const sets = new Map<number, number>([[0, 0]]);
    const grow = (chosen: number[], from: number) => {
      for (let k = from; k < fits.length; k++) {
        const next = [...chosen, fits[k]!];
        let least = Infinity;
        for (const order of permutations(next)) {
          const drive = routeDrive(
            rules,
            order.map((i) => stops[i]!),
            travel,
          );
          if (drive !== undefined && drive < least) least = drive;
        }
        // A set that cannot be driven stays impossible with more concerts added.
        if (least === Infinity) continue;
        sets.set(
          next.reduce((m, i) => m | bit(i), 0),
          least,
        );
        if (next.length < rules.max) grow(next, k + 1);
      }
    };
    grow([], 0);
    const after = new Map<number, number>();
    for (const [used, drive] of best) {
      for (const [set, extra] of sets) {
        if (used & set) continue;
        const key = used | set;
        const total = drive + extra;
        if (total < (after.get(key) ?? Infinity)) after.set(key, total);
      }
    }
    best = after;
  }
  let opt = { concerts: 0, mask: 0, driveMinutes: 0 };
  for (const [mask, drive] of best) {
    const concerts = popcount(mask);
    if (
      concerts > opt.concerts ||
      (concerts === opt.concerts && mask > opt.mask) ||
      (concerts === opt.concerts && mask === opt.mask && drive < opt.driveMinutes)
    ) {
      opt = { concerts, mask, driveMinutes: drive };
    }
  }
  return { ...opt, driveFor: best };
}

function popcount(x: number): number {
  let c = 0;
  for (let v = x; v; v &= v - 1) c++;
  return c;
}

/** The bit of the HiGHS API this file uses. */
interface Highs {
  solve(
    lp: string,
    options?: Record<string, unknown>,
  ): {
    Status: string;
    ObjectiveValue: number;
    Columns: Record<string, { Primal: number }>;
  };
}

/**
 * The HiGHS MIP solver (npm `highs`, a benchmark-only dependency), or undefined when it is not
 * installed; the quality figures then come from {@link exhaustiveOptimum} alone.
 */
export async function loadHighs(): Promise<Highs | undefined> {
  // A variable specifier keeps type checking and bundling from requiring the package.
  const specifier = 'highs';
  try {
    const module = (await import(specifier)) as { default: () => Promise<Highs> };
    return await module.default();
  } catch {
    return undefined;
  }
}

/**
 * The optimum of a small plan by a mixed-integer programme, solved three times for the three
 * levels of the objective (most concerts; then the fairest set, which the powers-of-two weights
 * make unique; then least driving for that set). Per tour day: arcs between its base and the
 * nominations that may be on it, flow in = flow out = assigned, start times on the 5-minute grid
 * with big-M precedence (which also rules out sub-tours, as concerts take time), one allowed
 * time-of-day interval chosen per concert, and the window.
 */
export function mipOptimum(highs: Highs, instance: Instance): Omit<Optimum, 'driveFor'> {
  const travel = travelTable();
  const noms = ranked(instance);
  const n = noms.length;
  const rows: string[] = [];
  const binaries: string[] = [];
  const generals: string[] = [];
  const bounds: string[] = [];
  const assignTerms: string[][] = noms.map(() => []);
  const driveTerms: string[] = [];
  const countTerms: string[] = [];
  const fairTerms: string[] = [];
  const xOf: string[][] = noms.map(() => []);
  instance.tourDays.forEach((t, d) => {
    const rules = dayRules(t);
    // Start times are grid steps k (start = 5k) between the window's first step and the last
    // that leaves room for a concert; every big-M below is the least that keeps rows valid.
    const kMin = Math.ceil(rules.from / STEP);
    const kMax = Math.floor((rules.to - rules.concert) / STEP);
    const sMin = STEP * kMin;
    const sMax = STEP * kMax;
    // Per nomination, the stretches of allowed start times that fall in the window.
    const stretches = new Map<number, [number, number][]>();
    for (let i = 0; i < n; i++) {
      if (!compatible(noms[i]!, rules)) continue;
      const fits = allowedIntervals(noms[i]!)
        .map(([lo, hi]): [number, number] => [
          Math.max(sMin, Math.ceil(lo / STEP) * STEP),
          Math.min(sMax, hi - rules.concert),
        ])
        .filter(([lo, hi]) => lo <= hi);
      if (fits.length > 0) stretches.set(i, fits);
    }
    const on = [...stretches.keys()];
    if (on.length === 0) return;
    const nodes = [-1, ...on]; // -1 is the base
    const muni = (v: number) => (v < 0 ? rules.base : noms[v]!.municipalityCode);
    const y = (u: number, v: number) => `y_${d}_${u < 0 ? 'b' : u}_${v < 0 ? 'b' : v}`;
    const k = (w: number) => `k_${d}_${w}`;
    const inTerms = new Map<number, string[]>(nodes.map((v) => [v, []]));
    const outTerms = new Map<number, string[]>(nodes.map((v) => [v, []]));
    for (const u of nodes) {
      for (const v of nodes) {
        if (u === v) continue;
        const minutes = travel(muni(u), muni(v));
        if (!Number.isFinite(minutes)) continue;
        const name = y(u, v);
        binaries.push(name);
        outTerms.get(u)!.push(name);
        inTerms.get(v)!.push(name);
        driveTerms.push(`${minutes} ${name}`);
        if (u < 0 && v >= 0) {
          // The first concert: the musician leaves the base at the window's start at the earliest.
          rows.push(`${STEP} ${k(v)} - ${minutes} ${name} >= ${rules.from}`);
        } else if (u >= 0 && v >= 0) {
          // One concert after another: its end, the buffer and the drive come between.
          const gap = rules.concert + rules.buffer + minutes;
          const bigM = gap + sMax - sMin;
          rows.push(`${STEP} ${k(v)} - ${STEP} ${k(u)} - ${bigM} ${name} >= ${gap - bigM}`);
        }
      }
    }
    // The day is one route or none: it leaves the base at most once and comes back as often.
    rows.push(`${outTerms.get(-1)!.join(' + ')} <= 1`);
    rows.push(`${inTerms.get(-1)!.join(' + ')} - ${outTerms.get(-1)!.join(' - ')} = 0`);
    const xs: string[] = [];
    for (const i of on) {
      const x = `x_${d}_${i}`;
      xs.push(x);
      xOf[i]!.push(x);
      binaries.push(x);
      generals.push(k(i));
      bounds.push(`${kMin} <= ${k(i)} <= ${kMax}`);
      assignTerms[i]!.push(x);
      countTerms.push(x);
      fairTerms.push(`${2 ** (n - 1 - i)} ${x}`);
      rows.push(`${inTerms.get(i)!.join(' + ')} - ${x} = 0`);
      rows.push(`${outTerms.get(i)!.join(' + ')} - ${x} = 0`);
      // A time of day that suits: one stretch chosen (z), or x itself when there is one.
      const list = stretches.get(i)!;
      const choices = list.length === 1 ? [x] : list.map((_, r) => `z_${d}_${i}_${r}`);
      if (list.length > 1) {
        binaries.push(...choices);
        rows.push(`${choices.join(' + ')} - ${x} = 0`);
      }
      list.forEach(([lo, hi], r) => {
        const z = choices[r]!;
        if (lo > sMin) rows.push(`${STEP} ${k(i)} - ${lo - sMin} ${z} >= ${sMin}`);
        if (hi < sMax) rows.push(`${STEP} ${k(i)} + ${sMax - hi} ${z} <= ${sMax}`);
      });
    }
    rows.push(`${xs.join(' + ')} <= ${rules.max}`);
  });
  for (const terms of assignTerms) if (terms.length > 0) rows.push(`${terms.join(' + ')} <= 1`);
  if (countTerms.length === 0) return { concerts: 0, mask: 0, driveMinutes: 0 };

  const solve = (sense: 'Maximize' | 'Minimize', objective: string[], extra: string[]) => {
    const lp = [
      sense,
      ` obj: ${objective.join(' + ')}`,
      'Subject To',
      ...[...rows, ...extra].map((row, k) => ` c${k}: ${row}`),
      'Bounds',
      ...bounds.map((b) => ` ${b}`),
      'General',
      ` ${generals.join(' ')}`,
      'Binary',
      ` ${binaries.join(' ')}`,
      'End',
    ].join('\n');
    const result = highs.solve(lp, { mip_rel_gap: 0, mip_abs_gap: 0, output_flag: false });
    if (result.Status !== 'Optimal') throw new Error(`HiGHS: ${result.Status}`);
    return result;
  };
  const count = Math.round(solve('Maximize', countTerms, []).ObjectiveValue);
  const fair = solve('Maximize', fairTerms, [`${countTerms.join(' + ')} = ${count}`]);
  const weight = Math.round(fair.ObjectiveValue);
  const drive = solve('Minimize', driveTerms, [
    `${countTerms.join(' + ')} = ${count}`,
    `${fairTerms.join(' + ')} = ${weight}`,
  ]);
  let mask = 0;
  xOf.forEach((xs, i) => {
    if (xs.some((x) => (drive.Columns[x]?.Primal ?? 0) > 0.5)) mask |= 1 << (n - 1 - i);
  });
  return { concerts: count, mask, driveMinutes: Math.round(drive.ObjectiveValue) };
}

// ---------------------------------------------------------------------------------------------
// Checking a plan against the rules.

/** Throws if a plan breaks a rule; the benchmark would be meaningless otherwise. */
export function assertValid(instance: Instance, result: ScheduleResult): void {
  const travel = travelTable();
  const byId = new Map(instance.nominations.map((n) => [n.id, n]));
  const seen = new Set<string>();
  const perDay = new Map<string, ScheduleResult['proposals'][number][]>();
  for (const p of result.proposals) {
    if (seen.has(p.nominationId)) throw new Error(`${p.nominationId} proposed twice`);
    seen.add(p.nominationId);
    perDay.set(p.tourDayId, [...(perDay.get(p.tourDayId) ?? []), p]);
  }
  let total = 0;
  for (const t of instance.tourDays) {
    const rules = dayRules(t);
    const list = [...(perDay.get(t.id) ?? [])].sort((a, b) => a.start.localeCompare(b.start));
    if (list.length > rules.max) throw new Error(`${t.id}: too many concerts`);
    let time = rules.from;
    let at = rules.base;
    for (const p of list) {
      const n = byId.get(p.nominationId)!;
      if (!compatible(n, rules)) throw new Error(`${n.id} on ${t.id} breaks a preference`);
      const leg = travel(at, n.municipalityCode);
      if (leg !== p.driveMinutesBefore) throw new Error(`${n.id}: drive ${p.driveMinutesBefore}`);
      const start = minutesOf(p.start.slice(11));
      if (!p.start.startsWith(t.date)) throw new Error(`${n.id}: wrong date`);
      if (start < time + leg) throw new Error(`${n.id}: starts before arriving`);
      const end = start + rules.concert;
      if (end > rules.to) throw new Error(`${n.id}: ends after the window`);
      if (!allowedIntervals(n).some(([lo, hi]) => start >= lo && end <= hi)) {
        throw new Error(`${n.id}: outside its times of day`);
      }
      total += leg;
      time = end + rules.buffer;
      at = n.municipalityCode;
    }
    if (list.length > 0) total += travel(at, rules.base);
  }
  if (total !== result.stats.driveMinutes)
    throw new Error(`drive ${result.stats.driveMinutes} ≠ ${total}`);
  const left = new Set(result.leftOver.map((l) => l.nominationId));
  for (const n of instance.nominations) {
    if (seen.has(n.id) === left.has(n.id)) throw new Error(`${n.id}: proposed and left over`);
  }
}

// ---------------------------------------------------------------------------------------------
// The benchmarks.

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function timeIt(fn: () => unknown, runs: number): number {
  fn(); // warm-up, so the JIT is measured hot
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * `scheduler-scale`: milliseconds for `schedule` on 2,000 nominations × 300 tour days over all 98
 * municipalities (median of 5 runs), beside the first-fit baseline timed in the same run.
 */
export async function schedulerScale(): Promise<SchedulerBenchResult> {
  const instance = scaleInstance();
  let result: ScheduleResult | undefined;
  const ms = timeIt(() => (result = schedule(instance)), 5);
  let baseline: { concerts: number; driveMinutes: number } | undefined;
  const baselineMs = timeIt(() => (baseline = firstFit(instance)), 5);
  assertValid(instance, result!);
  console.log(
    `scheduler-scale: schedule placed ${result!.stats.concerts} concerts driving ${result!.stats.driveMinutes} min; ` +
      `first fit placed ${baseline!.concerts} driving ${baseline!.driveMinutes} min`,
  );
  return {
    name: 'scheduler-scale',
    value: ms,
    unit: 'ms',
    reference: 'first-fit greedy, no improvement',
    referenceValue: baselineMs,
    goal: '<= 1000 ms',
    met: ms <= 1000,
  };
}

/** What the quality run measured, shared by the two quality figures. */
export interface QualityRun {
  instances: number;
  solver: string;
  optimalCount: number;
  fairestSet: number;
  equalCount: number;
  /** Mean of the scheduler's driving as % of the optimum's, over instances with equal concerts. */
  drivePercent: number;
  /** The same, against the least driving for the set the scheduler chose. */
  routingPercent: number;
  worst: { seed: number; scheduler: number; optimum: number }[];
}

let qualityRun: Promise<QualityRun> | undefined;

/**
 * Plans `count` small instances with the scheduler and with the exact optimum (HiGHS when
 * installed, checked against the exhaustive search; the exhaustive search alone otherwise).
 * Computed once per process and shared by the two quality figures.
 */
export function measureQuality(count = 100): Promise<QualityRun> {
  qualityRun ??= (async () => {
    const highs = await loadHighs();
    const run: QualityRun = {
      instances: count,
      solver: highs ? 'HiGHS MIP, checked by exhaustive search' : 'exhaustive search',
      optimalCount: 0,
      fairestSet: 0,
      equalCount: 0,
      drivePercent: 0,
      routingPercent: 0,
      worst: [],
    };
    let driveSum = 0;
    let routingSum = 0;
    for (let seed = 1; seed <= count; seed++) {
      const instance = smallInstance(seed);
      const result = schedule(instance);
      assertValid(instance, result);
      const exact = exhaustiveOptimum(instance);
      if (highs) {
        const mip = mipOptimum(highs, instance);
        if (
          mip.concerts !== exact.concerts ||
          mip.mask !== exact.mask ||
          mip.driveMinutes !== exact.driveMinutes
        ) {
          throw new Error(
            `seed ${seed}: MIP ${JSON.stringify(mip)} ≠ exhaustive ${JSON.stringify({ ...exact, driveFor: undefined })}`,
          );
        }
      }
      const noms = ranked(instance);
      const placed = new Set(result.proposals.map((p) => p.nominationId));
      const mask = noms.reduce(
        (m, x, i) => (placed.has(x.id) ? m | (1 << (noms.length - 1 - i)) : m),
        0,
      );
      if (result.stats.concerts > exact.concerts)
        throw new Error(`seed ${seed}: beats the optimum`);
      if (result.stats.concerts === exact.concerts) {
        run.optimalCount++;
        run.equalCount++;
        if (mask === exact.mask) run.fairestSet++;
        const ratio = (a: number, b: number) => (b === 0 ? (a === 0 ? 1 : Infinity) : a / b);
        driveSum += ratio(result.stats.driveMinutes, exact.driveMinutes);
        routingSum += ratio(result.stats.driveMinutes, exact.driveFor.get(mask)!);
        if (result.stats.driveMinutes !== exact.driveMinutes) {
          run.worst.push({
            seed,
            scheduler: result.stats.driveMinutes,
            optimum: exact.driveMinutes,
          });
        }
      } else {
        run.worst.push({ seed, scheduler: -result.stats.concerts, optimum: -exact.concerts });
      }
    }
    run.drivePercent = run.equalCount ? (100 * driveSum) / run.equalCount : 100;
    run.routingPercent = run.equalCount ? (100 * routingSum) / run.equalCount : 100;
    return run;
  })();
  return qualityRun;
}

/**
 * `scheduler-quality`: % of ≥ 50 small instances (≤ 12 nominations, ≤ 4 tour days of ≤ 3
 * concerts) on which the scheduler placed the optimal number of concerts.
 */
export async function schedulerQuality(): Promise<SchedulerBenchResult> {
  const run = await measureQuality();
  const value = (100 * run.optimalCount) / run.instances;
  return {
    name: 'scheduler-quality',
    value,
    unit: '% of instances with optimal concerts',
    reference: `optimum (${run.solver})`,
    referenceValue: 100,
    goal: '>= 95 %',
    met: value >= 95,
  };
}

/**
 * `scheduler-driving`: the scheduler's driving as % of the optimum's (100 = optimal), averaged
 * over the small instances where it placed as many concerts as the optimum.
 */
export async function schedulerDriving(): Promise<SchedulerBenchResult> {
  const run = await measureQuality();
  return {
    name: 'scheduler-driving',
    value: run.drivePercent,
    unit: '% of optimal driving',
    reference: `optimum (${run.solver})`,
    referenceValue: 100,
    goal: '<= 105 % (within 5 %)',
    met: run.drivePercent <= 105,
  };
}

/** The three figures by name, to spread into bench/run.ts's table of benchmarks. */
export const schedulerBenchmarks: Record<string, () => Promise<SchedulerBenchResult>> = {
  'scheduler-scale': schedulerScale,
  'scheduler-quality': schedulerQuality,
  'scheduler-driving': schedulerDriving,
};

if (process.argv[1] === fileURLToPath(import.meta.url) && !process.env.NO_MAIN) {
  const results = [];
  for (const run of Object.values(schedulerBenchmarks)) results.push(await run());
  console.table(results);
  const quality = await measureQuality();
  console.log(
    `quality: ${quality.instances} instances, solver ${quality.solver}; optimal concerts on ` +
      `${quality.optimalCount}, fairest set on ${quality.fairestSet}; driving ` +
      `${quality.drivePercent.toFixed(2)} % of optimal (${quality.routingPercent.toFixed(2)} % of ` +
      `the best route for the scheduler's own set)`,
  );
  if (quality.worst.length > 0) console.log('differences:', quality.worst);
}
