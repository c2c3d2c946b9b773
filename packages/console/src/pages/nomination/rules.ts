/** The nomination page's limits and rules, shared by its sections. */
import {
  allowedTransitions,
  DEFAULT_RETENTION_DAYS,
  NOMINATION_MACHINE,
  type NominationStatus,
  StueHttpError,
  TEXT_LIMITS,
} from '@stue/core';
import type { ScreeningAction } from '../../api.js';

/** The most characters the hub keeps of a reason, and of a referral. */
export const MAX_REASON = TEXT_LIMITS.reason;
export const MAX_REFERRAL = TEXT_LIMITS.referral;
/** The most characters the hub keeps of a coordinator's note. */
export const MAX_NOTE = TEXT_LIMITS.nominationNote;
/**
 * The days after a withdrawal before the hub erases the pair, by default. The hub's own setting
 * decides; its answer to the withdrawal gives the actual date.
 */
export const WITHDRAWN_ERASURE_DAYS = DEFAULT_RETENTION_DAYS.withdrawnConsentDays;

export const SCREENING_ACTIONS: readonly ScreeningAction[] = [
  'review',
  'accept',
  'decline',
  'withdraw',
];

/** The screening moves a coordinator can make on a nomination in `status`, in the table's order. */
export function screeningActionsFor(status: NominationStatus): ScreeningAction[] {
  return allowedTransitions(NOMINATION_MACHINE, status)
    .map((move) => move.action)
    .filter((action): action is ScreeningAction =>
      (SCREENING_ACTIONS as readonly string[]).includes(action),
    );
}

export type OpenForm = 'decline' | 'withdraw' | undefined;
export type RightsForm = 'consent-record' | 'consent-withdraw' | 'erase' | undefined;

/** The most characters the hub keeps of a notice version. */
export const MAX_NOTICE_VERSION = TEXT_LIMITS.noticeVersion;

/** The consent form's field for each field of the hub's consent record. */
export const CONSENT_FIELDS: Record<string, string> = {
  person: 'consent-person',
  scope: 'consent-scope',
  via: 'consent-via',
  at: 'consent-at',
  noticeVersion: 'consent-notice',
};

export const isErasedError = (error: unknown) =>
  error instanceof StueHttpError && error.code === 'person_erased';
