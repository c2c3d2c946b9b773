import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { newId } from '@stue/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCoordinator } from '../accounts/coordinators.js';
import { openDatabase } from '../db/database.js';
import { ephemeralHubKey } from '../devices/hub-key.js';
import { startServer } from '../server.js';
import { json } from '../helpers.test-support.js';
import { plannerHub, type Planner, type TestHub } from '../planning/fixtures.test-support.js';
import { emitWebhookEvent, registerEndpoint } from '../webhooks/store.js';
import { DEFAULT_RETENTION, retentionFromEnv, runRetention } from './retention.js';

let hub: TestHub;
let p: Planner;

const DAY = 86_400_000;

async function snapshot() {
  const tables = [
    'nominations',
    'consents',
    'bookings',
    'device_records',
    'sessions',
    'enrolment_codes',
    'erasures',
    'nomination_notes',
  ] as const;
  const out: Record<string, unknown> = {};
  for (const table of tables) {
    out[table] = (await hub.db.selectFrom(table).selectAll().execute())
      .map((row) => JSON.stringify(row))
      .sort();
  }
  return out;
}

describe('retention', () => {
  beforeEach(async () => ({ hub, p } = await plannerHub()));
  afterEach(() => hub.db.destroy());

  it('removes what its periods say, keeps the rest, and a second run changes nothing', async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 400 * DAY).toISOString();
    const declined = await p.nomination('in-review');
    await p.act(`/api/v1/nominations/${declined.id}/decline`, { reason: 'Passer ikke' });
    const recentlyDeclined = await p.nomination('in-review');
    await p.act(`/api/v1/nominations/${recentlyDeclined.id}/decline`, { reason: 'Passer ikke' });
    const waiting = await p.nomination('accepted');
    await hub.db
      .updateTable('nominations')
      .set({ updated_at: old })
      .where('id', 'in', [declined.id, waiting.id])
      .execute();

    const withdrawn = await p.nomination('received');
    await p.send('POST', `/api/v1/nominations/${withdrawn.id}/consents/withdraw`, {});
    const recentlyWithdrawn = await p.nomination('received');
    await p.send('POST', `/api/v1/nominations/${recentlyWithdrawn.id}/consents/withdraw`, {});
    await hub.db
      .updateTable('nominations')
      .set({ hidden_at: new Date(now.getTime() - 31 * DAY).toISOString() })
      .where('id', '=', withdrawn.id)
      .execute();

    // Coordinators' notes go with the pair they are about, and stay with the others.
    for (const { id } of [withdrawn, declined, recentlyWithdrawn]) {
      const noted = await p.send('POST', `/api/v1/nominations/${id}/notes`, {
        id: newId(),
        text: 'Ringede tirsdag',
      });
      expect(noted.status).toBe(201);
    }

    const coordinator = await hub.db
      .selectFrom('coordinators')
      .select('id')
      .executeTakeFirstOrThrow();
    await hub.db
      .insertInto('sessions')
      .values({
        token_hash: 'expired',
        coordinator_id: coordinator.id,
        csrf_token: 'x',
        created_at: old,
        expires_at: old,
      })
      .execute();

    const first = await runRetention(hub.db, DEFAULT_RETENTION, now);
    expect(first).toMatchObject({ erasedNominations: 2, deletedSessions: 1 });
    const ids = (await hub.db.selectFrom('nominations').select('id').execute()).map((r) => r.id);
    expect(ids).not.toContain(declined.id);
    expect(ids).not.toContain(withdrawn.id);
    expect(ids).toEqual(
      expect.arrayContaining([recentlyDeclined.id, waiting.id, recentlyWithdrawn.id]),
    );
    const noted = await hub.db.selectFrom('nomination_notes').select('nomination_id').execute();
    expect(noted.map((n) => n.nomination_id)).toEqual([recentlyWithdrawn.id]);
    const listed = (await hub.db.selectFrom('erasures').select('id').execute()).map((r) => r.id);
    expect(listed).toEqual(expect.arrayContaining([declined.id, withdrawn.id]));
    const sessions = await hub.db.selectFrom('sessions').select('token_hash').execute();
    expect(sessions.map((s) => s.token_hash)).not.toContain('expired');
    // The signed-in coordinator's session is not expired and stays.
    expect((await p.get('/api/v1/session')).status).toBe(200);

    const after = await snapshot();
    const second = await runRetention(hub.db, DEFAULT_RETENTION, now);
    expect(Object.values(second).every((n) => n === 0)).toBe(true);
    expect(await snapshot()).toEqual(after);
  });

  it('deletes feedback whose consent was withdrawn long enough ago, and old tablet records', async () => {
    const now = new Date();
    const nomination = await p.nomination('accepted');
    const musician = await p.musician();
    const day = await p.tourDay(musician.id);
    const booking = await json(
      await p.send(
        'POST',
        '/api/v1/bookings',
        p.bookingInput(nomination.id, day.id, '2030-05-07T10:00:00+02:00'),
      ),
    );
    const device = await p.tablet(musician.id, 'T');
    const record = (kind: string, seq: number, receivedAt: string) => ({
      id: newId(),
      device_id: device.device.id,
      kind,
      device_seq: seq,
      booking_id: booking.id,
      body: '{}',
      body_hash: '',
      received_at: receivedAt,
    });
    const recent = new Date(now.getTime() - DAY).toISOString();
    const ancient = new Date(now.getTime() - 1100 * DAY).toISOString();
    await hub.db
      .insertInto('device_records')
      .values([
        record('feedback-response', 1, recent),
        record('musician-debrief', 2, recent),
        record('musician-debrief', 3, ancient),
      ])
      .execute();
    await p.send('POST', `/api/v1/nominations/${nomination.id}/consents/withdraw`, {
      scopes: ['feedback'],
    });
    // Not yet: the withdrawal is new.
    expect(await runRetention(hub.db, DEFAULT_RETENTION, now)).toMatchObject({
      deletedFeedback: 0,
      deletedDeviceRecords: 1,
    });
    const later = new Date(now.getTime() + 31 * DAY);
    expect(await runRetention(hub.db, DEFAULT_RETENTION, later)).toMatchObject({
      deletedFeedback: 1,
      erasedNominations: 0,
    });
    const kinds = (await hub.db.selectFrom('device_records').select('kind').execute()).map(
      (r) => r.kind,
    );
    expect(kinds).toEqual(['musician-debrief']);
    expect(await runRetention(hub.db, DEFAULT_RETENTION, later)).toMatchObject({
      deletedFeedback: 0,
      deletedDeviceRecords: 0,
    });
  });

  it('deletes finished webhook deliveries with their attempts after their period, never a pending one', async () => {
    const now = new Date();
    const partner = await hub.db.selectFrom('partners').select('id').executeTakeFirstOrThrow();
    const registered = await registerEndpoint(hub.db, partner.id, {
      url: 'https://partner.example/hooks',
      events: ['nomination.status_changed'],
    });
    if (registered.kind !== 'created') throw new Error('no endpoint');
    const emit = () =>
      emitWebhookEvent(
        hub.db,
        partner.id,
        'nomination.status_changed',
        {
          nominationId: newId(),
          reference: 'STUE-TEST',
          from: 'in-review',
          to: 'accepted',
          changedAt: now.toISOString(),
        },
        now.toISOString(),
      );
    for (let i = 0; i < 5; i++) await emit();
    const deliveries = await hub.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .orderBy('id')
      .execute();
    const [oldDelivered, oldFailed, oldPending, recentDelivered, recentFailed] = deliveries.map(
      (d) => d.id,
    );
    const set = (id: string, status: string, daysAgo: number) =>
      hub.db
        .updateTable('webhook_deliveries')
        .set({ status, updated_at: new Date(now.getTime() - daysAgo * DAY).toISOString() })
        .where('id', '=', id)
        .execute();
    await set(oldDelivered!, 'delivered', 91);
    await set(oldFailed!, 'failed', 120);
    // Still being retried after all this time (the endpoint answers 5xx): it stays.
    await set(oldPending!, 'pending', 200);
    await set(recentDelivered!, 'delivered', 89);
    await set(recentFailed!, 'failed', 1);
    for (const id of [oldDelivered!, oldFailed!, oldPending!, recentDelivered!]) {
      await hub.db
        .insertInto('webhook_attempts')
        .values({
          delivery_id: id,
          attempt: 1,
          at: now.toISOString(),
          status_code: 500,
          error: null,
          duration_ms: 12,
        })
        .execute();
    }

    expect(await runRetention(hub.db, DEFAULT_RETENTION, now)).toMatchObject({
      deletedWebhookDeliveries: 2,
    });
    const left = await hub.db.selectFrom('webhook_deliveries').select('id').execute();
    expect(left.map((d) => d.id).sort()).toEqual(
      [oldPending!, recentDelivered!, recentFailed!].sort(),
    );
    const attempts = await hub.db.selectFrom('webhook_attempts').select('delivery_id').execute();
    expect(attempts.map((a) => a.delivery_id).sort()).toEqual(
      [oldPending!, recentDelivered!].sort(),
    );
    // The audit entry counts them; a second run removes nothing more.
    const audit = await hub.db
      .selectFrom('audit_events')
      .select('details')
      .where('entity', '=', 'retention')
      .execute();
    expect(audit.map((a) => JSON.parse(a.details ?? '{}'))).toContainEqual(
      expect.objectContaining({ deletedWebhookDeliveries: 2 }),
    );
    expect(await runRetention(hub.db, DEFAULT_RETENTION, now)).toMatchObject({
      deletedWebhookDeliveries: 0,
    });
    // A shorter period, set by the operator, takes the recent delivered one too.
    const policy = retentionFromEnv({ STUE_RETAIN_WEBHOOK_DELIVERY_DAYS: '30' });
    expect(await runRetention(hub.db, policy, now)).toMatchObject({ deletedWebhookDeliveries: 1 });
  });
});

