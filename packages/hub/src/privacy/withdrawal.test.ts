import { newId } from '@stue/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKey } from '../partners/keys.js';
import { at, plannerHub, type Planner, type TestHub } from '../planning/fixtures.test-support.js';
import { aNomination, json, withKey } from '../helpers.test-support.js';

// RELIABILITY.md S14: withdrawn consent closes every door. After the host withdraws, no API —
// partner or coordinator — answers with the pair's details; the status, the reference and dates
// that name nobody are all that is left.

let hub: TestHub;
let p: Planner;
let secretKey: string;

beforeEach(async () => {
  ({ hub, p } = await plannerHub());
  secretKey = (await createKey(hub.db, 'demo-partner', 'secret'))!.key;
});
afterEach(() => hub.db.destroy());

// Strings found nowhere else in a response: any of them in a body after the withdrawal is a leak.
const SENTINELS = [
  'Sentinelhost',
  'Sentinelfriend',
  'Sentinelnominator',
  '29876543',
  '28765432',
  'sentinel@example.dk',
  'Sentinelorganisation',
  'Sentinelwish',
] as const;

const leaks = (text: string) => SENTINELS.filter((sentinel) => text.includes(sentinel));

const asPartner = (path: string) => hub.app.request(path, { headers: withKey(secretKey) });
const asPartnerPost = (path: string, body: unknown) =>
  hub.app.request(path, {
    method: 'POST',
    headers: withKey(secretKey),
    body: JSON.stringify(body),
  });

/** A nomination sent with the publishable key, accepted, with a confirmed booking. */
async function bookedPair() {
  const nomination = aNomination({
    nominator: {
      role: 'local-expert',
      name: 'Sentinelnominator',
      organisation: 'Sentinelorganisation',
      phone: '28765432',
      email: 'sentinel@example.dk',
    },
    host: { firstName: 'Sentinelhost', municipalityCode: '751' },
    visitingFriend: { firstName: 'Sentinelfriend', phone: '29876543' },
    preferences: { musicWishes: 'Sentinelwish' },
  });
  const sent = await hub.app.request('/api/v1/nominations', {
    method: 'POST',
    headers: withKey('pk_demo'),
    body: JSON.stringify(nomination),
  });
  expect(sent.status).toBe(201);
  const { reference } = await json(sent);
  await p.act(`/api/v1/nominations/${nomination.id}/review`);
  await p.act(`/api/v1/nominations/${nomination.id}/accept`);
  const day = await p.tourDay();
  const booking = await json(
    await p.send('POST', '/api/v1/bookings', p.bookingInput(nomination.id, day.id, at('10:00'))),
  );
  await p.act(`/api/v1/bookings/${booking.id}/confirm`);
  // The musician's tablet asks for a call about the concert: a task for the coordinators.
  const code = await json(
    await p.send('POST', '/api/v1/devices/enrolment-codes', { musicianId: day.musicianId }),
  );
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    hub.app.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
  const { device, token } = await json(
    await post('/api/v1/devices/enrol', { code: code.code, name: 'Tablet' }),
  );
  const debrief = {
    schemaVersion: 2,
    id: newId(),
    bookingId: booking.id,
    deviceId: device.id,
    deviceSeq: 1,
    howItWent: 'mixed',
    wasAnythingHard: false,
    wouldLikeACall: true,
  };
  const asked = await post(
    '/api/v1/debriefs',
    { id: debrief.id, deviceSeq: 1, kind: 'musician-debrief', body: debrief },
    { authorization: `Bearer ${token}` },
  );
  expect(asked.status).toBe(201);
  return {
    id: nomination.id,
    reference: reference as string,
    bookingId: booking.id as string,
    day,
  };
}

