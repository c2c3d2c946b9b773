// React 19 sets a custom element's known properties as properties and turns `on<event>` props
// into `addEventListener('<event>')`. These declarations let TypeScript check both.
import type {
  NominationFormPrefill,
  StueNominationErrorEvent,
  StueNominationStepEvent,
  StueNominationSubmitEvent,
  StueNominationSuccessEvent,
} from '@stue/elements';

interface StueNominationFormProps {
  partnerKey?: string;
  lang?: string;
  api?: string;
  programme?: string;
  prefill?: NominationFormPrefill;
  lockPrefill?: boolean;
  'onstue-nomination-step'?: (event: StueNominationStepEvent) => void;
  'onstue-nomination-submit'?: (event: StueNominationSubmitEvent) => void;
  'onstue-nomination-success'?: (event: StueNominationSuccessEvent) => void;
  'onstue-nomination-error'?: (event: StueNominationErrorEvent) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'stue-nomination-form': StueNominationFormProps & { key?: string | number };
    }
  }
}
