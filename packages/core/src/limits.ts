/**
 * The most characters the hub keeps of each kind of free text a person types. The hub's schemas
 * refuse longer text (`too_long`); the console and the kiosk check the same numbers before
 * sending, so both sides come from here and cannot drift apart.
 *
 * @example
 * requiredText(TEXT_LIMITS.reason); // a decline's reason, as the hub checks it
 */
export const TEXT_LIMITS = {
  /** Why a nomination is declined, withdrawn or moved back, a booking moved or a consent withdrawn. */
  reason: 300,
  /** Where a declined pair was referred instead. */
  referral: 500,
  /** A coordinator's note about a nomination. */
  nominationNote: 1000,
  /** A short note from a call a musician asked for in a debrief. */
  callNote: 300,
  /** The version of the privacy notice a consent was given under. */
  noticeVersion: 40,
  /** What was hard at a concert, in a musician's debrief. */
  debriefHard: 500,
  /** A musician's free note in a debrief. */
  debriefNote: 1000,
} as const;

/**
 * How long the hub keeps what by default, in days; the operator may set each period (see the
 * hub's `RetentionPolicy`). A closed nomination for a year (a pair that said no may be nominated
 * again, and the coordinator should see that), 30 days after a withdrawal (time to undo a mistake
 * and to tell the musician), tablet records for three years (reports to funders cover a
 * programme's grant period), enrolment codes for 30 days after they expire, the log of finished
 * webhook deliveries for 90 days (long enough for a partner's questions about a missed event).
 *
 * @example
 * `erased ${DEFAULT_RETENTION_DAYS.withdrawnConsentDays} days after the withdrawal`;
 */
export const DEFAULT_RETENTION_DAYS = {
  /** Declined or withdrawn nominations, counted from their last change. */
  closedNominationDays: 365,
  /** After the host withdraws consent. */
  withdrawnConsentDays: 30,
  /** Sealed feedback and musicians' debriefs, counted from their receipt. */
  deviceRecordDays: 1095,
  /** Enrolment codes, counted from their expiry. */
  enrolmentCodeDays: 30,
  /** Finished webhook deliveries (delivered, or failed for good) with their attempts, counted from when they finished. */
  webhookDeliveryDays: 90,
} as const;
