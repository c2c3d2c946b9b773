import type { Lang } from '@stue/core';
import { LitElement, type CSSResultGroup, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { sharedStyles } from '../styles/shared.styles.js';
import { KIOSK_STRINGS, type KioskStrings } from '../strings.js';

/**
 * An event a kiosk screen sends to the app: bubbling and composed, with a typed `detail`.
 *
 * @example
 * this.dispatchEvent(new KioskEvent('stue-pin-accept', { pin }));
 */
export class KioskEvent<T = undefined> extends Event {
  constructor(
    type: string,
    readonly detail: T,
  ) {
    super(type, { bubbles: true, composed: true });
  }
}

// Whether the page has shown a screen yet. The first screen after the page loads takes no focus:
// a screen reader starts at the top of a new page by itself, and nothing is focused from a screen
// before. (Focusing lays the page out at once, before the screen's first frame.)
let screenShown = false;

/**
 * What every kiosk screen shares: the language of its texts, the shared styles, and focus on
 * its heading when it appears after another screen (so a screen reader starts there, and nothing
 * stays focused from the screen before).
 */
export class KioskScreen extends LitElement {
  static override styles: CSSResultGroup = [sharedStyles];

  /** The language of every text on the screen. */
  @property({ attribute: 'language' }) accessor language: Lang = 'da';

  /** The texts in {@link language}. */
  protected get t(): KioskStrings {
    return KIOSK_STRINGS[this.language];
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    if (screenShown) this.focusHeading();
    screenShown = true;
  }

  /** Moves focus to the screen's heading. */
  protected focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }

  /** Moves focus to the screen's error summary (`<stue-error-summary>`), once it has rendered. */
  protected async focusErrorSummary(): Promise<void> {
    await this.updateComplete;
    // The summary's own update was queued while this screen rendered it, so it has run by now.
    this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  /** Sends a kiosk event from this screen. */
  protected emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new KioskEvent(type, detail));
  }
}

/**
 * Registers `tag` for `element` once; if another class holds the tag, warns and keeps that one.
 */
export function defineOnce(
  tag: string,
  element: CustomElementConstructor,
  registry: CustomElementRegistry = customElements,
): void {
  const existing = registry.get(tag);
  if (existing === undefined) registry.define(tag, element);
  else if (existing !== element) {
    console.warn(`<${tag}> is already defined by another class; keeping that one.`);
  }
}
