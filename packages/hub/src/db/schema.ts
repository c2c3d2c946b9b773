import type { ColumnType, Generated } from 'kysely';

/** The hub's tables, as Kysely sees them. Timestamps are ISO 8601 strings in UTC, set by the hub. */
export interface Database {
  partners: PartnersTable;
  partner_keys: PartnerKeysTable;
  nominations: NominationsTable;
  audit_events: AuditEventsTable;
  coordinators: CoordinatorsTable;
  sessions: SessionsTable;
  musicians: MusiciansTable;
  tour_days: TourDaysTable;
  bookings: BookingsTable;
  devices: DevicesTable;
  enrolment_codes: EnrolmentCodesTable;
  device_records: DeviceRecordsTable;
  debrief_calls: DebriefCallsTable;
  nomination_notes: NominationNotesTable;
  consents: ConsentsTable;
  erasures: ErasuresTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  storage_probe: StorageProbeTable;
  programmes: ProgrammesTable;
  programme_versions: ProgrammeVersionsTable;
}

export interface PartnersTable {
  id: string;
  name: string;
  /** `visit-service`, `municipality`, `venue` or `other`. */
  kind: string;
  /** JSON array of allowed browser origins; `http://127.0.0.1:*` allows any port. */
  allowed_origins: string;
  created_at: string;
}

export interface PartnerKeysTable {
  id: string;
  partner_id: string;
  /** `publishable` (browsers: create nominations, read their status) or `secret`. */
  kind: string;
  /** SHA-256 of the key, hex: the key itself is never stored. */
  key_hash: string;
  /** The key's first characters (`sk_AbCdEfGh`) to tell keys apart; null for keys made before. */
  prefix: string | null;
  created_at: string;
  revoked_at: string | null;
}

export interface NominationsTable {
  /** The client-generated UUIDv7: the dedupe key for replays. */
  id: string;
  partner_id: string;
  reference: string;
  status: string;
  schema_version: number;
  /** The validated, normalised nomination as JSON. */
  body: string;
  /** SHA-256 of the canonical body: an identical replay has the same hash. */
  body_hash: string;
  received_at: string;
  updated_at: string;
  /**
   * When the host withdrew consent to be contacted: the nomination is left out of every list and
   * tablet, and retention erases it after its period. Null while it is visible (and when left out
   * of an insert).
   */
  hidden_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: string;
  /** Who acted, e.g. `partner-key:<key id>`; never a person's name. */
  actor: string;
  entity: string;
  entity_id: string;
  action: string;
  reason: string | null;
  /** JSON object of facts the move keeps (statuses, a referral, old and new start), or null. */
  details: string | null;
}

