import type { NominationItem } from '@stue/core';
import { hash, randomInt } from 'node:crypto';
import type { Insertable, Selectable } from 'kysely';
import type { NominationReceipt, NominationStatus, NominationV2 } from '@stue/core';
import { isUniqueViolation, type HubDatabase } from '../db/database.js';
import { canonicalJson } from '../internal/canonical-json.js';
import { afterKey, decodeCursor, page } from '../http/paging.js';
import { isPostgres } from '../db/dialect.js';
import { writeDurably } from '../db/group-commit.js';
import type { NominationsTable } from '../db/schema.js';
import { writeNominationConsents } from '../consents/index.js';

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
  return { body, bodyHash: hash('sha256', body, 'hex') };
};

/** A validated nomination on its way in: how to read it, whose key sent it, and when. */
export interface IncomingNomination {
  read: NominationReader;
  by: { partnerId: string; keyId: string };
  receivedAt: Date;
}

/** The most nominations one transaction writes; more wait for the next. */
const MAX_BATCH = 100;
/**
 * How many batches may be on their way to disk at once: while one waits for its flush, the next
 * commits, and the nominations that arrive meanwhile wait to go together in the one after.
 */
const MAX_WRITING = 2;

/**
 * Stores validated nominations for partners, each once, with group commit: nominations that
 * arrive while the database is busy are written together in the next transaction, so one disk
 * flush acknowledges many (docs/adr/0009-group-commit.md). Each is answered only once its
 * transaction is on disk.
 *
 * The same id with the same body is a replay and gets the original receipt; the same id with
 * another body, or from another partner, is a conflict; an id whose people were erased is refused.
 * A nomination's row, its consent rows and its audit entry always commit together.
 */
export function nominationWriter(db: HubDatabase, reference: () => string = newReference) {
  type Waiting = IncomingNomination & {
    resolve: (outcome: ReceiveOutcome) => void;
    reject: (error: unknown) => void;
  };
  let waiting: Waiting[] = [];
  let writing = 0;
  let scheduled = false;

  const write = async (batch: Waiting[]) => {
    try {
      const outcomes = await writeNominations(db, batch, reference);
      batch.forEach((item, i) => item.resolve(outcomes[i]!));
    } catch {
      // Something in the batch could not be written with the rest (a reference taken, or an id
      // another hub process wrote a moment ago): each is written on its own instead.
      for (const item of batch) {
        await writeAlone(db, item, reference).then(item.resolve, item.reject);
      }
    }
  };

  const schedule = () => {
    if (scheduled || waiting.length === 0 || writing >= MAX_WRITING) return;
    scheduled = true;
    // After the requests already read in this turn of the event loop have joined the batch.
    setImmediate(() => {
      scheduled = false;
      const batch = waiting.slice(0, MAX_BATCH);
      waiting = waiting.slice(MAX_BATCH);
      writing += 1;
      void write(batch).finally(() => {
        writing -= 1;
        schedule();
      });
      schedule();
    });
  };

  return (incoming: IncomingNomination) =>
    new Promise<ReceiveOutcome>((resolve, reject) => {
      waiting.push({ ...incoming, resolve, reject });
      schedule();
    });
}

async function writeAlone(
  db: HubDatabase,
  item: IncomingNomination,
  reference: () => string,
): Promise<ReceiveOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await writeNominations(db, [item], reference))[0]!;
    } catch (error) {
      // A unique key was hit: the reference was taken (run again with a new one), or two requests
      // with the same id raced on PostgreSQL (run again to answer it as a replay).
      if (!isUniqueViolation(error) || attempt === 3) throw error;
    }
  }
}

type Stored = Pick<
  Selectable<NominationsTable>,
  'partner_id' | 'body_hash' | 'reference' | 'status' | 'received_at'
>;

