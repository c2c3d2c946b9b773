// What other folders may use of consents/ besides its routes and service (ADR 0012):
// the rest of the folder is its own.
export { isErased, throwMissing } from './erased.js';
export {
  consentInFuture,
  consentRecordSchema,
  type ConsentWithdrawal,
  consentWithdrawalSchema,
  hasConsent,
  listConsents,
  recordConsent,
  withdrawConsents,
  writeNominationConsents,
  writeTabletConsent,
} from './store.js';
