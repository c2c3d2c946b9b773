import type { Lang } from '@stue/core';
import { css, html, LitElement, nothing, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { healthUrl, hubHealth } from './health.js';
import { sharedStyles } from './internal/styles.js';
import { CONSOLE_STRINGS } from './strings.js';

/** The tag the hub status is registered under. */
export const HUB_STATUS_TAG = 'stue-hub-status';

/** What the console knows of the hub: asking it, it answers, it answers but cannot save, or it does not answer. */
export type HubState = 'checking' | 'answers' | 'cannot-save' | 'silent';

const icons: Record<HubState, TemplateResult> = {
  checking: svg`<circle cx="12" cy="12" r="8" /><path d="M12 8v4l3 2" />`,
  answers: svg`<circle cx="12" cy="12" r="9" /><path d="m7.5 12.5 3 3 6-6.5" />`,
  'cannot-save': svg`<circle cx="12" cy="12" r="9" /><path d="M12 7v6m0 4v.01" />`,
  silent: svg`<circle cx="12" cy="12" r="9" /><path d="m8.5 8.5 7 7m0-7-7 7" />`,
};

/**
 * A small status line for the console's footer: asks the hub (`../api/health`, resolved
 * against the page's base URL) whether it answers — and, when it answers 503 `not_writable`,
 * that it cannot save — says so in words in a polite live region,
 * with the time of the check, and asks again on request.
 *
 * @summary Whether the Stue hub answers.
 */
export class StueHubStatus extends LitElement {
  static override styles = [
    sharedStyles,
    css`
      :host {
        display: block;
      }
      section {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem 1rem;
      }
      h2 {
        margin: 0;
        font-size: 1rem;
      }
      .result {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.75rem;
      }
      .answer {
        display: flex;
        align-items: center;
        gap: 0.375rem;
        margin: 0;
        font-weight: 600;
      }
      .hint,
      .checked {
        margin: 0;
        color: var(--stue-console-muted);
      }
      .icon {
        flex: none;
        inline-size: 1.25rem;
        block-size: 1.25rem;
        fill: none;
        stroke: currentColor;
        stroke-width: 2;
        stroke-linecap: round;
        stroke-linejoin: round;
        color: var(--stue-console-muted);
      }
      [data-state='answers'] .icon {
        color: var(--stue-console-ok);
      }
      [data-state='silent'] .icon,
      [data-state='cannot-save'] .icon {
        color: var(--stue-console-problem);
      }
      button {
        min-block-size: 2.5rem;
      }
    `,
  ];

  /** The language of every text. */
  @property({ attribute: false }) accessor language: Lang = 'da';

  /** What the last check of the hub found. */
  @state() accessor hub: HubState = 'checking';

  /** When the last check finished. */
  @state() accessor checkedAt: Date | undefined = undefined;

  #check: AbortController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.checkHub();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#check?.abort();
    this.#check = undefined;
  }

  /** Asks the hub whether it answers. A newer check replaces one still waiting. */
  async checkHub(): Promise<void> {
    this.#check?.abort();
    const check = new AbortController();
    this.#check = check;
    this.hub = 'checking';
    const health = await hubHealth(healthUrl(), { signal: check.signal });
    if (check.signal.aborted) return;
    this.hub = health;
    this.checkedAt = new Date();
  }

  protected override render(): TemplateResult {
    const t = CONSOLE_STRINGS[this.language].health;
    const answer = {
      checking: t.checking,
      answers: t.answers,
      'cannot-save': t.cannotSave,
      silent: t.silent,
    }[this.hub];
    const hints: Partial<Record<HubState, string>> = {
      'cannot-save': t.cannotSaveHint,
      silent: t.silentHint,
    };
    const hint = hints[this.hub];
    return html`
      <section aria-labelledby="server-heading" data-state=${this.hub}>
        <h2 id="server-heading">${t.heading}</h2>
        <div class="result" role="status">
          <p class="answer">
            <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
              ${icons[this.hub]}
            </svg>
            <span>${answer}</span>
          </p>
          ${hint ? html`<p class="hint">${hint}</p>` : nothing}
          ${
            this.checkedAt && this.hub !== 'checking'
              ? html`<p class="checked">${t.checkedAt(this.checkedAt)}</p>`
              : nothing
          }
        </div>
        <button type="button" class="secondary small" @click=${() => void this.checkHub()}>
          ${t.checkAgain}
        </button>
      </section>
    `;
  }
}

/** Registers `<stue-hub-status>`; harmless to call twice. */
export function defineHubStatus(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(HUB_STATUS_TAG)) registry.define(HUB_STATUS_TAG, StueHubStatus);
}

declare global {
  interface HTMLElementTagNameMap {
    [HUB_STATUS_TAG]: StueHubStatus;
  }
}
