// `@stue/core`: what every part of Stue shares: ids, text limits, errors, schemas and their
// validation messages, vocabularies, the lifecycles, geography, programmes, feedback records and
// Danish time. The HTTP clients, the scheduler, reports, sealing and the outbox each have their own
// entry (`@stue/core/client`, `/scheduler`, `/reports`, `/sealing`, `/sync`; the browser store is
// `/idb`), so a page loads what it uses and the main entry stays a short list.
export { newId, isUuidV7, UUID_V7_PATTERN } from './ids.js';
export { DEFAULT_RETENTION_DAYS, TEXT_LIMITS } from './limits.js';
export {
  freeText,
  MAX_NAME_LENGTH,
  noCprNumber,
  normaliseDanishPhone,
  normalisePhone,
  readablePhone,
  requiredText,
} from './schemas/fields.js';
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
  ALL_CATALOGUES,
  ISSUE_CODES,
  LANGS,
  issueMessage,
  messageIn,
  type IssueCode,
  type Lang,
} from './validation/messages.js';
export { validate, validateIn, type Issue, type ValidationResult } from './validation/validate.js';
export type { Catalogue } from './validation/catalogue/types.js';
export { nominationIssueMessage, validateNomination } from './validation/nomination.js';
export { validateNominationLight } from './validation/nomination-light.js';
export { nominationFormMessage } from './validation/catalogue/nomination-form.js';
export { useJitlessValidation } from './validation/jitless.js';
export {
  API_ERROR_CODES,
  apiErrorSchema,
  type ApiErrorBody,
  type ApiErrorCode,
} from './http/api-error.js';
export {
  isRetryable,
  StueError,
  StueHttpError,
  StueNetworkError,
  StueValidationError,
  type StueHttpErrorCode,
} from './errors.js';
export {
  MAX_WEBHOOK_ENDPOINTS,
  WEBHOOK_EVENTS,
  webhookEndpointInputSchema,
  webhookEventSchema,
  type BookingEventData,
  type NominationStatusChangedData,
  type WebhookEndpointInput,
  type WebhookEvent,
  type WebhookEventType,
} from './webhooks/events.js';
export { addressKind, webhookUrlProblem, type AddressKind } from './webhooks/addresses.js';
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
  municipalityNamed,
  municipalityNames,
  searchMunicipalityNames,
} from './geo/municipality-names.js';
export {
  CRITERION_KINDS,
  criterionSchema,
  DEFAULT_PROGRAMME,
  DEFAULT_SCREENING_QUESTIONS,
  DEFAULT_PROGRAMME_ID,
  formatSchema,
  PROGRAMME_SCHEMA_VERSION,
  programmeSchema,
  SCREENING_ANSWERS,
  screeningAnswerSchema,
  screeningWording,
  type Criterion,
  type CriterionKind,
  type LocalisedText,
  type Programme,
  type ProgrammeFormat,
  type ScreeningAnswer,
  type ScreeningQuestion,
  type ScreeningWording,
} from './programme/programme.js';
export {
  devicePartOf,
  FEEDBACK_CONSENT_PLACES,
  noticeVersionOf,
  programmeContentSchema,
  programmeDetailSchema,
  programmeInputSchema,
  programmeListSchema,
  programmePublicSchema,
  programmeSlugSchema,
  programmeVersionSchema,
  publicPartOf,
  VISIT_FORMAT_KINDS,
  type FeedbackConsentPlace,
  type ProgrammeContent,
  type ProgrammeContentInput,
  type ProgrammeDetail,
  type ProgrammeInput,
  type ProgrammePublic,
  type ProgrammeVersion,
  type VisitFormatKind,
} from './programme/record.js';
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
export { containsCprNumber, normaliseForCprCheck } from './schemas/cpr.js';
export {
  ACCESS_NEEDS,
  CONSENT_PERSONS,
  CONSENT_SCOPES,
  MUSIC_GENRES,
  TIMES_OF_DAY,
  VISIT_LANGUAGES,
  visitLanguageName,
  WEEKDAYS,
  type AccessNeed,
  type ConsentPerson,
  type ConsentScope,
  type MusicGenre,
  type TimeOfDay,
  type VisitLanguage,
  type Weekday,
} from './schemas/vocabulary.js';
export {
  FEEDBACK_CONSENT_STATES,
  TABLET_CONSENT_BY,
  TABLET_NOTICE_VERSION,
  tabletConsentPersons,
  tabletConsentSchema,
  type FeedbackConsentState,
  type TabletConsent,
  type TabletConsentBy,
} from './schemas/tablet-consent.js';
export {
  accessSchema,
  CONSENT_VIA,
  CONSENT_CLOCK_SKEW_MS,
  consentSchema,
  isConsentInFuture,
  MAX_EXTRA_GUESTS,
  NOMINATION_V2_SCHEMA_VERSION,
  nominationV2Schema,
  preferencesSchema,
  screeningSchema,
  storedNominationSchema,
  type AccessNeeds,
  type Consent,
  type ConsentVia,
  type NominationV2,
  type NominationV2Input,
  type Preferences,
  type StoredNomination,
} from './schemas/nomination-v2.js';
export {
  normaliseAllowedOrigin,
  PARTNER_KINDS,
  PARTNER_SCHEMA_VERSION,
  partnerInputSchema,
  partnerSchema,
  type Partner,
  type PartnerInput,
  type PartnerKind,
} from './schemas/partner.js';
export {
  MUSICIAN_SCHEMA_VERSION,
  musicianInputSchema,
  musicianSchema,
  type Musician,
  type MusicianInput,
} from './schemas/musician.js';
export {
  DEFAULT_BUFFER_MINUTES,
  DEFAULT_CONCERT_MINUTES,
  DEFAULT_MAX_CONCERTS,
  TOUR_DAY_SCHEMA_VERSION,
  tourDayInputSchema,
  tourDaySchema,
  type TourDay,
  type TourDayInput,
} from './schemas/tour-day.js';
export {
  BOOKING_SCHEMA_VERSION,
  bookingInputSchema,
  bookingSchema,
  rescheduleSchema,
  type Booking,
  type BookingInput,
  type Reschedule,
} from './schemas/booking.js';
export {
  NOMINATION_VERSIONS,
  olderVersion,
  readNomination,
  readVersioned,
  upgradeNominationV1,
  type OlderVersion,
  type ReadOptions,
  type RecordVersions,
  type UpgradeContext,
  type UpgradeResult,
} from './schemas/versioning.js';
export {
  exampleBookingInput,
  exampleMusicianInput,
  exampleNominationV2,
  examplePartnerInput,
  exampleReportRow,
  exampleTourDayInput,
} from './schemas/examples.js';
// Plain values first, from modules with no schema behind them (a first screen can use them
// without loading zod).
export {
  isRespondent,
  questionsFor,
  RESPONDENT_ROLES,
  RESPONSE_ROLES,
  type RespondentRole,
  type ResponseRole,
} from './feedback/roles.js';
export {
  CANCELLED_AT_DOOR_SCHEMA_VERSION,
  FEEDBACK_RESPONSE_SCHEMA_VERSION,
  MUSICIAN_DEBRIEF_SCHEMA_VERSION,
} from './feedback/versions.js';
export {
  FEEDBACK_INSTRUMENT_SCHEMA_VERSION,
  feedbackInstrumentSchema,
  QUESTION_KINDS,
  type FeedbackInstrument,
  type FeedbackOption,
  type FeedbackQuestion,
  type QuestionKind,
} from './feedback/instrument.js';
export {
  DEFAULT_INSTRUMENT,
  DEFAULT_PICTOGRAMS,
  type DefaultPictogram,
} from './feedback/default-instrument.js';
export {
  checkResponse,
  feedbackResponseSchema,
  type FeedbackAnswer,
  type FeedbackResponse,
  type FeedbackResponseInput,
} from './feedback/response.js';
export {
  DEBRIEF_OUTCOMES,
  MUSICIAN_DEBRIEF_TEXTS,
  musicianDebriefSchema,
  musicianDebriefV1Schema,
  musicianDebriefV2Schema,
  MUSICIAN_DEBRIEF_VERSIONS,
  readMusicianDebrief,
  upgradeMusicianDebriefV1,
  upgradeMusicianDebriefV2,
  type DebriefOutcome,
  type MusicianDebrief,
  type MusicianDebriefInput,
  type MusicianDebriefV1,
  type MusicianDebriefV2,
} from './feedback/debrief.js';
export {
  bookingCancelledAtDoorSchema,
  CANCELLED_AT_DOOR_REASONS,
  CANCELLED_AT_DOOR_TEXTS,
  type BookingCancelledAtDoor,
  type BookingCancelledAtDoorInput,
  type CancelledAtDoorReason,
} from './feedback/cancelled-at-door.js';
export {
  allFit,
  insideWindow,
  slotProblem,
  type DayShape,
  type SlotProblem,
  type TakenSlot,
} from './booking/fit.js';
export {
  DANISH_TIME_ZONE,
  addDays,
  danishInstant,
  danishLocal,
  danishToday,
  minutesOfDay,
  type DanishLocal,
} from './time/danish-time.js';
export * from './schemas/answers/index.js';
