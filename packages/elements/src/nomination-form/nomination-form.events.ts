import type { NominationStatus } from '@stue/core';

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

/** Fired once the hub has the nomination and the receipt is showing. */
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
 * correctly on the page; `invalid_body` means the hub refused what was typed;
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
    'stue-nomination-submit': StueNominationSubmitEvent;
    'stue-nomination-success': StueNominationSuccessEvent;
    'stue-nomination-error': StueNominationErrorEvent;
  }
}
