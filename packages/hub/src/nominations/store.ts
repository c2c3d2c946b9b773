import { createHash, randomInt } from 'node:crypto';
import type { NominationReceipt, NominationStatus, NominationV2 } from '@stue/core';
import { isUniqueViolation, type HubDatabase } from '../db/database.js';
import { canonicalJson } from '../internal/canonical-json.js';
import { decodeCursor, page } from '../http/paging.js';
import { isPostgres } from '../db/dialect.js';
import { writeNominationConsents } from '../privacy/consents.js';

// Crockford's base-32 alphabet: no I, L, O or U, so a reference read aloud on the phone is
// hard to mishear.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** The shape of a nomination reference, e.g. `STUE-7KQ3-9XZD`. */
export const REFERENCE_PATTERN = /^STUE-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

function newReference(): string {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(32)]).join('');
  return `STUE-${part()}-${part()}`;
}

/** The outcome of receiving a nomination under the sync protocol. */
export type ReceiveOutcome =
  | { kind: 'created'; receipt: NominationReceipt }
  | { kind: 'replayed'; receipt: NominationReceipt }
  | { kind: 'conflict' }
  /** The id is on the re-erase list: its people were erased, and nothing about them is kept. */
  | { kind: 'erased' };

/**
 * Reads the nomination as it would have been read at `receivedAt`. An upgrade from an older
 * version stamps the receive time (v1's consent becomes a record dated then), so a replay is
 * compared as read at the first receipt's time.
 */
export type NominationReader = (receivedAt: Date) => NominationV2;

const hashOf = (nomination: NominationV2) => {
  const body = canonicalJson(nomination);
  return { body, bodyHash: createHash('sha256').update(body).digest('hex') };
};

/**
 * Stores a validated nomination for a partner, once. The same id with the same body is a replay
 * and gets the original receipt; the same id with another body, or from another partner, is a
 * conflict; an id whose people were erased is refused. The row, its consent rows and its audit
 * entry commit in one transaction.
 */
export async function receiveNomination(
  db: HubDatabase,
  read: NominationReader,
  by: { partnerId: string; keyId: string },
  receivedAt = new Date(),
): Promise<ReceiveOutcome> {
  try {
    return await receiveOnce(db, read, by, receivedAt);
  } catch (error) {
    // Two requests with the same id raced (possible on PostgreSQL, whose transactions run side by
    // side): the loser's insert hit the unique key. Running again answers it as a replay.
    if (!isUniqueViolation(error)) throw error;
    return receiveOnce(db, read, by, receivedAt);
  }
}

function receiveOnce(
  db: HubDatabase,
  read: NominationReader,
  by: { partnerId: string; keyId: string },
  receivedAt: Date,
): Promise<ReceiveOutcome> {
  const nomination = read(receivedAt);
  return db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('nominations')
      .select(['partner_id', 'body_hash', 'reference', 'status', 'received_at'])
      .where('id', '=', nomination.id)
      // An erasure of this id running at the same moment is waited for, then seen.
      .$if(isPostgres(db as never), (q) => q.forUpdate())
      .executeTakeFirst();
    if (existing) {
      const asFirstRead = hashOf(read(new Date(existing.received_at)));
      if (existing.partner_id !== by.partnerId || existing.body_hash !== asFirstRead.bodyHash) {
        return { kind: 'conflict' } as const;
      }
      const status = existing.status as NominationStatus;
      return { kind: 'replayed', receipt: { reference: existing.reference, status } } as const;
    }
    const erased = await tx
      .selectFrom('erasures')
      .select('id')
      .where('id', '=', nomination.id)
      .executeTakeFirst();
    if (erased) return { kind: 'erased' } as const;
    let reference = newReference();
    while (
      await tx
        .selectFrom('nominations')
        .select('id')
        .where('reference', '=', reference)
        .executeTakeFirst()
    ) {
      reference = newReference();
    }
    const now = receivedAt.toISOString();
    const { body, bodyHash } = hashOf(nomination);
    await tx
      .insertInto('nominations')
      .values({
        id: nomination.id,
        partner_id: by.partnerId,
        reference,
        status: 'received',
        schema_version: nomination.schemaVersion,
        body,
        body_hash: bodyHash,
        received_at: now,
        updated_at: now,
        hidden_at: null,
      })
      .execute();
    await writeNominationConsents(tx, nomination, now, `partner-key:${by.keyId}`);
    await tx
      .insertInto('audit_events')
      .values({
        at: now,
        actor: `partner-key:${by.keyId}`,
        entity: 'nomination',
        entity_id: nomination.id,
        action: 'received',
        reason: null,
      })
      .execute();
    return { kind: 'created', receipt: { reference, status: 'received' } } as const;
  });
}

/** A partner's nomination status by reference; another partner's reference is not found. */
export async function findNominationStatus(
  db: HubDatabase,
  reference: string,
  partnerId: string,
): Promise<NominationReceipt | undefined> {
  const row = await db
    .selectFrom('nominations')
    .select(['reference', 'status'])
    .where('reference', '=', reference)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
  return row && { reference: row.reference, status: row.status as NominationStatus };
}

/** A nomination as a coordinator sees it: the record, its reference, status and partner. */
export interface NominationListItem {
  id: string;
  reference: string;
  status: NominationStatus;
  partner: { id: string; name: string };
  receivedAt: string;
  nomination: unknown;
}

/** Filters and paging for {@link listNominations}. */
export interface NominationQuery {
  status?: NominationStatus[];
  partnerId?: string;
  /** Only nominations received at or before this instant (ISO), e.g. "waiting two weeks or more". */
  receivedBefore?: string;
  limit: number;
  /** The `nextCursor` of the previous page. */
  cursor?: string;
}