describe('retention settings', () => {
  it('reads its periods from the environment and refuses what is not a number of days', () => {
    expect(retentionFromEnv({})).toEqual(DEFAULT_RETENTION);
    expect(retentionFromEnv({ STUE_RETAIN_CLOSED_NOMINATION_DAYS: '90' })).toEqual({
      ...DEFAULT_RETENTION,
      closedNominationDays: 90,
    });
    expect(() => retentionFromEnv({ STUE_RETAIN_DEVICE_RECORD_DAYS: 'a year' })).toThrow(
      /STUE_RETAIN_DEVICE_RECORD_DAYS/,
    );
    expect(() => retentionFromEnv({ STUE_RETAIN_WITHDRAWN_CONSENT_DAYS: '-1' })).toThrow();
    expect(retentionFromEnv({ STUE_RETAIN_WEBHOOK_DELIVERY_DAYS: '14' })).toEqual({
      ...DEFAULT_RETENTION,
      webhookDeliveryDays: 14,
    });
    expect(DEFAULT_RETENTION.webhookDeliveryDays).toBe(90);
  });
});

describe('retention in serve', () => {
  it('runs at start and logs counts only', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stue-retention-'));
    const file = join(dir, 'stue.sqlite');
    const db = await openDatabase(file);
    const coordinator = await createCoordinator(db, {
      email: 'r@example.dk',
      name: 'Rikke',
      password: 'en lang adgangskode',
    });
    const past = '2020-01-01T00:00:00.000Z';
    await db
      .insertInto('sessions')
      .values({
        token_hash: 'expired',
        coordinator_id: coordinator.id,
        csrf_token: 'x',
        created_at: past,
        expires_at: past,
      })
      .execute();
    await db.destroy();
    const logged: Record<string, unknown>[] = [];
    const hub = await startServer({
      port: 0,
      host: '127.0.0.1',
      databaseFile: file,
      demo: false,
      staticRoots: { demo: dir, embed: dir, kiosk: dir, console: dir },
      hubKey: await ephemeralHubKey(),
      log: (entry) => logged.push(entry),
      retention: { policy: DEFAULT_RETENTION, everyMs: 3_600_000 },
    });
    await expect.poll(() => logged.find((e) => e.msg === 'retention')).toBeTruthy();
    expect(logged.find((e) => e.msg === 'retention')).toMatchObject({
      deletedSessions: 1,
      deletedWebhookDeliveries: 0,
    });
    expect(await hub.db.selectFrom('sessions').selectAll().execute()).toEqual([]);
    await hub.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