/** Every read a partner's server or a coordinator can make about the pair, as text. */
async function everyDoor(pair: Awaited<ReturnType<typeof bookedPair>>) {
  const reads: [string, Response | Promise<Response>][] = [
    ['partner list', asPartner('/api/v1/partner/nominations')],
    ['partner detail', asPartner(`/api/v1/partner/nominations/${pair.id}`)],
    ['partner deliveries', asPartner('/api/v1/partner/webhooks/deliveries')],
    [
      'partner status',
      hub.app.request(`/api/v1/nominations/${pair.reference}/status`, {
        headers: withKey('pk_demo'),
      }),
    ],
    ['coordinator list', p.get('/api/v1/nominations?status=withdrawn')],
    ['coordinator detail', p.get(`/api/v1/nominations/${pair.id}`)],
    ['bookings', p.get(`/api/v1/bookings?nomination=${pair.id}`)],
    ['booking', p.get(`/api/v1/bookings/${pair.bookingId}`)],
    ['calendar', p.get(`/api/v1/bookings/${pair.bookingId}.ics`)],
    ['tour day', p.get(`/api/v1/tour-days/${pair.day.id}`)],
    ['call tasks', p.get('/api/v1/tasks')],
  ];
  const texts: Record<string, string> = {};
  for (const [name, read] of reads) {
    const res = await read;
    expect(res.status, name).toBe(200);
    texts[name] = await res.text();
  }
  return texts;
}

