import { danishToday, newId, type Lang } from '@stue/core';
import type { OutboxStatus } from '@stue/core/sync';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';
import { newDebrief, type DebriefDraft } from './debrief/debrief.js';
import type { RespondentDraft } from './feedback/respondent.js';
import { isInstalled } from './install/display-mode.js';
import { kioskAppStyles } from './kiosk-app.styles.js';
import {
  isRevocation,
  KioskServices,
  type KioskServicesOptions,
  type StorageState,
} from './kiosk-services.js';
import { langFromUrl } from './lang.js';
import { icon } from './pictograms/pictogram.js';
import type { DayAction } from './screens/day-screen.js';
import { defineSessionScreen, type StueKioskSession } from './screens/feedback-session.js';
import { instrumentFor, programmeOf } from './feedback/instruments.js';
import type { KioskEvent } from './screens/kiosk-screen.js';
import { EMPTY_OUTBOX_STATUS } from './screens/outbox-status.js';
import {
  type ConcertProgress,
  type DayCache,
  type Enrolment,
  type Household,
  type LastSend,
  ONE_SENDING_MS,
} from './store/types.js';
import type { BootState } from './store/kiosk-store.js';
import { KIOSK_STRINGS } from './strings.js';
import { actionButton } from './screens/action-button.js';

let laterScreens: Promise<void> | undefined;

/**
 * Loads and registers the screens a start does not show first (enrolment, PIN, day, debrief, the
 * session's consent question), once: the app calls it when its first screen is drawn, and before
 * it shows one of them.
 */
export function loadLaterScreens(): Promise<void> {
  laterScreens ??= import('./screens/later-screens.js').then((screens) =>
    screens.defineLaterScreens(),
  );
  return laterScreens;
}

/** Views drawn by a screen of {@link loadLaterScreens}. */
const LATER_VIEWS: ReadonlySet<KioskView['kind']> = new Set([
  'enrol',
  'pin-set',
  'pin-check',
  'day',
  'debrief',
]);

/**
 * How long the start may take, reading the tablet's storage, before "One moment …" is shown: under
 * the second within which a wait goes unremarked.
 */
const SLOW_START_MS = 700;

/** The tag the kiosk app is registered under. */
export const KIOSK_APP_TAG = 'stue-kiosk-app';

// A roof over a doorway: "stue" is the living room the concerts happen in.
const houseMark = html`<svg class="mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
  <path d="M4 15 16 5l12 10M8 12v15h16V12M13 27v-8h6v8" />
</svg>`;

/** Which screen the kiosk shows. Answers are never part of it: they live in the session screen. */
export type KioskView =
  | { kind: 'loading' }
  | { kind: 'failed' }
  | { kind: 'reload' }
  | { kind: 'start' }
  | { kind: 'enrol'; back: 'start' | 'day' }
  | { kind: 'enrolled'; persisted: boolean; hasPin: boolean }
  | { kind: 'pin-set' }
  | { kind: 'pin-check' }
  | { kind: 'day' }
  | { kind: 'session'; household: Household; draft?: RespondentDraft }
  | { kind: 'debrief'; bookingId: string; draft: DebriefDraft };

/**
 * The kiosk: what the tablet shows that a musician hands to a host and their visiting friend.
 *
 * It starts on a neutral screen: "not enrolled" (with the way to enrol) or "ready" (with the way
 * for the musician to unlock). Behind the musician's PIN is the day (concerts, sync, storage);
 * from there a household's feedback session or the musician's debrief. A session in progress
 * is resumed after a reload or a crash, at the very tap it had reached. Nothing is ever put in
 * the address or history; when the page is hidden (or kept in the back/forward cache) the
 * answers on screen are dropped from memory and read back from the drafts store when it shows
 * again.
 *
 * Texts are Danish, or English when the musician chooses it (or the address has `?lang=en`).
 *
 * @summary The root element of the Stue kiosk.
 */
export class StueKioskApp extends LitElement {
  static override styles = kioskAppStyles;

  /** The IndexedDB database to use (tests use their own). */
  @property({ attribute: 'db-name' }) accessor dbName = 'stue';

  /** The hub's base URL; by default the origin the kiosk is served from. */
  @property({ attribute: false }) accessor api: URL | undefined;

  /** Outbox pacing (tests shorten it). */
  @property({ attribute: false }) accessor outboxOptions: KioskServicesOptions['outbox'];

  /** Switches to a waiting new version of the app (set by the service-worker registration). */
  @property({ attribute: false }) accessor applyUpdate: (() => void) | undefined;

