import { svg, type SVGTemplateResult } from 'lit';

// Stue's own drawings, in one ink colour on a 32×32 grid, for ideas emoji lack or colour wrongly:
// a scale of yes / a little / no that fills like a glass instead of going green or red, "maybe",
// "rather not say", and the few symbols on buttons. Strokes and fills take `currentColor`.

/** Pictures for answers, by kiosk name. */
export const OWN_PICTURES: Readonly<Record<string, SVGTemplateResult>> = {
  yes: svg`<circle cx="16" cy="16" r="13" fill="currentColor"/><path d="m10 16.5 4 4 8-9" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/>`,
  'a-little': svg`<path d="M3 16h26a13 13 0 0 1-26 0z" fill="currentColor"/><circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" stroke-width="2.5"/>`,
  no: svg`<circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" stroke-width="2.5"/><path d="m11.5 11.5 9 9m0-9-9 9" fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round"/>`,
  maybe: svg`<circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" stroke-width="2.5"/><path d="M12.5 12.8a3.6 3.6 0 1 1 5.2 3.2c-1.1.6-1.7 1.3-1.7 2.6v.6" fill="none" stroke="currentColor" stroke-width="2.8" stroke-linecap="round"/><circle cx="16" cy="23.2" r="1.7" fill="currentColor"/>`,
  'rather-not-say': svg`<path d="M7 6h18a3 3 0 0 1 3 3v11a3 3 0 0 1-3 3H15l-6 5v-5H7a3 3 0 0 1-3-3V9a3 3 0 0 1 3-3z" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linejoin="round"/><circle cx="10.5" cy="14.5" r="1.8" fill="currentColor"/><circle cx="16" cy="14.5" r="1.8" fill="currentColor"/><circle cx="21.5" cy="14.5" r="1.8" fill="currentColor"/>`,
};

/** Symbols on buttons, drawn with strokes. */
export const ICONS = {
  house: svg`<path d="M4 15 16 5l12 10M8 12v15h16V12M13 27v-8h6v8"/>`,
  speaker: svg`<path d="M5 12h5l7-6v20l-7-6H5z"/><path d="M21 11.5a6 6 0 0 1 0 9M24.5 8a11 11 0 0 1 0 16"/>`,
  back: svg`<path d="M26 16H7m8-9-9 9 9 9"/>`,
  forward: svg`<path d="M6 16h19m-8-9 9 9-9 9"/>`,
  check: svg`<path d="m6 16.5 6.5 6.5L26 9"/>`,
  lock: svg`<rect x="6" y="14" width="20" height="14" rx="2"/><path d="M10.5 14V10a5.5 5.5 0 0 1 11 0v4"/>`,
  erase: svg`<path d="M12 7h15v18H12l-8-9z"/><path d="m15 12 8 8m0-8-8 8"/>`,
} as const;

/** The name of a symbol in {@link ICONS}. */
export type IconName = keyof typeof ICONS;
