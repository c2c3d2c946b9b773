import type { PersonExport } from '@stue/core';
import { openSealedJson, SEAL_CONTEXTS, StueSealingError } from '@stue/core/sealing';
import type { HubDatabase } from '../db/database.js';
import type { HubKey } from '../devices/index.js';
import { auditHistory } from '../audit/store.js';
import { listConsents } from '../consents/index.js';
import { listNotes, nominationsWithPartner } from '../nominations/index.js';

/** A body as the hub stored it: a JSON object. */
type Stored = PersonExport['bookings'][number];

/**
 * Everything the hub holds about the people of one nomination — host and visiting friend — for a
 * data-subject access request: the nomination as stored, its consents, coordinators' notes, its bookings with their
 * history, the tablet records about those bookings (sealed feedback opened when the hub's key is
 * given) and the audit entries about all of these. `undefined` when there is no such nomination.
 *
 * @example
 * const everything = await exportPerson(db, nominationId, hubKey);
 * writeFileSync('export.json', JSON.stringify(everything, null, 2));
 */
export async function exportPerson(
  db: HubDatabase,
  nominationId: string,
  hubKey?: HubKey,
): Promise<PersonExport | undefined> {
  const row = await nominationsWithPartner(db)
    .where('nominations.id', '=', nominationId)
    .executeTakeFirst();
  if (!row) return undefined;
  const consents = await listConsents(db, nominationId);
  const bookingRows = await db
    .selectFrom('bookings')
    .select(['id', 'body'])
    .where('nomination_id', '=', nominationId)
    .orderBy('created_at')
    .execute();
  const bookingIds = bookingRows.map((b) => b.id);
  const recordRows =
    bookingIds.length === 0
      ? []
      : await db
          .selectFrom('device_records')
          .select(['id', 'kind', 'booking_id', 'body', 'received_at'])
          .where('booking_id', 'in', bookingIds)
          .$narrowType<{ booking_id: string }>()
          .orderBy('received_at')
          .execute();
  const deviceRecords: PersonExport['deviceRecords'] = [];
  for (const record of recordRows) {
    const body = JSON.parse(record.body) as unknown;
    let content: unknown = body;
    let sealed = false;
    if (record.kind === 'feedback-response') {
      sealed = true;
      if (hubKey) {
        try {
          content = await openSealedJson(
            hubKey.privateKeyJwk,
            body as never,
            SEAL_CONTEXTS.feedbackResponse,
          );
          sealed = false;
        } catch (error) {
          if (!(error instanceof StueSealingError)) throw error;
        }
      }
    }
    deviceRecords.push({
      id: record.id,
      kind: record.kind,
      bookingId: record.booking_id,
      receivedAt: record.received_at,
      // Still sealed when the hub's key was not at hand (or could not open it).
      sealed,
      content,
    });
  }
  // A record's audit entries, each saying which record it is about.
  const historyOf = async (entity: string, entityId: string) =>
    (await auditHistory(db, entity, entityId)).map((e) => ({ entity, entityId, ...e }));
  const audit = await historyOf('nomination', nominationId);
  for (const id of bookingIds) audit.push(...(await historyOf('booking', id)));
  for (const consent of consents) audit.push(...(await historyOf('consent', consent.id)));
  for (const record of recordRows) audit.push(...(await historyOf(record.kind, record.id)));
  audit.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return {
    exportedAt: new Date().toISOString(),
    nomination: {
      id: row.id,
      reference: row.reference,
      status: row.status,
      partner: { id: row.partnerId, name: row.partnerName },
      receivedAt: row.received_at,
      updatedAt: row.updated_at,
      hiddenAt: row.hidden_at,
      record: JSON.parse(row.body) as Stored,
    },
    consents,
    notes: await listNotes(db, nominationId),
    bookings: bookingRows.map((b) => JSON.parse(b.body) as Stored),
    deviceRecords,
    audit,
  };
}
