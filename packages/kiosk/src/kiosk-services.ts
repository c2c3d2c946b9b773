import {
  danishToday,
  CANCELLED_AT_DOOR_SCHEMA_VERSION,
  DEFAULT_INSTRUMENT,
  newId,
  StueError,
  StueHttpError,
  StueValidationError,
  type Issue,
  type CancelledAtDoorReason,
  type Lang,
  type TabletConsent,
} from '@stue/core';
import type { Outbox, OutboxOptions, OutboxRecord, OutboxStatus } from '@stue/core/sync';
import {
  isPersisted,
  openStueDb,
  requestPersistence,
  storageEstimate,
  STUE_DB_NAME,
  type StueDb,
  type StueDbVersionChangeEvent,
} from '@stue/core/idb';
import { buildDebrief, debriefDraftKey, type DebriefDraft } from './debrief/debrief.js';
import { buildResponse, type RespondentDraft } from './feedback/respondent.js';
import { carriedInstrument } from './feedback/instruments.js';
import { waitAfter, waitLeft } from './pin/pin-attempts.js';
import { hashPin, verifyPin } from './pin/pin-hash.js';
import { takeEarlyOpen } from './store/early-open.js';
import { KioskStore, type BootState } from './store/kiosk-store.js';
import type { DayCache, Enrolment, Household } from './store/types.js';
import { queueNumbered } from './sync/numbered-queue.js';

/** Validation, sealing and the HTTP client: loaded when first needed, not before the first screen. */
const checkedRecords = () => import('./sync/checked-records.js');

/** How {@link KioskServices.open} is set up. */
export interface KioskServicesOptions {
  /** The IndexedDB database name (tests use their own). */
  dbName?: string;
  /** The hub's base URL; the kiosk is served by the hub, so by default the page's origin. */
  api?: URL;
  /** Called when a newer version of the app has taken over the database in another tab. */
  onVersionChange?: (event: StueDbVersionChangeEvent) => void;
  /** Outbox pacing (tests shorten it). */
  outbox?: Partial<Omit<OutboxOptions, 'store' | 'transport'>>;
}

/** What the tablet says about its storage. */
export interface StorageState {
  persisted: boolean;
  usage: number | null;
  quota: number | null;
}

/** A PIN check's answer: right or not, and how long the pad now waits (0: not at all). */
export interface PinCheck {
  right: boolean;
  waitMs: number;
}

/** Whether an outbox failure means the hub no longer accepts this device. */
export function isRevocation(error: { status?: number } | null | undefined): boolean {
  return error?.status === 401 || error?.status === 403;
}

/**
 * Everything the kiosk does besides drawing: the browser database, the outbox, enrolment, the
 * PIN, today's concerts, and turning a finished respondent into a sealed, queued record. The
 * screens call it; it never holds answers longer than a call.
 *
 * @example
 * const services = await KioskServices.open();
 * services.start(); // sends the outbox now, when online, when visible, and on a timer
 */
export class KioskServices {
  #enrolment: Enrolment | undefined;
  #bootState: BootState | undefined;
  #outbox: Outbox | undefined;
  #outboxLoading: Promise<Outbox> | undefined;
  readonly #options: KioskServicesOptions;

  private constructor(
    readonly db: StueDb,
    readonly store: KioskStore,
    readonly api: URL,
    options: KioskServicesOptions,
  ) {
    this.#options = options;
  }

  /**
   * Opens the database and reads what the first screen needs (the enrolment among it), or takes
   * up the page's early open of the same database (see `openEarly`).
   */
  static async open(options: KioskServicesOptions = {}): Promise<KioskServices> {
    const early = takeEarlyOpen(options.dbName ?? STUE_DB_NAME);
    const db = await (early?.db ?? openStueDb(options.dbName));
    const { onVersionChange } = options;
    if (onVersionChange) {
      db.addEventListener('stue-db-versionchange', (event) =>
        onVersionChange(event as StueDbVersionChangeEvent),
      );
    }
    const services = new KioskServices(
      db,
      new KioskStore(db),
      options.api ?? new URL('/', location.href),
      options,
    );
    const state = await (early?.state ?? services.store.boot());
    services.#bootState = state;
    services.#enrolment = state.enrolment;
    return services;
  }

