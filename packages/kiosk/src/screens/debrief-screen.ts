import {
  DEBRIEF_OUTCOMES,
  MUSICIAN_DEBRIEF_TEXTS,
  TEXT_LIMITS,
  type DebriefOutcome,
  type Issue,
} from '@stue/core';
import '@stue/elements/error-summary';
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { missingAnswers, type DebriefDraft } from '../debrief/debrief.js';
import { icon, pictogram } from '../pictograms/pictogram.js';
import type { DayBooking } from '../store/types.js';
import { clockTime } from './format.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { defineOnce, KioskScreen } from './kiosk-screen.js';

/** The tag of {@link StueKioskDebrief}. */
export const DEBRIEF_TAG = 'stue-kiosk-debrief';

/** What the debrief form needs from the app. */
export interface DebriefServices {
  saveDebriefDraft(draft: DebriefDraft): Promise<void>;
  /** Checks and queues; resolves with the issues to show (none once queued). */
  sendDebrief(draft: DebriefDraft): Promise<Issue[]>;
}

const OUTCOME_PICTURES: Record<DebriefOutcome, string> = {
  good: 'face-happy',
  mixed: 'face-neutral',
  hard: 'face-unhappy',
};

type Question = 'howItWent' | 'anythingHard' | 'wouldLikeACall';

/**
 * The musician's debrief after a concert, about their own experience: how it went (three
 * pictures), was anything hard (yes/no, and what, if they like), would they like a call from a
 * coordinator (yes/no) — or, when the concert's programme names peers, would they like to talk to
 * someone, and whom (the coordinator or one of the peers) — and a short note. Saved as a draft
 * on every change; queued like feedback.
 *
 * @summary The musician's debrief.
 * @event stue-debrief-done - queued
 * @event stue-debrief-cancel - the musician went back (the draft stays)
 */
export class StueKioskDebrief extends KioskScreen {
  static override styles = [
    sharedStyles,
    css`
      form {
        display: grid;
        gap: 2rem;
      }

      fieldset {
        display: grid;
        gap: 1rem;
        margin: 0;
        padding: 1.5rem;
        border: 0.1875rem solid var(--stue-kiosk-text);
        border-radius: var(--stue-kiosk-radius);
        background: var(--stue-kiosk-surface);
      }

      legend {
        padding-inline: 0.5rem;
        font-weight: 700;
      }

      .outcomes {
        display: grid;
        grid-template-columns: repeat(3, minmax(0, 1fr));
        gap: var(--stue-kiosk-gap);
      }

      .option {
        background: var(--stue-kiosk-background);
      }

      .option[aria-pressed='true'] {
        background: var(--stue-kiosk-chosen);
      }

      .yes-no .button[aria-pressed='true'] {
        border-width: 0.375rem;
        background: var(--stue-kiosk-chosen);
      }

      label {
        font-weight: 700;
      }

      textarea {
        min-block-size: 8rem;
        padding: 0.75rem 1rem;
        border: 0.1875rem solid var(--stue-kiosk-text);
        border-radius: 0.75rem;
        background: var(--stue-kiosk-background);
        color: var(--stue-kiosk-text);
        font: inherit;
        -webkit-user-select: text;
        user-select: text;
      }

      .actions {
        justify-content: space-between;
      }

      .intro {
        display: grid;
        gap: 0.5rem;
      }

      .yes-no .button {
        min-inline-size: 8rem;
      }

      .talk-to {
        display: grid;
        gap: 1rem;
      }

      .talk-to-label {
        margin: 0;
        font-weight: 700;
      }

      .talk-to .choices {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: var(--stue-kiosk-gap);
      }

      .talk-to .button {
        flex-direction: column;
        align-items: flex-start;
        background: var(--stue-kiosk-background);
      }

      .talk-to .button[aria-pressed='true'] {
        border-width: 0.375rem;
        background: var(--stue-kiosk-chosen);
      }

      .talk-to .role {
        font-weight: 400;
      }

      @media (max-width: 40rem) {
        .outcomes {
          grid-template-columns: 1fr;
        }
      }
    `,
  ];