/**
 * Nominations for coordinators, longest waiting first (received time, then id), a page at a time
 * with a keyset cursor so pages stay stable while new nominations arrive. Nominations hidden
 * because the host withdrew consent are left out. `undefined` when the cursor is not one this
 * function made.
 */
export async function listNominations(db: HubDatabase, query: NominationQuery) {
  let select = db
    .selectFrom('nominations')
    .innerJoin('partners', 'partners.id', 'nominations.partner_id')
    .select([
      'nominations.id',
      'nominations.reference',
      'nominations.status',
      'nominations.received_at',
      'nominations.body',
      'partners.id as partnerId',
      'partners.name as partnerName',
    ])
    .where('nominations.hidden_at', 'is', null)
    .orderBy('nominations.received_at')
    .orderBy('nominations.id')
    .limit(query.limit + 1);
  if (query.status?.length) select = select.where('nominations.status', 'in', query.status);
  if (query.partnerId) select = select.where('nominations.partner_id', '=', query.partnerId);
  if (query.receivedBefore)
    select = select.where('nominations.received_at', '<=', query.receivedBefore);
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor, 2);
    if (!after) return undefined;
    const [receivedAt = '', id = ''] = after;
    select = select.where((eb) =>
      eb.or([
        eb('nominations.received_at', '>', receivedAt),
        eb.and([eb('nominations.received_at', '=', receivedAt), eb('nominations.id', '>', id)]),
      ]),
    );
  }
  const rows = await select.execute();
  return page(
    rows,
    query.limit,
    (row): NominationListItem => ({
      id: row.id,
      reference: row.reference,
      status: row.status as NominationStatus,
      partner: { id: row.partnerId, name: row.partnerName },
      receivedAt: row.received_at,
      nomination: JSON.parse(row.body),
    }),
    (row) => [row.received_at, row.id],
  );
}

/** Filters and paging for {@link listPartnerNominations}. */
export interface PartnerNominationQuery {
  partnerId: string;
  status?: NominationStatus[];
  /** Only nominations whose status changed at or after this instant (ISO). */
  updatedSince?: string;
  limit: number;
  cursor?: string;
}

/** One of a partner's own nominations, as its servers read it with the secret key. */
export interface PartnerNominationItem {
  id: string;
  reference: string;
  status: NominationStatus;
  receivedAt: string;
  updatedAt: string;
  nomination: unknown;
}

const partnerItem = (row: {
  id: string;
  reference: string;
  status: string;
  received_at: string;
  updated_at: string;
  body: string;
}): PartnerNominationItem => ({
  id: row.id,
  reference: row.reference,
  status: row.status as NominationStatus,
  receivedAt: row.received_at,
  updatedAt: row.updated_at,
  nomination: JSON.parse(row.body),
});

/**
 * A partner's own nominations, longest waiting first, paged like the coordinators' list; never
 * another organisation's. `undefined` when the cursor is not one this function made.
 */
export async function listPartnerNominations(db: HubDatabase, query: PartnerNominationQuery) {
  let select = db
    .selectFrom('nominations')
    .select(['id', 'reference', 'status', 'received_at', 'updated_at', 'body'])
    .where('partner_id', '=', query.partnerId)
    .orderBy('received_at')
    .orderBy('id')
    .limit(query.limit + 1);
  if (query.status?.length) select = select.where('status', 'in', query.status);
  if (query.updatedSince) select = select.where('updated_at', '>=', query.updatedSince);
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor, 2);
    if (!after) return undefined;
    const [receivedAt = '', id = ''] = after;
    select = select.where((eb) =>
      eb.or([
        eb('received_at', '>', receivedAt),
        eb.and([eb('received_at', '=', receivedAt), eb('id', '>', id)]),
      ]),
    );
  }
  const rows = await select.execute();
  return page(rows, query.limit, partnerItem, (row) => [row.received_at, row.id]);
}

/**
 * One of a partner's own nominations with its status history — when, and from which status to
 * which; who acted and why stay with the coordinators. Another organisation's is not found.
 */
export async function partnerNominationDetail(db: HubDatabase, partnerId: string, id: string) {
  const row = await db
    .selectFrom('nominations')
    .select(['id', 'reference', 'status', 'received_at', 'updated_at', 'body'])
    .where('id', '=', id)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
  if (!row) return undefined;
  const events = await db
    .selectFrom('audit_events')
    .select(['at', 'action', 'details'])
    .where('entity', '=', 'nomination')
    .where('entity_id', '=', id)
    .orderBy('id')
    .execute();
  const history = events.map((event) => {
    const details =
      event.details === null ? {} : (JSON.parse(event.details) as Record<string, unknown>);
    return {
      at: event.at,
      action: event.action,
      ...(typeof details.from === 'string' ? { from: details.from } : {}),
      ...(typeof details.to === 'string' ? { to: details.to } : {}),
    };
  });
  return { ...partnerItem(row), history };
}

/** A nomination for coordinators: the list's item, its history and the moves it allows now. */
export async function findNominationItem(db: HubDatabase, id: string) {
  const row = await db
    .selectFrom('nominations')
    .innerJoin('partners', 'partners.id', 'nominations.partner_id')
    .select([
      'nominations.id',
      'nominations.reference',
      'nominations.status',
      'nominations.received_at',
      'nominations.updated_at',
      'nominations.body',
      'partners.id as partnerId',
      'partners.name as partnerName',
    ])
    .where('nominations.id', '=', id)
    .executeTakeFirst();
  return (
    row && {
      id: row.id,
      reference: row.reference,
      status: row.status as NominationStatus,
      partner: { id: row.partnerId, name: row.partnerName },
      receivedAt: row.received_at,
      updatedAt: row.updated_at,
      nomination: JSON.parse(row.body) as unknown,
    }
  );
}
