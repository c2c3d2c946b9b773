import type { NominationStatus } from '@stue/core';

/**
 * The version of the events' contract. Within a version, fields are only ever added; a field is
 * never renamed, removed or given another meaning, and an event never stops firing. A breaking
 * change gets a new event name and a new version, and the old event keeps firing beside it for at
 * least a year.
 */
export const NOMINATION_EVENTS_VERSION = 1;

/** The steps of the journey, in order. The screening step is left out when there are no questions. */
export const NOMINATION_STEPS = [
  'about',
  'nominator',
  'host',
  'friend',
  'screening',
  'wishes',
  'consent',
  'review',
] as const;
/** One of {@link NOMINATION_STEPS}. */
export type NominationStep = (typeof NOMINATION_STEPS)[number];

/**
 * Fired when the person moves to another step (forward, back, or a "change" link on the review),
 * once per move, after the new step is showing. Not fired for the first step shown, nor for the
 * receipt (that is {@link StueNominationSuccessEvent}). It says where the person is, never what
 * they typed.
 *
 * @example
 * form.addEventListener('stue-nomination-step', (event) => {
 *   analytics.track('nomination-step', { step: event.step, index: event.index });
 * });
 */
export class StueNominationStepEvent extends Event {
  static readonly type = 'stue-nomination-step';

  /** The step now showing. */
  readonly step: NominationStep;
  /** Its position, from 1. */
  readonly index: number;
  /** How many steps the journey has (8, or 7 without screening questions). */
  readonly total: number;

  constructor(step: NominationStep, index: number, total: number) {
    super(StueNominationStepEvent.type, { bubbles: true, composed: true });
    this.step = step;
    this.index = index;
    this.total = total;
  }
}

/**
 * Fired when a person sends a valid nomination, just before it goes to the hub. Cancelable: call
 * `preventDefault()` and nothing is sent (the form stays as it is, with everything typed).
 *
 * @example
 * form.addEventListener('stue-nomination-submit', (event) => {
 *   if (!consentBannerAccepted) event.preventDefault();
 * });
 */
export class StueNominationSubmitEvent extends Event {
  static readonly type = 'stue-nomination-submit';

  /**
   * The nomination's client id (a UUIDv7). It stays the same across retries, so the hub can never
   * store the same nomination twice. It identifies the record; it says nothing about the people.
   */
  readonly nominationId: string;

  constructor(nominationId: string) {
    super(StueNominationSubmitEvent.type, { bubbles: true, composed: true, cancelable: true });
    this.nominationId = nominationId;
  }
}

/**
 * Fired once the hub has the nomination and the receipt is showing. A replay (the hub already had
 * this nomination from an attempt whose answer was lost) is a success too, with the same reference.
 */
export class StueNominationSuccessEvent extends Event {
  static readonly type = 'stue-nomination-success';

  /** The reference the person can quote, e.g. `STUE-7KQ3-9XZD`. */
  readonly reference: string;
  /** Where the nomination is in its life; `received` for a new one. */
  readonly status: NominationStatus;

  constructor(reference: string, status: NominationStatus) {
    super(StueNominationSuccessEvent.type, { bubbles: true, composed: true });
    this.reference = reference;
    this.status = status;
  }
}

/**
 * Fired when a nomination could not be sent. `code` is stable: `network`, `timeout`,
 * `rate_limited`, `internal` and other server errors can be retried; `unauthorized`,
 * `origin_not_allowed`, `missing_partner_key` and `missing_api` mean the embed is not set up
 * correctly on the page, and `no_hub` that a server which is not a Stue hub answered (a copy of
 * the script on the page's own server without `api`); `invalid_body` means the hub refused what was typed;
 * `nomination_conflict` means the hub already holds this nomination with other details.
 */
export class StueNominationErrorEvent extends Event {
  static readonly type = 'stue-nomination-error';

  /** A stable code, never a message (see the class description). */
  readonly code: string;
  /** Whether sending again may succeed. */
  readonly retryable: boolean;

  constructor(code: string, retryable: boolean) {
    super(StueNominationErrorEvent.type, { bubbles: true, composed: true });
    this.code = code;
    this.retryable = retryable;
  }
}

declare global {
  interface HTMLElementEventMap {
    'stue-nomination-step': StueNominationStepEvent;
    'stue-nomination-submit': StueNominationSubmitEvent;
    'stue-nomination-success': StueNominationSuccessEvent;
    'stue-nomination-error': StueNominationErrorEvent;
  }
}
