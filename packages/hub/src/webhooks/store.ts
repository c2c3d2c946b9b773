import { randomBytes } from 'node:crypto';
import { MAX_WEBHOOK_ENDPOINTS, newId, type WebhookEvent, type WebhookEventType } from '@stue/core';
import type { WebhookAttemptError, WebhookDeliveryStatus } from '@stue/core/client';
import type { HubDatabase } from '../db/database.js';
import { decodeCursor, page } from '../http/paging.js';
import { locksRows } from '../db/dialect.js';

/** A new signing secret: `whsec_` and 32 random bytes in base64 (Standard Webhooks). */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** A webhook endpoint as the API shows it: never its secret after creation. */
export interface EndpointView {
  id: string;
  partnerId: string;
  url: string;
  events: WebhookEventType[];
  description?: string;
  createdAt: string;
  disabledAt: string | null;
}

type EndpointRow = {
  id: string;
  partner_id: string;
  url: string;
  events: string;
  description: string | null;
  created_at: string;
  disabled_at: string | null;
};

const toEndpoint = (row: EndpointRow): EndpointView => ({
  id: row.id,
  partnerId: row.partner_id,
  url: row.url,
  events: JSON.parse(row.events) as WebhookEventType[],
  ...(row.description === null ? {} : { description: row.description }),
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
});

/**
 * Registers an endpoint for a partner and answers it with its secret, which is shown this once;
 * `limit` when the partner has {@link MAX_WEBHOOK_ENDPOINTS} active endpoints already.
 */
export async function registerEndpoint(
  db: HubDatabase,
  partnerId: string,
  input: { url: string; events: WebhookEventType[]; description?: string },
): Promise<{ kind: 'created'; endpoint: EndpointView & { secret: string } } | { kind: 'limit' }> {
  return db.transaction().execute(async (tx) => {
    // Serialises registrations of one partner on PostgreSQL, so two at once cannot pass the limit.
    await tx
      .selectFrom('partners')
      .select('id')
      .where('id', '=', partnerId)
      .$if(locksRows(db), (q) => q.forUpdate())
      .execute();
    const { n } = await tx
      .selectFrom('webhook_endpoints')
      .select((eb) => eb.fn.countAll<string | number>().as('n'))
      .where('partner_id', '=', partnerId)
      .where('disabled_at', 'is', null)
      .executeTakeFirstOrThrow();
    if (Number(n) >= MAX_WEBHOOK_ENDPOINTS) return { kind: 'limit' } as const;
    const row = {
      id: newId(),
      partner_id: partnerId,
      url: input.url,
      events: JSON.stringify(input.events),
      description: input.description || null,
      secret: newWebhookSecret(),
      created_at: new Date().toISOString(),
      disabled_at: null,
    };
    await tx.insertInto('webhook_endpoints').values(row).execute();
    return { kind: 'created', endpoint: { ...toEndpoint(row), secret: row.secret } } as const;
  });
}

/** Endpoints, newest first: one partner's, or every partner's (coordinators). */
export async function listEndpoints(db: HubDatabase, partnerId?: string) {
  const rows = await db
    .selectFrom('webhook_endpoints')
    .select(['id', 'partner_id', 'url', 'events', 'description', 'created_at', 'disabled_at'])
    .$if(partnerId !== undefined, (q) => q.where('partner_id', '=', partnerId!))
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toEndpoint);
}

/**
 * Removes a partner's endpoint: nothing more is sent to it, and its undelivered events are
 * marked failed. Answers `false` when the partner has no such active endpoint.
 */
export async function disableEndpoint(
  db: HubDatabase,
  partnerId: string,
  id: string,
): Promise<boolean> {
  const now = new Date().toISOString();
  return db.transaction().execute(async (tx) => {
    const done = await tx
      .updateTable('webhook_endpoints')
      .set({ disabled_at: now })
      .where('id', '=', id)
      .where('partner_id', '=', partnerId)
      .where('disabled_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) return false;
    await tx
      .updateTable('webhook_deliveries')
      .set({ status: 'failed', next_attempt_at: null, updated_at: now })
      .where('endpoint_id', '=', id)
      .where('status', '=', 'pending')
      .execute();
    return true;
  });
}

/**
 * Queues an event for every active endpoint of the partner that subscribed to it. Call inside
 * the transaction of the change it reports: the event is sent if and only if the change commits.
 */
export async function emitWebhookEvent<E extends WebhookEvent>(
  tx: HubDatabase,
  partnerId: string,
  type: E['type'],
  data: E['data'],
  now: string,
): Promise<void> {
  const endpoints = await tx
    .selectFrom('webhook_endpoints')
    .select(['id', 'events'])
    .where('partner_id', '=', partnerId)
    .where('disabled_at', 'is', null)
    .execute();
  const payload = JSON.stringify({ type, timestamp: now, data });
  for (const endpoint of endpoints) {
    if (!(JSON.parse(endpoint.events) as string[]).includes(type)) continue;
    await tx
      .insertInto('webhook_deliveries')
      .values({
        id: newId(),
        endpoint_id: endpoint.id,
        partner_id: partnerId,
        event_type: type,
        payload,
        status: 'pending',
        attempt_count: 0,
        next_attempt_at: now,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }
}

/** Filters and paging for {@link listDeliveries}. */
export interface DeliveryQuery {
  partnerId?: string;
  endpointId?: string;
  status?: WebhookDeliveryStatus[];
  limit: number;
  cursor?: string;
}

/**
 * The delivery log, newest first: each event with its status, when it is tried next, and every
 * attempt so far. `undefined` when the cursor is not one this function made.
 */
export async function listDeliveries(db: HubDatabase, query: DeliveryQuery) {
  let select = db
    .selectFrom('webhook_deliveries')
    .select([
      'id',
      'endpoint_id',
      'partner_id',
      'event_type',
      'status',
      'attempt_count',
      'next_attempt_at',
      'created_at',
      'payload',
    ])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(query.limit + 1);
  if (query.partnerId) select = select.where('partner_id', '=', query.partnerId);
  if (query.endpointId) select = select.where('endpoint_id', '=', query.endpointId);
  if (query.status?.length) select = select.where('status', 'in', query.status);
  if (query.cursor !== undefined) {
    const before = decodeCursor(query.cursor, 2);
    if (!before) return undefined;
    const [createdAt = '', id = ''] = before;
    select = select.where((eb) =>
      eb.or([
        eb('created_at', '<', createdAt),
        eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
      ]),
    );
  }
  const rows = await select.execute();
  const ids = rows.slice(0, query.limit).map((row) => row.id);
  const attempts =
    ids.length === 0
      ? []
      : await db
          .selectFrom('webhook_attempts')
          .select(['delivery_id', 'attempt', 'at', 'status_code', 'error', 'duration_ms'])
          .where('delivery_id', 'in', ids)
          .orderBy('attempt')
          .execute();
  return page(
    rows,
    query.limit,
    (row) => ({
      id: row.id,
      endpointId: row.endpoint_id,
      partnerId: row.partner_id,
      eventType: row.event_type as WebhookEventType,
      status: row.status as WebhookDeliveryStatus,
      createdAt: row.created_at,
      attemptCount: row.attempt_count,
      nextAttemptAt: row.next_attempt_at,
      payload: JSON.parse(row.payload) as WebhookEvent,
      attempts: attempts
        .filter((a) => a.delivery_id === row.id)
        .map((a) => ({
          attempt: a.attempt,
          at: a.at,
          statusCode: a.status_code,
          error: a.error as WebhookAttemptError | null,
          durationMs: a.duration_ms,
        })),
    }),
    (row) => [row.created_at, row.id],
  );
}
