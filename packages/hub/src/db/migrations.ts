import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { Migrator, type Migration } from 'kysely/migration';
import type { HubDatabase } from './database.js';
import { isPostgres } from './dialect.js';

// Migrations are code, kept in order by name. A migration never drops data that has not been
// exported or erased on purpose.
/** Every migration by name; {@link migrate} applies them in order. */
export const MIGRATIONS: Record<string, Migration> = {
  '0001_nominations': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('partners')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('allowed_origins', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('partner_keys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('key_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema
        .createTable('nominations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
        .addColumn('reference', 'text', (c) => c.notNull().unique())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('schema_version', 'integer', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('body_hash', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('nominations_partner_received')
        .on('nominations')
        .columns(['partner_id', 'received_at'])
        .execute();
      await db.schema
        .createTable('audit_events')
        .$call((t) =>
          isPostgres(db)
            ? t.addColumn('id', 'serial', (c) => c.primaryKey())
            : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
        )
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('entity', 'text', (c) => c.notNull())
        .addColumn('entity_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('reason', 'text')
        .execute();
      await db.schema
        .createIndex('audit_events_entity')
        .on('audit_events')
        .columns(['entity', 'entity_id'])
        .execute();
    },
  },
  '0002_coordinators': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('coordinators')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('coordinator_id', 'text', (c) => c.notNull().references('coordinators.id'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0003_bookings_and_devices': {
    async up(db: Kysely<unknown>) {
      // Each record keeps its validated JSON in `body`; the columns beside it are what queries
      // filter, join and sort on.
      await db.schema
        .createTable('musicians')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('tour_days')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('musician_id', 'text', (c) => c.notNull().references('musicians.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('base_municipality_code', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('tour_days_date').on('tour_days').column('date').execute();
      await db.schema
        .createTable('bookings')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('nomination_id', 'text', (c) => c.notNull().references('nominations.id'))
        .addColumn('tour_day_id', 'text', (c) => c.notNull().references('tour_days.id'))
        .addColumn('start', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('contact_coordinator_id', 'text', (c) =>
          c.notNull().references('coordinators.id'),
        )
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('bookings_tour_day')
        .on('bookings')
        .column('tour_day_id')
        .execute();
      await db.schema
        .createIndex('bookings_nomination')
        .on('bookings')
        .column('nomination_id')
        .execute();
      await db.schema
        .createTable('devices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('musician_id', 'text', (c) => c.notNull().references('musicians.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('enrolled_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_seen_at', 'text')
        .execute();
      await db.schema
        .createTable('enrolment_codes')
        .addColumn('code_hash', 'text', (c) => c.primaryKey())
        .addColumn('musician_id', 'text', (c) => c.notNull().references('musicians.id'))
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema
        .createTable('device_records')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('device_seq', 'integer', (c) => c.notNull())
        .addColumn('booking_id', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('body_hash', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('device_records_booking')
        .on('device_records')
        .column('booking_id')
        .execute();
    },
  },
  '0004_audit_details': {
    async up(db: Kysely<unknown>) {
      // The facts a move keeps besides its reason (the statuses it went between, a decline's
      // referral, a reschedule's old and new start), as JSON.
      await db.schema.alterTable('audit_events').addColumn('details', 'text').execute();
    },
  },
  '0005_data_rights': {
    async up(db: Kysely<unknown>) {
      // Consent as rows of their own, so a withdrawal is a fact with a date and a scope can be
      // withdrawn alone; the re-erase list of erased ids a restore applies again; and the moment
      // a nomination was hidden because its consent was withdrawn.
      await db.schema
        .createTable('consents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('nomination_id', 'text', (c) => c.notNull().references('nominations.id'))
        .addColumn('person', 'text', (c) => c.notNull())
        .addColumn('given_via', 'text', (c) => c.notNull())
        .addColumn('given_at', 'text', (c) => c.notNull())
        .addColumn('notice_version', 'text', (c) => c.notNull())
        .addColumn('scope', 'text', (c) => c.notNull())
        .addColumn('recorded_at', 'text', (c) => c.notNull())
        .addColumn('recorded_by', 'text', (c) => c.notNull())
        .addColumn('withdrawn_at', 'text')
        .addColumn('withdrawn_by', 'text')
        .execute();
      await db.schema
        .createIndex('consents_nomination')
        .on('consents')
        .column('nomination_id')
        .execute();
      await db.schema
        .createTable('erasures')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('erasure_id', 'text', (c) => c.notNull())
        .addColumn('erased_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.alterTable('nominations').addColumn('hidden_at', 'text').execute();
      // Nominations received before consent had rows of its own: their consent record (every
      // stored nomination has one) becomes rows, as a new nomination's does.
      const { rows } = await sql<{
        id: string;
        body: string;
        received_at: string;
      }>`SELECT id, body, received_at FROM nominations`.execute(db);
      for (const row of rows) {
        const { consent } = JSON.parse(row.body) as {
          consent: { via: string; at: string; noticeVersion: string };
        };
        for (const scope of ['nomination-contact', 'feedback']) {
          await sql`INSERT INTO consents (id, nomination_id, person, given_via, given_at,
              notice_version, scope, recorded_at, recorded_by)
            VALUES (${randomUUID()}, ${row.id}, 'host', ${consent.via}, ${consent.at},
              ${consent.noticeVersion}, ${scope}, ${row.received_at}, 'migration:0005')`.execute(
            db,
          );
        }
      }
    },
  },
  '0007_debrief_calls': {
    async up(db: Kysely<unknown>) {
      // A musician who asked for a call in a debrief is an open task until a coordinator has
      // phoned: the debrief stays as it was sent, and the call's outcome is kept beside it.
      await db.schema
        .createTable('debrief_calls')
        .addColumn('debrief_id', 'text', (c) => c.primaryKey().references('device_records.id'))
        .addColumn('done_at', 'text', (c) => c.notNull())
        .addColumn('done_by', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .execute();
      await db.schema
        .createIndex('device_records_kind_received')
        .on('device_records')
        .columns(['kind', 'received_at'])
        .execute();
    },
  },
  '0008_nomination_notes': {
    async up(db: Kysely<unknown>) {
      // Coordinators' short notes about a nomination ("called Tuesday, call again Thursday"):
      // personal data of the pair, erased and exported with the nomination.
      await db.schema
        .createTable('nomination_notes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('nomination_id', 'text', (c) => c.notNull().references('nominations.id'))
        .addColumn('text', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull().references('coordinators.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('nomination_notes_nomination')
        .on('nomination_notes')
        .columns(['nomination_id', 'created_at'])
        .execute();
    },
  },
  '0006_partner_webhooks': {
    async up(db: Kysely<unknown>) {
      // The start of a key (`sk_AbCdEfGh`), so people can tell keys apart in lists; the rest is
      // only ever stored as a hash. Keys made before this have none.
      await db.schema.alterTable('partner_keys').addColumn('prefix', 'text').execute();
      await db.schema
        .createTable('webhook_endpoints')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
        .addColumn('url', 'text', (c) => c.notNull())
        .addColumn('events', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('secret', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('disabled_at', 'text')
        .execute();
      await db.schema
        .createIndex('webhook_endpoints_partner')
        .on('webhook_endpoints')
        .column('partner_id')
        .execute();
      // The outbox: a row per event and endpoint, written in the transaction of the change it
      // reports, and worked off by the dispatcher.
      await db.schema
        .createTable('webhook_deliveries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('endpoint_id', 'text', (c) => c.notNull().references('webhook_endpoints.id'))
        .addColumn('partner_id', 'text', (c) => c.notNull().references('partners.id'))
        .addColumn('event_type', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempt_count', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_due')
        .on('webhook_deliveries')
        .columns(['status', 'next_attempt_at'])
        .execute();
      await db.schema
        .createIndex('webhook_deliveries_partner_created')
        .on('webhook_deliveries')
        .columns(['partner_id', 'created_at'])
        .execute();
      await db.schema
        .createTable('webhook_attempts')
        .$call((t) =>
          isPostgres(db)
            ? t.addColumn('id', 'serial', (c) => c.primaryKey())
            : t.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement()),
        )
        .addColumn('delivery_id', 'text', (c) => c.notNull().references('webhook_deliveries.id'))
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('status_code', 'integer')
        .addColumn('error', 'text')
        .addColumn('duration_ms', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('webhook_attempts_delivery')
        .on('webhook_attempts')
        .column('delivery_id')
        .execute();
    },
  },
  '0009_storage_probe': {
    async up(db: Kysely<unknown>) {
      // Where the hub tries a write after one failed for lack of room, to tell when space has
      // returned (db/storage.ts). Each trial row is deleted in the transaction that wrote it.
      await db.schema
        .createTable('storage_probe')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('filler', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0010_device_sequence_reused': {
    async up(db: Kysely<unknown>) {
      // When a tablet last sent a new record under a sequence number at or below its highest:
      // a restored or cloned tablet, flagged to the coordinators (RELIABILITY.md F12).
      await db.schema.alterTable('devices').addColumn('sequence_reused_at', 'text').execute();
    },
  },
  '0011_programmes': {
    async up(db: Kysely<unknown>) {
      // Programmes and every version of what each says (name, format, data controller, privacy
      // notice, contact, promise, criteria, consents); a version is never changed or deleted.
      await db.schema
        .createTable('programmes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('slug', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('programme_versions')
        .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
        .addColumn('version', 'integer', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('programme_versions_pk', ['programme_id', 'version'])
        .execute();
    },
  },
  '0012_coordinator_phone': {
    async up(db: Kysely<unknown>) {
      // The number a musician or a visiting friend can call the contact coordinator on (E.164).
      await db.schema.alterTable('coordinators').addColumn('phone', 'text').execute();
    },
  },
};

/**
 * Brings the database up to the newest schema; throws if a migration fails. Several hubs may
 * start on one PostgreSQL database at once (an upgrade, a restart of all of them): Kysely's
 * migrator holds a session-level `pg_advisory_lock` while it migrates, in one transaction, so the
 * first applies what is pending and the others wait, then find nothing left to do
 * (`two-hubs.test.ts`). On SQLite one process serves the file.
 */
export async function migrate(db: Kysely<unknown>): Promise<void> {
  // Kysely looks for its own bookkeeping tables across every schema it can see; on PostgreSQL it
  // must be told which one is ours, or a table in another schema would count as ours.
  const migrationTableSchema = isPostgres(db)
    ? (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db)).rows[0]?.schema
    : undefined;
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}

/**
 * SQLite's own check of the database file: `'ok'` when it is sound. PostgreSQL has no
 * equivalent statement (use `pg_amcheck`); this refuses there.
 */
export async function integrityCheck(db: HubDatabase): Promise<string> {
  if (isPostgres(db as Kysely<unknown>)) {
    throw new Error('The integrity check is for SQLite; on PostgreSQL use pg_amcheck.');
  }
  const { rows } = await sql<{ integrity_check: string }>`PRAGMA integrity_check`.execute(db);
  return rows.map((r) => r.integrity_check).join('\n');
}
