import {
  containsCprNumber,
  StueError,
  StueHttpError,
  StueNetworkError,
  StueValidationError,
} from '@stue/core';
import '@stue/elements/error-summary';
import '@stue/elements/field';
import { css, html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { canScan, scanEnrolmentCode } from '../enrol/scan-code.js';
import { icon } from '../pictograms/pictogram.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { defineOnce, KioskScreen } from './kiosk-screen.js';

/** The tag of {@link StueKioskEnrol}. */
export const ENROL_TAG = 'stue-kiosk-enrol';

type Field = 'code' | 'name';

/**
 * Enrolment: the one-time code from the coordinator and a name for the tablet. Errors follow
 * GOV.UK's pattern: a summary that takes focus and links to each field, and a message on the
 * field. Nothing is autofilled or remembered by the browser.
 *
 * @summary The enrolment form.
 * @event stue-enrol-done - enrolled; `detail` is `{ persisted }`
 * @event stue-enrol-cancel - the musician went back
 */
export class StueKioskEnrol extends KioskScreen {
  static override styles = [
    sharedStyles,
    css`
      form {
        display: grid;
        gap: 1.5rem;
        max-inline-size: 60rem;
        margin-inline: auto;
        align-content: start;
      }

      .fields {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
        gap: 1.5rem 2rem;
        align-items: end;
      }

      .field {
        display: grid;
        gap: 0.5rem;
        min-inline-size: 0;
      }

      label {
        font-weight: 700;
      }

      /* <stue-field>'s hint and error message, as the kiosk's muted and error texts. */
      .hint {
        color: var(--stue-kiosk-muted);
      }

      .error-message {
        color: var(--stue-kiosk-error);
        font-weight: 700;
      }

      input {
        inline-size: 100%;
        min-inline-size: 0;
        min-block-size: var(--stue-kiosk-target);
        padding: 0.5rem 1rem;
        border: 0.1875rem solid var(--stue-kiosk-text);
        border-radius: 0.75rem;
        background: var(--stue-kiosk-surface);
        color: var(--stue-kiosk-text);
        font: inherit;
        -webkit-user-select: text;
        user-select: text;
      }

      #code {
        font-size: 2.25rem;
        letter-spacing: 0.15em;
        text-transform: uppercase;
      }

      input[aria-invalid='true'] {
        border-width: 0.375rem;
        border-color: var(--stue-kiosk-error);
      }

      .error-summary a {
        color: var(--stue-kiosk-error);
        font-weight: 700;
      }

      .actions {
        justify-content: space-between;
      }

      .scan {
        display: grid;
        gap: 1rem;
        justify-items: start;
      }

      video {
        inline-size: min(100%, 28rem);
        aspect-ratio: 4 / 3;
        border: 0.1875rem solid var(--stue-kiosk-text);
        border-radius: var(--stue-kiosk-radius);
        background: var(--stue-kiosk-text);
        object-fit: cover;
      }
    `,
  ];

  /** Enrols with the hub; resolves with whether the browser will keep the storage. */
  @property({ attribute: false }) accessor enrol:
    ((code: string, name: string) => Promise<{ persisted: boolean }>) | undefined;

  /** Whether there is somewhere to go back to. */
  @property({ type: Boolean }) accessor cancellable = false;

  @state() accessor errors: Partial<Record<Field, string>> = {};
  @state() accessor problem = '';
  @state() accessor busy = false;
  /** Whether the camera is looking for a QR code. */
  @state() accessor scanning = false;
  /** What came of the last scan, in words. */
  @state() accessor scanMessage = '';
  #scan: AbortController | undefined;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#scan?.abort();
  }

  // Reads the code with the camera; any failure leaves the typed field as it was, with a word why.
  async #startScan(): Promise<void> {
    if (this.scanning) return;
    this.scanMessage = '';
    this.scanning = true;
    await this.updateComplete;
    const video = this.renderRoot.querySelector('video');
    const controller = new AbortController();
    this.#scan = controller;
    try {
      if (!video) throw new Error('no video element');
      const code = await scanEnrolmentCode(video, controller.signal);
      if (code) {
        const field = this.#field('code');
        if (field) field.value = code;
        this.scanMessage = this.t.scanRead(code);
        this.#field('name')?.focus();
      }
    } catch {
      if (!controller.signal.aborted) this.scanMessage = this.t.scanFailed;
    } finally {
      this.scanning = false;
    }
  }

  #stopScan(): void {
    this.#scan?.abort();
    this.scanning = false;
    this.#field('code')?.focus();
  }

  #scanPart(): TemplateResult | null {
    const t = this.t;
    if (!canScan()) return null;
    return html`<div class="scan">
      ${
        this.scanning
          ? html`<p>${t.scanHint}</p>
              <video aria-label=${t.scanHint} muted playsinline></video>
              <button
                class="button"
                type="button"
                data-action="stop-scan"
                @click=${() => this.#stopScan()}
              >
                ${t.scanStop}
              </button>`
          : html`<button
              class="button"
              type="button"
              data-action="scan"
              @click=${() => void this.#startScan()}
            >
              ${t.scanCode}
            </button>`
      }
      <p role="status" data-scan-message>${this.scanMessage}</p>
    </div>`;
  }

  #field(name: Field): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>(`#${name}`);
  }

  async #submit(event: Event): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const t = this.t;
    const code = this.#field('code')?.value.trim() ?? '';
    const name = this.#field('name')?.value.trim() ?? '';
    const errors: Partial<Record<Field, string>> = {};
    if (!code) errors.code = t.codeRequired;
    if (!name) errors.name = t.nameRequired;
    // The hub refuses it too; saying so here names the field instead of "the code does not work".
    else if (containsCprNumber(name)) errors.name = t.nameHasCpr;
    this.errors = errors;
    this.problem = '';
    if (errors.code || errors.name) return this.focusErrorSummary();
    this.busy = true;
    try {
      const { persisted } = (await this.enrol?.(code, name)) ?? { persisted: false };
      this.emit('stue-enrol-done', { persisted });
    } catch (error) {
      if (error instanceof StueHttpError && error.status === 429) this.problem = t.tooManyTries;
      // A body the hub refused with issues comes as a StueValidationError: a 400 all the same.
      else if (
        error instanceof StueValidationError ||
        (error instanceof StueHttpError && error.status === 400)
      ) {
        this.errors = { code: t.codeRefused };
      } else if (error instanceof StueNetworkError) this.problem = t.cannotReachHub;
      else if (error instanceof StueError) this.problem = t.somethingWentWrong;
      else this.problem = t.somethingWentWrong;
      await this.focusErrorSummary();
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const entries = Object.entries(this.errors) as [Field, string][];
    // The problem that is not about a field first, then each field's, linked to it.
    const summary = html`<stue-error-summary
      heading=${t.errorSummary}
      .errors=${[
        ...(this.problem ? [{ message: this.problem }] : []),
        ...entries.map(([field, message]) => ({ field, message })),
      ]}
    ></stue-error-summary>`;
    const input = (
      field: Field,
      label: string,
      hint: string,
      extra: Record<string, string>,
    ) => html`
      <stue-field class="field" .label=${label} .hint=${hint} .error=${this.errors[field]}>
        <input
          id=${field}
          name=${field}
          type="text"
          autocomplete="off"
          autocorrect="off"
          spellcheck="false"
          autocapitalize=${extra['autocapitalize'] ?? 'off'}
          maxlength=${extra['maxlength'] ?? '60'}
        />
      </stue-field>
    `;
    return html`
      <form lang=${this.language} autocomplete="off" novalidate @submit=${this.#submit}>
        <h1 tabindex="-1">${t.enrolHeading}</h1>
        <p class="muted">${t.enrolIntro}</p>
        ${summary} ${this.#scanPart()}
        <div class="fields">
          ${input('code', t.codeLabel, t.codeHint, { autocapitalize: 'characters', maxlength: '20' })}
          ${input('name', t.nameLabel, t.nameHint, { autocapitalize: 'sentences' })}
        </div>
        <div class="row actions">
          ${
            this.cancellable
              ? html`<button
                  class="button"
                  type="button"
                  @click=${() => this.emit('stue-enrol-cancel', undefined)}
                >
                  ${icon('back')} ${t.cancel}
                </button>`
              : html`<span></span>`
          }
          <button class="button primary" type="submit" ?disabled=${this.busy}>
            ${this.busy ? t.enrolBusy : t.enrolSubmit}
          </button>
        </div>
      </form>
    `;
  }
}

/** Registers `<stue-kiosk-enrol>`. */
export function defineEnrolScreen(): void {
  defineOnce(ENROL_TAG, StueKioskEnrol);
}

declare global {
  interface HTMLElementTagNameMap {
    [ENROL_TAG]: StueKioskEnrol;
  }
}
