// Registers `<stue-field>` alone, for apps that render it in their own forms (the console, the
// kiosk) without carrying the nomination form. Quietly keeps a definition already made.
import { ensureDefined } from '../internal/define-element.js';
import { StueField } from './field.js';

ensureDefined('stue-field', StueField);

export { StueField } from './field.js';

declare global {
  interface HTMLElementTagNameMap {
    'stue-field': StueField;
  }
}
