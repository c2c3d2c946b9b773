import { css } from 'lit';

// WCAG 2.2 AA is the floor; every text colour here is at 7:1 or more against its background,
// and the focus ring at 3:1 or more against everything it can sit on.
export const consoleAppStyles = css`
  :host {
    --stue-console-background: #f4f6f8;
    --stue-console-surface: #ffffff;
    --stue-console-text: #1f2d3d;
    --stue-console-muted: #44505e;
    --stue-console-border: #8795a3;
    --stue-console-accent: #1a4f8b;
    --stue-console-accent-strong: #0f3d6e;
    --stue-console-ok: #17612f;
    --stue-console-problem: #a1261b;
    --stue-console-focus: #1a4f8b;

    display: block;
    min-block-size: 100vh;
    background: var(--stue-console-background);
    color: var(--stue-console-text);
    font-family:
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      sans-serif;
    font-size: 1rem;
    line-height: 1.5;
  }

  header {
    background: var(--stue-console-text);
    color: var(--stue-console-surface);
    padding: 0.875rem 1.5rem;
  }

  .product {
    margin: 0 auto;
    max-inline-size: 60rem;
    font-size: 1.25rem;
    font-weight: 700;
    letter-spacing: 0.01em;
  }

  main {
    margin: 0 auto;
    max-inline-size: 60rem;
    padding: 2rem 1.5rem 3rem;
  }

  h1 {
    margin: 0 0 1.5rem;
    font-size: 2rem;
    line-height: 1.25;
  }

  h2 {
    margin: 0 0 0.75rem;
    font-size: 1.25rem;
    line-height: 1.3;
  }

  p {
    margin: 0;
  }

  .panel {
    max-inline-size: 36rem;
    padding: 1.5rem;
    background: var(--stue-console-surface);
    border: 1px solid var(--stue-console-border);
    border-inline-start: 0.375rem solid var(--stue-console-border);
    border-radius: 0.5rem;
  }

  .panel[data-state='answers'] {
    border-inline-start-color: var(--stue-console-ok);
  }

  .panel[data-state='silent'] {
    border-inline-start-color: var(--stue-console-problem);
  }

  .result {
    min-block-size: 4.5rem;
  }

  .answer {
    display: flex;
    align-items: flex-start;
    gap: 0.5rem;
    font-size: 1.125rem;
    font-weight: 600;
  }

  .icon {
    flex: none;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin-block-start: 0.0625rem;
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

  [data-state='silent'] .icon {
    color: var(--stue-console-problem);
  }

  .hint,
  .checked {
    margin-block-start: 0.25rem;
    margin-inline-start: 2rem;
  }

  .checked {
    color: var(--stue-console-muted);
  }

  button {
    margin-block-start: 1.25rem;
    min-block-size: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 2px solid var(--stue-console-accent);
    border-radius: 0.375rem;
    background: var(--stue-console-accent);
    color: var(--stue-console-surface);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
  }

  button:hover {
    background: var(--stue-console-accent-strong);
    border-color: var(--stue-console-accent-strong);
  }

  button:focus-visible {
    outline: 3px solid var(--stue-console-focus);
    outline-offset: 3px;
  }

  @media (forced-colors: active) {
    .panel {
      border-inline-start-color: CanvasText;
    }
    button:focus-visible {
      outline-color: Highlight;
    }
  }
`;
