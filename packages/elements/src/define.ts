// Importing this module registers Stue's elements; it is the package's only module with a side
// effect (see `sideEffects` in package.json). `index.ts` exports the classes without registering.
import { StueErrorSummary } from './error-summary/error-summary.js';
import { StueField } from './field/field.js';
import { defineElement } from './internal/define-element.js';
import { StueNominationForm } from './nomination-form/nomination-form.js';
// Kept in the declarations too, so `@stue/elements/define` alone types the form's events on
// addEventListener (HTMLElementEventMap): the form's own declarations do not import them.
import './nomination-form/nomination-form.events.js';

defineElement('stue-nomination-form', StueNominationForm);
defineElement('stue-error-summary', StueErrorSummary);
defineElement('stue-field', StueField);

declare global {
  interface HTMLElementTagNameMap {
    'stue-nomination-form': StueNominationForm;
  }
}
