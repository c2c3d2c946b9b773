import { css, html, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { icon } from '../pictograms/pictogram.js';
import { PIN_LENGTH } from '../pin/pin-hash.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { defineOnce, KioskScreen } from './kiosk-screen.js';

/** The tag of {@link StueKioskPin}. */
export const PIN_TAG = 'stue-kiosk-pin';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * The musician's PIN pad: large digit buttons, dots for what is typed, no text field (so no
 * keyboard, autofill or password manager steps in). In `set` mode the PIN is typed twice and
 * handed to `save`; in `check` mode it is handed to `check`.
 *
 * @summary The PIN screen that guards musician mode.
 * @event stue-pin-accept - the PIN was set, or was right
 * @event stue-pin-cancel - the musician went back (check mode)
 */
export class StueKioskPin extends KioskScreen {
  static override styles = [
    sharedStyles,
    css`
      .pin {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        align-items: center;
        gap: 3rem;
      }

      .intro {
        display: grid;
        gap: 1.25rem;
        align-content: center;
      }

      .entry {
        display: grid;
        gap: var(--stue-kiosk-gap);
        justify-items: center;
      }

      .dots {
        display: flex;
        gap: 1rem;
        min-block-size: 2rem;
        align-items: center;
      }

      .dot {
        inline-size: 1.5rem;
        block-size: 1.5rem;
        border-radius: 50%;
        border: 0.1875rem solid var(--stue-kiosk-text);
      }

      .dot.filled {
        background: var(--stue-kiosk-text);
      }

      .pad {
        display: grid;
        grid-template-columns: repeat(3, var(--stue-kiosk-target));
        gap: var(--stue-kiosk-gap);
      }

      .pad .button {
        padding: 0;
        font-size: 2.25rem;
      }

      .pad .button.small-text {
        font-size: 1.75rem;
      }

      @media (max-aspect-ratio: 1/1) {
        .pin {
          grid-template-columns: 1fr;
          gap: 2rem;
        }
      }
    `,
  ];

  /** `set`: choose a PIN (typed twice); `check`: type it to get in. */
  @property() accessor mode: 'set' | 'check' = 'check';

  /** Stores a new PIN (set mode). */
  @property({ attribute: false }) accessor save: ((pin: string) => Promise<void>) | undefined;

  /** Checks a typed PIN (check mode): right or not, and how long the pad must now wait. */
  @property({ attribute: false }) accessor check:
    ((pin: string) => Promise<{ right: boolean; waitMs: number }>) | undefined;

  /** How long the pad still waits after too many wrong PINs, asked when the screen opens. */
  @property({ attribute: false }) accessor wait: (() => Promise<number>) | undefined;

  /** Whether the musician may go back (check mode). */
  @property({ type: Boolean }) accessor cancellable = false;

  @state() accessor digits = '';
  @state() accessor first: string | null = null;
  @state() accessor message = '';
  @state() accessor busy = false;
  /** Until when (epoch ms) the pad waits after too many wrong PINs; 0 when it does not. */
  @state() accessor waitUntil = 0;
  #ticker: ReturnType<typeof setInterval> | undefined;

  readonly #onKey = (event: KeyboardEvent): void => {
    if (/^\d$/.test(event.key)) this.#type(event.key);
    else if (event.key === 'Backspace') this.#erase();
    else if (event.key === 'Enter') void this.#submit();
    else return;
    event.preventDefault();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('keydown', this.#onKey);
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    if (this.mode === 'check' && this.wait) {
      void this.wait().then(
        (ms) => this.#startWait(ms),
        () => undefined,
      );
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('keydown', this.#onKey);
    clearInterval(this.#ticker);
  }

  /** The seconds left of the wait (0 when the pad is open). */
  #secondsLeft(now = Date.now()): number {
    return Math.max(0, Math.ceil((this.waitUntil - now) / 1000));
  }

  // Shows the wait in words and counts it down; when it is over, the pad is open again.
  #startWait(ms: number): void {
    clearInterval(this.#ticker);
    if (ms <= 0) return;
    this.waitUntil = Date.now() + ms;
    this.message = this.t.pinWait(this.#secondsLeft());
    this.#ticker = setInterval(() => {
      const left = this.#secondsLeft();
      if (left > 0) {
        this.message = this.t.pinWait(left);
        return;
      }
      clearInterval(this.#ticker);
      this.waitUntil = 0;
      this.message = '';
    }, 1000);
  }

  #type(digit: string): void {
    if (this.busy || this.digits.length >= PIN_LENGTH.max) return;
    this.digits += digit;
  }

  #erase(): void {
    if (!this.busy) this.digits = this.digits.slice(0, -1);
  }

