import type { CancelledAtDoorReason, Lang, ResponseRole, TabletConsent } from '@stue/core';
import type { DeviceBooking, DeviceProgramme } from '@stue/core/client';
import type { HubPublicKeyJwk } from '@stue/core/sealing';

/** What the tablet keeps from its enrolment: who it belongs to and how it talks to the hub. */
export interface Enrolment {
  deviceId: string;
  deviceName: string;
  /** The device token (`dt_…`): revocable by a coordinator. */
  token: string;
  musician: { id: string; name: string };
  /** The only key the tablet holds: it can seal to it, never open. */
  hubPublicKey: HubPublicKeyJwk;
  enrolledAt: string;
}

/**
 * One of the musician's concerts as `GET /api/v1/device/bookings` gives it: core's answer type,
 * so a field the hub renames fails the kiosk's typecheck too.
 */
export type DayBooking = DeviceBooking;

/** The day's concerts as last fetched, kept for offline use. */
export interface DayCache {
  /** The hub's date for them (YYYY-MM-DD). */
  date: string;
  /** When they were fetched, by the tablet's clock: for display only. */
  fetchedAt: number;
  items: DayBooking[];
  /**
   * What the tablet needs of the concerts' programmes (notice version, contact, instrument).
   * Missing from a day kept before the hub sent them: the tablet then uses its own words until
   * the day is fetched again. The `meta` store holds any value, so no store version changes.
   */
  programmes?: DeviceProgramme[];
}

/**
 * The tablet's last successful sending, kept across restarts: when the last record reached Stue
 * (epoch ms), and how many records reached it in that sending (records a few minutes apart).
 */
export interface LastSend {
  at: number;
  count: number;
}

/** Records that reached Stue within this long of each other count as one sending. */
export const ONE_SENDING_MS = 5 * 60_000;

/** What happened per concert on this tablet: counts only, never answers. */
export interface ConcertProgress {
  responses: number;
  debrief: boolean;
  /** Who has answered for the concert today (roles, never answers), across sessions. */
  answered?: ResponseRole[];
  /** Set once the musician reported the concert cancelled at the door (and it was queued). */
  cancelledAtDoor?: CancelledAtDoorReason;
}

/** Where a household's feedback session stands, so a reload comes back to it. */
export interface Household {
  bookingId: string;
  lang: Lang;
  /** `consent`: asking the pair whether their answers may be kept (before anyone answers). */
  stage: 'hand-over' | 'consent' | 'who' | 'respondent' | 'thanks';
  /** The roles that have finished, so the pair sees who is left; never what they answered. */
  answered: ResponseRole[];
  /** The draft of the respondent answering now (its response id). */
  respondentId?: string;
  /** The pair's yes to keeping their answers, given on this tablet; sent with every response. */
  consent?: TabletConsent;
}

/** A musician PIN as stored: a PBKDF2 hash, never the PIN. */
export interface PinRecord {
  algorithm: 'PBKDF2-SHA-256';
  iterations: number;
  /** base64 */
  salt: string;
  /** base64 */
  hash: string;
}
