// `@stue/core/client`: the HTTP clients of the hub's API (nominations, devices, partners,
// coordinators) and the partner's webhook check. The errors they throw are in the main entry.
export {
  getNominationStatus,
  submitNomination,
  type ClientOptions,
  type SubmitResult,
} from './http/client.js';
export { submitNominationLight } from './http/submit-light.js';
export type { RequestOptions } from './http/request.js';
export {
  enrolDevice,
  getDeviceBookings,
  type DeviceBooking,
  type DeviceClientOptions,
  type DeviceDay,
  type Enrolment,
} from './http/device-client.js';
export {
  deviceBookingSchema,
  deviceDaySchema,
  deviceRecordReceiptSchema,
  enrolledDeviceListSchema,
  enrolledDeviceSchema,
  enrolmentCodeSchema,
  enrolmentSchema,
  type DeviceRecordReceipt,
  type EnrolledDevice,
  type EnrolmentCode,
} from './schemas/device-answers.js';
export {
  getPartnerNomination,
  getPartnerReport,
  listPartnerNominations,
  listWebhookDeliveries,
  listWebhooks,
  registerWebhook,
  removeWebhook,
  type CreatedWebhookEndpoint,
  type PartnerNomination,
  type PartnerNominationDetail,
  type PartnerNominationFilter,
  type PartnerNominationPage,
  type SecretKeyOptions,
  type WebhookDelivery,
  type WebhookDeliveryFilter,
  type WebhookDeliveryPage,
  type WebhookEndpoint,
} from './http/partner-client.js';
export {
  createdPartnerKeySchema,
  createdWebhookEndpointSchema,
  partnerHistoryEntrySchema,
  partnerKeySummarySchema,
  partnerListSchema,
  partnerNominationDetailSchema,
  partnerNominationPageSchema,
  partnerNominationSchema,
  partnersWebhookDeliveryPageSchema,
  partnersWebhookEndpointListSchema,
  WEBHOOK_ATTEMPT_ERRORS,
  WEBHOOK_DELIVERY_STATUSES,
  webhookDeliveryPageSchema,
  webhookDeliverySchema,
  webhookEndpointListSchema,
  webhookEndpointSchema,
  type CreatedPartnerKey,
  type PartnerKeySummary,
  type PartnerWithKeys,
  type WebhookAttemptError,
} from './schemas/partner-answers.js';
export {
  StueWebhookError,
  verifyWebhook,
  type VerifyWebhookOptions,
  type WebhookErrorCode,
  type WebhookHeaders,
} from './webhooks/verify.js';
export {
  getSession,
  listNominations,
  signIn,
  signOut,
  type CoordinatorSession,
  type NominationFilter,
  type NominationPage,
} from './http/coordinator-client.js';
