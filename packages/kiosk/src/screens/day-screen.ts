import {
  ACCESS_NEEDS,
  CANCELLED_AT_DOOR_REASONS,
  CANCELLED_AT_DOOR_TEXTS,
  danishToday,
  LANGS,
  type CancelledAtDoorReason,
  type Lang,
} from '@stue/core';
import type { OutboxStatus } from '@stue/core/sync';
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { StorageState } from '../kiosk-services.js';
import { icon } from '../pictograms/pictogram.js';
import { instrumentFor, programmeOf } from '../feedback/instruments.js';
import type { ConcertProgress, DayBooking, DayCache, Enrolment, LastSend } from '../store/types.js';
import { bytes, clockTime, longDate } from './format.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { defineOnce, KioskScreen } from './kiosk-screen.js';
import { actionButton } from './action-button.js';
import { EMPTY_OUTBOX_STATUS } from './outbox-status.js';

/** The tag of {@link StueKioskDay}. */
export const DAY_TAG = 'stue-kiosk-day';

/** What the musician asked for on the day screen. */
export type DayAction =
  | { action: 'start'; bookingId: string }
  | { action: 'debrief'; bookingId: string }
  | { action: 'cancel-at-door'; bookingId: string; reason: CancelledAtDoorReason }
  | { action: 'refresh' | 'lock' | 'retry' | 'enrol-again' | 'update' }
  | { action: 'lang'; lang: Lang };

/**
 * Musician mode, behind the PIN: today's concerts (kept for offline), what each needs, and per
 * concert "start feedback" and "your debrief"; the sync state in words; storage; the language
 * for the feedback. It shows counts of answers, never answers.
 *
 * @summary The musician's day.
 * @event stue-day-action - the musician asked for something; `detail` is a {@link DayAction}
 */
