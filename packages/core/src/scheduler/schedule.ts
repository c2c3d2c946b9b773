import { municipalityByCode } from '../geo/municipalities.js';
import { crossesWater, estimateDriveMinutes } from '../geo/travel.js';
import { formatClock, readClock, readDate, readInstant } from './clock.js';
import {
  SCHEDULER_DEFAULT_BUFFER_MINUTES,
  SCHEDULER_DEFAULT_CONCERT_MINUTES,
  SCHEDULER_DEFAULT_MAX_CONCERTS,
  SCHEDULER_DEFAULT_MUSICIAN_LANGUAGES,
  SCHEDULER_DEFAULT_START_STEP_MINUTES,
  SCHEDULER_WEEKDAYS,
  TIME_OF_DAY_RANGES,
  type IgnoredTourDay,
  type LeftOverNomination,
  type ScheduleInput,
  type ScheduleOptions,
  type ScheduleProposal,
  type ScheduleResult,
  type SchedulerNomination,
  type SchedulerTimeOfDay,
  type SchedulerTourDay,
  type TourDayStats,
  type TravelMinutes,
} from './model.js';
import { leftOverReason } from './reasons.js';

// Larger than any day in minutes, small enough that sums of a few stay exact integers.
const UNREACHABLE = 1 << 24;
const MINUTES_PER_DAY = 24 * 60;
const DEFAULT_IMPROVEMENT_ROUNDS = 4;
// As the tour day record allows; the order search tries every order of a day's concerts.
const MAX_CONCERTS_PER_DAY = 6;
// Left-overs tried per day when looking for two to take one concert's place: the 20 longest
// waiting. Pairs grow with the square, and more rarely finds more.
const MAX_CANDIDATES_PER_PAIR_SEARCH = 20;
/** Days one chain of moves may change; three reaches what two moves cannot, and stays cheap. */
const MAX_CHAIN_DAYS = 3;
/** Steps one chain search may take. */
const CHAIN_BUDGET = 3000;
/**
 * Steps all chain searches of one run may take together (about 0.1 s here). A small plan never
 * needs as many; a large one, where most left-overs have many days to try, would otherwise
 * spend seconds on chains that rarely add more than a few concerts.
 */
const CHAIN_BUDGET_TOTAL = 12_000;
/** Nominations a pair of days is re-planned from: their own and the longest-waiting others. */
const REBUILD_POOL = 12;
/** Days allowed more concerts than this are not re-planned in pairs: too many sets to try. */
const REBUILD_MAX_CONCERTS = 4;
/** Sets all pair re-planning of one run may try together. */
const REBUILD_BUDGET_TOTAL = 20_000;

/** A nomination the scheduler can read, with everything it needs as numbers. */
interface Nom {
  readonly id: string;
  readonly muni: number;
  readonly weekMask: number;
  readonly weekdays: readonly number[];
  readonly earliest: number;
  readonly earliestText: string | undefined;
  readonly language: string | undefined;
  readonly genres: readonly string[];
  readonly timesOfDay: readonly SchedulerTimeOfDay[];
  /** Allowed clock intervals as [from, to, from, to, …], merged and ascending. */
  readonly intervals: Int32Array;
}

/** A tour day the scheduler can use, in numbers. */
interface Day {
  readonly id: string;
  readonly musicianId: string | undefined;
  readonly date: string;
  readonly day: number;
  readonly weekday: number;
  readonly windowStart: number;
  readonly windowEnd: number;
  readonly base: number;
  readonly max: number;
  readonly concert: number;
  readonly buffer: number;
  readonly languages: ReadonlySet<string>;
  readonly genres: ReadonlySet<string>;
}

type Reasoned = { kind: 'placeable' } | { kind: 'left'; entry: LeftOverNomination };

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Ties on every key a caller is likely to set are broken by the whole record, so that shuffling
// the input can never change the plan.
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => compareText(a, b)),
        )
      : v,
  );
}

function isStringArray(value: unknown): value is readonly string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

function mergedIntervals(timesOfDay: readonly SchedulerTimeOfDay[]): Int32Array {
  if (timesOfDay.length === 0) return Int32Array.of(0, MINUTES_PER_DAY);
  const ranges = timesOfDay
    .map((t) => [readClock(TIME_OF_DAY_RANGES[t].from)!, readClock(TIME_OF_DAY_RANGES[t].to)!])
    .sort((a, b) => a[0]! - b[0]!);
  const merged: number[] = [];
  for (const [from, to] of ranges) {
    const last = merged.length - 1;
    if (last > 0 && from! <= merged[last]!) merged[last] = Math.max(merged[last]!, to!);
    else merged.push(from!, to!);
  }
  return Int32Array.from(merged);
}

/**
 * Reads one nomination, or names the first field that stops it from being planned. The
 * municipality is checked later: an unknown one has a reason of its own.
 */
function readNomination(
  n: SchedulerNomination,
  municipalityIndex: (code: string) => number,
): Nom | { field: string } {
  if (typeof n.id !== 'string' || n.id === '') return { field: 'id' };
  if (typeof n.municipalityCode !== 'string') return { field: 'municipalityCode' };
  if (n.weekdays !== undefined && !isStringArray(n.weekdays)) return { field: 'weekdays' };
  const weekdays = (n.weekdays ?? []).map((w) =>
    (SCHEDULER_WEEKDAYS as readonly string[]).indexOf(w),
  );
  if (weekdays.some((w) => w < 0)) return { field: 'weekdays' };
  if (n.timesOfDay !== undefined && !isStringArray(n.timesOfDay)) return { field: 'timesOfDay' };
  const timesOfDay = [...new Set(n.timesOfDay ?? [])];
  if (timesOfDay.some((t) => !Object.hasOwn(TIME_OF_DAY_RANGES, t))) {
    return { field: 'timesOfDay' };
  }
  let earliest = -Infinity;
  if (n.earliestDate !== undefined) {
    const date = readDate(n.earliestDate);
    if (date === undefined) return { field: 'earliestDate' };
    earliest = date.day;
  }
  if (readInstant(n.waitingSince) === undefined) return { field: 'waitingSince' };
  if (n.language !== undefined && typeof n.language !== 'string') return { field: 'language' };
  if (n.wantsGenres !== undefined && !isStringArray(n.wantsGenres)) {
    return { field: 'wantsGenres' };
  }
  const sortedWeekdays = [...new Set(weekdays)].sort((a, b) => a - b);
  const order = SCHEDULER_WEEKDAYS.map((w) => w as string);
  return {
    id: n.id,
    muni: municipalityIndex(n.municipalityCode),
    weekMask: sortedWeekdays.length === 0 ? 0x7f : sortedWeekdays.reduce((m, w) => m | (1 << w), 0),
    weekdays: sortedWeekdays,
    earliest,
    earliestText: n.earliestDate,
    language: n.language === undefined || n.language === '' ? undefined : n.language.toLowerCase(),
    genres: [...new Set(n.wantsGenres ?? [])],
    timesOfDay: timesOfDay.sort((a, b) => order.indexOf(a) - order.indexOf(b)),
    intervals: mergedIntervals(timesOfDay),
  };
}

