// `import '@stue/elements/react'` in a React 19 app: registers the elements, as
// `@stue/elements/define` does, and declares `<stue-nomination-form>` in React's JSX. React 19
// sets a custom element's known properties as properties and turns `on<event>` props into
// `addEventListener('<event>')`, so no wrapper component is needed; these types let TypeScript
// check both. Only this entry mentions React, so nobody else needs `@types/react`.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import './define.js';
import type {
  StueNominationErrorEvent,
  StueNominationStepEvent,
  StueNominationSubmitEvent,
  StueNominationSuccessEvent,
} from './nomination-form/nomination-form.events.js';
import type { StueNominationForm } from './nomination-form/nomination-form.js';

/**
 * The props of `<stue-nomination-form>` in JSX: the element's properties (set as properties by
 * React 19), its events as `on<event-name>` props with their typed event, and the usual HTML
 * attributes (`className`, `id`, `ref`…).
 *
 * @example
 * <stue-nomination-form
 *   partnerKey="pk_…"
 *   api="https://stue.example.dk/"
 *   onstue-nomination-success={(event) => setReference(event.reference)}
 * />
 */
export interface StueNominationFormProps
  extends
    DetailedHTMLProps<HTMLAttributes<StueNominationForm>, StueNominationForm>,
    Partial<
      Pick<
        StueNominationForm,
        'partnerKey' | 'api' | 'programme' | 'criteria' | 'prefill' | 'lockPrefill'
      >
    > {
  'onstue-nomination-step'?: (event: StueNominationStepEvent) => void;
  'onstue-nomination-submit'?: (event: StueNominationSubmitEvent) => void;
  'onstue-nomination-success'?: (event: StueNominationSuccessEvent) => void;
  'onstue-nomination-error'?: (event: StueNominationErrorEvent) => void;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- React's JSX types live in a namespace
  namespace JSX {
    interface IntrinsicElements {
      'stue-nomination-form': StueNominationFormProps;
    }
  }
}
