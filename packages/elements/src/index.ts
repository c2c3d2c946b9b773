export { StueNominationForm } from './nomination-form/nomination-form.js';
export {
  StueNominationErrorEvent,
  StueNominationSubmitEvent,
  StueNominationSuccessEvent,
} from './nomination-form/nomination-form.events.js';
