import type { ConsentWithdrawn } from '@stue/core';
import { NOMINATION_MACHINE, allowedTransitions, type NominationStatus } from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import { writeAudit } from '../audit/store.js';
import { cancelBookingsOf, type ChangeBy } from '../planning/bookings/service.js';
import { changeNominationStatus } from '../planning/nomination-status.js';
import { listConsents, withdrawConsents, type ConsentWithdrawal } from '../consents/index.js';
import type { HubKey } from '../devices/index.js';
import { exportPerson } from './export.js';
import type { RetentionPolicy } from './retention.js';

/** The reference of a nomination, or `undefined` when there is none with this id. */
export async function nominationReference(db: HubDatabase, id: string) {
  const row = await db
    .selectFrom('nominations')
    .select('reference')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.reference;
}

/**
 * Withdraws consents of a nomination's pair, and, when the host no longer wants to be
 * contacted, stops the planning too. The answer says when the hidden details are erased (after
 * the retention policy's `withdrawnConsentDays`); `undefined` when there is no such nomination.
 */
export async function withdrawConsent(
  db: HubDatabase,
  id: string,
  request: ConsentWithdrawal,
  by: ChangeBy,
  retention: RetentionPolicy,
) {
  // The host no longer wants to be contacted: the nomination is withdrawn where the lifecycle
  // allows it, and its active bookings are cancelled, as a coordinator's withdrawal does.
  const stopPlanning = async (tx: HubDatabase, reason: string, now: string) => {
    const row = await tx
      .selectFrom('nominations')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    const from = row.status as NominationStatus;
    if (allowedTransitions(NOMINATION_MACHINE, from).some((m) => m.action === 'withdraw')) {
      // Announced as any move is: the partner's `nomination.status_changed` (ids and statuses
      // only). Where the status cannot move, the partner learns of the withdrawal by polling:
      // hiding the nomination sets its `updated_at` and `consentWithdrawnAt`.
      const move = {
        id,
        from,
        action: 'withdraw',
        reason,
        details: { because: 'consent-withdrawn' },
      } as const;
      await changeNominationStatus(tx, move, by, now);
    }
    await cancelBookingsOf(tx, id, by, reason, now);
  };
  const outcome = await withdrawConsents(db, id, request, by.audit, stopPlanning);
  if (!outcome) return undefined;
  const withdrawnAt = (await listConsents(db, id))
    .filter((consent) => consent.scope === 'nomination-contact' && consent.person === 'host')
    .map((consent) => consent.withdrawnAt)
    .find((at) => at !== null);
  const erasureDueAt =
    outcome.hidden && withdrawnAt
      ? new Date(
          new Date(withdrawnAt).getTime() + retention.withdrawnConsentDays * 86_400_000,
        ).toISOString()
      : null;
  return { ...outcome, erasureDueAt } satisfies ConsentWithdrawn;
}

/**
 * Everything the hub holds about a nomination's pair, with a line in the audit trail that it was
 * exported (and by whom); `undefined` when there is no such nomination.
 */
export async function exportAudited(
  db: HubDatabase,
  id: string,
  hubKey: HubKey | undefined,
  audit: string,
) {
  const everything = await exportPerson(db, id, hubKey);
  if (!everything) return undefined;
  await writeAudit(db, {
    at: everything.exportedAt,
    actor: audit,
    entity: 'nomination',
    entityId: id,
    action: 'exported',
  });
  return everything;
}
