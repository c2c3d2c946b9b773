import { css } from 'lit';
import { sharedStyles } from '../../internal/styles.js';

/** The tour days page's styles: the shared ones and its own. */
export const tourDaysStyles = [
  sharedStyles,
  css`
    td.nowrap {
      white-space: nowrap;
    }
    input.short,
    select.short {
      max-inline-size: 10rem;
    }
    .confirm {
      margin-block-start: 1.5rem;
      padding: 1rem;
      border: 3px solid var(--stue-console-problem);
    }
    .confirm h3 {
      margin-block-start: 0;
    }
  `,
];
