import * as z from 'zod/mini';
import { FEEDBACK_CONSENT_STATES } from './tablet-consent.js';

// What the hub answers a kiosk tablet. The hub types its answers with these (so a field renamed
// there fails its typecheck), core's device client parses them, and the hub's OpenAPI document
// is generated from them.

/** What a tablet receives when it enrols (`POST /api/v1/devices/enrol`). */
export const enrolmentSchema = z.object({
  device: z.object({ id: z.string(), musicianId: z.string(), name: z.string() }),
  /** The device token (`dt_…`), shown this once. */
  token: z.string(),
  musician: z.object({ id: z.string(), name: z.string() }),
  // Kept whole (with its `kid`): it is handed to `seal` as it came.
  hubPublicKey: z.looseObject({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: z.string(),
    y: z.string(),
    kid: z.optional(z.string()),
  }),
});
/** What a tablet receives when it enrols: keep the token and the hub's key, nothing else. */
export type Enrolment = z.output<typeof enrolmentSchema>;

/** A concert as the musician's tablet sees it (`GET /api/v1/device/bookings`). */
export const deviceBookingSchema = z.object({
  bookingId: z.string(),
  /** ISO date-time with offset. */
  start: z.string(),
  status: z.string(),
  host: z.object({
    firstName: z.string(),
    municipality: z.nullable(z.string()),
    language: z.string(),
  }),
  visitingFriend: z.object({ firstName: z.string() }),
  access: z.record(z.string(), z.boolean()),
  extraGuests: z.int(),
  musicWishes: z.nullable(z.string()),
  /**
   * Whether the pair's yes to keeping their answers is on record (`given`), or the tablet asks
   * them before the first question (`ask`).
   */
  feedbackConsent: z.enum(FEEDBACK_CONSENT_STATES),
  /**
   * The peers the concert's programme names, other than this tablet's musician: whom the debrief
   * offers beside the coordinator when the musician would like to talk. First names only. Left
   * out by a hub that does not know peers, and in a day a tablet kept from before: none.
   */
  peers: z.optional(z.array(z.object({ id: z.string(), firstName: z.string() }))),
  /**
   * The slug of the programme the concert is for: its part for the tablet is in the day's
   * `programmes`. Left out by hubs from before programmes reached the tablet.
   */
  programme: z.optional(z.string()),
});
/** A concert as the musician's tablet sees it: no phone numbers, nothing from earlier feedback. */
export type DeviceBooking = z.output<typeof deviceBookingSchema>;

const localised = z.object({ da: z.string(), en: z.string() });

/**
 * What a tablet needs of a programme (its newest version) for the concerts of its day: the notice
 * version a yes given on the tablet records, the notice and the data controller it stands for,
 * whom the pair can ask, and which feedback instrument the programme names.
 */
export const deviceProgrammeSchema = z.object({
  slug: z.string(),
  version: z.int(),
  /** `{slug}/{version}`: what a consent given on the tablet records. */
  noticeVersion: z.string(),
  name: localised,
  notice: localised,
  controller: z.object({ name: z.string(), address: z.string(), contact: z.string() }),
  /** Whom the pair can ask: a phone number, an e-mail or both. */
  contact: z.object({ phone: z.optional(z.string()), email: z.optional(z.string()) }),
  feedbackInstrumentId: z.string(),
});
/** A programme as the tablet reads it for the concerts of its day. */
export type DeviceProgramme = z.output<typeof deviceProgrammeSchema>;

/** The tablet's musician's concerts on a day, in time order. */
export const deviceDaySchema = z.object({
  /** The day (`YYYY-MM-DD`): the one asked for, or the hub's today in Denmark. */
  date: z.string(),
  items: z.array(deviceBookingSchema),
  /**
   * The programmes of the day's concerts that the hub holds as records, by slug order. Left out
   * by hubs from before programmes reached the tablet; the tablet then uses its own words.
   */
  programmes: z.optional(z.array(deviceProgrammeSchema)),
});
/** The tablet's musician's concerts on a day. */
export type DeviceDay = z.output<typeof deviceDaySchema>;

/**
 * The hub's answer to a record a tablet sends (feedback, a debrief, a door cancellation): `201`
 * stored, `200` a replay of one it has.
 */
export const deviceRecordReceiptSchema = z.object({
  id: z.string(),
  status: z.literal('received'),
});
/** The hub's answer to a record a tablet sends. */
export type DeviceRecordReceipt = z.output<typeof deviceRecordReceiptSchema>;

// What the hub answers coordinators about tablets.

/** A one-time enrolment code (`POST /api/v1/devices/enrolment-codes`), shown once. */
export const enrolmentCodeSchema = z.object({ code: z.string(), expiresAt: z.string() });
/** A one-time enrolment code, shown once. */
export type EnrolmentCode = z.output<typeof enrolmentCodeSchema>;

/** An enrolled tablet as coordinators see it (`GET /api/v1/devices`). */
export const enrolledDeviceSchema = z.object({
  id: z.string(),
  name: z.string(),
  musician: z.object({ id: z.string(), name: z.string() }),
  enrolledAt: z.string(),
  revokedAt: z.nullable(z.string()),
  lastSeenAt: z.nullable(z.string()),
  /** The highest sequence number received from it. */
  lastSequence: z.int(),
  /** When it last sent a new record under a sequence number it had used (restored or cloned). */
  sequenceReusedAt: z.nullable(z.string()),
});
/** An enrolled tablet as coordinators see it. */
export type EnrolledDevice = z.output<typeof enrolledDeviceSchema>;

/** Every enrolled tablet, newest first. */
export const enrolledDeviceListSchema = z.object({ items: z.array(enrolledDeviceSchema) });
