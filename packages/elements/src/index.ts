export {
  StueNominationForm,
  type NominationFormPrefill,
} from './nomination-form/nomination-form.js';
export {
  NOMINATION_EVENTS_VERSION,
  NOMINATION_STEPS,
  StueNominationErrorEvent,
  StueNominationStepEvent,
  StueNominationSubmitEvent,
  StueNominationSuccessEvent,
  type NominationStep,
} from './nomination-form/nomination-form.events.js';
export { NOTICE_VERSION } from './nomination-form/nomination-form.text.js';
export { StueErrorSummary, type ErrorSummaryItem } from './error-summary/error-summary.js';
export { StueField } from './field/field.js';
