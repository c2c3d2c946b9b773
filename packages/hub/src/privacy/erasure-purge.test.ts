import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isPostgres } from '../db/database.js';
import { createKey } from '../partners/keys.js';
import { plannerHub, type Planner, type TestHub } from '../planning/fixtures.test-support.js';
import { json, withKey } from '../helpers.test-support.js';

// RELIABILITY.md S12 on either database: the webhook outbox and the delivery log keep nothing of
// an erased pair, and on PostgreSQL the erased tables are vacuumed afterwards (the byte-level
// proof for SQLite files is erased-bytes.test.ts).

let hub: TestHub;
let p: Planner;

beforeEach(async () => {
  ({ hub, p } = await plannerHub());
  const secret = (await createKey(hub.db, 'demo-partner', 'secret'))!.key;
  const res = await hub.app.request('/api/v1/partner/webhooks', {
    method: 'POST',
    headers: withKey(secret),
    body: JSON.stringify({
      url: 'https://partner.example/stue-events',
      events: ['nomination.status_changed'],
    }),
  });
  expect(res.status).toBe(201);
});
afterEach(() => hub.db.destroy());

/** The deliveries (with their attempts) whose event names the nomination `id`. */
async function deliveriesAbout(id: string) {
  const rows = await hub.db.selectFrom('webhook_deliveries').select(['id', 'payload']).execute();
  const ids = rows.filter((row) => row.payload.includes(id)).map((row) => row.id);
  const attempts =
    ids.length === 0
      ? []
      : await hub.db
          .selectFrom('webhook_attempts')
          .where('delivery_id', 'in', ids)
          .selectAll()
          .execute();
  return { deliveries: ids.length, attempts: attempts.length };
}

// A failed attempt for every delivery, as the dispatcher records one.
async function attemptEveryDelivery() {
  const rows = await hub.db.selectFrom('webhook_deliveries').select('id').execute();
  for (const { id } of rows) {
    await hub.db
      .insertInto('webhook_attempts')
      .values({
        delivery_id: id,
        attempt: 1,
        at: new Date().toISOString(),
        status_code: 500,
        error: 'http_status',
        duration_ms: 3,
      })
      .execute();
  }
}

describe('erasure and the webhook outbox (S12)', () => {
  it("deletes the pair's deliveries and their attempts, sent or not, and keeps everyone else's", async () => {
    const erased = await p.nomination('accepted');
    const kept = await p.nomination('accepted');
    await attemptEveryDelivery();
    expect(await deliveriesAbout(erased.id)).toEqual({ deliveries: 2, attempts: 2 });

    const res = await p.send('POST', `/api/v1/nominations/${erased.id}/erase`, {
      reference: erased.reference,
    });
    expect(res.status).toBe(200);
    expect((await json(res)).removed).toMatchObject({ nominations: 1, webhookDeliveries: 2 });
    expect(await deliveriesAbout(erased.id)).toEqual({ deliveries: 0, attempts: 0 });
    expect(await deliveriesAbout(kept.id)).toEqual({ deliveries: 2, attempts: 2 });
    const log = JSON.stringify(await json(await p.get('/api/v1/webhooks/deliveries')));
    expect(log).not.toContain(erased.id);
    expect(log).not.toContain(erased.reference);
    expect(log).toContain(kept.reference);
  });

  it.skipIf(!process.env.STUE_TEST_DATABASE_URL)(
    'on PostgreSQL, vacuums the erased tables once the erasure has committed',
    async () => {
      expect(isPostgres(hub.db as never)).toBe(true);
      const erased = await p.nomination('accepted');
      const vacuumed = async () =>
        (
          await sql<{ relname: string }>`
            SELECT relname FROM pg_stat_user_tables
            WHERE schemaname = current_schema() AND last_vacuum IS NOT NULL`.execute(hub.db)
        ).rows.map((row) => row.relname);
      expect(await vacuumed()).not.toContain('nominations');
      const res = await p.send('POST', `/api/v1/nominations/${erased.id}/erase`, {
        reference: erased.reference,
      });
      expect(res.status).toBe(200);
      await expect
        .poll(vacuumed)
        .toEqual(
          expect.arrayContaining(['nominations', 'bookings', 'webhook_deliveries', 'audit_events']),
        );
    },
  );
});
