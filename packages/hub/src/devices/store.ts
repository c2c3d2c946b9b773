import { createHash, randomBytes, randomInt } from 'node:crypto';
import { newId, tabletConsentPersons, type TabletConsent } from '@stue/core';
import type { EnrolledDevice, EnrolmentCode } from '@stue/core/client';
import type { HubDatabase } from '../db/database.js';
import { canonicalJson } from '../internal/canonical-json.js';
import { isPostgres, isUniqueViolation } from '../db/database.js';
import { hasRow } from '../db/rows.js';
import { hasConsent, writeTabletConsent } from '../consents/index.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

// Crockford's base 32 without I, L, O, U: a code read off a screen or over the phone is hard to
// mistype.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** How long an enrolment code can be used: a day, so it can be given out at the morning call. */
export const ENROLMENT_CODE_HOURS = 24;

/** A device as the API shows it. */
export interface Device {
  id: string;
  musicianId: string;
  name: string;
}

/** Normalises a typed enrolment code: upper case, no spaces or dashes, easily confused letters fixed. */
export function normaliseEnrolmentCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
}

/**
 * Makes a one-time enrolment code for a musician's tablet, or `undefined` when the musician
 * does not exist. Only the code's hash is stored.
 */
export async function createEnrolmentCode(
  db: HubDatabase,
  musicianId: string,
  /** Who asks: `coordinator:<id>`, or `cli` for `stue-hub enrolment-code create`. */
  actor: string,
): Promise<EnrolmentCode | undefined> {
  if (!(await hasRow(db, 'musicians', musicianId))) return undefined;
  const raw = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(32)]).join('');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + ENROLMENT_CODE_HOURS * 3_600_000).toISOString();
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('enrolment_codes')
      .values({
        code_hash: sha256(raw),
        musician_id: musicianId,
        created_by: actor,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        used_at: null,
      })
      .execute();
    await audit(tx, now, actor, 'musician', musicianId, 'enrolment-code-created');
  });
  return { code: `${raw.slice(0, 4)}-${raw.slice(4)}`, expiresAt };
}

/**
 * Enrols a tablet with a one-time code: returns the new device and its token (shown once), or
 * `undefined` when the code is unknown, used or expired. Using the code and creating the device
 * commit together, so a code can never enrol two tablets.
 */