  /** The language of every text. */
  @state() accessor language: Lang = 'da';

  /** Whether the browser has a network connection, as its `online`/`offline` events say. */
  @state() accessor online = true;

  @state() accessor view: KioskView = { kind: 'loading' };
  /** Whether the start has taken long enough for "One moment …" to be shown. */
  @state() accessor slowStart = false;
  #slowStartTimer: ReturnType<typeof setTimeout> | undefined;
  @state() accessor status: OutboxStatus = EMPTY_OUTBOX_STATUS;
  @state() accessor lastSend: LastSend | undefined;
  #seenSuccessAt: number | null = null;
  @state() accessor day: DayCache | undefined;
  @state() accessor progress: Record<string, ConcertProgress> = {};
  @state() accessor storage: StorageState | undefined;
  @state() accessor fetching = false;
  @state() accessor revoked = false;
  @state() accessor wiped = false;
  @state() accessor installed = true;
  /** True while the page is hidden: nothing of a session is drawn. */
  @state() accessor covered = false;

  #services: KioskServices | undefined;
  #unsubscribe: (() => void) | undefined;
  #booting: Promise<void> | undefined;

  /** The app's services once started (for tests and the debug console). */
  get services(): KioskServices | undefined {
    return this.#services;
  }

  /** Resolves when the app has read its state from the tablet's storage. */
  get ready(): Promise<void> {
    return this.#booting ?? Promise.resolve();
  }

  get enrolment(): Enrolment | undefined {
    return this.#services?.enrolment;
  }

