import { css } from 'lit';

/**
 * The kiosk's shared look, adopted by every screen element: the colours, type sizes and targets
 * of KIOSK-UX.md. Sizes are in rem so that the tablet's own text size scales them (body 28 px,
 * questions 40 px, targets at least 96 px and 24 px apart at the default size). Every colour pair
 * used for text, borders and pictogram outlines is at least 7:1 (WCAG 1.4.6); the tests measure it.
 * Nothing is coloured to say good or bad: every answer looks the same until it is chosen, and
 * chosen looks the same for every answer. It also gives `<stue-error-summary>` (which renders
 * into the screen's own root) its look on the screens that show one.
 */
export const sharedStyles = css`
  :host {
    --stue-kiosk-background: #f6f1e8;
    --stue-kiosk-surface: #fffdf8;
    --stue-kiosk-text: #1c1a17;
    --stue-kiosk-muted: #4a443c;
    --stue-kiosk-accent: #163f66;
    --stue-kiosk-on-accent: #ffffff;
    --stue-kiosk-chosen: #dce7f2;
    --stue-kiosk-notice: #fbecc0;
    --stue-kiosk-error: #8f2f16;
    --stue-kiosk-online: #175a30;
    --stue-kiosk-offline: #8f2f16;
    --stue-kiosk-gap: 1.5rem;
    --stue-kiosk-target: 6rem;
    --stue-kiosk-radius: 1rem;

    display: block;
    color: var(--stue-kiosk-text);
    font-family:
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      sans-serif;
    font-size: 1.75rem;
    line-height: 1.4;
    -webkit-user-select: none;
    user-select: none;
    touch-action: manipulation;
    -webkit-tap-highlight-color: transparent;
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  [hidden] {
    display: none !important;
  }

  h1,
  h2,
  h3,
  p {
    margin: 0;
  }

  h1 {
    font-size: 2.5rem;
    line-height: 1.2;
    font-weight: 700;
    text-wrap: balance;
  }

  h1:focus {
    outline: none;
  }

  h2 {
    font-size: 2rem;
    line-height: 1.25;
  }

  h3 {
    font-size: 1.75rem;
  }

  .muted {
    color: var(--stue-kiosk-muted);
  }

  /* What every target shares, a button or a pictorial answer: large, outlined, bold. */
  .button,
  .option {
    min-block-size: var(--stue-kiosk-target);
    min-inline-size: var(--stue-kiosk-target);
    border: 0.1875rem solid var(--stue-kiosk-text);
    border-radius: var(--stue-kiosk-radius);
    background: var(--stue-kiosk-surface);
    color: var(--stue-kiosk-text);
    font: inherit;
    font-weight: 700;
    line-height: 1.2;
    text-align: center;
    cursor: pointer;
  }

  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.75rem;
    padding: 0.75rem 1.5rem;
  }

  .button.primary {
    border-color: var(--stue-kiosk-accent);
    background: var(--stue-kiosk-accent);
    color: var(--stue-kiosk-on-accent);
  }

  /* A way out beside the answers (Done): the same large target, without the frame the answers
     have, so it does not read as one of them. */
  .button.quiet {
    border-color: transparent;
    background: transparent;
    font-weight: 600;
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }

  .button:disabled {
    cursor: default;
  }

  .button:focus-visible,
  .option:focus-visible,
  input:focus-visible,
  textarea:focus-visible {
    outline: 0.25rem solid var(--stue-kiosk-accent);
    outline-offset: 0.25rem;
  }

  .button:active:not(:disabled),
  .option:active {
    transform: translateY(0.125rem);
  }

  .icon {
    flex: none;
    inline-size: 1.25em;
    block-size: 1.25em;
    fill: none;
    stroke: currentColor;
    stroke-width: 2.75;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  .row,
  .bar {
    display: flex;
    flex-wrap: wrap;
    gap: var(--stue-kiosk-gap);
  }

  /* A screen's top or bottom line: what it holds pushed to the two ends. */
  .bar {
    align-items: center;
    justify-content: space-between;
  }

  /* A pictorial answer: a large picture with its word, the whole of it one target. */
  .option {
    display: flex;
    flex-direction: column;
    align-items: center;
    /* Pictures on one line across a row, whether a label takes one line or two. */
    justify-content: flex-start;
    gap: 0.5rem;
    padding: 1rem;
    position: relative;
  }

  .option[aria-pressed='true'] {
    border-width: 0.375rem;
    padding: calc(1rem - 0.1875rem);
    background: var(--stue-kiosk-chosen);
  }

  .option .check {
    position: absolute;
    inset-block-start: 0.5rem;
    inset-inline-end: 0.5rem;
    display: none;
    inline-size: 2.5rem;
    block-size: 2.5rem;
    padding: 0.375rem;
    border-radius: 50%;
    background: var(--stue-kiosk-text);
    color: var(--stue-kiosk-surface);
  }

  .option[aria-pressed='true'] .check {
    display: block;
  }

  .pictogram {
    flex: none;
    inline-size: 5rem;
    block-size: 5rem;
  }

  /*
   * Emoji are coloured, often light: an ink outline (four hard shadows) gives every picture an
   * edge of 7:1 against the card, as KIOSK-UX.md asks of pictogram outlines.
   */
  .pictogram.emoji {
    filter: drop-shadow(0.09rem 0 0 var(--stue-kiosk-text))
      drop-shadow(-0.09rem 0 0 var(--stue-kiosk-text))
      drop-shadow(0 0.09rem 0 var(--stue-kiosk-text))
      drop-shadow(0 -0.09rem 0 var(--stue-kiosk-text));
  }

  .pictogram.own {
    color: var(--stue-kiosk-text);
  }

  .notice {
    padding: 1.25rem 1.5rem;
    border: 0.1875rem solid var(--stue-kiosk-text);
    border-radius: var(--stue-kiosk-radius);
    background: var(--stue-kiosk-notice);
    color: var(--stue-kiosk-text);
  }

  .notice h2 {
    font-size: 1.75rem;
    margin-block-end: 0.5rem;
  }

  /* A notice that folds to its heading once read: the heading is the (large) target. */
  details.notice summary {
    display: flex;
    align-items: center;
    gap: 0.75rem;
    min-block-size: var(--stue-kiosk-target);
    cursor: pointer;
  }

  details.notice summary h2 {
    display: inline;
    margin: 0;
  }

  /* A chevron at the end says it folds: down while open, right once folded. */
  details.notice summary::after {
    content: '';
    flex: none;
    margin-inline-start: auto;
    padding: 0.4rem;
    border: solid currentColor;
    border-width: 0 0.25rem 0.25rem 0;
    transform: rotate(-45deg);
  }

  details.notice[open] summary::after {
    transform: rotate(45deg);
  }

  details.notice summary::-webkit-details-marker {
    display: none;
  }

  details.notice[open] summary {
    margin-block-end: 0.5rem;
  }

  .error-text {
    color: var(--stue-kiosk-error);
    font-weight: 700;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (prefers-reduced-motion: reduce) {
    .button:active:not(:disabled),
    .option:active {
      transform: none;
    }
  }

  .error-summary {
    padding: 1.25rem 1.5rem;
    border: 0.375rem solid var(--stue-kiosk-error);
    border-radius: var(--stue-kiosk-radius);
    background: var(--stue-kiosk-surface);
  }

  .error-summary:focus {
    outline: 0.25rem solid var(--stue-kiosk-accent);
    outline-offset: 0.25rem;
  }

  .error-summary ul {
    margin: 0.75rem 0 0;
    padding-inline-start: 1.5rem;
  }
`;
