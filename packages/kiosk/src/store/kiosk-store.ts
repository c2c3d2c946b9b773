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

/**
 * The kiosk's facts on the tablet, typed, over the `meta` store of `@stue/core/idb` (strict
 * durability: every `set` resolves after the commit). Answers are not here: a respondent's
 * answers live in the `drafts` store until they are sealed into the outbox.
 *
 * @example
 * const store = new KioskStore(await openStueDb());
 * const enrolment = await store.enrolment();
 */
export class KioskStore {
  constructor(readonly db: StueDb) {}

  enrolment(): Promise<Enrolment | undefined> {
    return this.db.meta.get<Enrolment>(KEYS.enrolment);
  }

  async saveEnrolment(enrolment: Enrolment): Promise<void> {
    await this.db.meta.set(KEYS.enrolment, enrolment);
    await this.db.meta.set(KEYS.revoked, false);
    try {
      localStorage.setItem(ENROLLED_MARK, enrolment.deviceId);
    } catch {
      // Storage may be refused (private mode); the mark is only a hint for a later start.
    }
  }

  /** Whether the tablet was enrolled once but its database is gone (storage wiped). */
  async wasWiped(): Promise<boolean> {
    let mark: string | null;
    try {
      mark = localStorage.getItem(ENROLLED_MARK);
    } catch {
      return false;
    }
    return mark !== null && (await this.enrolment()) === undefined;
  }

  /** The last successful sending, or none when this tablet has sent nothing yet. */
  async lastSend(): Promise<LastSend | undefined> {
    return (await this.db.meta.get<LastSend | null>(KEYS.lastSend)) ?? undefined;
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
    return (await this.db.meta.get<PinAttempts | null>(KEYS.pinAttempts)) ?? undefined;
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
    return (await this.db.meta.get<Household | null>(KEYS.household)) ?? undefined;
  }

  saveHousehold(household: Household | undefined): Promise<void> {
    return this.db.meta.set(KEYS.household, household ?? null);
  }

  async lang(): Promise<Lang | undefined> {
    const lang = await this.db.meta.get<Lang>(KEYS.lang);
    return lang === 'da' || lang === 'en' ? lang : undefined;
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
