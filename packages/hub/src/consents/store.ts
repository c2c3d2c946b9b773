import type { ConsentView } from '@stue/core';
import * as z from 'zod/mini';
import {
  CONSENT_PERSONS,
  CONSENT_SCOPES,
  CONSENT_VIA,
  freeText,
  issueMessage,
  newId,
  requiredText,
  tabletConsentPersons,
  TEXT_LIMITS,
  type ConsentPerson,
  type ConsentScope,
  type Issue,
  type Lang,
  type NominationV2,
  type TabletConsent,
} from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import { writeAudit } from '../audit/store.js';
import { locksRows } from '../db/dialect.js';

/**
 * What a nomination's consents are recorded as (of `CONSENT_SCOPES` in `@stue/core`, which says
 * what each allows): its `consent` (the host's yes to the visit, with the notice version shown)
 * as `nomination-contact` alone, and its `feedbackConsent`, only when the form asked it as its own
 * choice, as `feedback`. Nothing is recorded that the person was not asked.
 */
export const NOMINATION_CONSENT_SCOPES = {
  consent: 'nomination-contact',
  feedbackConsent: 'feedback',
} as const;

const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.enum(values, {
    error: (issue) => (issue.input === undefined ? 'required' : 'invalid_choice'),
  });

/**
 * A consent a coordinator records, e.g. a host's yes to be quoted, given on the phone through the
 * visiting friend: whose, what for, through whom, when, and which notice version was read out.
 */
export const consentRecordSchema = z.strictObject({
  person: choice(CONSENT_PERSONS),
  scope: choice(CONSENT_SCOPES),
  via: choice(CONSENT_VIA),
  at: z.iso.datetime({
    offset: true,
    error: (issue) => (issue.input === undefined ? 'required' : 'invalid_datetime'),
  }),
  noticeVersion: requiredText(TEXT_LIMITS.noticeVersion),
});
/** A valid consent to record. */
export type ConsentRecord = z.output<typeof consentRecordSchema>;

/**
 * The issue of a consent dated after the hub's clock by more than clock skew (`isConsentInFuture`
 * in `@stue/core`), at `path`: a consent not yet given is no consent. A schema cannot know the
 * time, so the routes that take consents ask, with the hub's clock.
 */
export const consentInFuture = (path: string, lang: Lang): Issue => ({
  path,
  code: 'consent_in_future',
  message: issueMessage(path, 'consent_in_future', lang),
});

/**
 * A withdrawal: whose (default the host), which scopes (default all), and why, when there is a
 * reason worth keeping. Withdrawing `nomination-contact` for the host hides the nomination,
 * cancels its active bookings and schedules its erasure.
 */
export const consentWithdrawalSchema = z.strictObject({
  person: z.optional(choice(CONSENT_PERSONS)),
  scopes: z.optional(
    z
      .array(choice(CONSENT_SCOPES))
      .check(
        z.minLength(1, { error: 'required' }),
        z.maxLength(CONSENT_SCOPES.length, { error: 'duplicate_choice' }),
      ),
  ),
  reason: z.optional(freeText(TEXT_LIMITS.reason)),
});
/** A valid withdrawal. */
export type ConsentWithdrawal = z.output<typeof consentWithdrawalSchema>;

/** A consent as the API shows it (core's answer type). */
export type { ConsentView };

/**
 * Writes new nominations' consent records as consent rows (one per scope each covers). Call it in
 * the transaction that stores the nominations.
 */
export async function writeNominationConsents(
  tx: HubDatabase,
  records: { nomination: NominationV2; recordedAt: string; recordedBy: string }[],
): Promise<void> {
  await tx
    .insertInto('consents')
    .values(
      records.flatMap(({ nomination, recordedAt, recordedBy }) =>
        (['consent', 'feedbackConsent'] as const).flatMap((key) => {
          const given = nomination[key];
          if (!given) return [];
          const { agreedBy: person, via, at, noticeVersion } = given;
          const consent = { person, via, at, noticeVersion, scope: NOMINATION_CONSENT_SCOPES[key] };
          return [consentRow(nomination.id, consent, recordedAt, recordedBy)];
        }),
      ),
    )
    .execute();
}