export async function enrolDevice(db: HubDatabase, code: string, name: string) {
  const now = new Date();
  const token = `dt_${randomBytes(32).toString('base64url')}`;
  try {
    return await db.transaction().execute(async (tx) => {
      const used = await tx
        .updateTable('enrolment_codes')
        .set({ used_at: now.toISOString() })
        .where('code_hash', '=', sha256(normaliseEnrolmentCode(code)))
        .where('used_at', 'is', null)
        .where('expires_at', '>', now.toISOString())
        .returning('musician_id')
        .executeTakeFirst();
      if (!used) return undefined;
      const musician = await tx
        .selectFrom('musicians')
        .select(['id', 'name'])
        .where('id', '=', used.musician_id)
        .executeTakeFirstOrThrow();
      const id = newId();
      await tx
        .insertInto('devices')
        .values({
          id,
          musician_id: musician.id,
          name,
          token_hash: sha256(token),
          enrolled_at: now.toISOString(),
          revoked_at: null,
          last_seq: 0,
          last_seen_at: null,
        })
        .execute();
      await audit(tx, now, `device:${id}`, 'device', id, 'enrolled');
      return { device: { id, musicianId: musician.id, name }, token, musician };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return undefined;
    throw error;
  }
}

/** The unrevoked device behind a token, or `undefined`. */
export async function findDevice(db: HubDatabase, token: string): Promise<Device | undefined> {
  const row = await db
    .selectFrom('devices')
    .select(['id', 'musician_id', 'name'])
    .where('token_hash', '=', sha256(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return row && { id: row.id, musicianId: row.musician_id, name: row.name };
}

/**
 * Every enrolled tablet, newest first, for coordinators, with `sequenceReusedAt` when it last sent
 * a new record under a sequence number it had used before or an earlier one (restored or cloned).
 */
export async function listDevices(db: HubDatabase): Promise<EnrolledDevice[]> {
  const rows = await db
    .selectFrom('devices')
    .innerJoin('musicians', 'musicians.id', 'devices.musician_id')
    .select([
      'devices.id',
      'devices.name',
      'devices.enrolled_at',
      'devices.revoked_at',
      'devices.last_seen_at',
      'devices.last_seq',
      'devices.sequence_reused_at',
      'musicians.id as musicianId',
      'musicians.name as musicianName',
    ])
    .orderBy('devices.enrolled_at', 'desc')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    musician: { id: row.musicianId, name: row.musicianName },
    enrolledAt: row.enrolled_at,
    revokedAt: row.revoked_at,
    lastSeenAt: row.last_seen_at,
    lastSequence: Number(row.last_seq),
    sequenceReusedAt: row.sequence_reused_at,
  }));
}

/** Revokes a tablet's token at once; `false` when there is no such device. */
export async function revokeDevice(db: HubDatabase, id: string, coordinatorId: string) {
  const now = new Date();
  return db.transaction().execute(async (tx) => {
    const result = await tx
      .updateTable('devices')
      .set({ revoked_at: now.toISOString() })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    const changed = Number(result.numUpdatedRows) > 0;
    if (changed) await audit(tx, now, `coordinator:${coordinatorId}`, 'device', id, 'revoked');
    return hasRow(tx, 'devices', id);
  });
}

async function audit(
  tx: HubDatabase,
  at: Date,
  actor: string,
  entity: string,
  entityId: string,
  action: string,
  reason: string | null = null,
) {
  await tx
    .insertInto('audit_events')
    .values({ at: at.toISOString(), actor, entity, entity_id: entityId, action, reason })
    .execute();
}

/** Whether the host's `feedback` consent was given once and withdrawn. */
async function hadConsent(tx: HubDatabase, nominationId: string): Promise<boolean> {
  const row = await tx
    .selectFrom('consents')
    .select('id')
    .where('nomination_id', '=', nominationId)
    .where('person', '=', 'host')
    .where('scope', '=', 'feedback')
    .where('withdrawn_at', 'is not', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** A record a device sends under the sync protocol. */
export interface DeviceRecord {
  id: string;
  deviceSeq: number;
  kind: 'feedback-response' | 'musician-debrief' | 'booking-cancelled-at-door';
  bookingId: string | null;
  /** The record as it should be stored (a sealed envelope for feedback). */
  body: unknown;
  /**
   * Feedback only: the pair's yes to keeping their answers, given on the tablet. Not part of the
   * stored body; recorded as `feedback` consent when the host's is not on record yet.
   */
  consent?: TabletConsent;
}

/**
 * The outcome of receiving a device record: `erased` when its booking's people were erased,
 * `no-consent` when it is feedback about a booking whose host has withdrawn consent to feedback.
 */
export type DeviceReceiveOutcome =
  'created' | 'replayed' | 'conflict' | 'erased' | 'no-consent' | 'not-found';

/**
 * Stores a device's record once (RELIABILITY.md sync protocol): the same id and body again is a
 * replay; the same id with another body, or from another device, is a conflict. A sequence
 * number that skips ahead is logged as a gap (a wiped or restored tablet), and a new record under
 * a number at or below the highest one is kept, logged (`sequence-reused`) and flagged on the
 * device (a restored or cloned tablet: RELIABILITY.md F12); the record, its
 * dedupe key and its audit entry commit in one transaction, in the hub's own receive time.
 * Nothing is accepted about an erased booking, about a booking the hub does not know or another
 * musician plays (`not-found`), nor feedback without the host's consent to it: on record, or
 * given on the tablet with the record (`consent`, recorded then, in the same transaction, once).
 *
 * `apply` is what a new record does besides being kept (a booking cancelled at the door): it runs
 * in the same transaction, only the first time, and whatever it throws rolls the record back too.
 */
export async function receiveDeviceRecord(
  db: HubDatabase,
  device: Device,
  record: DeviceRecord,
  apply?: (tx: HubDatabase, now: Date) => Promise<void>,
): Promise<DeviceReceiveOutcome> {
  const body = canonicalJson(record.body);
  const bodyHash = sha256(body);
  const attempt = () =>
    db.transaction().execute(async (tx): Promise<DeviceReceiveOutcome> => {
      let newConsent: { nominationId: string; consent: TabletConsent } | undefined;
      if (record.bookingId !== null) {
        // Shares the booking row with an erasure running at the same moment (PostgreSQL): either
        // this record lands first and the erasure deletes it, or the booking is gone and listed.
        const booking = await tx
          .selectFrom('bookings')
          .innerJoin('tour_days', 'tour_days.id', 'bookings.tour_day_id')
          .select(['bookings.nomination_id', 'tour_days.musician_id'])
          .where('bookings.id', '=', record.bookingId)
          .$if(isPostgres(db as never), (q) => q.forShare())
          .executeTakeFirst();
        if (!booking) {
          return (await hasRow(tx, 'erasures', record.bookingId)) ? 'erased' : 'not-found';
        }
        // A tablet speaks for its own musician's concerts only.
        if (booking.musician_id !== device.musicianId) return 'not-found';
        if (
          record.kind === 'feedback-response' &&
          !(await hasConsent(tx, booking.nomination_id, 'feedback'))
        ) {
          // The host's yes, given on the tablet, lets the answers in; someone else's does not, and
          // nor does one after the host took theirs back (a coordinator records a new one).
          if (
            !record.consent ||
            !tabletConsentPersons(record.consent.agreedBy).includes('host') ||
            (await hadConsent(tx, booking.nomination_id))
          ) {
            return 'no-consent';
          }
          newConsent = { nominationId: booking.nomination_id, consent: record.consent };
        }
      }
      const existing = await tx
        .selectFrom('device_records')
        .select(['device_id', 'body_hash'])
        .where('id', '=', record.id)
        .executeTakeFirst();
      if (existing) {
        return existing.device_id === device.id && existing.body_hash === bodyHash
          ? 'replayed'
          : 'conflict';
      }
      const now = new Date();
      if (newConsent) {
        const { nominationId, consent } = newConsent;
        // Two of the pair's records at once (PostgreSQL): the second waits here, then finds the
        // first one's consent and records none.
        await tx
          .selectFrom('nominations')
          .select('id')
          .where('id', '=', nominationId)
          .$if(isPostgres(db as never), (q) => q.forUpdate())
          .executeTakeFirst();
        if (!(await hasConsent(tx, nominationId, 'feedback'))) {
          await writeTabletConsent(
            tx,
            nominationId,
            consent,
            `device:${device.id}`,
            now.toISOString(),
          );
        }
      }
      await tx
        .insertInto('device_records')
        .values({
          id: record.id,
          device_id: device.id,
          kind: record.kind,
          device_seq: record.deviceSeq,
          booking_id: record.bookingId,
          body,
          body_hash: bodyHash,
          received_at: now.toISOString(),
        })
        .execute();
      const { last_seq: last } = await tx
        .selectFrom('devices')
        .select('last_seq')
        .where('id', '=', device.id)
        .executeTakeFirstOrThrow();
      const lastSeq = Number(last);
      // What the tablet's numbering tells about it, audited under the tablet's own name.
      const auditSequence = (action: 'sequence-gap' | 'sequence-reused', reason: string) =>
        audit(tx, now, `device:${device.id}`, 'device', device.id, action, reason);
      if (record.deviceSeq > lastSeq + 1) {
        await auditSequence('sequence-gap', `missing ${lastSeq + 1}–${record.deviceSeq - 1}`);
      }
      // A new record (a replay was answered above) under a number at or below the highest: the
      // tablet's store went back in time (a restored backup) or another tablet shares its token
      // (a copy). Kept — the record is real — but audited and flagged to the coordinators.
      const reused = record.deviceSeq <= lastSeq;
      if (reused) await auditSequence('sequence-reused', `${record.deviceSeq} after ${lastSeq}`);
      await tx
        .updateTable('devices')
        .set({
          last_seq: Math.max(lastSeq, record.deviceSeq),
          last_seen_at: now.toISOString(),
          ...(reused ? { sequence_reused_at: now.toISOString() } : {}),
        })
        .where('id', '=', device.id)
        .execute();
      await audit(tx, now, `device:${device.id}`, record.kind, record.id, 'received');
      await apply?.(tx, now);
      return 'created';
    });
  try {
    return await attempt();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return attempt();
  }
}