  get enrolment(): Enrolment | undefined {
    return this.#enrolment;
  }

  /** What the tablet held when the services opened: the first screen's state. */
  get bootState(): BootState {
    return this.#bootState!;
  }

  /**
   * The outbox, once {@link loadOutbox} has made it.
   *
   * @throws {StueError} `not_ready` before that
   */
  get outbox(): Outbox {
    if (!this.#outbox) throw new StueError('not_ready', 'The outbox is not loaded yet');
    return this.#outbox;
  }

  /**
   * Loads the outbox's code and makes the outbox, once: on first use (so an unenrolled tablet
   * sends nothing), and not before the first screen, which does not need it.
   */
  loadOutbox(): Promise<Outbox> {
    this.#outboxLoading ??= import('./sync/kiosk-outbox.js').then(({ kioskOutbox }) => {
      this.#outbox ??= kioskOutbox(
        this.db,
        this.api,
        () => this.#enrolment?.token ?? '',
        this.#options.outbox,
      );
      return this.#outbox;
    });
    return this.#outboxLoading;
  }

  /**
   * Starts sending queued records: now, on `online`, when the page is visible, on a timer.
   * Call {@link loadOutbox} first.
   */
  start(target: { window?: Window; document?: Document } = { window, document }): void {
    if (this.#enrolment) this.outbox.start(target);
  }

  /**
   * Follows the outbox's status; returns the function that stops following. Call
   * {@link loadOutbox} first.
   */
  subscribe(listener: (status: OutboxStatus) => void): () => void {
    return this.outbox.subscribe(listener);
  }

  /** Every queued record, without looking inside (counts, states, sequence numbers). */
  async records(): Promise<OutboxRecord[]> {
    return (await this.loadOutbox()).list();
  }

  /** Puts the records that need attention back in the queue and sends. */
  async retryAttention(): Promise<void> {
    const outbox = await this.loadOutbox();
    for (const record of await outbox.list()) {
      if (record.state === 'needs-attention') await outbox.retry(record.id);
    }
  }

  async close(): Promise<void> {
    await this.#outbox?.stop();
    this.db.close();
  }

  /**
   * Enrols the tablet with a code, keeps the token and the hub's public key, and asks the
   * browser to keep the storage. Records already queued stay and go out with the new token.
   */
  async enrol(code: string, name: string): Promise<{ enrolment: Enrolment; persisted: boolean }> {
    const { enrolDevice } = await checkedRecords();
    const answer = await enrolDevice({ api: this.api }, { code: code.trim(), name: name.trim() });
    const enrolment: Enrolment = {
      deviceId: answer.device.id,
      deviceName: answer.device.name,
      token: answer.token,
      musician: { id: answer.musician.id, name: answer.musician.name },
      hubPublicKey: answer.hubPublicKey,
      enrolledAt: new Date().toISOString(),
    };
    await this.store.saveEnrolment(enrolment);
    this.#enrolment = enrolment;
    const persisted = await requestPersistence().catch(() => false);
    return { enrolment, persisted };
  }

  async hasPin(): Promise<boolean> {
    return (await this.store.pin()) !== undefined;
  }

  async setPin(pin: string): Promise<void> {
    await this.store.savePin(await hashPin(pin));
  }

  /**
   * Checks a typed PIN. After five wrong ones in a row the pad waits (see
   * `waitAfter`): while it does, no PIN is checked, not even the right one. The count is kept on
   * the tablet, so a reload does not reset it; a right PIN does. Nothing else changes.
   */
  async checkPin(pin: string, now = Date.now()): Promise<PinCheck> {
    const attempts = await this.store.pinAttempts();
    const left = waitLeft(attempts, now);
    if (left > 0) return { right: false, waitMs: left };
    const record = await this.store.pin();
    if (record !== undefined && (await verifyPin(pin, record))) {
      if (attempts) await this.store.savePinAttempts(undefined);
      return { right: true, waitMs: 0 };
    }
    const failures = (attempts?.failures ?? 0) + 1;
    await this.store.savePinAttempts({ failures, lastFailureAt: now });
    return { right: false, waitMs: waitAfter(failures) };
  }

  /** How long the PIN pad still waits after too many wrong PINs (0 when it is open). */
  async pinWait(now = Date.now()): Promise<number> {
    return waitLeft(await this.store.pinAttempts(), now);
  }

  async storage(): Promise<StorageState> {
    const [persisted, estimate] = await Promise.all([
      isPersisted().catch(() => false),
      storageEstimate().catch(() => null),
    ]);
    return { persisted, usage: estimate?.usage ?? null, quota: estimate?.quota ?? null };
  }

  /**
   * Fetches today's concerts and keeps them for offline use. A revoked device (401) is noted
   * and the kept list stays.
   *
   * @throws {StueError} when the hub cannot be reached or refuses
   */
  async refreshDay(): Promise<DayCache> {
    const enrolment = this.#enrolment;
    if (!enrolment) throw new StueError('not_enrolled', 'The tablet is not enrolled');
    try {
      const { getDeviceBookings } = await checkedRecords();
      const { date, items, programmes } = await getDeviceBookings({
        api: this.api,
        token: enrolment.token,
      });
      const day: DayCache = {
        date,
        fetchedAt: Date.now(),
        items,
        ...(programmes ? { programmes } : {}),
      };
      await this.store.saveDay(day);
      if (await this.store.revoked()) await this.store.saveRevoked(false);
      return day;
    } catch (error) {
      if (error instanceof StueHttpError && isRevocation(error)) {
        await this.store.saveRevoked(true);
      }
      throw error;
    }
  }

  /**
   * Starts a feedback session for a concert. Who has answered for it today (in an earlier
   * session too) is marked on the "who answers" screen, so nobody is counted twice by accident.
   */
  async startHousehold(bookingId: string, lang: Lang): Promise<Household> {
    const progress = await this.store.progress(danishToday());
    const answered = progress[bookingId]?.answered ?? [];
    const household: Household = { bookingId, lang, stage: 'hand-over', answered: [...answered] };
    await this.store.saveHousehold(household);
    return household;
  }

  saveHousehold(household: Household | undefined): Promise<void> {
    return this.store.saveHousehold(household);
  }

  /** Saves a respondent's draft (strict durability); resolves once it is on disk. */
  async saveDraft(draft: RespondentDraft): Promise<void> {
    await this.db.drafts.save(draft.responseId, draft);
  }

  async loadDraft(responseId: string): Promise<RespondentDraft | undefined> {
    return (await this.db.drafts.get<RespondentDraft>(responseId))?.value;
  }

  async discardDraft(responseId: string): Promise<void> {
    await this.db.drafts.delete(responseId);
  }

  /**
   * Finishes a respondent: builds the response with the next device sequence number, checks it
   * against the instrument, seals it to the hub's public key, and queues the envelope while
   * deleting the draft, in one transaction. After this the tablet holds no readable answer.
   * With `consent` (the pair's yes given on the tablet) the record is `{ sealed, consent }`: the
   * consent travels beside the sealed answers, for the hub to record.
   *
   * @throws {StueValidationError} when the answers do not fit the instrument (nothing is lost:
   *   the draft stays)
   */
  async finishRespondent(draft: RespondentDraft, consent?: TabletConsent): Promise<OutboxRecord> {
    const enrolment = this.#requireEnrolment();
    const { checkResponse, feedbackResponseSchema, seal, SEAL_CONTEXTS, validate } =
      await checkedRecords();
    const record = await queueNumbered(
      { outbox: await this.loadOutbox(), store: this.db.outbox },
      'feedback-response',
      draft.responseId,
      async (deviceSeq) => {
        const checked = validate(
          feedbackResponseSchema,
          buildResponse(draft, { deviceId: enrolment.deviceId, deviceSeq }),
        );
        const issues: Issue[] = checked.ok
          ? checkResponse(
              carriedInstrument(checked.value.instrument) ?? DEFAULT_INSTRUMENT,
              checked.value,
            )
          : checked.issues;
        if (!checked.ok || issues.length > 0) {
          throw new StueValidationError(issues, 'The response does not fit the instrument');
        }
        const sealed = await seal(
          enrolment.hubPublicKey,
          checked.value,
          SEAL_CONTEXTS.feedbackResponse,
        );
        return consent ? { sealed, consent } : sealed;
      },
      { clearDraft: draft.responseId },
    );
    await this.store.updateProgress(danishToday(), draft.bookingId, (current) => ({
      ...current,
      responses: current.responses + 1,
      answered: current.answered?.includes(draft.role)
        ? current.answered
        : [...(current.answered ?? []), draft.role],
    }));
    return record;
  }

  async saveDebriefDraft(draft: DebriefDraft): Promise<void> {
    await this.db.drafts.save(debriefDraftKey(draft.bookingId), draft);
  }

  async loadDebriefDraft(bookingId: string): Promise<DebriefDraft | undefined> {
    return (await this.db.drafts.get<DebriefDraft>(debriefDraftKey(bookingId)))?.value;
  }

  /**
   * Checks a debrief (the texts refuse CPR numbers, with messages in `lang`) and queues it,
   * deleting its draft in the same transaction. Debriefs are about the musician and are sent as
   * they are, not sealed.
   *
   * @returns the issues to show, or an empty list once it is queued
   */
  async sendDebrief(draft: DebriefDraft, lang: Lang): Promise<Issue[]> {
    const enrolment = this.#requireEnrolment();
    const { musicianDebriefSchema, validate } = await checkedRecords();
    const check = (deviceSeq: number) =>
      validate(
        musicianDebriefSchema,
        buildDebrief(draft, { deviceId: enrolment.deviceId, deviceSeq }),
        { lang },
      );
    const first = check(1);
    if (!first.ok) return first.issues;
    await queueNumbered(
      { outbox: await this.loadOutbox(), store: this.db.outbox },
      'musician-debrief',
      draft.id,
      async (deviceSeq) => {
        const checked = check(deviceSeq);
        if (!checked.ok) throw new StueValidationError(checked.issues, 'Invalid debrief');
        return checked.value;
      },
      { clearDraft: debriefDraftKey(draft.bookingId) },
    );
    await this.store.updateProgress(danishToday(), draft.bookingId, (current) => ({
      ...current,
      debrief: true,
    }));
    return [];
  }

  /**
   * Reports a concert cancelled at the door: queues a `booking-cancelled-at-door` record (sent
   * like a debrief; the hub cancels the booking with the reason) and notes it on the concert.
   * Only the reason goes: nobody-home, host-unwell or other, never health details.
   */
  async cancelAtDoor(bookingId: string, reason: CancelledAtDoorReason): Promise<OutboxRecord> {
    const enrolment = this.#requireEnrolment();
    const { bookingCancelledAtDoorSchema, validate } = await checkedRecords();
    const id = newId();
    const at = new Date().toISOString();
    const record = await queueNumbered(
      { outbox: await this.loadOutbox(), store: this.db.outbox },
      'booking-cancelled-at-door',
      id,
      async (deviceSeq) => {
        const checked = validate(bookingCancelledAtDoorSchema, {
          schemaVersion: CANCELLED_AT_DOOR_SCHEMA_VERSION,
          id,
          bookingId,
          deviceId: enrolment.deviceId,
          deviceSeq,
          reason,
          at,
        });
        if (!checked.ok) throw new StueValidationError(checked.issues, 'Invalid cancellation');
        return checked.value;
      },
    );
    await this.store.updateProgress(danishToday(), bookingId, (current) => ({
      ...current,
      cancelledAtDoor: reason,
    }));
    return record;
  }

  #requireEnrolment(): Enrolment {
    if (!this.#enrolment) throw new StueError('not_enrolled', 'The tablet is not enrolled');
    return this.#enrolment;
  }
}
