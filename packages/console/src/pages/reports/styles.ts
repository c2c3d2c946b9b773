import { css } from 'lit';
import { chartStyles } from '../../internal/charts.js';
import { sharedStyles } from '../../internal/styles.js';

/** The reports page's styles: the shared ones and its own. */
export const reportsStyles = [
  sharedStyles,
  chartStyles,
  css`
    .filters form {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1.5rem;
      align-items: end;
    }
    .filters .field {
      min-inline-size: 12rem;
    }
    .downloads {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      margin-block: 1rem 2rem;
    }
    .downloads a,
    .downloads button {
      display: inline-flex;
      align-items: center;
      min-block-size: 44px;
    }
    dl.figures {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
      gap: 1rem;
      margin: 0 0 1.5rem;
    }
    dl.figures div {
      border: 1px solid var(--stue-console-border);
      border-radius: 6px;
      padding: 0.75rem 1rem;
      background: var(--stue-console-surface);
    }
    dl.figures dt {
      font-size: 0.95rem;
    }
    dl.figures dd {
      margin: 0.25rem 0 0;
      font-size: 1.75rem;
      font-weight: 700;
    }
    dl.figures dd.suppressed {
      font-size: 1.1rem;
      font-weight: 600;
    }
    section.report > section {
      margin-block-end: 2rem;
    }
    @media print {
      @page {
        size: A4;
        margin: 18mm 16mm;
      }
      :host {
        font-size: 11pt;
      }
      .filters,
      .downloads,
      .screen-only,
      [role='status'] {
        display: none;
      }
      .panel,
      dl.figures div {
        background: #fff;
      }
      .table-wrap {
        overflow: visible;
      }
      table {
        inline-size: 100%;
        font-size: 9.5pt;
      }
      section.report > section {
        break-inside: avoid-page;
      }
      h2 {
        break-after: avoid;
      }
    }
  `,
];
