import { css } from 'lit';
import { sharedStyles } from '../../internal/styles.js';

/** The planning page's styles: the shared ones and its own. */
export const planningStyles = [
  sharedStyles,
  css`
    .day {
      margin-block-end: 1rem;
    }
    .day h3 {
      margin-block-start: 0;
    }
    /* A warning to weigh, not an error: the attention colour beside the text. */
    .long-drive {
      padding: 0.5rem 0.75rem;
      border-inline-start: 6px solid #8a5a00;
      background: var(--stue-console-notice-soft);
      font-weight: 600;
    }
    ol.proposals {
      margin: 0.5rem 0 0;
      padding: 0;
      list-style: none;
    }
    .proposal {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0 0.75rem;
      padding-block: 0.5rem;
      border-block-start: 1px solid #c9d1d9;
    }
    .proposal input {
      inline-size: 1.5rem;
      block-size: 1.5rem;
      margin: 0.125rem 0 0;
      accent-color: var(--stue-console-accent);
    }
    .proposal label {
      font-weight: 400;
      margin: 0;
    }
    .proposal .time {
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .proposal .meta {
      grid-column: 2;
      color: var(--stue-console-muted);
    }
    .proposal .outcome {
      grid-column: 2;
      font-weight: 600;
    }
    .proposal .outcome.ok {
      color: var(--stue-console-ok);
    }
    .proposal .outcome.problem {
      color: var(--stue-console-problem);
    }
    .summary {
      font-weight: 600;
    }
    .booking {
      margin-block-end: 0.75rem;
    }
    .booking-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.25rem 0.75rem;
      margin-block-end: 0.5rem;
    }
    .booking-head h3 {
      margin: 0;
    }
    .booking .actions {
      margin-block-start: 0.75rem;
      gap: 0.5rem;
    }
    .booking-form {
      margin-block-start: 1rem;
      padding: 1rem;
      background: var(--stue-console-background);
      border-radius: 0.375rem;
    }
    .booking-form h4 {
      margin: 0 0 0.75rem;
      font-size: 1.0625rem;
    }
    details {
      margin-block-start: 0.5rem;
    }
    summary {
      cursor: pointer;
      color: var(--stue-console-accent);
      min-block-size: 1.5rem;
    }
  `,
];