export interface CoordinatorsTable {
  id: string;
  /** Lower-cased; the login name. */
  email: string;
  name: string;
  /** `scrypt$N$r$p$salt$hash`, base64url parts. */
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
  /** The number to reach them on, E.164 (`+4533123456`), or null when none was given. */
  phone: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the session cookie's value: a stolen database holds no usable session. */
  token_hash: string;
  coordinator_id: string;
  /** Sent back in `X-CSRF-Token` on every cookie-authenticated write. */
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

export interface MusiciansTable {
  id: string;
  name: string;
  /** 1 while the musician tours; 0 keeps their history without offering them for bookings. */
  active: number;
  /** The stored musician record (`musicianSchema`) as JSON. */
  body: string;
  created_at: string;
  updated_at: string;
}

export interface TourDaysTable {
  id: string;
  musician_id: string;
  /** `YYYY-MM-DD`. */
  date: string;
  base_municipality_code: string;
  /** The stored tour day (`tourDaySchema`) as JSON. */
  body: string;
  created_at: string;
  updated_at: string;
}

export interface BookingsTable {
  id: string;
  nomination_id: string;
  tour_day_id: string;
  /** Local start time on the tour day, `YYYY-MM-DDTHH:MM`. */
  start: string;
  /** One of `BOOKING_STATUSES`. */
  status: string;
  /** The one coordinator the pair deals with for this booking. */
  contact_coordinator_id: string;
  /** The stored booking (`bookingSchema`), with its reschedule history, as JSON. */
  body: string;
  created_at: string;
  updated_at: string;
}

export interface DevicesTable {
  id: string;
  /** The musician who carries the tablet; it sees that musician's bookings only. */
  musician_id: string;
  name: string;
  /** SHA-256 of the device token; the token itself is shown once, at enrolment. */
  token_hash: string;
  enrolled_at: string;
  revoked_at: string | null;
  /** The highest device sequence number received, to notice gaps (a wiped tablet). */
  last_seq: number;
  last_seen_at: string | null;
  /**
   * When the tablet last sent a new record under a sequence number at or below `last_seq` — it
   * may have been restored from a backup or cloned. Null until then (and when left out of an
   * insert).
   */
  sequence_reused_at: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface EnrolmentCodesTable {
  /** SHA-256 of the one-time code. */
  code_hash: string;
  musician_id: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface DeviceRecordsTable {
  /** The record's client id (UUIDv7): the dedupe key for replays. */
  id: string;
  device_id: string;
  /** `feedback-response` (sealed), `musician-debrief` or `booking-cancelled-at-door`. */
  kind: string;
  device_seq: number;
  booking_id: string | null;
  /** The record as the device sent it: a sealed envelope for feedback. */
  body: string;
  body_hash: string;
  received_at: string;
}

export interface DebriefCallsTable {
  /** The debrief (a `musician-debrief` device record) whose musician asked for a call. */
  debrief_id: string;
  /** When a coordinator marked the call as made. */
  done_at: string;
  /** The coordinator's id. */
  done_by: string;
  /** A short note from the call (no health details, no CPR numbers), or null. */
  note: string | null;
}

/** A coordinator's note about a nomination (migration `0008_nomination_notes`). */
export interface NominationNotesTable {
  /** The client's id (UUIDv7): a resend is a replay. */
  id: string;
  nomination_id: string;
  /** Trimmed, at most 1,000 characters, no CPR numbers. */
  text: string;
  /** The coordinator who wrote it. */
  created_by: string;
  created_at: string;
}

export interface ConsentsTable {
  id: string;
  nomination_id: string;
  /** Whose consent: `host` or `visiting-friend` of the nomination. */
  person: string;
  /** Through whom it was given (`CONSENT_VIA`), e.g. `visiting-friend`, or `tablet`: on the musician's tablet before the first question. */
  given_via: string;
  /** When the person said yes, as the sender recorded it. */
  given_at: string;
  /** The version of the privacy notice the person was shown. */
  notice_version: string;
  /** What it allows: one of `CONSENT_SCOPES` of `@stue/core` (`nomination-contact`, `feedback`, `quote`). */
  scope: string;
  /** When the hub recorded it, and who (`partner-key:…`, `coordinator:…`). */
  recorded_at: string;
  recorded_by: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

/**
 * The re-erase list: ids of records erased with their person, so that nothing about them is
 * accepted again and a restored backup loses them again. No personal data.
 */
export interface ErasuresTable {
  /** The erased record's id. */
  id: string;
  /** `nomination` or `booking`. */
  kind: string;
  /** The erasure it was part of: every id erased together shares it. */
  erasure_id: string;
  erased_at: string;
}

export interface WebhookEndpointsTable {
  id: string;
  partner_id: string;
  /** `https://…` (plain `http` to loopback only). */
  url: string;
  /** JSON array of subscribed event types. */
  events: string;
  description: string | null;
  /** `whsec_<base64>`: the hub signs with it, so it is kept, and shown to the partner once. */
  secret: string;
  created_at: string;
  disabled_at: string | null;
}

export interface WebhookDeliveriesTable {
  /** Also the `webhook-id` header: the same on every attempt, so receivers can drop repeats. */
  id: string;
  endpoint_id: string;
  partner_id: string;
  event_type: string;
  /** The exact body sent, `{"type","timestamp","data"}`. */
  payload: string;
  /** `pending`, `delivered` or `failed` (gave up, or the endpoint was removed). */
  status: string;
  attempt_count: number;
  /** When the dispatcher tries next; null once delivered or failed. */
  next_attempt_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface WebhookAttemptsTable {
  id: Generated<number>;
  delivery_id: string;
  attempt: number;
  at: string;
  /** The receiver's HTTP status, or null when there was no answer. */
  status_code: number | null;
  /** `timeout`, `network`, `blocked_address`, `redirect` or `http_status`; null on success. */
  error: string | null;
  duration_ms: number;
}

/** Always empty: a write tried there tells whether space has returned (db/storage.ts). */
export interface StorageProbeTable {
  id: string;
  filler: string;
}

/** A programme: its slug, fixed for good; what it says is in its versions. */
export interface ProgrammesTable {
  id: string;
  slug: string;
  created_at: string;
}

/** One version of a programme, kept for good: consents name the version their words came from. */
export interface ProgrammeVersionsTable {
  programme_id: string;
  /** 1, 2, 3 … per programme. */
  version: number;
  /** JSON of core's `ProgrammeContent`. */
  body: string;
  created_at: string;
  /** The audit actor who wrote it (`coordinator:<id>`, `system:demo`). */
  created_by: string;
}
