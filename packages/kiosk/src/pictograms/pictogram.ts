import { html, svg, type TemplateResult } from 'lit';
import { FLUENT_PICTURES } from './fluent.generated.js';
import { ICONS, OWN_PICTURES, type IconName } from './own.js';

const unknown = svg`<circle cx="16" cy="16" r="12" fill="none" stroke="currentColor" stroke-width="2.5"/>`;

/**
 * A picture by kiosk name (an instrument's `pictogram`, or `role-host`, `thanks`, …) as an inline
 * SVG that screen readers skip: the word beside it says the same. Emoji get the `emoji` class (an
 * ink outline, see the shared styles); our own drawings the `own` class. An unknown name gives a
 * plain ring, so a newer instrument still shows its words.
 *
 * @example
 * html`<button>${pictogram('face-happy')}<span>Godt</span></button>`;
 */
export function pictogram(name: string): TemplateResult {
  const emoji = Object.hasOwn(FLUENT_PICTURES, name) ? FLUENT_PICTURES[name] : undefined;
  if (emoji) {
    return html`<svg
      class="pictogram emoji"
      viewBox="0 0 32 32"
      aria-hidden="true"
      focusable="false"
    >
      ${emoji}
    </svg>`;
  }
  const own = Object.hasOwn(OWN_PICTURES, name) ? OWN_PICTURES[name] : undefined;
  return html`<svg class="pictogram own" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    ${own ?? unknown}
  </svg>`;
}

/** Whether {@link pictogram} has a real picture for `name`. */
export function hasPictogram(name: string): boolean {
  return Object.hasOwn(FLUENT_PICTURES, name) || Object.hasOwn(OWN_PICTURES, name);
}

/**
 * A stroked symbol for a button, hidden from screen readers (the button's words name it).
 *
 * @example
 * html`<button>${icon('speaker')} Læs op</button>`;
 */
export function icon(name: IconName): TemplateResult {
  return html`<svg class="icon" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
    ${ICONS[name]}
  </svg>`;
}
