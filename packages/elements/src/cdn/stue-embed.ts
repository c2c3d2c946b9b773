// The CDN bundle a partner page loads with one script tag, served by the hub at
// `<hub>/embed/stue-embed.js`. It is the only entry besides `define.ts` that does work on load.
import { defineElement } from '../internal/define-element.js';
import { StueNominationForm } from '../nomination-form/nomination-form.js';

// The bundle validates with core's zod-free path (`validateNominationLight`), so it never probes
// `new Function`, and a page with a strict CSP (no `unsafe-eval`) sees no violation. The size test
// checks that no schema library is bundled.

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
