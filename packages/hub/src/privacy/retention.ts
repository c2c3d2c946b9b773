import { randomUUID } from 'node:crypto';
import { DEFAULT_RETENTION_DAYS } from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import { deletedCount, purgeDeleted } from '../db/purge.js';
import { writeAudit } from '../audit/store.js';
import { erasePerson } from './erasure.js';

/**
 * How long the hub keeps what, in days. Each period counts from the moment the data stopped
 * being needed: a nomination's last change once it was declined or withdrawn, the withdrawal of
 * a consent, the receipt of a tablet record, the expiry of an enrolment code.
 */
export interface RetentionPolicy {
  /** Declined or withdrawn nominations are erased (with their people) this long after their last change. */
  closedNominationDays: number;
  /**
   * After the host withdraws consent: the hidden nomination is erased, or — when only `feedback`
   * was withdrawn — the feedback about its bookings is deleted, this long afterwards.
   */
  withdrawnConsentDays: number;
  /** Sealed feedback and musicians' debriefs are deleted this long after they were received. */
  deviceRecordDays: number;
  /** Enrolment codes are deleted this long after they expired (used or not). */
  enrolmentCodeDays: number;
  /**
   * Webhook deliveries that are finished — delivered, or failed for good — are deleted with their
   * attempts this long after they finished. A delivery still pending is never removed.
   */
  webhookDeliveryDays: number;
}

/**
 * The defaults: a closed nomination for a year (a pair that said no may be nominated again, and
 * the coordinator should see that), 30 days after a withdrawal (time to undo a mistake and to tell
 * the musician), tablet records for three years (reports to funders cover a programme's grant
 * period), enrolment codes for 30 days after they expire, finished webhook deliveries for 90 days
 * (time to answer a partner asking about an event). Expired sessions go at once. The numbers
 * are `DEFAULT_RETENTION_DAYS` in `@stue/core`, so the console announces the same ones.
 */
export const DEFAULT_RETENTION: RetentionPolicy = { ...DEFAULT_RETENTION_DAYS };

/** The environment variable that sets each period. */
export const RETENTION_ENV: Record<keyof RetentionPolicy, string> = {
  closedNominationDays: 'STUE_RETAIN_CLOSED_NOMINATION_DAYS',
  withdrawnConsentDays: 'STUE_RETAIN_WITHDRAWN_CONSENT_DAYS',
  deviceRecordDays: 'STUE_RETAIN_DEVICE_RECORD_DAYS',
  enrolmentCodeDays: 'STUE_RETAIN_ENROLMENT_CODE_DAYS',
  webhookDeliveryDays: 'STUE_RETAIN_WEBHOOK_DELIVERY_DAYS',
};

/**
 * The policy from the environment, each period defaulting to {@link DEFAULT_RETENTION}; throws
 * a readable error for a value that is not a whole number of days (0 or more).
 */
export function retentionFromEnv(env: Record<string, string | undefined>): RetentionPolicy {
  const policy = { ...DEFAULT_RETENTION };
  for (const key of Object.keys(RETENTION_ENV) as (keyof RetentionPolicy)[]) {
    const raw = env[RETENTION_ENV[key]];
    if (raw === undefined || raw === '') continue;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < 0) {
      throw new Error(`${RETENTION_ENV[key]} must be a whole number of days (0 or more).`);
    }
    policy[key] = value;
  }
  return policy;
}

/** What one run removed, counted. */
export interface RetentionReport {
  erasedNominations: number;
  deletedFeedback: number;
  deletedDeviceRecords: number;
  deletedSessions: number;
  deletedEnrolmentCodes: number;
  deletedWebhookDeliveries: number;
}

const daysBefore = (now: Date, days: number) =>
  new Date(now.getTime() - days * 86_400_000).toISOString();

/**
 * Removes what the policy says is no longer to be kept. Idempotent: a second run at the same
 * moment removes nothing. Erasures go through {@link erasePerson} (re-erase list included); the
 * rest is deleted in one transaction with one audit entry that counts it. Then what was deleted
 * is purged from the files, once for the whole run (`purgeDeleted`).
 *
 * @example
 * const report = await runRetention(db, DEFAULT_RETENTION);
 */
