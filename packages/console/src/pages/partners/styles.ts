import { css } from 'lit';
import { sharedStyles } from '../../internal/styles.js';

/** The partners page's styles: the shared ones and its own. */
export const partnersStyles = [
  sharedStyles,
  css`
    section.partner {
      margin-block-start: 1.5rem;
    }
    section.partner > h2 {
      margin-block-start: 0;
    }
    .origins {
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .mono,
    .key {
      font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    }
    .url {
      overflow-wrap: anywhere;
      min-inline-size: 14rem;
    }
    /* The whole key stays in view on a phone too: it breaks anywhere. */
    .key {
      max-inline-size: 44rem;
      margin: 0 0 0.75rem;
      padding: 0.5rem 0.75rem;
      border: 2px solid var(--stue-console-text);
      border-radius: 0.25rem;
      background: var(--stue-console-surface);
      font-size: 1.0625rem;
      word-break: break-all;
      user-select: all;
    }
    .made {
      border-inline-start: 6px solid var(--stue-console-ok);
    }
    .warning-text {
      padding: 0.5rem 0.75rem;
      border-inline-start: 4px solid #8a5a00;
      background: var(--stue-console-notice-soft);
      font-weight: 600;
    }
    .confirm {
      border-inline-start: 6px solid var(--stue-console-problem);
    }
    .new-key {
      border-inline-start: 6px solid var(--stue-console-accent);
    }
    p.label {
      margin-block-end: 0.25rem;
      font-weight: 600;
    }
    .choice-hint {
      display: block;
      margin: -0.25rem 0 0.5rem 2rem;
      color: var(--stue-console-muted);
      max-inline-size: 44rem;
    }
    .stack {
      flex-direction: column;
      align-items: flex-start;
    }
    .nowrap {
      white-space: nowrap;
    }
    .detail {
      display: block;
      color: var(--stue-console-muted);
      font-size: 0.9375rem;
      font-weight: 400;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5rem;
      align-items: flex-end;
    }
    .filters .field {
      flex: 0 1 16rem;
    }
    .filters button {
      margin-block-end: 1.25rem;
    }
  `,
];
