// The CDN bundle a partner page loads with one script tag, served by the hub at
// `<hub>/embed/stue-embed.js`. It is the only entry besides `define.ts` that does work on load.
import { useJitlessValidation } from '@stue/core';
import { defineElement } from '../internal/define-element.js';
import { StueNominationForm } from '../nomination-form/nomination-form.js';

// Partner pages may forbid `eval` (strict CSP). zod probes `new Function` the first time it parses
// an object, and a strict CSP reports even a caught probe, so it must be switched off before any
// schema is used.
useJitlessValidation();

// The bundle is served at `<hub>/embed/stue-embed.js`, so the hub is one folder up from it.
StueNominationForm.defaultApi = new URL('..', import.meta.url).href;

defineElement('stue-nomination-form', StueNominationForm);

export { StueNominationForm };
export {
  StueNominationErrorEvent,
  StueNominationStepEvent,
  StueNominationSubmitEvent,
  StueNominationSuccessEvent,
} from '../nomination-form/nomination-form.events.js';