  async #submit(): Promise<void> {
    if (this.busy) return;
    const t = this.t;
    if (this.digits.length < PIN_LENGTH.min) {
      this.message = t.pinTooShort;
      return;
    }
    const pin = this.digits;
    this.digits = '';
    if (this.mode === 'set') {
      if (this.first === null) {
        this.first = pin;
        this.message = '';
        await this.updateComplete;
        this.focusHeading();
        return;
      }
      if (this.first !== pin) {
        this.first = null;
        this.message = t.pinMismatch;
        await this.updateComplete;
        this.focusHeading();
        return;
      }
      this.busy = true;
      try {
        await this.save?.(pin);
        this.emit('stue-pin-accept', undefined);
      } catch {
        this.first = null;
        this.message = t.somethingWentWrong;
      } finally {
        this.busy = false;
      }
      return;
    }
    if (this.#secondsLeft() > 0) {
      this.message = t.pinWait(this.#secondsLeft());
      return;
    }
    this.busy = true;
    this.message = '';
    try {
      const checked = await this.check?.(pin);
      if (checked?.right === true) this.emit('stue-pin-accept', undefined);
      else if (checked && checked.waitMs > 0) this.#startWait(checked.waitMs);
      else this.message = t.pinWrong;
    } catch {
      this.message = t.somethingWentWrong;
    } finally {
      this.busy = false;
    }
  }

  protected override render(): TemplateResult {
    const t = this.t;
    const confirming = this.mode === 'set' && this.first !== null;
    const heading =
      this.mode === 'check'
        ? t.pinCheckHeading
        : confirming
          ? t.pinConfirmHeading
          : t.pinSetHeading;
    const hint =
      this.mode === 'check' ? t.pinCheckHint : confirming ? t.pinConfirmHint : t.pinSetHint;
    const shown = Math.max(PIN_LENGTH.min, this.digits.length);
    return html`
      <div class="pin" lang=${this.language}>
        <div class="intro">
          <h1 tabindex="-1">${heading}</h1>
          <p class="muted">${hint}</p>
          <p class="error-text" role="alert">${this.busy ? t.pinChecking : this.message}</p>
        </div>
        <div class="entry">
          <div class="dots" aria-hidden="true">
            ${Array.from(
              { length: shown },
              (_, i) => html`<span class="dot ${i < this.digits.length ? 'filled' : ''}"></span>`,
            )}
          </div>
          <p class="visually-hidden" aria-live="polite">${t.pinDigits(this.digits.length)}</p>
          <div class="pad" role="group" aria-label=${heading}>
            ${DIGITS.map(
              (d) =>
                html`<button class="button" type="button" @click=${() => this.#type(d)}>
                  ${d}
                </button>`,
            )}
            <button
              class="button small-text"
              type="button"
              aria-label=${t.pinDelete}
              @click=${() => this.#erase()}
            >
              ${icon('erase')}
            </button>
            <button class="button" type="button" @click=${() => this.#type('0')}>0</button>
            <button class="button primary small-text" type="button" @click=${() => this.#submit()}>
              ${t.pinOk}
            </button>
          </div>
          ${
            this.cancellable
              ? html`<button
                  class="button"
                  type="button"
                  @click=${() => this.emit('stue-pin-cancel', undefined)}
                >
                  ${icon('back')} ${t.cancel}
                </button>`
              : null
          }
        </div>
      </div>
    `;
  }
}

/** Registers `<stue-kiosk-pin>`. */
export function definePinScreen(): void {
  defineOnce(PIN_TAG, StueKioskPin);
}

declare global {
  interface HTMLElementTagNameMap {
    [PIN_TAG]: StueKioskPin;
  }
}
