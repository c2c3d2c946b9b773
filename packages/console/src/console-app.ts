import type { Lang } from '@stue/core';
import { html, LitElement, nothing, svg, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { consoleAppStyles } from './console-app.styles.js';
import { healthUrl, hubAnswers } from './health.js';
import { langFromUrl } from './lang.js';
import { CONSOLE_STRINGS } from './strings.js';

/** The tag the console app is registered under. */
export const CONSOLE_APP_TAG = 'stue-console-app';

/** What the console knows of the hub: asking it, it answers, or it does not. */
export type HubState = 'checking' | 'answers' | 'silent';

const icons: Record<HubState, TemplateResult> = {
  checking: svg`<circle cx="12" cy="12" r="8" /><path d="M12 8v4l3 2" />`,
  answers: svg`<circle cx="12" cy="12" r="9" /><path d="m7.5 12.5 3 3 6-6.5" />`,
  silent: svg`<circle cx="12" cy="12" r="9" /><path d="m8.5 8.5 7 7m0-7-7 7" />`,
};

/**
 * The coordinator console: the shell the coordinator's work happens in.
 *
 * It has the product's header, a main landmark, and a status panel that asks the hub
 * (`../api/health`, resolved against the page's base URL) whether it answers, says so in words,
 * and asks again on request. Texts are Danish, or English when the page's address has `?lang=en`.
 *
 * @summary The root element of the Stue coordinator console.
 */
export class StueConsoleApp extends LitElement {
  static override styles = consoleAppStyles;

  /** The language of every text, read from the page's address when the element connects. */
  @state() accessor language: Lang = 'da';

  /** What the last check of the hub found. */
  @state() accessor hub: HubState = 'checking';

  /** When the last check finished. */
  @state() accessor checkedAt: Date | undefined = undefined;

  #check: AbortController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.language = langFromUrl(location.href);
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
    const answers = await hubAnswers(healthUrl(), { signal: check.signal });
    if (check.signal.aborted) return;
    this.hub = answers ? 'answers' : 'silent';
    this.checkedAt = new Date();
  }

  protected override render(): TemplateResult {
    const t = CONSOLE_STRINGS[this.language];
    const answer = { checking: t.checking, answers: t.answers, silent: t.silent }[this.hub];
    const hint = this.hub === 'silent' ? html`<p class="hint">${t.silentHint}</p>` : nothing;
    const checked =
      this.checkedAt && this.hub !== 'checking'
        ? html`<p class="checked">${t.checkedAt(this.checkedAt)}</p>`
        : nothing;
    return html`
      <div class="shell" lang=${this.language}>
        <header>
          <p class="product">${t.title}</p>
        </header>
        <main>
          <h1>${t.heading}</h1>
          <section class="panel" aria-labelledby="server-heading" data-state=${this.hub}>
            <h2 id="server-heading">${t.serverHeading}</h2>
            <div class="result" role="status">
              <p class="answer">
                <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                  ${icons[this.hub]}
                </svg>
                <span>${answer}</span>
              </p>
              ${hint} ${checked}
            </div>
            <button type="button" @click=${() => void this.checkHub()}>${t.checkAgain}</button>
          </section>
        </main>
      </div>
    `;
  }
}

/**
 * Registers `<stue-console-app>`. Calling it again is harmless; if another class already holds
 * the tag, it warns and keeps that one rather than throwing.
 */
export function defineConsoleApp(registry: CustomElementRegistry = customElements): void {
  const existing = registry.get(CONSOLE_APP_TAG);
  if (existing === undefined) {
    registry.define(CONSOLE_APP_TAG, StueConsoleApp);
  } else if (existing !== StueConsoleApp) {
    console.warn(`<${CONSOLE_APP_TAG}> is already defined by another class; keeping that one.`);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [CONSOLE_APP_TAG]: StueConsoleApp;
  }
}
