// Registers `<stue-error-summary>` alone, for apps that render it in their own forms (the console,
// the kiosk) without carrying the nomination form. Quietly keeps a definition already made.
import { ensureDefined } from '../internal/define-element.js';
import { StueErrorSummary } from './error-summary.js';

ensureDefined('stue-error-summary', StueErrorSummary);

export { StueErrorSummary, type ErrorSummaryItem } from './error-summary.js';

declare global {
  interface HTMLElementTagNameMap {
    'stue-error-summary': StueErrorSummary;
  }
}