export class StueKioskDay extends KioskScreen {
  static override styles = [
    sharedStyles,
    css`
      .day {
        display: grid;
        gap: 2rem;
      }

      .columns {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: 2rem;
        align-items: start;
      }

      .concerts,
      .side {
        display: grid;
        gap: var(--stue-kiosk-gap);
      }

      .concert,
      .panel {
        display: grid;
        gap: 0.75rem;
        padding: 1.5rem;
        border: 0.1875rem solid var(--stue-kiosk-text);
        border-radius: var(--stue-kiosk-radius);
        background: var(--stue-kiosk-surface);
      }

      .concert h2 {
        font-size: 2rem;
      }

      .concert .row {
        margin-block-start: 0.5rem;
      }

      .panel h2 {
        font-size: 1.75rem;
      }

      .attention {
        border-width: 0.375rem;
      }

      .day-line {
        align-items: center;
      }

      /* "Hentet kl. …" and its button on one line, so the first concert is on screen at once. */
      .day-line p {
        flex: 1 1 6em;
      }

      .lang {
        display: flex;
        flex-wrap: wrap;
        gap: var(--stue-kiosk-gap);
      }

      .door {
        display: grid;
        gap: 1rem;
        margin: 0.5rem 0 0;
        padding: 1.25rem;
        border: 0.1875rem solid var(--stue-kiosk-text);
        border-radius: var(--stue-kiosk-radius);
        background: var(--stue-kiosk-background);
      }

      .door legend {
        padding-inline: 0.5rem;
        font-weight: 700;
      }

      .door .button[aria-pressed='true'],
      .lang .button[aria-pressed='true'] {
        border-width: 0.375rem;
        background: var(--stue-kiosk-chosen);
      }

      @media (max-aspect-ratio: 1/1) {
        .columns {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property({ attribute: false }) accessor enrolment: Enrolment | undefined;
  @property({ attribute: false }) accessor day: DayCache | undefined;
  @property({ attribute: false }) accessor progress: Record<string, ConcertProgress> = {};
  @property({ attribute: false }) accessor status: OutboxStatus = EMPTY_OUTBOX_STATUS;
  /** The last successful sending, kept across restarts; none before the first. */
  @property({ attribute: false }) accessor lastSend: LastSend | undefined;
  @property({ attribute: false }) accessor storage: StorageState | undefined;
  @property({ type: Boolean }) accessor online = true;
  @property({ type: Boolean }) accessor fetching = false;
  @property({ type: Boolean }) accessor revoked = false;
  @property({ type: Boolean }) accessor installed = true;
  @property({ type: Boolean }) accessor updateReady = false;
  /** The tablet's today (YYYY-MM-DD), to tell when the kept list is from another day. */
  @property() accessor today = '';
  /** The language the next feedback session will be in. */
  @property() accessor sessionLang: Lang = 'da';

  /** The concert whose "cancelled at the door" question is open, and the reason chosen. */
  @state() accessor door: { bookingId: string; reason: CancelledAtDoorReason | null } | null = null;
  @state() accessor doorMessage = '';

  /** A notice's one button, which asks the app for `detail`. */
  #noticeAction(label: string, detail: DayAction): TemplateResult {
    return html`<div class="row">
      <button class="button" type="button" @click=${() => this.#act(detail)}>${label}</button>
    </div>`;
  }

  #act(detail: DayAction): void {
    this.emit('stue-day-action', detail);
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const enrolment = this.enrolment;
    return html`
      <div class="day" lang=${this.language}>
        <div class="bar">
          <div>
            <h1 tabindex="-1">${t.dayHeading}</h1>
            ${
              enrolment
                ? html`<p class="muted">
                    ${t.musicianLine(enrolment.musician.name, enrolment.deviceName)}
                  </p>`
                : nothing
            }
          </div>
          ${actionButton(
            'lock',
            () => this.#act({ action: 'lock' }),
            html`${icon('lock')} ${t.lock}`,
          )}
        </div>
        ${
          this.installed
            ? nothing
            : // One warning about the tab and what it risks, open until the musician has read it
              // and closed it; the storage panel does not say it again.
              html`<details
                class="notice tab-notice"
                ?open=${!tabNoticeRead()}
                @toggle=${(event: Event) => {
                  if (!(event.target as HTMLDetailsElement).open) markTabNoticeRead();
                }}
              >
                <summary><h2>${t.tabWarningHeading}</h2></summary>
                <p>${t.tabWarningText}</p>
              </details>`
        }
        ${
          this.revoked || isRevoked(this.status)
            ? html`<div class="notice attention" role="alert">
                <h2>${t.revokedHeading}</h2>
                <p>${t.revokedText}</p>
                ${this.#noticeAction(t.enrolAgain, { action: 'enrol-again' })}
              </div>`
            : nothing
        }
        ${
          this.updateReady
            ? html`<div class="notice" role="status">
                <p>${t.updateReady}</p>
                ${this.#noticeAction(t.updateNow, { action: 'update' })}
              </div>`
            : nothing
        }
        <div class="columns">
          <section class="concerts" aria-labelledby="concerts-heading">
            <h2 class="visually-hidden" id="concerts-heading">${t.dayHeading}</h2>
            ${this.#dayLine()} ${this.#concerts()}
          </section>
          <div class="side">${this.#sync()} ${this.#language()} ${this.#storage()}</div>
        </div>
      </div>
    `;
  }

  #dayLine(): TemplateResult {
    const t = this.t;
    const day = this.day;
    const when = day
      ? `${day.date !== this.today && this.today ? `${longDate(day.date, this.language)}. ` : ''}${t.concertsFetchedAt(clockTime(day.fetchedAt, this.language))}`
      : t.concertsNeverFetched;
    return html`<div class="row day-line">
      <p class="muted">${when} ${this.online ? nothing : html`<br />${t.concertsOffline}`}</p>
      <button
        class="button"
        type="button"
        data-action="refresh"
        ?disabled=${this.fetching || !this.online}
        @click=${() => this.#act({ action: 'refresh' })}
      >
        ${this.fetching ? t.fetching : t.fetchAgain}
      </button>
    </div>`;
  }

  #concerts(): TemplateResult | TemplateResult[] {
    const t = this.t;
    const items = this.day?.items ?? [];
    if (items.length === 0) return html`<p>${t.noConcerts}</p>`;
    return items.map((booking) => this.#concert(booking));
  }

  // The programme names questions this tablet does not carry: the musician hears why the pair
  // get the usual ones (the pair are never told; to them they are just the questions).
  #instrumentNote(booking: DayBooking): TemplateResult | typeof nothing {
    const { missing } = instrumentFor(programmeOf(this.day, booking));
    return missing === undefined
      ? nothing
      : html`<p class="muted" data-instrument-missing>${this.t.instrumentMissing}</p>`;
  }

  #concert(booking: DayBooking): TemplateResult {
    const t = this.t;
    const progress = this.progress[booking.bookingId];
    const needs = ACCESS_NEEDS.filter((need) => booking.access?.[need] === true).map(
      (need) => t.access[need],
    );
    const guests = booking.extraGuests ?? 0;
    if (booking.status === 'cancelled' && !progress?.cancelledAtDoor) {
      return html`<article
        class="concert"
        data-booking=${booking.bookingId}
        data-status="cancelled"
      >
        <h2>
          ${t.concertAt(clockTime(booking.start, this.language))} ·
          ${t.pairNames(booking.host.firstName, booking.visitingFriend.firstName)}
        </h2>
        <p data-cancelled><strong>${t.cancelledByCoordinator}</strong></p>
      </article>`;
    }
    return html`<article class="concert" data-booking=${booking.bookingId}>
      <h2>
        ${t.concertAt(clockTime(booking.start, this.language))} ·
        ${t.pairNames(booking.host.firstName, booking.visitingFriend.firstName)}
      </h2>
      ${booking.host.municipality ? html`<p>${booking.host.municipality}</p>` : nothing}
      ${
        needs.length > 0 || guests > 0
          ? html`<p>
              <strong>${t.accessHeading}:</strong>
              ${[...needs, ...(guests > 0 ? [t.extraGuests(guests)] : [])].join(', ')}
            </p>`
          : nothing
      }
      ${
        booking.musicWishes
          ? html`<p><strong>${t.musicWishes}:</strong> ${booking.musicWishes}</p>`
          : nothing
      }
      ${this.#instrumentNote(booking)}
      ${
        progress && (progress.responses > 0 || progress.debrief)
          ? html`<p class="muted">
              ${progress.responses > 0 ? t.feedbackCount(progress.responses) : nothing}
              ${progress.debrief ? t.debriefSent : nothing}
            </p>`
          : nothing
      }
      ${
        progress?.cancelledAtDoor
          ? html`<p data-cancelled>
              <strong>
                ${t.cancelledAtDoor(
                  CANCELLED_AT_DOOR_TEXTS.reasons[progress.cancelledAtDoor][this.language],
                )}
              </strong>
            </p>`
          : nothing
      }
      <div class="row">
        ${
          progress?.cancelledAtDoor
            ? nothing
            : actionButton(
                'start',
                () => this.#act({ action: 'start', bookingId: booking.bookingId }),
                t.startFeedback,
                { primary: true },
              )
        }
        ${actionButton(
          'debrief',
          () => this.#act({ action: 'debrief', bookingId: booking.bookingId }),
          t.recordDebrief,
        )}
        ${
          progress?.cancelledAtDoor || this.door?.bookingId === booking.bookingId
            ? nothing
            : html`<button
                class="button"
                type="button"
                data-action="cancel-at-door"
                @click=${() => {
                  this.door = { bookingId: booking.bookingId, reason: null };
                  this.doorMessage = '';
                }}
              >
                ${t.cancelAtDoor}
              </button>`
        }
      </div>
      ${this.door?.bookingId === booking.bookingId ? this.#doorQuestion(this.door) : nothing}
    </article>`;
  }

  // "Why was it cancelled?": three reasons, then a separate tap to report it, so one stray tap
  // does not cancel a concert.
  #doorQuestion(door: { bookingId: string; reason: CancelledAtDoorReason | null }): TemplateResult {
    const t = this.t;
    const lang = this.language;
    const texts = CANCELLED_AT_DOOR_TEXTS;
    return html`<fieldset class="door" data-door>
      <legend>${texts.label[lang]}</legend>
      <p class="muted">${texts.help[lang]}</p>
      <div class="row" role="group" aria-label=${texts.label[lang]}>
        ${CANCELLED_AT_DOOR_REASONS.map(
          (reason) =>
            html`<button
              class="button"
              type="button"
              data-reason=${reason}
              aria-pressed=${door.reason === reason ? 'true' : 'false'}
              @click=${() => {
                this.door = { bookingId: door.bookingId, reason };
                this.doorMessage = '';
              }}
            >
              ${texts.reasons[reason][lang]}
            </button>`,
        )}
      </div>
      <p class="error-text" role="alert">${this.doorMessage}</p>
      <div class="row">
        ${actionButton(
          'keep-concert',
          () => (this.door = null),
          html`${icon('back')} ${t.cancelAtDoorKeep}`,
        )}
        <button
          class="button primary"
          type="button"
          data-action="report-cancelled"
          @click=${() => {
            // Read at tap time: a reason tapped just before may not be drawn yet.
            const chosen = this.door;
            if (!chosen?.reason) {
              this.doorMessage = t.cancelAtDoorChoose;
              return;
            }
            this.door = null;
            this.#act({
              action: 'cancel-at-door',
              bookingId: chosen.bookingId,
              reason: chosen.reason,
            });
          }}
        >
          ${t.cancelAtDoorSend}
        </button>
      </div>
    </fieldset>`;
  }

  #sync(): TemplateResult {
    const t = this.t;
    const { pending, sending, needsAttention } = this.status;
    const last = this.lastSend;
    const state =
      pending > 0
        ? sending
          ? t.syncSending(pending)
          : t.syncWaiting(pending)
        : last
          ? t.syncAllSent
          : t.syncNothingYet;
    return html`<section
      class="panel ${needsAttention > 0 ? 'attention' : ''}"
      aria-labelledby="sync-heading"
    >
      <h2 id="sync-heading">${t.syncHeading}</h2>
      <p role="status" data-sync>${state}</p>
      ${last ? html`<p class="muted" data-last-send>${this.#lastSent(last)}</p>` : nothing}
      ${
        needsAttention > 0
          ? html`<p><strong>${t.syncNeedsAttention(needsAttention)}</strong></p>
              <p>${t.syncNeedsAttentionHint}</p>
              <div class="row">
                <button class="button" type="button" @click=${() => this.#act({ action: 'retry' })}>
                  ${t.retry}
                </button>
              </div>`
          : nothing
      }
    </section>`;
  }

  /** "Sidst sendt i dag kl. 14.02 — 3 svar": the day in words when it is today or yesterday. */
  #lastSent(last: LastSend): string {
    const t = this.t;
    const lang = this.language;
    const day = danishToday(new Date(last.at));
    const today = danishToday();
    const yesterday = danishToday(new Date(Date.now() - 86_400_000));
    const time = clockTime(last.at, lang);
    const clock = lang === 'da' ? `kl. ${time}` : `at ${time}`;
    const when =
      day === today
        ? `${t.today} ${clock}`
        : day === yesterday
          ? `${t.yesterday} ${clock}`
          : `${longDate(day, lang)} ${clock}`;
    return t.syncLastSent(when, last.count);
  }

  #language(): TemplateResult {
    const t = this.t;
    return html`<section class="panel" aria-labelledby="lang-heading">
      <h2 id="lang-heading">${t.languageHeading}</h2>
      <div class="lang" role="group" aria-labelledby="lang-heading">
        ${LANGS.map(
          (lang) =>
            html`<button
              class="button"
              type="button"
              lang=${lang}
              aria-pressed=${this.sessionLang === lang ? 'true' : 'false'}
              @click=${() => this.#act({ action: 'lang', lang })}
            >
              ${t.languageNames[lang]}
            </button>`,
        )}
      </div>
    </section>`;
  }

  #storage(): TemplateResult {
    const t = this.t;
    const storage = this.storage;
    return html`<section class="panel" aria-labelledby="storage-heading">
      <h2 id="storage-heading">${t.storageHeading}</h2>
      ${
        storage?.persisted
          ? html`<p>${t.storagePersisted}</p>`
          : this.installed
            ? html`<p>${t.storageNotPersisted}</p>`
            : nothing
      }
      ${
        storage && storage.usage !== null && storage.quota !== null
          ? html`<p class="muted">
              ${t.storageUse(bytes(storage.usage, this.language), bytes(storage.quota, this.language))}
            </p>`
          : nothing
      }
    </section>`;
  }
}

// Whether the musician has read and closed the tab warning on this tablet (no personal data).
const TAB_NOTICE_READ = 'stue-kiosk-tab-notice-read';

function tabNoticeRead(): boolean {
  try {
    return localStorage.getItem(TAB_NOTICE_READ) === '1';
  } catch {
    return false;
  }
}

function markTabNoticeRead(): void {
  try {
    localStorage.setItem(TAB_NOTICE_READ, '1');
  } catch {
    // Refused storage (private mode): the warning opens again next time, which is no harm.
  }
}

/** Whether the outbox's last failure says the hub no longer accepts this tablet. */
function isRevoked(status: OutboxStatus): boolean {
  const code = status.lastError?.status;
  return code === 401 || code === 403;
}

/** Registers `<stue-kiosk-day>`. */
export function defineDayScreen(): void {
  defineOnce(DAY_TAG, StueKioskDay);
}

declare global {
  interface HTMLElementTagNameMap {
    [DAY_TAG]: StueKioskDay;
  }
}
