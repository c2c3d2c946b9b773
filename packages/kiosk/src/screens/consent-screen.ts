import { readablePhone, TABLET_NOTICE_VERSION, type Lang, type TabletConsent } from '@stue/core';
import type { DeviceProgramme } from '@stue/core/client';
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { icon, pictogram } from '../pictograms/pictogram.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { defineOnce, KioskScreen } from './kiosk-screen.js';
import { actionButton } from './action-button.js';

/** The tag of {@link StueKioskConsent}. */
export const CONSENT_TAG = 'stue-kiosk-consent';

/**
 * The words of the question, short and plain for people of 80 to 100. Their version is
 * `TABLET_NOTICE_VERSION` in `@stue/core`: change it with them. With a programme, the version is
 * the programme's notice version, and its controller, contact and notice are shown with them.
 */
export const CONSENT_STRINGS = {
  da: {
    heading: 'Må vi gemme jeres svar?',
    what: 'Om lidt kan I svare på nogle spørgsmål om besøget. Vi vil gerne gemme svarene.',
    why: 'Svarene bruges uden navne, så vi kan lære, hvad koncerterne betyder. Vi sletter dem efter tre år.',
    no: 'I må godt sige nej. Så har I stadig haft koncerten, og vi gemmer ingenting.',
    ask: 'Har I spørgsmål, kan I spørge koordinatoren. Musikeren ved, hvordan I får fat i koordinatoren.',
    yes: 'Ja, gem vores svar',
    noThanks: 'Nej tak',
    declinedHeading: 'Det er helt i orden',
    declinedText: 'Vi gemmer ingenting. Tak fordi I lyttede med.',
    declinedDone: 'Giv tabletten tilbage',
    askProgramme: 'Har I spørgsmål, kan I spørge',
    controller: (name: string) => `${name} passer på svarene.`,
    readNotice: 'Læs mere om svarene',
    hideNotice: 'Skjul teksten',
  },
  en: {
    heading: 'May we keep your answers?',
    what: 'In a moment you can answer a few questions about the visit. We would like to keep the answers.',
    why: 'The answers are used without names, so we learn what the concerts mean. We delete them after three years.',
    no: 'You may say no. You have still had the concert, and we keep nothing.',
    ask: 'If you have questions, ask the coordinator. The musician knows how to reach the coordinator.',
    yes: 'Yes, keep our answers',
    noThanks: 'No, thank you',
    declinedHeading: 'That is quite all right',
    declinedText: 'We keep nothing. Thank you for listening with us.',
    declinedDone: 'Give the tablet back',
    askProgramme: 'If you have questions, you can ask',
    controller: (name: string) => `${name} looks after the answers.`,
    readNotice: 'Read more about the answers',
    hideNotice: 'Hide the text',
  },
} as const satisfies Record<Lang, Record<string, string | ((name: string) => string)>>;

/**
 * Whom the pair can ask, as the programme gives it: its name, then a phone number (kept on one
 * line), an e-mail (broken anywhere, on a narrow screen) or both.
 */
function programmeContact(programme: DeviceProgramme, lang: Lang): TemplateResult {
  const { phone, email } = programme.contact;
  const or = lang === 'da' ? ' eller ' : ' or ';
  return html`${programme.name[lang]}:
  ${phone ? html`<span class="nowrap">${readablePhone(phone)}</span>` : nothing}${phone && email ? or : ''}${email ? html`<span class="email">${email}</span>` : nothing}`;
}

/**
 * The pair's yes to keeping their answers, as the tablet records it: both of them (the question
 * is put to the pair), now, with the version of the words shown — the programme's notice version
 * when the screen showed the programme's, the tablet's own otherwise.
 */
export function pairSaidYes(programme?: DeviceProgramme, now = new Date()): TabletConsent {
  return {
    agreedBy: 'both',
    at: now.toISOString(),
    noticeVersion: programme?.noticeVersion ?? TABLET_NOTICE_VERSION,
  };
}

/**
 * Before the first question, when the pair's yes to keeping their answers is not on record:
 * "may we keep your answers?", in plain words — what is kept, for how long, that no is fine,
 * and whom to ask — with two large buttons. A no ends kindly and keeps nothing.
 *
 * @summary The tablet's question about keeping the answers.
 * @event stue-consent-yes - the pair said yes; `detail` is the {@link TabletConsent}
 * @event stue-consent-no - the pair said no and tapped to give the tablet back
 */
