export { newId, isUuidV7 } from './ids.js';
export { MAX_NAME_LENGTH, normaliseDanishPhone } from './schemas/fields.js';
export { NOMINATION_STATUSES, type NominationStatus } from './lifecycle/nomination.js';
export {
  NOMINATION_SCHEMA_VERSION,
  NOMINATOR_ROLES,
  nominationReceiptSchema,
  nominationSchema,
  type Nomination,
  type NominationInput,
  type NominationReceipt,
  type NominatorRole,
} from './schemas/nomination.js';
export {
  ISSUE_CODES,
  LANGS,
  issueMessage,
  type IssueCode,
  type Lang,
} from './validation/messages.js';
export { validate, type Issue, type ValidationResult } from './validation/validate.js';
export { useJitlessValidation } from './validation/jitless.js';
export {
  API_ERROR_CODES,
  apiErrorSchema,
  isRetryable,
  StueError,
  StueHttpError,
  StueNetworkError,
  StueValidationError,
  type ApiErrorBody,
  type ApiErrorCode,
} from './http/errors.js';
export {
  getNominationStatus,
  submitNomination,
  type ClientOptions,
  type SubmitResult,
} from './http/client.js';
