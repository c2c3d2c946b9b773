import { sql } from 'kysely';
import type {
  BookingFeedback,
  CallDone,
  CallTask,
  CallTaskFor,
  DebriefView,
  Lang,
} from '@stue/core';
import {
  openSealedJson,
  SEAL_CONTEXTS,
  StueSealingError,
  type SealedEnvelope,
} from '@stue/core/sealing';
import { isUniqueViolation, type HubDatabase } from '../db/database.js';
import { isPostgres } from '../db/dialect.js';
import { hasRow } from '../db/rows.js';
import type { HubKey } from '../devices/index.js';
import { decodeCursor, page } from '../http/paging.js';
import { writeAudit } from '../audit/store.js';
import { readableDebrief, readableResponse, type ReadableResponse } from './render.js';

/** Whether a call has been made: what a coordinator filters the call tasks by. */
export const CALL_STATES = ['open', 'done'] as const;
export type CallState = (typeof CALL_STATES)[number];
export { CALL_TASK_FOR } from '@stue/core';

// The answers' types are core's, so that the hub and the console cannot disagree on them.
export type { BookingFeedback, CallDone, CallTask };
/** A musician's debrief with its call, if any. */
export type DebriefWithCall = DebriefView;

// The debrief's "would like a call", read inside the stored JSON by each database's own means.
const wantsCall = (db: HubDatabase) =>
  isPostgres(db as never)
    ? sql<boolean>`(device_records.body::jsonb ->> 'wouldLikeACall') = 'true'`
    : sql<boolean>`json_extract(device_records.body, '$.wouldLikeACall') = 1`;

// The peer the debrief names, if any, read the same way.
const peerOf = (db: HubDatabase) =>
  isPostgres(db as never)
    ? sql<string | null>`(device_records.body::jsonb ->> 'peerId')`
    : sql<string | null>`json_extract(device_records.body, '$.peerId')`;

const doneOf = (row: {
  done_at: string | null;
  done_by: string | null;
  done_by_name: string | null;
  note: string | null;
}): CallDone | null =>
  row.done_at === null
    ? null
    : { at: row.done_at, by: { id: row.done_by ?? '', name: row.done_by_name }, note: row.note };

/**
 * A booking's feedback and debriefs, opened with the hub's key and rendered in `lang`, or
 * `undefined` when there is no such booking. Reading is logged: the audit entry
 * (`feedback-read`, entity `feedback`, the booking's id) is written before anything is returned,
 * so no read goes unrecorded.
 */
export async function readBookingFeedback(
  db: HubDatabase,
  hubKey: HubKey,
  bookingId: string,
  lang: Lang,
  coordinatorId: string,
): Promise<BookingFeedback | undefined> {
  if (!(await hasRow(db, 'bookings', bookingId))) return undefined;
  const rows = await db
    .selectFrom('device_records')
    .leftJoin('debrief_calls', 'debrief_calls.debrief_id', 'device_records.id')
    .leftJoin('coordinators', 'coordinators.id', 'debrief_calls.done_by')
    .select([
      'device_records.id',
      'device_records.kind',
      'device_records.body',
      'device_records.received_at',
      'debrief_calls.done_at',
      'debrief_calls.done_by',
      'debrief_calls.note',
      'coordinators.name as done_by_name',
    ])
    .where('device_records.booking_id', '=', bookingId)
    .orderBy('device_records.received_at')
    .orderBy('device_records.id')
    .execute();

  await writeAudit(db, {
    at: new Date().toISOString(),
    actor: `coordinator:${coordinatorId}`,
    entity: 'feedback',
    entityId: bookingId,
    action: 'feedback-read',
    details: {
      responses: rows.filter((r) => r.kind === 'feedback-response').length,
      debriefs: rows.filter((r) => r.kind === 'musician-debrief').length,
    },
  });

  const responses: ReadableResponse[] = [];
  const debriefs: DebriefWithCall[] = [];
  for (const row of rows) {
    const record = { id: row.id, receivedAt: row.received_at };
    if (row.kind === 'feedback-response') {
      responses.push(readableResponse(record, await open(hubKey, row.body), lang));
    } else if (row.kind === 'musician-debrief') {
      const debrief = readableDebrief(record, JSON.parse(row.body));
      const done = doneOf(row);
      debriefs.push({
        ...debrief,
        call: debrief.wouldLikeACall ? { state: done ? 'done' : 'open', done } : null,
      });
    }
  }
  return { bookingId, responses, debriefs };
}