function isWhole(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function readTourDay(
  t: SchedulerTourDay,
  municipalityIndex: (code: string) => number,
  defaultLanguages: readonly string[],
): Day | { field: string } {
  if (typeof t.id !== 'string' || t.id === '') return { field: 'id' };
  const date = readDate(t.date);
  if (date === undefined) return { field: 'date' };
  const windowStart = readClock(t.windowStart);
  if (windowStart === undefined) return { field: 'windowStart' };
  const windowEnd = readClock(t.windowEnd);
  if (windowEnd === undefined || windowEnd <= windowStart) return { field: 'windowEnd' };
  const base =
    typeof t.baseMunicipalityCode === 'string' ? municipalityIndex(t.baseMunicipalityCode) : -1;
  if (base < 0) return { field: 'baseMunicipalityCode' };
  const max = t.maxConcerts ?? SCHEDULER_DEFAULT_MAX_CONCERTS;
  if (!isWhole(max, 1, MAX_CONCERTS_PER_DAY)) return { field: 'maxConcerts' };
  const concert = t.concertMinutes ?? SCHEDULER_DEFAULT_CONCERT_MINUTES;
  if (!isWhole(concert, 1, MINUTES_PER_DAY)) return { field: 'concertMinutes' };
  // A window that cannot hold one concert is a mistake in the tour day, not a reason to blame
  // on every nomination; the tour day record refuses it too.
  if (windowEnd - windowStart < concert) return { field: 'windowEnd' };
  const buffer = t.bufferMinutes ?? SCHEDULER_DEFAULT_BUFFER_MINUTES;
  if (!isWhole(buffer, 0, MINUTES_PER_DAY)) return { field: 'bufferMinutes' };
  if (t.musicianLanguages !== undefined && !isStringArray(t.musicianLanguages)) {
    return { field: 'musicianLanguages' };
  }
  if (t.musicianGenres !== undefined && !isStringArray(t.musicianGenres)) {
    return { field: 'musicianGenres' };
  }
  return {
    id: t.id,
    musicianId: t.musicianId,
    date: t.date,
    day: date.day,
    weekday: date.weekday,
    windowStart,
    windowEnd,
    base,
    max,
    concert,
    buffer,
    languages: new Set((t.musicianLanguages ?? defaultLanguages).map((l) => l.toLowerCase())),
    genres: new Set(t.musicianGenres ?? []),
  };
}

/** A route found for a set of concerts on one day: its drive and the order of its concerts. */
interface RouteChoice {
  drive: number;
  order: number[];
}

/** One link of a chain: on `day`, the concert at position `skip` gives its place to `add`. */
interface ChainStep {
  day: number;
  skip: number;
  add: number;
  cost: number;
}

/**
 * A chain of moves that places one more concert: its links, the last change (into a day with
 * room, or, when `dropped` is not -1, a link that also takes the left-over `extra`), and the
 * driving it adds.
 */
interface Chain {
  steps: ChainStep[];
  end: { day: number; skip: number; add: number; extra: number };
  dropped: number;
  cost: number;
}

/** A day to add a concert to, its new route, and the driving that adds. */
interface Insertion {
  day: number;
  route: RouteChoice;
  cost: number;
}

/** Two version counters as one number, exact while each stays below 2^26 (67 million). */
function stampOf(a: number, b: number): number {
  return a * 0x4000000 + b;
}

/**
 * The search state: who is placed where, and the searches over it. Routes always hold their
 * concerts in the order that drives least among the orders that keep every constraint, so a
 * change to a day is judged by the best that day can then be.
 *
 * Answers about a day ("does `i` fit here?", "does it fit if one concert leaves?") are cached
 * with the day's version and reused until that day changes: between two changes most of the
 * thousands of questions an improvement pass asks have not changed their answer.
 */
class Planner {
  readonly routes: number[][];
  readonly drive: number[];
  readonly assigned: Int32Array;
  /** Tour days each nomination could have on its own, by index, earliest first. */
  readonly candidates: Int32Array[];
  /**
   * Per nomination and tour day (`i * days + d`), the slot of the pair in the caches below when
   * the day is one of its candidates, else -1: the caches only hold pairs that can happen.
   */
  private readonly slots: Int32Array;
  private candidatePairs = 0;
  /** Per tour day, the nominations that could have it on their own, longest waiting first. */
  readonly dayCandidates: number[][];
  /** Steps left for chain searches in this whole run; see {@link CHAIN_BUDGET_TOTAL}. */
  private chainBudget = CHAIN_BUDGET_TOTAL;
  /** Sets tried by pair re-planning in this whole run; see {@link REBUILD_BUDGET_TOTAL}. */
  private rebuildBudget = REBUILD_BUDGET_TOTAL;
  private readonly rebuildStamp: Map<number, string> = new Map();
  /** Changes to each day. */
  private readonly dayVersion: Int32Array;
  /** Changes to days with room: the only days a concert can be added to. */
  private roomVersion = 0;
  private roomListVersion = -1;
  private roomList: number[] = [];
  /** Per day, bumped when a nomination that could be on it leaves the plan. */
  private readonly leftOverVersion: Int32Array;

  private genres = new Int8Array(0);
  private directStamp = new Int32Array(0);
  private directDrive = new Int32Array(0);
  private swapStamp = new Int32Array(0);
  private swapMask = new Int32Array(0);
  private readonly awayVersion: Float64Array;
  private readonly awayCache: (Insertion | undefined)[];
  private sweepVersions: Int32Array | undefined;
  private readonly twoForOneStamp: Map<number, number> = new Map();

  // Scratch for the order search, reused so that the inner loop allocates nothing.
  private searchDay!: Day;
  private readonly members: number[] = [];
  private searchBest = 0;
  private readonly searchPerm = new Int32Array(16);
  private readonly searchBestPerm = new Int32Array(16);

  constructor(
    readonly noms: readonly (Nom | undefined)[],
    readonly days: readonly Day[],
    readonly travel: Int32Array,
    readonly width: number,
    readonly step: number,
  ) {
    this.routes = days.map(() => []);
    this.drive = days.map(() => 0);
    this.assigned = new Int32Array(noms.length).fill(-1);
    this.candidates = noms.map(() => new Int32Array(0));
    this.slots = new Int32Array(noms.length * days.length).fill(-1);
    this.dayCandidates = days.map(() => []);
    this.dayVersion = new Int32Array(days.length);
    this.leftOverVersion = new Int32Array(days.length);
    this.awayVersion = new Float64Array(noms.length).fill(-1);
    this.awayCache = noms.map(() => undefined);
  }

  /** Records that `i` could have day `d` on its own; days in date order per nomination. */
  addCandidate(i: number, d: number): void {
    this.slots[i * this.days.length + d] = this.candidatePairs++;
    this.dayCandidates[d]!.push(i);
  }

  /** Sizes the caches once every candidate is known. */
  sealCandidates(): void {
    const pairs = this.candidatePairs;
    this.genres = new Int8Array(pairs).fill(-1);
    this.directStamp = new Int32Array(pairs).fill(-1);
    this.directDrive = new Int32Array(pairs);
    this.swapStamp = new Int32Array(pairs).fill(-1);
    this.swapMask = new Int32Array(pairs);
  }

  isCandidate(i: number, d: number): boolean {
    return this.slots[i * this.days.length + d]! >= 0;
  }

  leg(from: number, to: number): number {
    return this.travel[from * this.width + to]!;
  }

  /** The earliest start on the grid at or after `arrival` that keeps `n`'s times and `d`'s end. */
  earliestStart(n: Nom, arrival: number, d: Day): number {
    const iv = n.intervals;
    const step = this.step;
    for (let p = 0; p < iv.length; p += 2) {
      let start = arrival > iv[p]! ? arrival : iv[p]!;
      start = Math.ceil(start / step) * step;
      if (start + d.concert > d.windowEnd) return -1;
      if (start + d.concert <= iv[p + 1]!) return start;
    }
    return -1;
  }

  /** How many of the genres `i` wishes for the musician on day `d` plays. */
  genre(i: number, d: number): number {
    const key = this.slots[i * this.days.length + d]!;
    let score = key < 0 ? -1 : this.genres[key]!;
    if (score < 0) {
      const day = this.days[d]!;
      score = Math.min(
        100,
        this.noms[i]!.genres.reduce((s, g) => s + (day.genres.has(g) ? 1 : 0), 0),
      );
      if (key >= 0) this.genres[key] = score;
    }
    return score;
  }

  private search(depth: number, time: number, at: number, driven: number, used: number): void {
    const d = this.searchDay;
    const members = this.members;
    const k = members.length;
    if (depth === k) {
      const total = driven + this.leg(at, d.base);
      if (total < this.searchBest) {
        this.searchBest = total;
        this.searchBestPerm.set(this.searchPerm.subarray(0, k));
      }
      return;
    }
    for (let j = 0; j < k; j++) {
      if (used & (1 << j)) continue;
      const n = this.noms[members[j]!]!;
      const leg = this.leg(at, n.muni);
      const soFar = driven + leg;
      // Driving only adds up, so a prefix that already drives as much as the best is done.
      if (soFar >= this.searchBest) continue;
      const start = this.earliestStart(n, time + leg, d);
      if (start < 0) continue;
      this.searchPerm[depth] = j;
      this.search(depth + 1, start + d.concert + d.buffer, n.muni, soFar, used | (1 << j));
    }
  }

  /**
   * The least driving of day `d` with its concerts, without the one at position `skip` (-1: none),
   * plus `add` and `add2` (-1: none), over every order that keeps every constraint; -1 if no
   * order does. Exhaustive, which is exact and cheap for the handful of concerts a day holds.
   * The order found is left in the scratch for {@link Planner.lastOrder}.
   */
  private leastDrive(d: number, skip: number, add: number, add2 = -1): number {
    const day = this.days[d]!;
    const members = this.members;
    members.length = 0;
    const route = this.routes[d]!;
    for (let k = 0; k < route.length; k++) if (k !== skip) members.push(route[k]!);
    if (add >= 0) members.push(add);
    if (add2 >= 0) members.push(add2);
    return this.searchMembers(day);
  }

  /** {@link Planner.leastDrive} for the members already in the scratch. */
  private searchMembers(day: Day): number {
    const members = this.members;
    if (members.length > day.max) return -1;
    if (members.length === 0) return 0;
    this.searchDay = day;
    this.searchBest = UNREACHABLE;
    this.search(0, day.windowStart, day.base, 0, 0);
    return this.searchBest >= UNREACHABLE ? -1 : this.searchBest;
  }

  private lastOrder(drive: number): RouteChoice {
    const order: number[] = [];
    for (let j = 0; j < this.members.length; j++)
      order.push(this.members[this.searchBestPerm[j]!]!);
    return { drive, order };
  }

  /** Like {@link Planner.leastDrive}, with the order, for a change about to be made. */
  route(d: number, skip: number, add: number, add2 = -1): RouteChoice | undefined {
    const drive = this.leastDrive(d, skip, add, add2);
    return drive < 0 ? undefined : this.lastOrder(drive);
  }

  /** Whether `i` could be the only concert on day `d`. */
  fitsAlone(i: number, d: number): boolean {
    const n = this.noms[i]!;
    const day = this.days[d]!;
    const leg = this.leg(day.base, n.muni);
    if (leg >= UNREACHABLE || this.leg(n.muni, day.base) >= UNREACHABLE) return false;
    return this.earliestStart(n, day.windowStart + leg, day) >= 0;
  }

  /** Least driving of day `d` with `i` added, or -1; cached until the day changes. */
  private direct(i: number, d: number): number {
    const key = this.slots[i * this.days.length + d]!;
    if (key < 0) return -1;
    if (this.directStamp[key] !== this.dayVersion[d]) {
      this.directStamp[key] = this.dayVersion[d]!;
      this.directDrive[key] = this.hasRoom(d) ? this.leastDrive(d, -1, i) : -1;
    }
    return this.directDrive[key]!;
  }

  /** Positions on day `d` whose concert `i` could replace, as bits; cached until the day changes. */
  private swaps(i: number, d: number): number {
    const key = this.slots[i * this.days.length + d]!;
    if (key < 0) return 0;
    if (this.swapStamp[key] !== this.dayVersion[d]) {
      this.swapStamp[key] = this.dayVersion[d]!;
      let mask = 0;
      const length = this.routes[d]!.length;
      for (let k = 0; k < length; k++) if (this.leastDrive(d, k, i) >= 0) mask |= 1 << k;
      this.swapMask[key] = mask;
    }
    return this.swapMask[key]!;
  }

  /** Start times and legs of a day's route as it stands. */
  timeline(d: number): { start: number; leg: number }[] {
    const day = this.days[d]!;
    const out: { start: number; leg: number }[] = [];
    let time = day.windowStart;
    let at = day.base;
    for (const i of this.routes[d]!) {
      const n = this.noms[i]!;
      const leg = this.leg(at, n.muni);
      const start = this.earliestStart(n, time + leg, day);
      out.push({ start, leg });
      time = start + day.concert + day.buffer;
      at = n.muni;
    }
    return out;
  }

  apply(d: number, route: RouteChoice): void {
    if (this.hasRoom(d) || route.order.length < this.days[d]!.max) this.roomVersion++;
    this.dayVersion[d]!++;
    // Only those still on this day: in an exchange, one may already have moved to the other.
    for (const i of this.routes[d]!) {
      if (this.assigned[i] !== d) continue;
      this.assigned[i] = -1;
      if (!route.order.includes(i)) for (const c of this.candidates[i]!) this.leftOverVersion[c]!++;
    }
    this.routes[d] = route.order;
    this.drive[d] = route.drive;
    for (const i of route.order) this.assigned[i] = d;
  }

  /** The days with room, in date order; recomputed when one changes. */
  private roomDays(): readonly number[] {
    if (this.roomListVersion !== this.roomVersion) {
      this.roomListVersion = this.roomVersion;
      this.roomList = [];
      for (let d = 0; d < this.days.length; d++) if (this.hasRoom(d)) this.roomList.push(d);
    }
    return this.roomList;
  }

  hasRoom(d: number): boolean {
    return this.routes[d]!.length < this.days[d]!.max;
  }

  /** The cheapest day to add `i` to as things stand, skipping day `except`. */
  bestInsertion(i: number, except = -1, except2 = -1): Insertion | undefined {
    let bestDay = -1;
    let bestCost = 0;
    let bestGenre = 0;
    // Only days with room can take it; when they are few, as in a full season, walk those.
    const rooms = this.roomDays();
    const candidates = this.candidates[i]!;
    const few = rooms.length < candidates.length;
    for (const d of few ? rooms : candidates) {
      if (few ? !this.isCandidate(i, d) : !this.hasRoom(d)) continue;
      if (d === except || d === except2) continue;
      const drive = this.direct(i, d);
      if (drive < 0) continue;
      const cost = drive - this.drive[d]!;
      const genre = this.genre(i, d);
      // Genres only break ties: a musician who plays what the pair asked for, if it costs nothing.
      if (bestDay < 0 || cost < bestCost || (cost === bestCost && genre > bestGenre)) {
        bestDay = d;
        bestCost = cost;
        bestGenre = genre;
      }
    }
    if (bestDay < 0) return undefined;
    return { day: bestDay, route: this.route(bestDay, -1, i)!, cost: bestCost };
  }

  insert(i: number): boolean {
    const best = this.bestInsertion(i);
    if (best === undefined) return false;
    this.apply(best.day, best.route);
    return true;
  }

  /**
   * Where `p` would go if it left its day, as things stand. Only days with room can take it, so
   * the answer is cached until one of those changes.
   */
  private away(p: number): Insertion | undefined {
    if (this.awayVersion[p] !== this.roomVersion) {
      this.awayVersion[p] = this.roomVersion;
      this.awayCache[p] = this.bestInsertion(p, this.assigned[p]!);
    }
    return this.awayCache[p];
  }

  /**
   * Places `i` by moving one planned concert to another day: `i` takes its place (its day is
   * re-ordered as needed) and the one moved goes where it costs least. One more concert.
   */
  insertByMoving(i: number): boolean {
    let best: { d: number; k: number; away: Insertion; cost: number } | undefined;
    for (const d of this.candidates[i]!) {
      const route = this.routes[d]!;
      for (let k = 0; k < route.length; k++) {
        // Whether the one moved has somewhere to go is the cheaper question, so it comes first.
        const away = this.away(route[k]!);
        if (away === undefined || !(this.swaps(i, d) & (1 << k))) continue;
        const cost = this.leastDrive(d, k, i) - this.drive[d]! + away.cost;
        if (best === undefined || cost < best.cost) best = { d, k, away, cost };
      }
    }
    if (best === undefined) return false;
    const route = this.route(best.d, best.k, i)!;
    this.apply(best.d, route);
    this.apply(best.away.day, best.away.route);
    return true;
  }

  /**
   * Places `i` by a chain of moves when one move is not enough: `i` takes the place of a concert
   * on one day, that concert takes the place of another on a second day, and so on (each day
   * changed once, up to {@link MAX_CHAIN_DAYS} days) until the last one displaced fits a day with
   * room. A chain may also end by leaving its last displaced nomination out, if that lets another
   * left-over in on one of the days it changed: still one more concert, though a less fair one, so
   * such a chain is taken only when no other is found, and then the one that leaves out whoever
   * has waited least. The search is bounded by {@link CHAIN_BUDGET} steps per nomination.
   */
  insertByChain(i0: number): boolean {
    const steps: ChainStep[] = [];
    let best: Chain | undefined;
    if (this.chainBudget <= 0) return false;
    const granted = Math.min(CHAIN_BUDGET, this.chainBudget);
    let budget = granted;
    const better = (c: Chain): boolean => {
      if (best === undefined) return true;
      if (c.dropped < 0 !== best.dropped < 0) return c.dropped < 0;
      if (c.dropped !== best.dropped) return c.dropped > best.dropped;
      return c.cost < best.cost;
    };
    const inChain = (d: number) => steps.some((s) => s.day === d);
    const visit = (h: number, depth: number, cost: number): void => {
      // The one displaced fits a day with room: the chain is complete.
      if (depth > 0) {
        for (const d of this.candidates[h]!) {
          if (!this.hasRoom(d) || inChain(d) || --budget < 0) continue;
          const drive = this.direct(h, d);
          if (drive < 0) continue;
          const chain: Chain = {
            steps: [...steps],
            end: { day: d, skip: -1, add: h, extra: -1 },
            dropped: -1,
            cost: cost + drive - this.drive[d]!,
          };
          if (better(chain)) best = chain;
        }
        // Or it is left out, and a day in the chain with room takes another left-over.
        for (let s = 0; s < steps.length; s++) {
          const step = steps[s]!;
          if (!this.hasRoom(step.day)) continue;
          let tried = 0;
          for (const j of this.dayCandidates[step.day]!) {
            if (this.assigned[j]! >= 0 || j === i0) continue;
            if (++tried > MAX_CANDIDATES_PER_PAIR_SEARCH || --budget < 0) break;
            const drive = this.leastDrive(step.day, step.skip, step.add, j);
            if (drive < 0) continue;
            const chain: Chain = {
              steps: steps.filter((_, t) => t !== s),
              end: { ...step, extra: j },
              dropped: h,
              cost: cost - step.cost + drive - this.drive[step.day]!,
            };
            if (better(chain)) best = chain;
            break;
          }
        }
      }
      if (depth >= MAX_CHAIN_DAYS - 1) return;
      for (const d of this.candidates[h]!) {
        if (inChain(d)) continue;
        const mask = this.swaps(h, d);
        if (mask === 0) continue;
        const route = this.routes[d]!;
        for (let k = 0; k < route.length; k++) {
          if (!(mask & (1 << k)) || --budget < 0) continue;
          const stepCost = this.leastDrive(d, k, h) - this.drive[d]!;
          steps.push({ day: d, skip: k, add: h, cost: stepCost });
          visit(route[k]!, depth + 1, cost + stepCost);
          steps.pop();
        }
      }
    };
    visit(i0, 0, 0);
    this.chainBudget -= granted - Math.max(0, budget);
    if (best === undefined) return false;
    const chain: Chain = best;
    const changes = [...chain.steps, chain.end].map(
      (s) => [s.day, this.route(s.day, s.skip, s.add, 'extra' in s ? s.extra : -1)!] as const,
    );
    for (const [d, route] of changes) this.apply(d, route);
    return true;
  }

  /**
   * Places `i` instead of someone who has waited less, when nothing better is possible: the same
   * number of concerts, fairer. The one who has waited least among those it could replace gives
   * way. Returns whether it did.
   */
  insertByReplacing(i: number): boolean {
    let bestD = -1;
    let bestK = -1;
    let bestOut = -1;
    for (const d of this.candidates[i]!) {
      const route = this.routes[d]!;
      let later = 0;
      for (let k = 0; k < route.length; k++)
        if (route[k]! > i && route[k]! > bestOut) later |= 1 << k;
      if (later === 0) continue;
      const mask = this.swaps(i, d) & later;
      for (let k = 0; k < route.length; k++) {
        if (mask & (1 << k) && route[k]! > bestOut) {
          bestD = d;
          bestK = k;
          bestOut = route[k]!;
        }
      }
    }
    if (bestD < 0) return false;
    this.apply(bestD, this.route(bestD, bestK, i)!);
    return true;
  }

  /**
   * On a day with room, takes one concert out if that lets two left-over nominations in: one
   * more concert. The left-overs are tried longest waiting first, a bounded number of them.
   */
  twoForOne(d: number): boolean {
    if (!this.hasRoom(d)) return false;
    const stamp = stampOf(this.dayVersion[d]!, this.leftOverVersion[d]!);
    if (this.twoForOneStamp.get(d) === stamp) return false;
    const route = this.routes[d]!;
    for (let k = 0; k < route.length; k++) {
      const fits: number[] = [];
      for (const j of this.dayCandidates[d]!) {
        if (this.assigned[j]! >= 0) continue;
        if (this.swaps(j, d) & (1 << k)) fits.push(j);
        if (fits.length >= MAX_CANDIDATES_PER_PAIR_SEARCH) break;
      }
      for (let a = 0; a < fits.length; a++) {
        for (let b = a + 1; b < fits.length; b++) {
          const both = this.route(d, k, fits[a]!, fits[b]!);
          if (both === undefined) continue;
          this.apply(d, both);
          return true;
        }
      }
    }
    this.twoForOneStamp.set(d, stamp);
    return false;
  }

  /** Moves one concert to another day with room when that drives less. */
  relocate(i: number): boolean {
    const from = this.assigned[i]!;
    const k = this.routes[from]!.indexOf(i);
    const rest = this.route(from, k, -1);
    if (rest === undefined) return false;
    const to = this.bestInsertion(i, from);
    if (to === undefined) return false;
    const gain = this.drive[from]! - rest.drive - to.cost;
    const genreGain = this.genre(i, to.day) - this.genre(i, from);
    if (gain > 0 || (gain === 0 && genreGain > 0)) {
      this.apply(from, rest);
      this.apply(to.day, to.route);
      return true;
    }
    return false;
  }

  /**
   * Every set of nominations from `pool` (indices in rank order, at most 31) that day `d` could
   * hold, as a bit mask over the pool, with its least driving. Sets are grown one nomination at
   * a time and a set that cannot be driven is not grown further: with driving times that obey
   * the triangle inequality, as the road estimate does, more concerts never make a day easier.
   */
  private feasibleSets(d: number, pool: readonly number[]): Map<number, number> {
    const day = this.days[d]!;
    const sets = new Map<number, number>([[0, 0]]);
    const chosen: number[] = [];
    const grow = (from: number, mask: number): void => {
      for (let j = from; j < pool.length; j++) {
        const i = pool[j]!;
        if (!this.isCandidate(i, d)) continue;
        chosen.push(i);
        this.members.length = 0;
        this.members.push(...chosen);
        this.rebuildBudget--;
        const drive = this.searchMembers(day);
        const next = mask | (1 << (pool.length - 1 - j));
        if (drive >= 0) {
          sets.set(next, drive);
          if (chosen.length < day.max) grow(j + 1, next);
        }
        chosen.pop();
      }
    };
    grow(0, 0);
    return sets;
  }

  /**
   * Plans two days again from scratch, exactly, from their own concerts and the longest-waiting
   * left-overs that could go on either ({@link REBUILD_POOL} nominations in all): the best
   * split by the objective (more concerts, then fairer, then less driving) replaces theirs when
   * it is strictly better. This finds what no sequence of single improving moves reaches, such
   * as giving up one far-away concert to fit three near ones.
   */
  rebuildPair(a: number, b: number): boolean {
    const dayA = this.days[a]!;
    const dayB = this.days[b]!;
    if (this.rebuildBudget <= 0 || dayA.max > REBUILD_MAX_CONCERTS) return false;
    if (dayB.max > REBUILD_MAX_CONCERTS) return false;
    const stamp = `${this.dayVersion[a]}:${this.dayVersion[b]}:${this.leftOverVersion[a]}:${this.leftOverVersion[b]}`;
    const key = a * this.days.length + b;
    if (this.rebuildStamp.get(key) === stamp) return false;
    this.rebuildStamp.set(key, stamp);
    const single = a === b;
    const members = single ? [...this.routes[a]!] : [...this.routes[a]!, ...this.routes[b]!];
    // The left-overs either day could take, longest waiting first (both lists are in that order).
    const pool = new Set(members);
    const listA = this.dayCandidates[a]!;
    const listB = single ? [] : this.dayCandidates[b]!;
    for (let x = 0, y = 0; pool.size < REBUILD_POOL && (x < listA.length || y < listB.length);) {
      const j =
        y >= listB.length || (x < listA.length && listA[x]! <= listB[y]!)
          ? listA[x++]!
          : listB[y++]!;
      if (this.assigned[j]! < 0) pool.add(j);
    }
    const order = [...pool].sort((x, y) => x - y);
    const bit = (i: number) => 1 << (order.length - 1 - order.indexOf(i));
    const setsA = this.feasibleSets(a, order);
    const setsB = single ? new Map([[0, 0]]) : this.feasibleSets(b, order);
    let bestCount = members.length;
    let bestMask = members.reduce((m, i) => m | bit(i), 0);
    let bestDrive = single ? this.drive[a]! : this.drive[a]! + this.drive[b]!;
    let bestA = -1;
    let bestB = -1;
    for (const [ma, da] of setsA) {
      const ca = popcount(ma);
      for (const [mb, db] of setsB) {
        if (ma & mb) continue;
        const count = ca + popcount(mb);
        const mask = ma | mb;
        const drive = da + db;
        if (
          count > bestCount ||
          (count === bestCount && (mask > bestMask || (mask === bestMask && drive < bestDrive)))
        ) {
          bestCount = count;
          bestMask = mask;
          bestDrive = drive;
          bestA = ma;
          bestB = mb;
        }
      }
    }
    if (bestA < 0) return false;
    const routeOf = (d: number, mask: number): RouteChoice => {
      this.members.length = 0;
      for (const i of order) if (mask & bit(i)) this.members.push(i);
      return this.lastOrder(this.searchMembers(this.days[d]!));
    };
    const routeA = routeOf(a, bestA);
    const routeB = single ? undefined : routeOf(b, bestB);
    this.apply(a, routeA);
    if (routeB !== undefined) this.apply(b, routeB);
    return true;
  }

  /**
   * Moves concert `q` to another day in place of a concert there, which moves on to a third day
   * with room, when that drives less: what a single move or exchange cannot do when the nearer
   * day is full. Pairs are skipped when even the drive out to `q` and back costs more than it
   * could save.
   */
  relocateByEjecting(q: number): boolean {
    const a = this.assigned[q]!;
    const kq = this.routes[a]!.indexOf(q);
    const rest = this.leastDrive(a, kq, -1);
    if (rest < 0) return false;
    const saved = this.drive[a]! - rest;
    const n = this.noms[q]!;
    let best: { b: number; k: number; away: Insertion; gain: number } | undefined;
    for (const b of this.candidates[q]!) {
      if (b === a) continue;
      const dayB = this.days[b]!;
      const outAndBack = 2 * Math.min(this.leg(dayB.base, n.muni), this.leg(n.muni, dayB.base));
      const bound = saved + this.drive[b]! - outAndBack;
      if (bound <= (best?.gain ?? 0)) continue;
      const route = this.routes[b]!;
      for (let k = 0; k < route.length; k++) {
        let away = this.away(route[k]!);
        // The day `q` leaves is changing, so the one displaced needs somewhere else.
        if (away?.day === a) away = this.bestInsertion(route[k]!, b, a);
        if (away === undefined || bound - away.cost <= (best?.gain ?? 0)) continue;
        const drive = this.leastDrive(b, k, q);
        if (drive < 0) continue;
        const gain = saved + this.drive[b]! - drive - away.cost;
        if (gain > (best?.gain ?? 0)) best = { b, k, away, gain };
      }
    }
    if (best === undefined) return false;
    const changes = [
      [a, this.route(a, kq, -1)!],
      [best.b, this.route(best.b, best.k, q)!],
      [best.away.day, best.away.route],
    ] as const;
    for (const [d, route] of changes) this.apply(d, route);
    return true;
  }

  /**
   * Tries {@link Planner.exchangeDays} on every pair of days, skipping pairs where neither day
   * has changed since the previous sweep began: that sweep already found nothing there.
   */
  exchangeSweep(): boolean {
    const previous = this.sweepVersions;
    this.sweepVersions = Int32Array.from(this.dayVersion);
    const versions = this.dayVersion;
    let changed = false;
    for (let a = 0; a < this.days.length; a++) {
      const aSame = previous !== undefined && previous[a] === versions[a];
      for (let b = a + 1; b < this.days.length; b++) {
        if (aSame && previous[b] === versions[b]) continue;
        while (this.exchangeDays(a, b)) changed = true;
      }
    }
    return changed;
  }

  /**
   * Exchanges one concert of day `a` with one of day `b` when that drives less. A pair is skipped
   * when even the drives out to the newcomers and back cost more than both days drive now,
   * which rules out most pairs across the country.
   */
  exchangeDays(a: number, b: number): boolean {
    const dayA = this.days[a]!;
    const dayB = this.days[b]!;
    const now = this.drive[a]! + this.drive[b]!;
    const ra = this.routes[a]!;
    const rb = this.routes[b]!;
    for (let x = 0; x < ra.length; x++) {
      const i = ra[x]!;
      if (!this.isCandidate(i, b)) continue;
      const toI =
        2 *
        Math.min(this.leg(dayB.base, this.noms[i]!.muni), this.leg(this.noms[i]!.muni, dayB.base));
      for (let y = 0; y < rb.length; y++) {
        const j = rb[y]!;
        if (!this.isCandidate(j, a)) continue;
        const toJ =
          2 *
          Math.min(
            this.leg(dayA.base, this.noms[j]!.muni),
            this.leg(this.noms[j]!.muni, dayA.base),
          );
        if (toI + toJ >= now) continue;
        const da = this.leastDrive(a, x, j);
        if (da < 0 || da + toI >= now) continue;
        const db = this.leastDrive(b, y, i);
        if (db < 0) continue;
        const gain = now - da - db;
        const genreGain = this.genre(j, a) + this.genre(i, b) - this.genre(i, a) - this.genre(j, b);
        if (gain > 0 || (gain === 0 && genreGain > 0)) {
          const routeA = this.route(a, x, j)!;
          const routeB = this.route(b, y, i)!;
          this.apply(a, routeA);
          this.apply(b, routeB);
          return true;
        }
      }
    }
    return false;
  }
}

function popcount(x: number): number {
  let count = 0;
  for (let v = x; v !== 0; v &= v - 1) count++;
  return count;
}

function defaultTravel(from: string, to: string): number {
  return estimateDriveMinutes(municipalityByCode(from)!, municipalityByCode(to)!);
}

/**
 * Plans concerts: which accepted nomination goes on which tour day, and when. Pure and
 * deterministic: the same nominations and tour days, in any order, give the same plan.
 *
 * Every proposal keeps every hard constraint: the tour day's window (the musician leaves the
 * base at `windowStart` at the earliest; each concert ends by `windowEnd`), its maximum number
 * of concerts, the nomination's weekdays, times of day ({@link TIME_OF_DAY_RANGES}) and earliest
 * date, the drive plus the buffer between consecutive concerts, the visit's language, and no
 * ferry: a route never leaves the island its base is on. Each nomination is proposed at most
 * once. The route starts at the base, visits its concerts in time order and returns to the
 * base; that drive home counts as driving but may end after the window.
 *
 * What it aims for, in this order: as many concerts as possible; then fairness, longest waiting
 * first, compared lexicographically (placing the one who has waited longest matters more than
 * anything about the others); then as little driving as possible; then musicians who play what
 * the pair asked for. It is a heuristic: a greedy plan, longest waiting first into the cheapest
 * place, then bounded rounds of improvement. It is usually optimal on small plans but not
 * guaranteed to be.
 *
 * Every nomination not proposed is in `leftOver` with the most particular reason that applies.
 *
 * @example
 * const { proposals, leftOver, stats } = schedule({
 *   nominations: [
 *     { id: 'n1', municipalityCode: '751', waitingSince: '2025-02-01T09:00:00Z', timesOfDay: ['morning'] },
 *   ],
 *   tourDays: [
 *     { id: 'd1', date: '2025-05-06', windowStart: '09:00', windowEnd: '16:00', baseMunicipalityCode: '751' },
 *   ],
 * });
 * proposals; // [{ nominationId: 'n1', tourDayId: 'd1', start: '2025-05-06T09:20', end: '2025-05-06T10:20', driveMinutesBefore: 20 }]
 * leftOver; // []
 * stats.driveMinutes; // 40 – there and back within Aarhus
 */
export function schedule(input: ScheduleInput, options: ScheduleOptions = {}): ScheduleResult {
  const travelFn: TravelMinutes = options.travel ?? defaultTravel;
  const step = options.startStepMinutes ?? SCHEDULER_DEFAULT_START_STEP_MINUTES;
  if (!isWhole(step, 1, 60)) throw new RangeError('startStepMinutes must be a whole number 1–60');
  const rounds = options.improvementRounds ?? DEFAULT_IMPROVEMENT_ROUNDS;
  const defaultLanguages = options.defaultMusicianLanguages ?? SCHEDULER_DEFAULT_MUSICIAN_LANGUAGES;

  // Municipalities get dense indices in code order, so the travel table does not depend on the
  // order of the input.
  const codes = new Map<string, number>();
  const codeList: string[] = [];
  const municipalityIndex = (code: string) => codes.get(code) ?? -1;
  const used = new Set<string>();
  for (const n of input.nominations)
    if (typeof n?.municipalityCode === 'string') used.add(n.municipalityCode);
  for (const t of input.tourDays)
    if (typeof t?.baseMunicipalityCode === 'string') used.add(t.baseMunicipalityCode);
  for (const code of [...used].sort(compareText)) {
    if (municipalityByCode(code) === undefined) continue;
    codes.set(code, codeList.length);
    codeList.push(code);
  }

  // Tour days in date order; a repeated id keeps the first by that order.
  const ignoredTourDays: IgnoredTourDay[] = [];
  const readDays = input.tourDays
    .map((t) => ({ t, read: readTourDay(t, municipalityIndex, defaultLanguages) }))
    .sort((a, b) => {
      const da = 'day' in a.read ? a.read : undefined;
      const db = 'day' in b.read ? b.read : undefined;
      if (da && db) {
        if (da.day !== db.day) return da.day - db.day;
        if (da.windowStart !== db.windowStart) return da.windowStart - db.windowStart;
      } else if (da || db) {
        return da ? -1 : 1;
      }
      return (
        compareText(String(a.t?.id), String(b.t?.id)) || compareText(canonical(a.t), canonical(b.t))
      );
    });
  const days: Day[] = [];
  const dayIds = new Set<string>();
  for (const { t, read } of readDays) {
    const id = String(t?.id ?? '');
    if (!('day' in read)) ignoredTourDays.push({ tourDayId: id, field: read.field });
    else if (dayIds.has(id)) ignoredTourDays.push({ tourDayId: id, field: 'id' });
    else {
      dayIds.add(id);
      days.push(read);
    }
  }

  // Nominations longest waiting first: that order is the fairness order throughout.
  const readNoms = input.nominations
    .map((n) => ({ n, waited: readInstant(n?.waitingSince) ?? Infinity }))
    .sort(
      (a, b) =>
        a.waited - b.waited ||
        compareText(String(a.n?.id), String(b.n?.id)) ||
        compareText(canonical(a.n), canonical(b.n)),
    );
  const noms: (Nom | undefined)[] = [];
  const verdicts: Reasoned[] = [];
  const nomIds = new Set<string>();
  const ids: string[] = [];
  for (const { n } of readNoms) {
    const read = readNomination(n, municipalityIndex);
    const id = String(n?.id ?? '');
    ids.push(id);
    if ('field' in read) {
      noms.push(undefined);
      verdicts.push({
        kind: 'left',
        entry: { nominationId: id, reason: leftOverReason('invalid-nomination', read) },
      });
    } else if (nomIds.has(id)) {
      noms.push(undefined);
      verdicts.push({
        kind: 'left',
        entry: { nominationId: id, reason: leftOverReason('duplicate-nomination') },
      });
    } else {
      nomIds.add(id);
      if (read.muni < 0) {
        noms.push(undefined);
        verdicts.push({
          kind: 'left',
          entry: { nominationId: id, reason: leftOverReason('unknown-municipality') },
        });
      } else {
        noms.push(read);
        verdicts.push({ kind: 'placeable' });
      }
    }
  }

  // Driving minutes between every pair of municipalities in play, once per call; a trip that
  // needs a ferry is unreachable.
  const width = codeList.length;
  const travel = new Int32Array(width * width);
  const water = new Uint8Array(width * width);
  const municipalities = codeList.map((c) => municipalityByCode(c)!);
  for (let a = 0; a < width; a++) {
    for (let b = 0; b < width; b++) {
      water[a * width + b] = crossesWater(municipalities[a]!, municipalities[b]!) ? 1 : 0;
      const minutes = water[a * width + b] ? NaN : travelFn(codeList[a]!, codeList[b]!);
      travel[a * width + b] =
        Number.isFinite(minutes) && minutes >= 0
          ? Math.min(UNREACHABLE, Math.ceil(minutes))
          : UNREACHABLE;
    }
  }

  const planner = new Planner(noms, days, travel, width, step);

  // Which tour days each nomination could have on its own, and if none, the first filter that
  // removed the last of them: that is the most particular reason.
  for (let i = 0; i < noms.length; i++) {
    const n = noms[i];
    if (n === undefined) continue;
    let onWeekday = 0;
    let afterEarliest = 0;
    let dated = 0;
    let spoken = 0;
    let dry = 0;
    let timed = 0;
    const candidates: number[] = [];
    for (let d = 0; d < days.length; d++) {
      const day = days[d]!;
      const weekdayOk = (n.weekMask >> day.weekday) & 1;
      const dateOk = day.day >= n.earliest;
      if (weekdayOk) onWeekday++;
      if (dateOk) afterEarliest++;
      if (!weekdayOk || !dateOk) continue;
      dated++;
      if (n.language !== undefined && !day.languages.has(n.language)) continue;
      spoken++;
      if (water[day.base * width + n.muni]) continue;
      dry++;
      if (planner.earliestStart(n, day.windowStart, day) < 0) continue;
      timed++;
      if (!planner.fitsAlone(i, d)) continue;
      candidates.push(d);
      planner.addCandidate(i, d);
    }
    planner.candidates[i] = Int32Array.from(candidates);
    if (candidates.length > 0) continue;
    const details = {
      weekdays: n.weekdays,
      earliestDate: n.earliestText,
      language: n.language,
      timesOfDay: n.timesOfDay,
    };
    const code =
      days.length === 0
        ? 'no-tour-days'
        : dated === 0
          ? onWeekday === 0 && afterEarliest > 0
            ? 'no-day-on-weekday'
            : afterEarliest === 0 && onWeekday > 0
              ? 'no-day-after-earliest-date'
              : 'no-day-on-weekday-after-earliest-date'
          : spoken === 0
            ? 'no-musician-with-language'
            : dry === 0
              ? 'across-water'
              : timed === 0
                ? 'no-window-at-time-of-day'
                : 'too-far';
    verdicts[i] = {
      kind: 'left',
      entry: { nominationId: n.id, reason: leftOverReason(code, details) },
    };
  }

  planner.sealCandidates();
  const placeable: number[] = [];
  for (let i = 0; i < noms.length; i++) if (planner.candidates[i]!.length > 0) placeable.push(i);

  // The first plan: longest waiting first, each into its cheapest place.
  for (const i of placeable) planner.insert(i);

  for (let round = 0; round < rounds; round++) {
    let changed = false;
    // More concerts, then fairer: each left-over, longest waiting first, tries to get in
    // directly, by moving someone to another day, or in place of someone who waited less.
    // Someone who gives way comes later in this same pass and tries again.
    for (let pass = 0; pass < 3; pass++) {
      let passChanged = false;
      for (const i of placeable) {
        if (planner.assigned[i]! >= 0) continue;
        if (planner.insert(i) || planner.insertByMoving(i) || planner.insertByChain(i)) {
          passChanged = true;
          continue;
        }
        if (planner.insertByReplacing(i)) passChanged = true;
      }
      for (let d = 0; d < days.length; d++) if (planner.twoForOne(d)) passChanged = true;
      // Days planned again exactly, alone and in pairs, where single moves get stuck: first
      // those with room, where more concerts can be; then the rest while the budget lasts.
      for (const withRoom of [true, false]) {
        for (let a = 0; a < days.length; a++) {
          if (planner.hasRoom(a) !== withRoom) continue;
          for (let b = a; b < days.length; b++) {
            if (planner.rebuildPair(a, b)) passChanged = true;
          }
        }
      }
      changed ||= passChanged;
      if (!passChanged) break;
    }
    // Less driving with the same people: move a concert to another day, or swap two.
    for (let pass = 0; pass < 3; pass++) {
      let passChanged = false;
      for (const i of placeable) {
        if (planner.assigned[i]! < 0) continue;
        if (planner.relocate(i) || planner.relocateByEjecting(i)) passChanged = true;
      }
      if (planner.exchangeSweep()) passChanged = true;
      changed ||= passChanged;
      if (!passChanged) break;
    }
    if (!changed) break;
  }

  // The result, in date order and by start within a day.
  const proposals: ScheduleProposal[] = [];
  const tourDays: TourDayStats[] = [];
  let concerts = 0;
  let driveMinutes = 0;
  for (let d = 0; d < days.length; d++) {
    const day = days[d]!;
    const route = planner.routes[d]!;
    const times = planner.timeline(d);
    route.forEach((i, k) => {
      const { start, leg } = times[k]!;
      proposals.push({
        nominationId: noms[i]!.id,
        tourDayId: day.id,
        start: `${day.date}T${formatClock(start)}`,
        end: `${day.date}T${formatClock(start + day.concert)}`,
        driveMinutesBefore: leg,
      });
    });
    concerts += route.length;
    driveMinutes += planner.drive[d]!;
    tourDays.push({
      tourDayId: day.id,
      ...(day.musicianId === undefined ? {} : { musicianId: day.musicianId }),
      concerts: route.length,
      driveMinutes: planner.drive[d]!,
    });
  }

  const leftOver: LeftOverNomination[] = [];
  for (let i = 0; i < noms.length; i++) {
    const verdict = verdicts[i]!;
    if (verdict.kind === 'left') {
      leftOver.push(verdict.entry);
      continue;
    }
    if (planner.assigned[i]! >= 0) continue;
    const candidates = planner.candidates[i]!;
    const full = candidates.every((d) => !planner.hasRoom(d));
    leftOver.push({
      nominationId: ids[i]!,
      reason: leftOverReason(full ? 'tour-days-full' : 'no-room-in-route', {
        days: candidates.length,
      }),
    });
  }

  ignoredTourDays.sort(
    (a, b) => compareText(a.tourDayId, b.tourDayId) || compareText(a.field, b.field),
  );
  return {
    proposals,
    leftOver,
    stats: { concerts, driveMinutes, tourDays, ignoredTourDays },
  };
}
