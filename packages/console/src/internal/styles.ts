import { css } from 'lit';

// WCAG 2.2 AA is the floor: every text colour here is at 7:1 or more against its background
// (the muted grey at 7.7:1 on white), tags included, and the focus ring at 3:1 or more against
// everything it can sit on. Pages share these styles; each adds its own few.

/** The console's design tokens; set on the app and inherited by every page. */
export const tokens = css`
  :host {
    --stue-console-background: #f4f6f8;
    --stue-console-surface: #ffffff;
    --stue-console-text: #1f2d3d;
    --stue-console-muted: #44505e;
    --stue-console-border: #8795a3;
    --stue-console-accent: #1a4f8b;
    --stue-console-accent-strong: #0f3d6e;
    --stue-console-ok: #17612f;
    --stue-console-ok-soft: #e3f1e7;
    --stue-console-problem: #a1261b;
    --stue-console-problem-soft: #fbe9e7;
    --stue-console-notice-soft: #fff4d6;
    --stue-console-info-soft: #e5eef8;
    --stue-console-focus: #1a4f8b;
    --stue-console-focus-halo: #ffdd00;
  }
`;

/** What every page shares: type, links, buttons, forms, tables, tags, notices. */
export const sharedStyles = css`
  ${tokens}

  :host {
    display: block;
    color: var(--stue-console-text);
  }

  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }

  h1 {
    margin: 0 0 0.5rem;
    font-size: 2rem;
    line-height: 1.25;
  }

  h1:focus {
    outline: none;
  }

  h1:focus-visible {
    outline: 3px solid var(--stue-console-focus);
    outline-offset: 4px;
  }

  h2 {
    margin: 2rem 0 0.75rem;
    font-size: 1.375rem;
    line-height: 1.3;
  }

  h3 {
    margin: 1.5rem 0 0.5rem;
    font-size: 1.125rem;
    line-height: 1.35;
  }

  p {
    margin: 0 0 0.75rem;
  }

  .lead {
    font-size: 1.125rem;
    max-inline-size: 44rem;
  }

  .muted {
    color: var(--stue-console-muted);
  }

  a {
    color: var(--stue-console-accent);
    text-decoration-thickness: 1px;
    text-underline-offset: 0.15em;
  }

  a:hover {
    color: var(--stue-console-accent-strong);
    text-decoration-thickness: 3px;
  }

  a:focus-visible,
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  summary:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--stue-console-focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 6px var(--stue-console-focus-halo);
  }

  .visually-hidden {
    position: absolute !important;
    inline-size: 1px;
    block-size: 1px;
    margin: 0;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    clip-path: inset(50%);
    border: 0;
    white-space: nowrap;
  }

  /* Buttons: at least 44 × 44 px (WCAG 2.5.8 asks 24). */
  button,
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    padding: 0.5rem 1.125rem;
    border: 2px solid var(--stue-console-accent);
    border-radius: 0.375rem;
    background: var(--stue-console-accent);
    color: var(--stue-console-surface);
    font: inherit;
    font-weight: 600;
    line-height: 1.25;
    text-decoration: none;
    cursor: pointer;
  }

  button:hover,
  .button:hover {
    background: var(--stue-console-accent-strong);
    border-color: var(--stue-console-accent-strong);
    color: var(--stue-console-surface);
  }

  button.secondary,
  .button.secondary {
    background: var(--stue-console-surface);
    color: var(--stue-console-accent);
  }

  button.secondary:hover,
  .button.secondary:hover {
    background: var(--stue-console-info-soft);
    color: var(--stue-console-accent-strong);
  }

  button.warning {
    background: var(--stue-console-problem);
    border-color: var(--stue-console-problem);
  }

  button.warning:hover {
    background: #7d1d15;
    border-color: #7d1d15;
  }

  button.small,
  .button.small {
    min-block-size: 2.5rem;
    padding: 0.25rem 0.75rem;
    font-size: 0.9375rem;
  }

  button[disabled],
  button[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }

  /* A record's history (the audit trail), under its page or form. */
  ol.history {
    padding-inline-start: 1.25rem;
  }

  .record-history {
    margin-block-start: 1.5rem;
    padding-block-start: 0.5rem;
    border-block-start: 1px solid var(--stue-console-border);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75rem;
    align-items: center;
    margin-block: 1rem 0;
  }

  /* Forms, after GOV.UK: label, hint, error message, control. */
  form {
    margin: 0;
  }

  .field {
    display: block;
    margin-block-end: 1.25rem;
  }

  .field.has-error {
    padding-inline-start: 0.875rem;
    border-inline-start: 5px solid var(--stue-console-problem);
  }

  label,
  legend {
    display: block;
    margin-block-end: 0.25rem;
    font-weight: 600;
  }

  legend {
    padding: 0;
  }

  .hint {
    display: block;
    margin-block-end: 0.375rem;
    color: var(--stue-console-muted);
  }

  .error-message {
    display: block;
    margin-block-end: 0.375rem;
    color: var(--stue-console-problem);
    font-weight: 600;
  }

  input[type='text'],
  input[type='email'],
  input[type='password'],
  input[type='tel'],
  input[type='date'],
  input[type='time'],
  input[type='number'],
  input[type='datetime-local'],
  input[type='month'],
  select,
  textarea {
    display: block;
    inline-size: 100%;
    max-inline-size: 28rem;
    min-block-size: 2.75rem;
    padding: 0.375rem 0.5rem;
    border: 2px solid var(--stue-console-text);
    border-radius: 0.25rem;
    background: var(--stue-console-surface);
    color: var(--stue-console-text);
    font: inherit;
  }

  input.short {
    max-inline-size: 10rem;
  }

  textarea {
    max-inline-size: 40rem;
    min-block-size: 6rem;
    resize: vertical;
  }

  .has-error input,
  .has-error select,
  .has-error textarea {
    border-color: var(--stue-console-problem);
  }

  fieldset {
    margin: 0 0 1.25rem;
    padding: 0;
    border: 0;
    min-inline-size: 0;
  }

  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
  }

  .choice {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-block-size: 2.75rem;
    font-weight: 400;
    margin: 0;
    cursor: pointer;
  }

  .choice input {
    flex: none;
    inline-size: 1.5rem;
    block-size: 1.5rem;
    margin: 0;
    accent-color: var(--stue-console-accent);
  }

  .row {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1.5rem;
    align-items: flex-end;
  }

  .row > .field {
    flex: 0 1 14rem;
  }

  /* The error summary: takes focus, links to each field. */
  .error-summary {
    margin-block-end: 1.5rem;
    padding: 1rem 1.25rem;
    border: 4px solid var(--stue-console-problem);
    background: var(--stue-console-surface);
  }

  .error-summary:focus {
    outline: 3px solid var(--stue-console-focus-halo);
    outline-offset: 0;
  }

  .error-summary h2 {
    margin: 0 0 0.5rem;
    font-size: 1.25rem;
  }

  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25rem;
  }

  .error-summary a {
    color: var(--stue-console-problem);
    font-weight: 600;
  }

  /* Notices: what just happened, or what went wrong loading. */
  .notice {
    margin-block: 0 1.25rem;
    padding: 0.75rem 1rem;
    border-inline-start: 6px solid var(--stue-console-ok);
    background: var(--stue-console-ok-soft);
    font-weight: 600;
  }

  .notice.problem {
    border-inline-start-color: var(--stue-console-problem);
    background: var(--stue-console-problem-soft);
  }

  .notice:empty {
    display: none;
  }

  .panel {
    margin-block-end: 1.5rem;
    padding: 1.25rem 1.5rem;
    background: var(--stue-console-surface);
    border: 1px solid var(--stue-console-border);
    border-radius: 0.5rem;
  }

  .panel > :first-child {
    margin-block-start: 0;
  }

  .panel > :last-child {
    margin-block-end: 0;
  }

  /* Tables scroll sideways in their own region on narrow screens. */
  .table-wrap {
    overflow-x: auto;
    margin-block-end: 1rem;
    background: var(--stue-console-surface);
    border: 1px solid var(--stue-console-border);
    border-radius: 0.5rem;
  }

  table {
    inline-size: 100%;
    border-collapse: collapse;
  }

  caption {
    padding: 0.75rem 1rem;
    text-align: start;
    font-weight: 700;
    font-size: 1.0625rem;
  }

  th,
  td {
    padding: 0.625rem 1rem;
    border-block-start: 1px solid #c9d1d9;
    text-align: start;
    vertical-align: top;
  }

  thead th {
    background: var(--stue-console-background);
    white-space: nowrap;
  }

  td.number,
  th.number {
    text-align: end;
    font-variant-numeric: tabular-nums;
  }

  tbody tr:hover {
    background: #f8fafc;
  }

  .tag {
    display: inline-block;
    padding: 0.125rem 0.5rem;
    border-radius: 0.25rem;
    border: 1px solid currentColor;
    font-size: 0.9375rem;
    font-weight: 600;
    white-space: nowrap;
    background: var(--stue-console-info-soft);
    color: var(--stue-console-accent-strong);
  }

  .tag.ok {
    background: var(--stue-console-ok-soft);
    color: #0f4a23;
  }

  .tag.attention {
    background: var(--stue-console-notice-soft);
    color: #5c3b00;
  }

  .tag.closed {
    background: #eceff2;
    color: #343f4b;
  }

  .tag.problem {
    background: var(--stue-console-problem-soft);
    color: #7d1d15;
  }

  dl.facts {
    display: grid;
    grid-template-columns: minmax(8rem, max-content) 1fr;
    gap: 0.375rem 1.25rem;
    margin: 0;
  }

  dl.facts dt {
    font-weight: 600;
  }

  dl.facts dd {
    margin: 0;
  }

  ul.plain,
  ol.plain {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  @media (max-width: 32rem) {
    h1 {
      font-size: 1.625rem;
    }
    dl.facts {
      grid-template-columns: 1fr;
      gap: 0 0;
    }
    dl.facts dd {
      margin-block-end: 0.5rem;
    }
    th,
    td {
      padding: 0.5rem 0.625rem;
    }
  }

  @media (forced-colors: active) {
    .tag,
    .notice,
    .error-summary {
      border: 1px solid CanvasText;
    }
    a:focus-visible,
    button:focus-visible,
    input:focus-visible,
    select:focus-visible,
    textarea:focus-visible,
    [tabindex]:focus-visible {
      outline-color: Highlight;
    }
  }
`;
