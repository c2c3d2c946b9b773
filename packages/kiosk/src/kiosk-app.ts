import type { Lang } from '@stue/core';
import { html, LitElement, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { kioskAppStyles } from './kiosk-app.styles.js';
import { langFromUrl } from './lang.js';
import { KIOSK_STRINGS } from './strings.js';

/** The tag the kiosk app is registered under. */
export const KIOSK_APP_TAG = 'stue-kiosk-app';

// A roof over a doorway: "stue" is the living room the concerts happen in.
const houseMark = html`<svg class="mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
  <path d="M4 15 16 5l12 10M8 12v15h16V12M13 27v-8h6v8" />
</svg>`;

/**
 * The kiosk: what the tablet shows that a musician hands to a host and their visiting friend.
 *
 * A tablet that is not enrolled shows the neutral start screen: the product's name, that it is
 * not enrolled and how that happens, and whether it is online. Texts are Danish, or English when
 * the page's address has `?lang=en`.
 *
 * @summary The root element of the Stue kiosk.
 */
export class StueKioskApp extends LitElement {
  static override styles = kioskAppStyles;

  /** The language of every text, read from the page's address when the element connects. */
  @state() accessor language: Lang = 'da';

  /** Whether the browser has a network connection, as its `online`/`offline` events say. */
  @state() accessor online = true;

  // The event's type is the news: navigator.onLine can lag behind it, and tests cannot set it.
  readonly #onConnectionChange = (event: Event): void => {
    this.online = event.type === 'online';
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.language = langFromUrl(location.href);
    this.online = navigator.onLine;
    window.addEventListener('online', this.#onConnectionChange);
    window.addEventListener('offline', this.#onConnectionChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#onConnectionChange);
    window.removeEventListener('offline', this.#onConnectionChange);
  }

  protected override render(): TemplateResult {
    const t = KIOSK_STRINGS[this.language];
    return html`
      <div class="screen" lang=${this.language}>
        <header class="brand">${houseMark}<span>${t.brand}</span></header>
        <main>
          <h1>${t.notEnrolledHeading}</h1>
          <p>${t.notEnrolledHint}</p>
        </main>
        <footer>
          <p class="connection" role="status" data-state=${this.online ? 'online' : 'offline'}>
            <span class="dot" aria-hidden="true"></span>
            <span>${this.online ? t.online : t.offline}</span>
          </p>
        </footer>
      </div>
    `;
  }
}

/**
 * Registers `<stue-kiosk-app>`. Calling it again is harmless; if another class already holds the
 * tag, it warns and keeps that one rather than throwing.
 */
export function defineKioskApp(registry: CustomElementRegistry = customElements): void {
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
