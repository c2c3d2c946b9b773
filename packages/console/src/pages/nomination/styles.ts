import { css } from 'lit';
import { sharedStyles } from '../../internal/styles.js';

/** The nomination page's styles: the shared ones and its own layout. */
export const nominationStyles = [
  sharedStyles,
  css`
    .heading {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1rem;
    }
    .heading h1 {
      margin: 0;
    }
    .back {
      display: inline-block;
      margin-block-end: 1rem;
    }
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
      gap: 0 1.5rem;
    }
    .grid .panel h2,
    .panel > h2:first-child {
      margin-block-start: 0;
    }
    .phone {
      font-size: 1.25rem;
      font-weight: 700;
    }
    .outcome {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      margin-block-end: 0.75rem;
    }
    .reasons li {
      margin-block-end: 0.5rem;
    }
    .decision .action,
    .rights .action {
      margin-block-end: 0.75rem;
    }
    .decision .action p,
    .rights .action p {
      margin: 0.25rem 0 0;
    }
    .notes li {
      margin-block-end: 0.75rem;
    }
    .notes p {
      margin: 0;
    }
    .note-text {
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .confirm ul li {
      margin-block-end: 0.25rem;
    }
    .checklist li {
      margin-block-end: 0.25rem;
    }
    .message {
      white-space: pre-wrap;
      padding: 0.75rem 1rem;
      border-inline-start: 4px solid var(--stue-console-border);
      background: var(--stue-console-background);
    }
    ol.history {
      margin: 0;
      padding-inline-start: 1.25rem;
    }
    ol.history li {
      margin-block-end: 0.5rem;
    }
    textarea {
      max-inline-size: 100%;
    }
    form.record {
      margin-block-start: 1.5rem;
    }
    .stack {
      flex-direction: column;
      align-items: flex-start;
    }
    .choice-hint {
      display: block;
      margin: -0.25rem 0 0.5rem 2rem;
      color: var(--stue-console-muted);
      max-inline-size: 40rem;
    }
  `,
];
