import { css } from 'lit';
import { sharedStyles } from '../../internal/styles.js';

/** The musicians page's styles: the shared ones and its own. */
export const musiciansStyles = [
  sharedStyles,
  css`
    td.nowrap {
      white-space: nowrap;
    }
  `,
];