export async function runRetention(
  db: HubDatabase,
  policy: RetentionPolicy = DEFAULT_RETENTION,
  now = new Date(),
): Promise<RetentionReport> {
  const closedBefore = daysBefore(now, policy.closedNominationDays);
  const withdrawnBefore = daysBefore(now, policy.withdrawnConsentDays);
  const due = await db
    .selectFrom('nominations')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([
          eb('status', 'in', ['declined', 'withdrawn']),
          eb('updated_at', '<', closedBefore),
        ]),
        eb.and([eb('hidden_at', 'is not', null), eb('hidden_at', '<', withdrawnBefore)]),
      ]),
    )
    .orderBy('id')
    .execute();
  let erasedNominations = 0;
  for (const { id } of due) {
    const outcome = await erasePerson(db, id, 'retention', now, { purge: false });
    if (outcome.kind === 'erased') erasedNominations++;
  }

  const removed = await db.transaction().execute(async (tx) => {
    // Feedback whose consent was withdrawn long enough ago, while the rest of the nomination stays.
    const withdrawnFeedback = await tx
      .selectFrom('consents')
      .innerJoin('bookings', 'bookings.nomination_id', 'consents.nomination_id')
      .select('bookings.id')
      .where('consents.scope', '=', 'feedback')
      .where('consents.withdrawn_at', 'is not', null)
      .where('consents.withdrawn_at', '<', withdrawnBefore)
      .execute();
    const deletedFeedback =
      withdrawnFeedback.length === 0
        ? 0
        : await deletedCount(
            tx
              .deleteFrom('device_records')
              .where('kind', '=', 'feedback-response')
              .where(
                'booking_id',
                'in',
                withdrawnFeedback.map((row) => row.id),
              ),
          );
    // A call noted after a debrief goes with the debrief.
    await tx
      .deleteFrom('debrief_calls')
      .where('debrief_id', 'in', (eb) =>
        eb
          .selectFrom('device_records')
          .select('id')
          .where('received_at', '<', daysBefore(now, policy.deviceRecordDays)),
      )
      .execute();
    const deletedDeviceRecords = await deletedCount(
      tx
        .deleteFrom('device_records')
        .where('received_at', '<', daysBefore(now, policy.deviceRecordDays)),
    );
    const deletedSessions = await deletedCount(
      tx.deleteFrom('sessions').where('expires_at', '<', now.toISOString()),
    );
    const deletedEnrolmentCodes = await deletedCount(
      tx
        .deleteFrom('enrolment_codes')
        .where('expires_at', '<', daysBefore(now, policy.enrolmentCodeDays)),
    );
    // The delivery log: finished deliveries (never a pending one) with their attempts.
    const finishedBefore = daysBefore(now, policy.webhookDeliveryDays);
    const finished = tx
      .selectFrom('webhook_deliveries')
      .select('webhook_deliveries.id')
      .where('webhook_deliveries.status', 'in', ['delivered', 'failed'])
      .where('webhook_deliveries.updated_at', '<', finishedBefore);
    await tx.deleteFrom('webhook_attempts').where('delivery_id', 'in', finished).execute();
    const deletedWebhookDeliveries = await deletedCount(
      tx.deleteFrom('webhook_deliveries').where('id', 'in', finished),
    );
    const report = {
      erasedNominations,
      deletedFeedback,
      deletedDeviceRecords,
      deletedSessions,
      deletedEnrolmentCodes,
      deletedWebhookDeliveries,
    };
    if (Object.values(report).some((n) => n > 0)) {
      await writeAudit(tx, {
        at: now.toISOString(),
        actor: 'retention',
        entity: 'retention',
        entityId: randomUUID(),
        action: 'ran',
        details: { ...report, policy },
      });
    }
    return report;
  });
  // What was deleted is purged from the files once, for the whole run.
  if (Object.values(removed).some((n) => n > 0)) await purgeDeleted(db);
  return removed;
}