/** A consent as its row: given now, by `recordedBy`, and not withdrawn. */
function consentRow(
  nominationId: string,
  consent: Pick<ConsentRecord, 'person' | 'scope' | 'at' | 'noticeVersion'> & {
    via: ConsentRecord['via'] | 'tablet';
  },
  recordedAt: string,
  recordedBy: string,
) {
  return {
    // Time-ordered ids append to the key's index instead of touching a page at random.
    id: newId(),
    nomination_id: nominationId,
    person: consent.person,
    given_via: consent.via,
    given_at: consent.at,
    notice_version: consent.noticeVersion,
    scope: consent.scope,
    recorded_at: recordedAt,
    recorded_by: recordedBy,
    withdrawn_at: null,
    withdrawn_by: null,
  };
}

/**
 * Records the pair's yes to keeping their answers, given on a tablet before the first question,
 * as `feedback` consent rows (via `tablet`, one per person who said yes) with their audit entries.
 * Call it in the transaction that stores the feedback, and only when the host's `feedback`
 * consent is not on record.
 */
export async function writeTabletConsent(
  tx: HubDatabase,
  nominationId: string,
  consent: TabletConsent,
  by: string,
  now: string,
): Promise<void> {
  for (const person of tabletConsentPersons(consent.agreedBy)) {
    const row = consentRow(
      nominationId,
      {
        person,
        scope: 'feedback',
        via: 'tablet',
        at: consent.at,
        noticeVersion: consent.noticeVersion,
      },
      now,
      by,
    );
    await tx.insertInto('consents').values(row).execute();
    await writeAudit(tx, {
      at: now,
      actor: by,
      entity: 'consent',
      entityId: row.id,
      action: 'recorded',
      details: { nominationId, person, scope: 'feedback' },
    });
  }
}

/** Hides a nomination from lists and tablets, or shows it again, with its audit entry. */
async function setHidden(
  tx: HubDatabase,
  nominationId: string,
  hidden: boolean,
  because: 'consent-given' | 'consent-withdrawn',
  now: string,
  by: string,
): Promise<void> {
  await tx
    .updateTable('nominations')
    .set({ hidden_at: hidden ? now : null, updated_at: now })
    .where('id', '=', nominationId)
    .execute();
  await writeAudit(tx, {
    at: now,
    actor: by,
    entity: 'nomination',
    entityId: nominationId,
    action: hidden ? 'hidden' : 'shown',
    details: { because },
  });
}

/** A nomination's consents, oldest first, withdrawn ones included. */
export async function listConsents(db: HubDatabase, nominationId: string): Promise<ConsentView[]> {
  const rows = await db
    .selectFrom('consents')
    .selectAll()
    .where('nomination_id', '=', nominationId)
    .orderBy('recorded_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    person: row.person as ConsentPerson,
    scope: row.scope as ConsentScope,
    via: row.given_via,
    givenAt: row.given_at,
    noticeVersion: row.notice_version,
    recordedAt: row.recorded_at,
    recordedBy: row.recorded_by,
    withdrawnAt: row.withdrawn_at,
  }));
}