/** Writes the nominations in one transaction, answering each in order. */
function writeNominations(
  db: HubDatabase,
  items: IncomingNomination[],
  reference: () => string,
): Promise<ReceiveOutcome[]> {
  const nominations = items.map((item) => item.read(item.receivedAt));
  const ids = [...new Set(nominations.map((nomination) => nomination.id))];
  return writeDurably(db, async (tx) => {
    const stored = await tx
      .selectFrom('nominations')
      .select(['id', 'partner_id', 'body_hash', 'reference', 'status', 'received_at'])
      .where('id', 'in', ids)
      // An erasure of one of these ids running at the same moment is waited for, then seen.
      .$if(isPostgres(db as never), (q) => q.forUpdate())
      .execute();
    const known = new Map<string, Stored>(stored.map((row) => [row.id, row]));
    const erased = new Set(
      (await tx.selectFrom('erasures').select('id').where('id', 'in', ids).execute()).map(
        (row) => row.id,
      ),
    );
    const created: {
      row: Insertable<NominationsTable>;
      nomination: NominationV2;
      actor: string;
    }[] = [];
    const outcomes = items.map((item, i): ReceiveOutcome => {
      const nomination = nominations[i]!;
      const existing = known.get(nomination.id);
      if (existing) {
        const asFirstRead = hashOf(item.read(new Date(existing.received_at)));
        if (
          existing.partner_id !== item.by.partnerId ||
          existing.body_hash !== asFirstRead.bodyHash
        ) {
          return { kind: 'conflict' };
        }
        const status = existing.status as NominationStatus;
        return { kind: 'replayed', receipt: { reference: existing.reference, status } };
      }
      if (erased.has(nomination.id)) return { kind: 'erased' };
      const now = item.receivedAt.toISOString();
      const { body, bodyHash } = hashOf(nomination);
      const row = {
        id: nomination.id,
        partner_id: item.by.partnerId,
        reference: reference(),
        status: 'received',
        schema_version: nomination.schemaVersion,
        body,
        body_hash: bodyHash,
        received_at: now,
        updated_at: now,
        hidden_at: null,
      };
      created.push({ row, nomination, actor: `partner-key:${item.by.keyId}` });
      // A second copy later in the same batch is answered as a replay of this one (or a conflict).
      known.set(row.id, row);
      return { kind: 'created', receipt: { reference: row.reference, status: 'received' } };
    });
    if (created.length === 0) return outcomes;
    await tx
      .insertInto('nominations')
      .values(created.map(({ row }) => row))
      .execute();
    await writeNominationConsents(
      tx,
      created.map(({ row, nomination, actor }) => ({
        nomination,
        recordedAt: row.received_at,
        recordedBy: actor,
      })),
    );
    await tx
      .insertInto('audit_events')
      .values(
        created.map(({ row, actor }) => ({
          at: row.received_at,
          actor,
          entity: 'nomination',
          entity_id: row.id,
          action: 'received',
          reason: null,
        })),
      )
      .execute();
    return outcomes;
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
export type NominationListItem = Omit<NominationItem, 'history' | 'notes'>;

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
 * Nominations with their partner's id and name: the columns the coordinators' list and record
 * read, and the data-rights export.
 */
export const nominationsWithPartner = (db: HubDatabase) =>
  db
    .selectFrom('nominations')
    .innerJoin('partners', 'partners.id', 'nominations.partner_id')
    .select([
      'nominations.id',
      'nominations.reference',
      'nominations.status',
      'nominations.received_at',
      'nominations.updated_at',
      'nominations.hidden_at',
      'nominations.body',
      'partners.id as partnerId',
      'partners.name as partnerName',
    ]);

/**
 * Nominations for coordinators, longest waiting first (received time, then id), a page at a time
 * with a keyset cursor so pages stay stable while new nominations arrive. Nominations hidden
 * because the host withdrew consent are left out. `undefined` when the cursor is not one this
 * function made.
 */
export async function listNominations(db: HubDatabase, query: NominationQuery) {
  let select = nominationsWithPartner(db)
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
    select = select.where((eb) =>
      afterKey(eb, ['nominations.received_at', 'nominations.id'], after),
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

/**
 * One of a partner's own nominations, as its servers read it with the secret key. Once the host
 * has withdrawn consent (`consentWithdrawnAt` set) the record itself is `null`: the status, the
 * reference and the dates are all that is left (RELIABILITY.md S14).
 */
export interface PartnerNominationItem {
  id: string;
  reference: string;
  status: NominationStatus;
  receivedAt: string;
  updatedAt: string;
  /** When the host withdrew consent to be contacted (the nomination was hidden), or `null`. */
  consentWithdrawnAt: string | null;
  /** The record as the partner sent it (stored as version 2), or `null`. */
  nomination: NominationV2 | null;
}

/**
 * The record of a nomination, or `null` when the host withdrew consent: a hidden nomination's
 * details leave the hub by no API (RELIABILITY.md S14), only by the data-rights export.
 */
export const recordUnlessHidden = (row: { body: string; hidden_at: string | null }): unknown =>
  row.hidden_at === null ? JSON.parse(row.body) : null;

const partnerItem = (row: {
  id: string;
  reference: string;
  status: string;
  received_at: string;
  updated_at: string;
  hidden_at: string | null;
  body: string;
}): PartnerNominationItem => ({
  id: row.id,
  reference: row.reference,
  status: row.status as NominationStatus,
  receivedAt: row.received_at,
  updatedAt: row.updated_at,
  consentWithdrawnAt: row.hidden_at,
  // Stored after the nomination schema checked it.
  nomination: recordUnlessHidden(row) as NominationV2 | null,
});

/**
 * A partner's own nominations, longest waiting first, paged like the coordinators' list; never
 * another organisation's, and without the record of one whose host withdrew consent. `undefined`
 * when the cursor is not one this function made.
 */
export async function listPartnerNominations(db: HubDatabase, query: PartnerNominationQuery) {
  let select = db
    .selectFrom('nominations')
    .select(['id', 'reference', 'status', 'received_at', 'updated_at', 'hidden_at', 'body'])
    .where('partner_id', '=', query.partnerId)
    .orderBy('received_at')
    .orderBy('id')
    .limit(query.limit + 1);
  if (query.status?.length) select = select.where('status', 'in', query.status);
  if (query.updatedSince) select = select.where('updated_at', '>=', query.updatedSince);
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor, 2);
    if (!after) return undefined;
    select = select.where((eb) => afterKey(eb, ['received_at', 'id'], after));
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
    .select(['id', 'reference', 'status', 'received_at', 'updated_at', 'hidden_at', 'body'])
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

/**
 * A nomination for coordinators: the list's item and when the host withdrew consent. A hidden
 * nomination (consent withdrawn) comes without its record (`nomination: null`): a coordinator
 * sees that it exists and its status, to act on the withdrawal (record a new consent, export,
 * erase), and nothing about the pair (RELIABILITY.md S14).
 */
export async function findNominationItem(db: HubDatabase, id: string) {
  const row = await nominationsWithPartner(db).where('nominations.id', '=', id).executeTakeFirst();
  return (
    row && {
      id: row.id,
      reference: row.reference,
      status: row.status as NominationStatus,
      partner: { id: row.partnerId, name: row.partnerName },
      receivedAt: row.received_at,
      updatedAt: row.updated_at,
      consentWithdrawnAt: row.hidden_at,
      nomination: recordUnlessHidden(row) as NominationV2 | null,
    }
  );
}
