import type { Lang } from '@stue/core';
import type { StueDb } from '@stue/core/idb';
import type { PinAttempts } from '../pin/pin-attempts.js';
import type {
  ConcertProgress,
  DayCache,
  Enrolment,
  Household,
  LastSend,
  PinRecord,
} from './types.js';

/** The meta keys the kiosk keeps (the store's own, `nextSeq` and `schema`, are not among them). */
const KEYS = {
  enrolment: 'kiosk:enrolment',
  pin: 'kiosk:pin',
  pinAttempts: 'kiosk:pin-attempts',
  day: 'kiosk:day',
  progress: 'kiosk:progress',
  household: 'kiosk:household',
  lang: 'kiosk:lang',
  revoked: 'kiosk:revoked',
  lastSend: 'kiosk:last-send',
} as const;

/**
 * A mark outside IndexedDB that this browser has been enrolled, holding the device id only (no
 * personal data). When it is there and the database is not, the database was wiped.
 */
const ENROLLED_MARK = 'stue-kiosk-device';

/** What the kiosk's first screen needs from the tablet, read at start in one transaction. */
export interface BootState {
  enrolment: Enrolment | undefined;
  /** The language the musician chose, if any. */
  lang: Lang | undefined;
  /** Enrolled once, but the database is gone (storage wiped). */
  wiped: boolean;
  day: DayCache | undefined;
  lastSend: LastSend | undefined;
  household: Household | undefined;
  hasPin: boolean;
  revoked: boolean;
}

/** A stored language the kiosk speaks, or none. */
const asLang = (value: unknown): Lang | undefined =>
  value === 'da' || value === 'en' ? value : undefined;

/** A fact stored as `null` to say "none" (the household, the last sending), read as `undefined`. */
const orNone = <T>(value: unknown): T | undefined => (value as T | null | undefined) ?? undefined;

/**
 * Whether the enrolled mark outside IndexedDB is there: with no enrolment in the database, the
 * tablet was enrolled once and its storage was wiped.
 */
function hasEnrolledMark(): boolean {
  try {
    return localStorage.getItem(ENROLLED_MARK) !== null;
  } catch {
    return false;
  }
}

/**
 * The kiosk's facts on the tablet, typed, over the `meta` store of `@stue/core/idb` (strict
 * durability: every `set` resolves after the commit). Answers are not here: a respondent's
 * answers live in the `drafts` store until they are sealed into the outbox.
 *
 * @example
 * const store = new KioskStore(await openStueDb());
 * const { enrolment, household } = await store.boot();
 */
export class KioskStore {
  constructor(readonly db: StueDb) {}

  async saveEnrolment(enrolment: Enrolment): Promise<void> {
    await this.db.meta.set(KEYS.enrolment, enrolment);
    await this.db.meta.set(KEYS.revoked, false);
    try {
      localStorage.setItem(ENROLLED_MARK, enrolment.deviceId);
    } catch {
      // Storage may be refused (private mode); the mark is only a hint for a later start.
    }
  }

  /**
   * Everything the first screen needs, in one read-only transaction: a cold start waits for
   * one round trip to the database, not one per fact.
   */
  async boot(): Promise<BootState> {
    const [enrolment, lang, day, lastSend, household, pin, revoked] = await this.db.meta.getMany([
      KEYS.enrolment,
      KEYS.lang,
      KEYS.day,
      KEYS.lastSend,
      KEYS.household,
      KEYS.pin,
      KEYS.revoked,
    ]);
    return {
      enrolment: enrolment as Enrolment | undefined,
      lang: asLang(lang),
      wiped: enrolment === undefined && hasEnrolledMark(),
      day: day as DayCache | undefined,
      lastSend: orNone<LastSend>(lastSend),
      household: orNone<Household>(household),
      hasPin: pin !== undefined,
      revoked: revoked === true,
    };
  }

  saveLastSend(lastSend: LastSend): Promise<void> {
    return this.db.meta.set(KEYS.lastSend, lastSend);
  }

  pin(): Promise<PinRecord | undefined> {
    return this.db.meta.get<PinRecord>(KEYS.pin);
  }

  savePin(pin: PinRecord): Promise<void> {
    return this.db.meta.set(KEYS.pin, pin);
  }

  /** Wrong PINs in a row (none when the last PIN typed was right). */
  async pinAttempts(): Promise<PinAttempts | undefined> {
    return orNone(await this.db.meta.get(KEYS.pinAttempts));
  }

  savePinAttempts(attempts: PinAttempts | undefined): Promise<void> {
    return this.db.meta.set(KEYS.pinAttempts, attempts ?? null);
  }

  day(): Promise<DayCache | undefined> {
    return this.db.meta.get<DayCache>(KEYS.day);
  }

  saveDay(day: DayCache): Promise<void> {
    return this.db.meta.set(KEYS.day, day);
  }

  /** Per-concert counts, for the day in `date` only: other days' are dropped on write. */
  async progress(date: string): Promise<Record<string, ConcertProgress>> {
    const stored = await this.db.meta.get<{
      date: string;
      byBooking: Record<string, ConcertProgress>;
    }>(KEYS.progress);
    return stored?.date === date ? stored.byBooking : {};
  }

  async updateProgress(
    date: string,
    bookingId: string,
    change: (current: ConcertProgress) => ConcertProgress,
  ): Promise<void> {
    const byBooking = { ...(await this.progress(date)) };
    byBooking[bookingId] = change(byBooking[bookingId] ?? { responses: 0, debrief: false });
    await this.db.meta.set(KEYS.progress, { date, byBooking });
  }

  async household(): Promise<Household | undefined> {
    return orNone(await this.db.meta.get(KEYS.household));
  }

  saveHousehold(household: Household | undefined): Promise<void> {
    return this.db.meta.set(KEYS.household, household ?? null);
  }

  async lang(): Promise<Lang | undefined> {
    return asLang(await this.db.meta.get(KEYS.lang));
  }

  saveLang(lang: Lang): Promise<void> {
    return this.db.meta.set(KEYS.lang, lang);
  }

  async revoked(): Promise<boolean> {
    return (await this.db.meta.get<boolean>(KEYS.revoked)) === true;
  }

  saveRevoked(revoked: boolean): Promise<void> {
    return this.db.meta.set(KEYS.revoked, revoked);
  }
}