  @property({ attribute: false }) accessor services: DebriefServices | undefined;
  @property({ attribute: false }) accessor booking: DayBooking | undefined;
  @property({ attribute: false }) accessor draft: DebriefDraft | undefined;

  @state() accessor issues: string[] = [];
  @state() accessor busy = false;
  @state() accessor saved = false;

  #saving: Promise<void> = Promise.resolve();
  // Whether the summary lists unanswered questions: then each answer takes its line away.
  #listsMissing = false;

  /** Keeps every change on disk, in order; the last one wins. */
  #change(change: Partial<DebriefDraft>): void {
    if (!this.draft) return;
    const draft = { ...this.draft, ...change };
    this.draft = draft;
    if (this.#listsMissing) {
      this.issues = this.#missing(draft);
      this.#listsMissing = this.issues.length > 0;
    }
    this.#saving = this.#saving
      .then(() => this.services?.saveDebriefDraft(draft))
      .catch(() => undefined);
  }

  /** What the summary says for each question still without an answer. */
  #missing(draft: DebriefDraft): string[] {
    const t = this.t;
    const words: Record<Question, string> = {
      howItWent: t.chooseHowItWent,
      anythingHard: t.chooseAnythingHard,
      wouldLikeACall: t.chooseCall,
    };
    return missingAnswers(draft).map((question) => words[question]);
  }

  /** The peer chosen, if the concert still offers them; otherwise the coordinator (`null`). */
  #peerOf(draft: DebriefDraft): string | null {
    const peers = this.booking?.peers ?? [];
    return peers.some((peer) => peer.id === draft.peerId) ? (draft.peerId ?? null) : null;
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    const draft = this.draft && { ...this.draft, peerId: this.#peerOf(this.draft) };
    if (!draft || this.busy) return;
    const t = this.t;
    const missing = this.#missing(draft);
    this.#listsMissing = missing.length > 0;
    if (missing.length > 0) {
      this.issues = missing;
      return this.focusErrorSummary();
    }
    this.busy = true;
    try {
      await this.#saving;
      const issues = (await this.services?.sendDebrief(draft)) ?? [];
      if (issues.length > 0) {
        this.issues = issues.map((issue) => issue.message);
        await this.focusErrorSummary();
        return;
      }
      this.issues = [];
      this.emit('stue-debrief-done', undefined);
    } catch {
      this.issues = [t.somethingWentWrong];
      await this.focusErrorSummary();
    } finally {
      this.busy = false;
    }
  }

  #yesNo(value: boolean | null, set: (value: boolean) => void, name: string): TemplateResult {
    const t = this.t;
    return html`<div class="row yes-no">
      ${[true, false].map(
        (answer) =>
          html`<button
            class="button"
            type="button"
            data-answer="${name}-${answer ? 'yes' : 'no'}"
            aria-pressed=${value === answer ? 'true' : 'false'}
            @click=${() => set(answer)}
          >
            ${answer ? t.yes : t.no}
          </button>`,
      )}
    </div>`;
  }

  /**
   * Would the musician like a call: from the coordinator, or — when the programme names peers —
   * from the coordinator or a peer, chosen with a big button each (the coordinator until another
   * is chosen).
   */
  #call(draft: DebriefDraft): TemplateResult {
    const t = this.t;
    const lang = this.language;
    const peers = this.booking?.peers ?? [];
    const question =
      peers.length > 0 ? MUSICIAN_DEBRIEF_TEXTS.talkTo : MUSICIAN_DEBRIEF_TEXTS.wouldLikeACall;
    const chosen = this.#peerOf(draft);
    const choice = (id: string | null, name: string, role?: string) =>
      html`<button
        class="button"
        type="button"
        data-talk-to=${id ?? 'coordinator'}
        aria-pressed=${chosen === id ? 'true' : 'false'}
        @click=${() => this.#change({ peerId: id })}
      >
        <span>${name}</span>
        ${role ? html`<span class="role">${role}</span>` : nothing}
      </button>`;
    return html`<fieldset>
      <legend>${question.label[lang]}</legend>
      <p class="muted">${question.help?.[lang]}</p>
      ${this.#yesNo(draft.wouldLikeACall, (wouldLikeACall) => this.#change({ wouldLikeACall }), 'call')}
      ${
        draft.wouldLikeACall && peers.length > 0
          ? html`<div class="talk-to" role="group" aria-labelledby="talk-to-label">
              <p class="talk-to-label" id="talk-to-label">${t.talkToWhom}</p>
              <div class="choices">
                ${choice(null, MUSICIAN_DEBRIEF_TEXTS.coordinator.label[lang])}
                ${peers.map((peer) => choice(peer.id, peer.firstName, t.peerRole))}
              </div>
            </div>`
          : nothing
      }
    </fieldset>`;
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const lang = this.language;
    const draft = this.draft;
    const texts = MUSICIAN_DEBRIEF_TEXTS;
    if (!draft) return html``;
    const booking = this.booking;
    return html`
      <form lang=${lang} autocomplete="off" novalidate @submit=${this.#submit}>
        <div class="intro">
          <h1 tabindex="-1">${t.debriefHeading}</h1>
          ${
            booking
              ? html`<p>${t.debriefFor(clockTime(booking.start, lang), booking.host.firstName)}</p>`
              : nothing
          }
          <p class="muted">${t.debriefAbout}</p>
        </div>
        <stue-error-summary
          heading=${t.errorSummary}
          .errors=${this.issues.map((message) => ({ message }))}
        ></stue-error-summary>
        <fieldset>
          <legend>${texts.howItWent.label[lang]}</legend>
          <div class="outcomes">
            ${DEBRIEF_OUTCOMES.map(
              (outcome) =>
                html`<button
                  class="option"
                  type="button"
                  data-outcome=${outcome}
                  aria-pressed=${draft.howItWent === outcome ? 'true' : 'false'}
                  @click=${() => this.#change({ howItWent: outcome })}
                >
                  ${pictogram(OUTCOME_PICTURES[outcome])}
                  <span>${texts.howItWent.options[outcome][lang]}</span>
                  <span class="check">${icon('check')}</span>
                </button>`,
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>${texts.wasAnythingHard.label[lang]}</legend>
          ${this.#yesNo(draft.anythingHard, (anythingHard) => this.#change({ anythingHard }), 'hard')}
          ${
            draft.anythingHard
              ? html`<label for="hard">${texts.anythingHard.label[lang]}</label>
                  <p class="muted" id="hard-help">${texts.anythingHard.help?.[lang]}</p>
                  <textarea
                    id="hard"
                    maxlength=${TEXT_LIMITS.debriefHard}
                    autocomplete="off"
                    aria-describedby="hard-help"
                    .value=${draft.whatWasHard}
                    @input=${(e: Event) =>
                      this.#change({ whatWasHard: (e.target as HTMLTextAreaElement).value })}
                  ></textarea>`
              : nothing
          }
        </fieldset>
        ${this.#call(draft)}
        <fieldset>
          <legend>${texts.note.label[lang]}</legend>
          <p class="muted" id="note-help">${texts.note.help?.[lang]}</p>
          <textarea
            id="note"
            maxlength=${TEXT_LIMITS.debriefNote}
            autocomplete="off"
            aria-label=${texts.note.label[lang]}
            aria-describedby="note-help"
            .value=${draft.note}
            @input=${(e: Event) => this.#change({ note: (e.target as HTMLTextAreaElement).value })}
          ></textarea>
        </fieldset>
        <div class="row actions">
          <button
            class="button"
            type="button"
            @click=${() => this.emit('stue-debrief-cancel', undefined)}
          >
            ${icon('back')} ${t.cancel}
          </button>
          <button class="button primary" type="submit" ?disabled=${this.busy}>
            ${this.busy ? t.saving : t.saveAndSend}
          </button>
        </div>
      </form>
    `;
  }
}

/** Registers `<stue-kiosk-debrief>`. */
export function defineDebriefScreen(): void {
  defineOnce(DEBRIEF_TAG, StueKioskDebrief);
}

declare global {
  interface HTMLElementTagNameMap {
    [DEBRIEF_TAG]: StueKioskDebrief;
  }
}