// A response the hub cannot open (its key replaced without the old one) is shown as unreadable
// rather than failing the whole page.
async function open(hubKey: HubKey, body: string): Promise<unknown> {
  try {
    return await openSealedJson(
      hubKey.privateKeyJwk,
      JSON.parse(body) as SealedEnvelope,
      SEAL_CONTEXTS.feedbackResponse,
    );
  } catch (error) {
    if (error instanceof StueSealingError || error instanceof SyntaxError) return undefined;
    throw error;
  }
}

const taskQuery = (db: HubDatabase) =>
  db
    .selectFrom('device_records')
    .innerJoin('devices', 'devices.id', 'device_records.device_id')
    .innerJoin('musicians', 'musicians.id', 'devices.musician_id')
    .leftJoin('bookings', 'bookings.id', 'device_records.booking_id')
    .leftJoin('tour_days', 'tour_days.id', 'bookings.tour_day_id')
    .leftJoin('nominations', 'nominations.id', 'bookings.nomination_id')
    .leftJoin('debrief_calls', 'debrief_calls.debrief_id', 'device_records.id')
    .leftJoin('coordinators', 'coordinators.id', 'debrief_calls.done_by')
    .select([
      'device_records.id',
      'device_records.body',
      'device_records.received_at',
      'musicians.id as musician_id',
      'musicians.name as musician_name',
      'musicians.body as musician_body',
      'bookings.id as booking_id',
      'bookings.start',
      'tour_days.date',
      'nominations.body as nomination_body',
      'nominations.hidden_at as nomination_hidden_at',
      'debrief_calls.done_at',
      'debrief_calls.done_by',
      'debrief_calls.note',
      'coordinators.name as done_by_name',
    ])
    .where('device_records.kind', '=', 'musician-debrief')
    .where(wantsCall(db));

type TaskRow = Awaited<ReturnType<ReturnType<typeof taskQuery>['execute']>>[number];

type Peer = { id: string; name: string; phone: string };

// The musicians' phone numbers are kept in their records.
const phoneIn = (body: string): string => (JSON.parse(body) as { phone?: string }).phone ?? '';

/** The peers the tasks' debriefs name, by id, with their names and phone numbers. */
async function peersOf(db: HubDatabase, rows: TaskRow[]): Promise<Map<string, Peer>> {
  const ids = [...new Set(rows.flatMap((row) => peerIdOf(row) ?? []))];
  if (ids.length === 0) return new Map();
  const musicians = await db
    .selectFrom('musicians')
    .select(['id', 'name', 'body'])
    .where('id', 'in', ids)
    .execute();
  return new Map(musicians.map((m) => [m.id, { id: m.id, name: m.name, phone: phoneIn(m.body) }]));
}

const peerIdOf = (row: TaskRow): string | undefined =>
  (JSON.parse(row.body) as { peerId?: string }).peerId;

function toTask(row: TaskRow, peers: Map<string, Peer>): CallTask {
  const debrief = readableDebrief(
    { id: row.id, receivedAt: row.received_at },
    JSON.parse(row.body),
  );
  const done = doneOf(row);
  const host =
    row.nomination_body === null || row.nomination_hidden_at !== null
      ? undefined
      : (
          JSON.parse(row.nomination_body) as {
            host?: { firstName?: string; municipalityCode?: string };
          }
        ).host;
  return {
    id: row.id,
    state: done ? 'done' : 'open',
    musician: { id: row.musician_id, name: row.musician_name, phone: phoneIn(row.musician_body) },
    peer: peerIdOf(row) === undefined ? null : (peers.get(peerIdOf(row) ?? '') ?? null),
    booking:
      row.booking_id === null || row.start === null || row.date === null
        ? null
        : {
            id: row.booking_id,
            date: row.date,
            start: row.start,
            host:
              row.nomination_hidden_at === null
                ? {
                    firstName: host?.firstName ?? '',
                    municipalityCode: host?.municipalityCode ?? '',
                  }
                : null,
          },
    receivedAt: row.received_at,
    howItWent: debrief.howItWent,
    done,
  };
}