describe('withdrawn consent closes every door (S14)', () => {
  it('the partner reads the details before the withdrawal and only the status after it', async () => {
    await json(
      await hub.app.request('/api/v1/partner/webhooks', {
        method: 'POST',
        headers: withKey(secretKey),
        body: JSON.stringify({
          url: 'https://api.besoeg.example/stue',
          events: ['nomination.status_changed', 'booking.cancelled'],
        }),
      }),
    );
    const pair = await bookedPair();
    const before = await everyDoor(pair);
    // The doors are open while consent holds: the test would pass vacuously otherwise.
    expect(leaks(before['partner detail']!)).toEqual([...SENTINELS]);
    expect(leaks(before['coordinator detail']!)).toEqual([...SENTINELS]);
    for (const door of ['booking', 'bookings', 'calendar', 'tour day', 'call tasks']) {
      expect(before[door], door).toContain('Sentinelhost');
    }

    const withdrawn = await p.send('POST', `/api/v1/nominations/${pair.id}/consents/withdraw`, {
      reason: 'Ringede og sagde nej tak',
    });
    expect(withdrawn.status).toBe(200);

    const after = await everyDoor(pair);
    for (const [door, text] of Object.entries(after)) expect(leaks(text), door).toEqual([]);

    const detail = JSON.parse(after['partner detail']!);
    expect(detail).toMatchObject({
      id: pair.id,
      reference: pair.reference,
      status: 'withdrawn',
      nomination: null,
      consentWithdrawnAt: expect.any(String),
    });
    expect(detail.history.at(-1)).toMatchObject({ action: 'withdraw', to: 'withdrawn' });
    const listed = JSON.parse(after['partner list']!).items;
    expect(listed).toEqual([
      expect.objectContaining({ id: pair.id, status: 'withdrawn', nomination: null }),
    ]);
    expect(listed[0].consentWithdrawnAt).toBe(detail.consentWithdrawnAt);
  });

  it('a partner polling with updatedSince sees the withdrawal, and hears nomination.status_changed only when the status moves', async () => {
    await asPartnerPost('/api/v1/partner/webhooks', {
      url: 'https://api.besoeg.example/stue',
      events: ['nomination.status_changed'],
    });
    const booked = await bookedPair();
    const declined = await p.nomination('in-review');
    await p.act(`/api/v1/nominations/${declined.id}/decline`, { reason: 'Passer ikke' });
    const ids = [booked.id, declined.id];
    await hub.db
      .updateTable('nominations')
      .set({ updated_at: '2026-01-01T00:00:00.000Z' })
      .where('id', 'in', ids)
      .execute();
    const since = '2026-02-01T00:00:00.000Z';
    const changedSince = async () =>
      (await json(await asPartner(`/api/v1/partner/nominations?updatedSince=${since}`))).items;
    expect(await changedSince()).toEqual([]);
    const statusEvents = async () =>
      (
        await hub.db
          .selectFrom('webhook_deliveries')
          .select('payload')
          .where('event_type', '=', 'nomination.status_changed')
          .orderBy('id')
          .execute()
      )
        .map((row) => JSON.parse(row.payload).data)
        .filter((data) => ids.includes(data.nominationId));
    const before = await statusEvents();

    for (const id of ids) {
      const res = await p.send('POST', `/api/v1/nominations/${id}/consents/withdraw`, {});
      expect(res.status).toBe(200);
    }

    const seen = await changedSince();
    expect(seen).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: booked.id, status: 'withdrawn', nomination: null }),
        expect.objectContaining({ id: declined.id, status: 'declined', nomination: null }),
      ]),
    );
    expect(seen).toHaveLength(2);
    for (const item of seen) {
      expect(item.consentWithdrawnAt).toEqual(expect.any(String));
      expect(item.updatedAt > since).toBe(true);
    }
    // The booked one moved to withdrawn: one event, ids and statuses only. The declined one
    // stays declined: no event (the partner learns of the withdrawal by polling).
    const events = (await statusEvents()).slice(before.length);
    expect(events).toEqual([
      {
        nominationId: booked.id,
        reference: booked.reference,
        from: 'booked',
        to: 'withdrawn',
        changedAt: seen.find((item: { id: string }) => item.id === booked.id).updatedAt,
      },
    ]);
  });

  it('a coordinator sees that it exists, its status and history, and can still act on it', async () => {
    const pair = await bookedPair();
    await p.send('POST', `/api/v1/nominations/${pair.id}/notes`, {
      id: '01890000-0000-7000-8000-0000000000aa',
      text: 'Sentinelhost ringer tilbage i morgen',
    });
    await p.send('POST', `/api/v1/nominations/${pair.id}/consents/withdraw`, {});
    const item = await json(await p.get(`/api/v1/nominations/${pair.id}`));
    expect(item).toMatchObject({
      id: pair.id,
      reference: pair.reference,
      status: 'withdrawn',
      partner: { id: 'demo-partner' },
      nomination: null,
      consentWithdrawnAt: expect.any(String),
      notes: [],
    });
    expect(item.history.map((h: { action: string }) => h.action)).toContain('withdraw');
    const booking = await json(await p.get(`/api/v1/bookings/${pair.bookingId}`));
    expect(booking.status).toBe('cancelled');
    expect(booking.nomination).toMatchObject({ reference: pair.reference, host: null });

    // The "consent and data" section still works: the consents, export and erasure.
    const consents = await json(await p.get(`/api/v1/nominations/${pair.id}/consents`));
    expect(consents.items.every((c: { withdrawnAt: string | null }) => c.withdrawnAt)).toBe(true);
    expect((await p.get(`/api/v1/nominations/${pair.id}/export`)).status).toBe(200);

    // The host's yes recorded again opens the doors again.
    const yes = await p.hostConsents(pair.id);
    expect(yes.status).toBe(201);
    const shown = await json(await p.get(`/api/v1/nominations/${pair.id}`));
    expect(shown.nomination.host.firstName).toBe('Sentinelhost');
    expect(shown.consentWithdrawnAt).toBeNull();
    expect(shown.notes).toHaveLength(1);
    const partner = await json(await asPartner(`/api/v1/partner/nominations/${pair.id}`));
    expect(partner.nomination.host.firstName).toBe('Sentinelhost');

    const erased = await p.send('POST', `/api/v1/nominations/${pair.id}/erase`, {
      reference: pair.reference,
    });
    expect(erased.status).toBe(200);
  });
});