  // The event's type is the news: navigator.onLine can lag behind it, and tests cannot set it.
  readonly #onConnectionChange = (event: Event): void => {
    this.online = event.type === 'online';
    if (this.online && this.view.kind === 'day') void this.#refreshDay();
  };

  readonly #onPageHide = (): void => {
    // Leaving (or going into the back/forward cache): nothing of a household stays drawn or held.
    this.covered = true;
    this.renderRoot.querySelector<StueKioskSession>('stue-kiosk-session')?.forget();
  };

  readonly #onPageShow = (): void => {
    if (!this.covered) return;
    // Shown again (from the back/forward cache, or after pagehide): the session is read again
    // from storage, where every tap was saved, rather than from memory.
    if (this.view.kind === 'session') {
      void this.#resume().then(() => (this.covered = false));
    } else {
      this.covered = false;
    }
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.language = langFromUrl(location.href);
    this.online = navigator.onLine;
    this.installed = isInstalled();
    window.addEventListener('online', this.#onConnectionChange);
    window.addEventListener('offline', this.#onConnectionChange);
    window.addEventListener('pagehide', this.#onPageHide);
    window.addEventListener('pageshow', this.#onPageShow);
    this.#slowStartTimer = setTimeout(() => (this.slowStart = true), SLOW_START_MS);
    this.#booting = this.#boot();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onConnectionChange);
    window.removeEventListener('offline', this.#onConnectionChange);
    window.removeEventListener('pagehide', this.#onPageHide);
    window.removeEventListener('pageshow', this.#onPageShow);
    clearTimeout(this.#slowStartTimer);
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    const services = this.#services;
    this.#services = undefined;
    // Closing waits for booting, so a quickly removed element leaves no connection open.
    void (this.#booting ?? Promise.resolve()).then(() => (services ?? this.#services)?.close());
  }

  async #boot(): Promise<void> {
    let services: KioskServices;
    try {
      services = await KioskServices.open({
        dbName: this.dbName,
        ...(this.api ? { api: this.api } : {}),
        ...(this.outboxOptions ? { outbox: this.outboxOptions } : {}),
        onVersionChange: () => {
          this.view = { kind: 'reload' };
        },
      });
    } catch (error) {
      console.error('stue-kiosk: cannot open storage', error instanceof Error ? error.name : error);
      this.view = { kind: 'failed' };
      return;
    }
    if (!this.isConnected) {
      await services.close();
      return;
    }
    this.#services = services;
    // Read in one transaction when the services opened, and the screen shown before the outbox
    // starts sending: a cold start offline should take little more than a bare page's.
    const state = services.bootState;
    this.lastSend = state.lastSend;
    this.language = state.lang ?? this.language;
    this.wiped = state.wiped;
    this.day = state.day;
    // Today's counts are read when the day's screen opens: not here, where working out the first
    // date in Danish time would cost a slow tablet ≈ 60 ms before the first screen.
    await this.#resume(state);
    if (services.enrolment) await this.#startSync(services, state.revoked);
    await loadLaterScreens();
  }

  async #startSync(services: KioskServices, revoked?: boolean): Promise<void> {
    this.revoked = revoked ?? (await services.store.revoked());
    await services.loadOutbox();
    if (this.#services !== services) return;
    this.#unsubscribe?.();
    this.#unsubscribe = services.subscribe((status) => {
      this.status = status;
      this.#noteSent(services, status.lastSuccessAt);
      if (isRevocation(status.lastError)) this.revoked = true;
      else if (status.lastSuccessAt !== null && status.lastError === null) this.revoked = false;
    });
    services.start({ window, document });
  }

  /**
   * Keeps the last successful sending on the tablet, so "Sendt til Stue" says when it was after a
   * restart too: each record that reached Stue adds to the sending it is part of.
   */
  #noteSent(services: KioskServices, at: number | null): void {
    if (at === null || at === this.#seenSuccessAt) return;
    this.#seenSuccessAt = at;
    const last = this.lastSend;
    const lastSend: LastSend =
      last && at - last.at < ONE_SENDING_MS ? { at, count: last.count + 1 } : { at, count: 1 };
    this.lastSend = lastSend;
    void services.store.saveLastSend(lastSend).catch(() => undefined);
  }

  /**
   * Shows what the tablet's storage says should be on screen now (`state`: as read at start;
   * otherwise read again).
   */
  async #resume(state?: BootState): Promise<void> {
    const services = this.#services;
    if (!services) return;
    const stored = state ?? (await services.store.boot());
    const household = services.enrolment ? stored.household : undefined;
    if (household) {
      const draft = household.respondentId
        ? await services.loadDraft(household.respondentId)
        : undefined;
      // A respondent whose draft is gone was finished (sealed) before the household was saved.
      const resumed: Household =
        household.stage === 'respondent' && !draft ? { ...household, stage: 'who' } : household;
      this.language = resumed.lang;
      this.view = draft
        ? { kind: 'session', household: resumed, draft }
        : { kind: 'session', household: resumed };
      return;
    }
    if (services.enrolment && !stored.hasPin) {
      this.view = { kind: 'pin-set' };
      return;
    }
    this.view = { kind: 'start' };
  }

  async #refreshDay(): Promise<void> {
    const services = this.#services;
    if (!services?.enrolment || this.fetching) return;
    this.fetching = true;
    try {
      this.day = await services.refreshDay();
      this.revoked = false;
    } catch {
      // Offline or refused: the kept list stays; a revocation is noted by the services.
    } finally {
      this.fetching = false;
    }
    if (this.#services !== services) return;
    try {
      this.revoked = await services.store.revoked();
      this.progress = await services.store.progress(danishToday());
    } catch {
      // The app was closed meanwhile.
    }
  }

  async #openDay(): Promise<void> {
    const services = this.#services;
    if (!services) return;
    this.progress = await services.store.progress(danishToday());
    this.view = { kind: 'day' };
    void services.storage().then((storage) => (this.storage = storage));
    void services.records();
    if (this.online) void this.#refreshDay();
  }

  async #onDayAction(event: KioskEvent<DayAction>): Promise<void> {
    const services = this.#services;
    if (!services) return;
    const detail = event.detail;
    switch (detail.action) {
      case 'start': {
        const household = await services.startHousehold(detail.bookingId, this.language);
        this.view = { kind: 'session', household };
        return;
      }
      case 'debrief': {
        const draft =
          (await services.loadDebriefDraft(detail.bookingId)) ??
          newDebrief(newId(), detail.bookingId);
        this.view = { kind: 'debrief', bookingId: detail.bookingId, draft };
        return;
      }
      case 'cancel-at-door':
        await services.cancelAtDoor(detail.bookingId, detail.reason);
        this.progress = await services.store.progress(danishToday());
        return;
      case 'refresh':
        return this.#refreshDay();
      case 'lock':
        this.view = { kind: 'start' };
        return;
      case 'retry':
        return services.retryAttention();
      case 'enrol-again':
        this.view = { kind: 'enrol', back: 'day' };
        return;
      case 'update':
        this.applyUpdate?.();
        return;
      case 'lang':
        this.language = detail.lang;
        await services.store.saveLang(detail.lang);
        return;
    }
  }

  async #onEnrolled(event: KioskEvent<{ persisted: boolean }>): Promise<void> {
    const services = this.#services;
    if (!services) return;
    this.wiped = false;
    this.revoked = false;
    await services.store.saveLang(this.language);
    await this.#startSync(services);
    const hasPin = await services.hasPin();
    this.view = { kind: 'enrolled', persisted: event.detail.persisted, hasPin };
  }

  // A start that reads the tablet's storage quickly draws its first screen at once, with no flash
  // of "One moment …" (and no page drawn twice on a slow tablet's way to it).
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return super.shouldUpdate(changed) && (this.view.kind !== 'loading' || this.slowStart);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // Drawn as soon as its screen is registered (an element defined later takes the properties
    // it was given before).
    if (LATER_VIEWS.has(this.view.kind)) void loadLaterScreens();
  }

  protected override render(): TemplateResult {
    const t = KIOSK_STRINGS[this.language];
    const view = this.view;
    const inSession = view.kind === 'session';
    return html`
      <div class="screen ${inSession ? 'session' : ''}" lang=${this.language}>
        ${
          inSession
            ? nothing
            : html`<header class="brand">${houseMark}<span>${t.brand}</span></header>`
        }
        <main>${this.covered ? nothing : this.#view()}</main>
        ${
          inSession
            ? nothing
            : html`<footer>
                <p
                  class="connection"
                  role="status"
                  data-state=${this.online ? 'online' : 'offline'}
                >
                  <span class="dot" aria-hidden="true"></span>
                  <span>${this.online ? t.online : t.offline}</span>
                </p>
              </footer>`
        }
      </div>
    `;
  }

  #view(): unknown {
    const t = KIOSK_STRINGS[this.language];
    const services = this.#services;
    const view = this.view;
    switch (view.kind) {
      case 'loading':
        return html`<p class="centre">${t.loading}</p>`;
      case 'failed':
        return this.#message(t.failedHeading, t.failedHint);
      case 'reload':
        return this.#message(
          t.reloadHeading,
          t.reloadHint,
          html`<button class="button primary" type="button" @click=${() => location.reload()}>
            ${t.reloadButton}
          </button>`,
        );
      case 'start':
        return this.#startView();
      case 'enrol':
        return html`<stue-kiosk-enrol
          .language=${this.language}
          cancellable
          .enrol=${(code: string, name: string) =>
            services ? services.enrol(code, name) : Promise.reject(new Error('not ready'))}
          @stue-enrol-done=${this.#onEnrolled}
          @stue-enrol-cancel=${() =>
            view.back === 'day' ? void this.#openDay() : (this.view = { kind: 'start' })}
        ></stue-kiosk-enrol>`;
      case 'enrolled':
        return this.#enrolledView(view.persisted, view.hasPin);
      case 'pin-set':
        return html`<stue-kiosk-pin
          mode="set"
          .language=${this.language}
          .save=${(pin: string) => services?.setPin(pin) ?? Promise.resolve()}
          @stue-pin-accept=${() => void this.#openDay()}
        ></stue-kiosk-pin>`;
      case 'pin-check':
        return html`<stue-kiosk-pin
          mode="check"
          cancellable
          .language=${this.language}
          .check=${(pin: string) =>
            services?.checkPin(pin) ?? Promise.resolve({ right: false, waitMs: 0 })}
          .wait=${() => services?.pinWait() ?? Promise.resolve(0)}
          @stue-pin-accept=${() => void this.#openDay()}
          @stue-pin-cancel=${() => (this.view = { kind: 'start' })}
        ></stue-kiosk-pin>`;
      case 'day':
        return html`<stue-kiosk-day
          .language=${this.language}
          .enrolment=${this.enrolment}
          .day=${this.day}
          .progress=${this.progress}
          .status=${this.status}
          .lastSend=${this.lastSend}
          .storage=${this.storage}
          .online=${this.online}
          .fetching=${this.fetching}
          .revoked=${this.revoked}
          .installed=${this.installed}
          .updateReady=${this.applyUpdate !== undefined}
          .today=${danishToday()}
          .sessionLang=${this.language}
          @stue-day-action=${this.#onDayAction}
        ></stue-kiosk-day>`;
      // The session and the debrief keep their own state once started: object properties are set
      // again on every render in Lit, so they are given only when the view itself changes.
      case 'session': {
        const booking = this.day?.items.find((b) => b.bookingId === view.household.bookingId);
        const programme = programmeOf(this.day, booking);
        return guard(
          [view],
          () =>
            html`<stue-kiosk-session
              .language=${view.household.lang}
              .services=${services}
              .household=${view.household}
              .draft=${view.draft}
              .booking=${booking}
              .programme=${programme}
              .instrument=${instrumentFor(programme).instrument}
              @stue-session-end=${() => (this.view = { kind: 'start' })}
              @stue-session-exit=${() => (this.view = { kind: 'pin-check' })}
            ></stue-kiosk-session>`,
        );
      }
      case 'debrief':
        return guard(
          [view, this.language],
          () =>
            html`<stue-kiosk-debrief
              .language=${this.language}
              .booking=${this.day?.items.find((b) => b.bookingId === view.bookingId)}
              .draft=${view.draft}
              .services=${
                services
                  ? {
                      saveDebriefDraft: (draft: DebriefDraft) => services.saveDebriefDraft(draft),
                      sendDebrief: (draft: DebriefDraft) =>
                        services.sendDebrief(draft, this.language),
                    }
                  : undefined
              }
              @stue-debrief-done=${() => void this.#openDay()}
              @stue-debrief-cancel=${() => void this.#openDay()}
            ></stue-kiosk-debrief>`,
        );
    }
  }

  #message(heading: string, hint: string, action?: TemplateResult): TemplateResult {
    return html`<div class="centre stack">
      <h1 tabindex="-1">${heading}</h1>
      <p class="muted">${hint}</p>
      ${action ?? nothing}
    </div>`;
  }

  /** The tab warning; `persisted` marks it as the answer about storage too (it says the risk). */
  #tabWarning(persisted?: false): TemplateResult | typeof nothing {
    const t = KIOSK_STRINGS[this.language];
    return this.installed
      ? nothing
      : html`<div class="notice" role="note" data-persisted=${persisted ?? nothing}>
          <h2>${t.tabWarningHeading}</h2>
          <p>${t.tabWarningText}</p>
        </div>`;
  }

  #startView(): TemplateResult {
    const t = KIOSK_STRINGS[this.language];
    if (!this.enrolment) {
      return html`<div class="centre stack">
        ${
          this.wiped
            ? html`<div class="notice" role="alert">
                <h2>${t.wipedHeading}</h2>
                <p>${t.wipedHint}</p>
              </div>`
            : nothing
        }
        <h1 tabindex="-1">${t.notEnrolledHeading}</h1>
        <p class="muted">${t.notEnrolledHint}</p>
        ${actionButton(
          'enrol',
          () => (this.view = { kind: 'enrol', back: 'start' }),
          t.enrolButton,
          { primary: true },
        )}
        ${this.#tabWarning()}
      </div>`;
    }
    return html`<div class="centre stack">
      <h1 tabindex="-1">${t.readyHeading}</h1>
      <p class="muted">${t.readyHint}</p>
      ${actionButton(
        'unlock',
        () => (this.view = { kind: 'pin-check' }),
        html`${icon('lock')} ${t.unlockButton}`,
      )}
    </div>`;
  }

  #enrolledView(persisted: boolean, hasPin: boolean): TemplateResult {
    const t = KIOSK_STRINGS[this.language];
    const enrolment = this.enrolment;
    return html`<div class="centre stack">
      <h1 tabindex="-1">${t.enrolledHeading}</h1>
      ${enrolment ? html`<p>${t.enrolledFor(enrolment.musician.name)}</p>` : nothing}
      ${
        // One warning, not two: in a tab, the tab warning says what is at risk and what to do.
        !persisted && !this.installed
          ? this.#tabWarning(false)
          : html`<p class="notice" data-persisted=${String(persisted)}>
                ${persisted ? t.persisted : t.notPersisted}
              </p>
              ${this.#tabWarning()}`
      }
      ${actionButton(
        'continue',
        () => (hasPin ? void this.#openDay() : (this.view = { kind: 'pin-set' })),
        hasPin ? t.next : t.choosePin,
        { primary: true },
      )}
    </div>`;
  }
}

/**
 * Registers `<stue-kiosk-app>` and the session's screens (the others load with
 * {@link loadLaterScreens}). Calling it again is harmless; if another
 * class already holds a tag, it warns and keeps that one rather than throwing.
 */
export function defineKioskApp(registry: CustomElementRegistry = customElements): void {
  defineSessionScreen();
  const existing = registry.get(KIOSK_APP_TAG);
  if (existing === undefined) {
    registry.define(KIOSK_APP_TAG, StueKioskApp);
  } else if (existing !== StueKioskApp) {
    console.warn(`<${KIOSK_APP_TAG}> is already defined by another class; keeping that one.`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [KIOSK_APP_TAG]: StueKioskApp;
  }
}