/** Whether a nomination holds an unwithdrawn consent of the host's for `scope`. */
export async function hasConsent(
  db: HubDatabase,
  nominationId: string,
  scope: ConsentScope,
  person: ConsentPerson = 'host',
): Promise<boolean> {
  const row = await db
    .selectFrom('consents')
    .select('id')
    .where('nomination_id', '=', nominationId)
    .where('person', '=', person)
    .where('scope', '=', scope)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

const nominationExists = (tx: HubDatabase, id: string, lock: boolean) =>
  tx
    .selectFrom('nominations')
    .select(['id', 'status', 'hidden_at'])
    .where('id', '=', id)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();

/**
 * Records a consent a coordinator took down, with its audit entry, in one transaction. A host's
 * new `nomination-contact` consent on a nomination hidden by a withdrawal shows it again and so
 * cancels its scheduled erasure (its status stays as the withdrawal left it). `undefined` when the
 * nomination does not exist (or was erased).
 */
export function recordConsent(
  db: HubDatabase,
  nominationId: string,
  consent: ConsentRecord,
  by: string,
  now = new Date().toISOString(),
) {
  return db.transaction().execute(async (tx) => {
    const nomination = await nominationExists(tx, nominationId, locksRows(db));
    if (!nomination) return undefined;
    const row = consentRow(nominationId, consent, now, by);
    const { id } = row;
    await tx.insertInto('consents').values(row).execute();
    await writeAudit(tx, {
      at: now,
      actor: by,
      entity: 'consent',
      entityId: id,
      action: 'recorded',
      details: { nominationId, person: consent.person, scope: consent.scope },
    });
    if (
      nomination.hidden_at !== null &&
      consent.person === 'host' &&
      consent.scope === 'nomination-contact'
    ) {
      await setHidden(tx, nominationId, false, 'consent-given', now, by);
    }
    return (await listConsents(tx, nominationId)).find((c) => c.id === id)!;
  });
}

/** What a withdrawal changed. */
export interface WithdrawalOutcome {
  /** The consents withdrawn now (already withdrawn ones are left as they were). */
  withdrawn: ConsentView[];
  /** Whether the nomination is now hidden (the host's `nomination-contact` is withdrawn). */
  hidden: boolean;
}

/**
 * Withdraws consents of a nomination — the host's, every scope, unless narrowed — with audit
 * entries, in one transaction. When the host's `nomination-contact` goes, the nomination is
 * hidden from lists and tablets, its active bookings are cancelled (`cancelBookings`, run in the
 * same transaction), and retention erases it after its period. Idempotent: withdrawing again
 * changes nothing. `undefined` when the nomination does not exist.
 */
export function withdrawConsents(
  db: HubDatabase,
  nominationId: string,
  withdrawal: ConsentWithdrawal,
  by: string,
  cancelBookings: (tx: HubDatabase, reason: string, now: string) => Promise<void>,
  now = new Date().toISOString(),
): Promise<WithdrawalOutcome | undefined> {
  const person = withdrawal.person ?? 'host';
  const scopes = withdrawal.scopes ?? [...CONSENT_SCOPES];
  return db.transaction().execute(async (tx) => {
    const nomination = await nominationExists(tx, nominationId, locksRows(db));
    if (!nomination) return undefined;
    const affected = await tx
      .updateTable('consents')
      .set({ withdrawn_at: now, withdrawn_by: by })
      .where('nomination_id', '=', nominationId)
      .where('person', '=', person)
      .where('scope', 'in', scopes)
      .where('withdrawn_at', 'is', null)
      .returning('id')
      .execute();
    const ids = new Set(affected.map((row) => row.id));
    const reason = withdrawal.reason?.trim() || null;
    for (const id of ids) {
      await writeAudit(tx, {
        at: now,
        actor: by,
        entity: 'consent',
        entityId: id,
        action: 'withdrawn',
        reason,
        details: { nominationId },
      });
    }
    const contactGone = !(await hasConsent(tx, nominationId, 'nomination-contact'));
    const hide = contactGone && nomination.hidden_at === null;
    if (hide) {
      await setHidden(tx, nominationId, true, 'consent-withdrawn', now, by);
      await cancelBookings(tx, 'Samtykke trukket tilbage / Consent withdrawn', now);
    }
    const all = await listConsents(tx, nominationId);
    return { withdrawn: all.filter((c) => ids.has(c.id)), hidden: contactGone };
  });
}
