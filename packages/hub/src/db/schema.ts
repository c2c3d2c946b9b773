import type { Generated } from 'kysely';

/** The hub's tables, as Kysely sees them. Timestamps are ISO 8601 strings in UTC, set by the hub. */
export interface Database {
  partners: PartnersTable;
  partner_keys: PartnerKeysTable;
  nominations: NominationsTable;
  audit_events: AuditEventsTable;
  coordinators: CoordinatorsTable;
  sessions: SessionsTable;
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