/**
 * The debriefs whose musician asked for a call, a page at a time: the open ones longest waiting
 * first, the done ones most recently done first; with `for`, only those for the coordinator or
 * only those for a peer. `undefined` for a cursor the hub did not make.
 */
export async function listCallTasks(
  db: HubDatabase,
  query: { state: CallState; for?: CallTaskFor; limit: number; cursor?: string },
) {
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor, 2);
  if (query.cursor !== undefined && after === undefined) return undefined;
  const [key = '', id = ''] = after ?? [];
  const tasks = () =>
    taskQuery(db).$if(query.for !== undefined, (q) =>
      q.where(peerOf(db), query.for === 'peer' ? 'is not' : 'is', null),
    );
  const rows =
    query.state === 'open'
      ? await tasks()
          .where('debrief_calls.debrief_id', 'is', null)
          .$if(after !== undefined, (q) =>
            q.where((eb) =>
              eb.or([
                eb('device_records.received_at', '>', key),
                eb.and([
                  eb('device_records.received_at', '=', key),
                  eb('device_records.id', '>', id),
                ]),
              ]),
            ),
          )
          .orderBy('device_records.received_at')
          .orderBy('device_records.id')
          .limit(query.limit + 1)
          .execute()
      : await tasks()
          .where('debrief_calls.debrief_id', 'is not', null)
          .$if(after !== undefined, (q) =>
            q.where((eb) =>
              eb.or([
                eb('debrief_calls.done_at', '<', key),
                eb.and([eb('debrief_calls.done_at', '=', key), eb('device_records.id', '<', id)]),
              ]),
            ),
          )
          .orderBy('debrief_calls.done_at', 'desc')
          .orderBy('device_records.id', 'desc')
          .limit(query.limit + 1)
          .execute();
  const peers = await peersOf(db, rows);
  return page(
    rows,
    query.limit,
    (row) => toTask(row, peers),
    (row) => [(query.state === 'open' ? row.received_at : row.done_at) ?? '', row.id],
  );
}

/** One call task, or `undefined` when there is no debrief asking for a call with this id. */
export async function findCallTask(db: HubDatabase, id: string): Promise<CallTask | undefined> {
  const row = await taskQuery(db).where('device_records.id', '=', id).executeTakeFirst();
  return row && toTask(row, await peersOf(db, [row]));
}

/**
 * Marks a musician's requested call as made, with an optional note. Idempotent: a call already
 * marked keeps its first time, coordinator and note, and nothing is written again. The mark and
 * its audit entry (`call-done`) commit together. `undefined` when no debrief asks for a call
 * with this id.
 */
export async function markCallDone(
  db: HubDatabase,
  id: string,
  coordinatorId: string,
  note: string | undefined,
): Promise<CallTask | undefined> {
  const task = await findCallTask(db, id);
  if (!task) return undefined;
  if (task.state === 'done') return task;
  const at = new Date().toISOString();
  try {
    await db.transaction().execute(async (tx) => {
      await tx
        .insertInto('debrief_calls')
        .values({
          debrief_id: id,
          done_at: at,
          done_by: coordinatorId,
          note: note && note !== '' ? note : null,
        })
        .execute();
      await writeAudit(tx, {
        at,
        actor: `coordinator:${coordinatorId}`,
        entity: 'musician-debrief',
        entityId: id,
        action: 'call-done',
      });
    });
  } catch (error) {
    // Another coordinator marked it at the same moment: theirs stands.
    if (!isUniqueViolation(error)) throw error;
  }
  return findCallTask(db, id);
}
