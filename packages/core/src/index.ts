export { newId, isUuidV7 } from './ids.js';
export { MAX_NAME_LENGTH, normaliseDanishPhone } from './schemas/fields.js';
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
export {
  findMunicipality,
  MUNICIPALITIES,
  MUNICIPALITY_CODES,
  municipalityByCode,
  REGION_CODES,
  REGIONS,
  type Municipality,
  type MunicipalityCode,
  type RegionCode,
} from './geo/municipalities.js';
export {
  ARRIVAL_OVERHEAD_MINUTES,
  AVERAGE_SPEED_KMH,
  crossesWater,
  distanceKm,
  estimateDriveMinutes,
  FERRY_MUNICIPALITY_CODES,
  LOCAL_TRIP_MINUTES,
  ROAD_FACTOR,
  type DriveEstimateOptions,
  type LatLon,
  type Place,
} from './geo/travel.js';
export {
  CRITERION_KINDS,
  criterionSchema,
  DEFAULT_PROGRAMME,
  formatSchema,
  PROGRAMME_SCHEMA_VERSION,
  programmeSchema,
  SCREENING_ANSWERS,
  screeningAnswerSchema,
  type Criterion,
  type CriterionKind,
  type LocalisedText,
  type Programme,
  type ProgrammeFormat,
  type ScreeningAnswer,
} from './programme/programme.js';
export {
  assessEligibility,
  ELIGIBILITY_OUTCOMES,
  type EligibilityAssessment,
  type EligibilityOutcome,
  type EligibilityProgramme,
  type EligibilityReason,
} from './eligibility/eligibility.js';
export {
  ACTOR_KINDS,
  allowedTransitions,
  LIFECYCLE_ERROR_CODES,
  StueLifecycleError,
  transition,
  type Actor,
  type ActorKind,
  type AllowedTransition,
  type AuditEvent,
  type LifecycleErrorCode,
  type Machine,
  type TransitionContext,
  type TransitionResult,
  type TransitionRule,
} from './lifecycle/machine.js';
export {
  NOMINATION_ACTIONS,
  NOMINATION_MACHINE,
  NOMINATION_STATUSES,
  type NominationAction,
  type NominationStatus,
} from './lifecycle/nomination.js';
export {
  BOOKING_ACTIONS,
  BOOKING_MACHINE,
  BOOKING_STATUSES,
  type BookingAction,
  type BookingStatus,
} from './lifecycle/booking.js';