export class StueKioskConsent extends KioskScreen {
  static override styles = [
    sharedStyles,
    css`
      .screen {
        display: grid;
        align-content: center;
        justify-items: center;
        gap: 1rem;
        min-block-size: 100%;
        text-align: center;
      }

      .screen p {
        max-inline-size: 32em;
        margin: 0;
      }

      .screen .pictogram {
        inline-size: 7rem;
        block-size: 7rem;
      }

      .answers {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(16rem, 1fr));
        gap: var(--stue-kiosk-gap);
        inline-size: min(100%, 44rem);
        margin-block-start: 0.5rem;
      }

      .notice {
        display: grid;
        gap: 0.75rem;
        max-inline-size: 32em;
        text-align: start;
      }

      /* 24 px from the answers above it, with the screen's gap */
      .notice-toggle {
        margin-block-start: 0.5rem;
      }

      .nowrap {
        white-space: nowrap;
      }

      .email {
        overflow-wrap: anywhere;
      }

      .notice[hidden] {
        display: none;
      }

      .answers .button {
        min-block-size: 6rem;
        font-size: 1.75rem;
        justify-content: center;
      }
    `,
  ];

  /**
   * The concert's programme, from the tablet's day: its controller, contact and notice are shown,
   * and a yes records its notice version. Without one (a day fetched from an older hub, or a
   * programme the hub holds no record of) the tablet's own words stand alone.
   */
  @property({ attribute: false }) accessor programme: DeviceProgramme | undefined;

  @state() accessor declined = false;
  @state() accessor noticeOpen = false;

  #words() {
    return CONSENT_STRINGS[this.language];
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    if (changed.has('declined') && changed.get('declined') !== undefined) this.focusHeading();
  }

  // Who looks after the answers and whom to ask: one line or two, so the answers stay in view.
  #programmeLine(): TemplateResult {
    const w = this.#words();
    const programme = this.programme;
    if (!programme) return html`<p class="muted">${w.ask}</p>`;
    return html`<p class="muted">
      ${w.controller(programme.controller.name)} ${w.askProgramme}
      ${programmeContact(programme, this.language)}.
    </p>`;
  }

  // The programme's notice behind a button, under the answers: there to read, without pushing the
  // answers out of view.
  #notice(): TemplateResult | typeof nothing {
    const w = this.#words();
    const programme = this.programme;
    if (!programme) return nothing;
    const lang = this.language;
    const { controller } = programme;
    return html`
      <button
        class="button notice-toggle"
        type="button"
        data-action="consent-notice"
        aria-expanded=${this.noticeOpen ? 'true' : 'false'}
        aria-controls="notice"
        @click=${() => (this.noticeOpen = !this.noticeOpen)}
      >
        ${this.noticeOpen ? w.hideNotice : w.readNotice}
      </button>
      <div class="notice" id="notice" ?hidden=${!this.noticeOpen}>
        ${
          this.noticeOpen
            ? programme.notice[lang].split(/\n\s*\n/).map((paragraph) => html`<p>${paragraph}</p>`)
            : nothing
        }
        <p>${controller.name}, ${controller.address}, ${controller.contact}</p>
      </div>
    `;
  }

  protected override render(): TemplateResult {
    const w = this.#words();
    if (this.declined) {
      return html`
        <div class="screen" lang=${this.language}>
          ${pictogram('thanks')}
          <h1 tabindex="-1">${w.declinedHeading}</h1>
          <p>${w.declinedText}</p>
          ${actionButton(
            'consent-done',
            () => this.emit('stue-consent-no', undefined),
            w.declinedDone,
            {
              primary: true,
            },
          )}
        </div>
      `;
    }
    return html`
      <div class="screen" lang=${this.language}>
        <h1 tabindex="-1" id="consent">${w.heading}</h1>
        <p>${w.what}</p>
        <p>${w.why}</p>
        <p>${w.no}</p>
        ${this.#programmeLine()}
        <div class="answers" role="group" aria-labelledby="consent">
          ${actionButton(
            'consent-yes',
            () => this.emit('stue-consent-yes', pairSaidYes(this.programme)),
            html`${icon('check')} ${w.yes}`,
            { primary: true },
          )}
          ${actionButton('consent-no', () => (this.declined = true), w.noThanks)}
        </div>
        ${this.#notice()}
      </div>
    `;
  }
}

/** Registers `<stue-kiosk-consent>`. */
export function defineConsentScreen(): void {
  defineOnce(CONSENT_TAG, StueKioskConsent);
}

declare global {
  interface HTMLElementTagNameMap {
    [CONSENT_TAG]: StueKioskConsent;
  }
}
