import {
  exampleBookingInput,
  exampleMusicianInput,
  exampleNominationV2,
  exampleTourDayInput,
  newId,
} from '@stue/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json, withKey } from '../../helpers.test-support.js';
import { at, plannerHub, type Planner, type TestHub } from '../fixtures.test-support.js';

let hub: TestHub;
let p: Planner;
let day: { id: string };
beforeEach(async () => {
  ({ hub, p } = await plannerHub());
  day = await p.tourDay(); // 09:00–17:00, three concerts of 60 minutes, 30 minutes between
});
afterEach(() => hub.db.destroy());

const propose = (body: object) => p.send('POST', '/api/v1/bookings', body);
const detail = async (id: string) => json(await p.get(`/api/v1/bookings/${id}`));
describe('POST /api/v1/bookings', () => {
  it('201: a proposed booking, with who it is for, its history and the moves it allows', async () => {
    const nomination = await p.nomination();
    const input = p.bookingInput(nomination.id, day.id, at('10:00'));
    const res = await propose(input);
    expect(res.status).toBe(201);
    const booking = await json(res);
    expect(booking).toMatchObject({
      ...input,
      status: 'proposed',
      reschedules: [],
      createdBy: p.coordinatorId,
      nomination: {
        id: nomination.id,
        reference: nomination.reference,
        status: 'accepted',
        host: { firstName: 'Inger', municipalityCode: '751' },
      },
      history: [
        {
          actor: `coordinator:${p.coordinatorId}`,
          action: 'created',
          details: { to: 'proposed', tourDayId: day.id, start: input.start },
        },
      ],
    });
    expect(booking.allowedActions.map((a: { action: string }) => a.action)).toEqual([
      'confirm',
      'cancel',
      'reschedule',
    ]);
    expect(booking.allowedActions[0].href).toBe(`/api/v1/bookings/${input.id}/confirm`);
    expect(JSON.stringify(booking)).not.toMatch(/2030 ?40 ?50|20304050|hearing/);
    // The nomination is booked only when the booking is confirmed.
    expect(await p.partnerStatus(nomination.reference)).toBe('accepted');
    const row = await hub.db
      .selectFrom('bookings')
      .select('start')
      .where('id', '=', input.id)
      .executeTakeFirstOrThrow();
    expect(row.start).toBe('2030-05-07T10:00');
  });

  it('answers a replay with 200 and the booking; another body with the same id is 409', async () => {
    const nomination = await p.nomination();
    const input = p.bookingInput(nomination.id, day.id, at('10:00'));
    await propose(input);
    const again = await propose(input);
    expect(again.status).toBe(200);
    expect((await json(again)).id).toBe(input.id);
    const other = await propose({ ...input, start: at('11:00') });
    expect(other.status).toBe(409);
    expect((await json(other)).error.code).toBe('record_conflict');
  });

  it('409 nomination_not_accepted, with the status, for a nomination not accepted', async () => {
    for (const status of ['received', 'in-review'] as const) {
      const nomination = await p.nomination(status);
      const res = await propose(p.bookingInput(nomination.id, day.id, at('10:00')));
      expect(res.status).toBe(409);
      expect((await json(res)).error).toMatchObject({ code: 'nomination_not_accepted', status });
    }
    expect(await hub.db.selectFrom('bookings').select('id').execute()).toEqual([]);
  });

  it('409 nomination_has_booking for a second active booking of one nomination', async () => {
    const booked = await p.booking(day.id, at('09:00'));
    const res = await propose(p.bookingInput(booked.nominationId, day.id, at('12:00')));
    expect(res.status).toBe(409);
    expect((await json(res)).error.code).toBe('nomination_has_booking');
    await p.act(`/api/v1/bookings/${booked.id}/cancel`, { reason: 'Ny tid' });
    expect((await propose(p.bookingInput(booked.nominationId, day.id, at('12:00')))).status).toBe(
      201,
    );
  });

  it('400 with an issue per unknown reference', async () => {
    const res = await propose({
      ...p.bookingInput(newId(), newId(), at('10:00')),
      contactCoordinatorId: 'coordinator-unknown',
    });
    expect(res.status).toBe(400);
    expect((await json(res)).error.issues.map((i: { path: string; code: string }) => i)).toEqual([
      { path: 'nominationId', code: 'not_found', message: 'Indstillingen findes ikke' },
      { path: 'tourDayId', code: 'not_found', message: 'Turnédagen findes ikke' },
      { path: 'contactCoordinatorId', code: 'not_found', message: 'Koordinatoren findes ikke' },
    ]);
  });

  it('400 with an issue at start unless the concert fits the window, on the day’s date', async () => {
    const nomination = await p.nomination();
    for (const start of [
      at('08:59'),
      at('16:01'), // ends after 17:00
      at('10:00', '2030-05-08'),
      '2030-05-07T10:00:00Z', // 12:00 in Denmark: fits — the control case below
    ]) {
      const res = await propose(p.bookingInput(nomination.id, day.id, start));
      if (start.endsWith('Z')) {
        expect(res.status).toBe(201);
        expect((await json(res)).start).toBe(start);
        continue;
      }
      expect(res.status, start).toBe(400);
      expect((await json(res)).error.issues).toEqual([
        expect.objectContaining({ path: 'start', code: 'outside_window' }),
      ]);
    }
    // The last start that still ends by 17:00.
    const edge = await p.nomination();
    expect((await propose(p.bookingInput(edge.id, day.id, at('16:00')))).status).toBe(201);
  });

  it('409 booking_overlap within a concert and its buffer; 409 tour_day_full at the maximum', async () => {
    await p.booking(day.id, at('10:00'));
    const nomination = await p.nomination();
    for (const start of [at('10:00'), at('10:45'), at('09:31'), at('11:29')]) {
      const res = await propose(p.bookingInput(nomination.id, day.id, start));
      expect(res.status, start).toBe(409);
      expect((await json(res)).error.code).toBe('booking_overlap');
    }
    await p.booking(day.id, at('11:30'));
    await p.booking(day.id, at('13:00'), { confirm: true });
    const full = await propose(p.bookingInput(nomination.id, day.id, at('15:00')));
    expect(full.status).toBe(409);
    expect((await json(full)).error.code).toBe('tour_day_full');
  });

  it('400 for a body with hub fields, a bad start or an unknown key', async () => {
    const nomination = await p.nomination();
    const cases: [object, string, string][] = [
      [{ status: 'confirmed' }, 'status', 'unknown_key'],
      [{ reschedules: [] }, 'reschedules', 'unknown_key'],
      [{ start: '2030-05-07T10:00' }, 'start', 'invalid_datetime'],
      [{ tourDayId: 'x' }, 'tourDayId', 'invalid_id'],
    ];
    for (const [overrides, path, code] of cases) {
      const res = await propose({
        ...p.bookingInput(nomination.id, day.id, at('10:00')),
        ...overrides,
      });
      expect(res.status).toBe(400);
      expect((await json(res)).error.issues).toContainEqual(
        expect.objectContaining({ path, code }),
      );
    }
  });

  it('accepts the examples of the API description, in order', async () => {
    // The examples refer to one another; the booking's contact coordinator is `coordinator-1`.
    await hub.db
      .insertInto('coordinators')
      .values({
        id: 'coordinator-1',
        email: 'c1@example.dk',
        name: 'Koordinator',
        password_hash: 'x',
        created_at: new Date().toISOString(),
        disabled_at: null,
      })
      .execute();
    const nomination = exampleNominationV2();
    await hub.app.request('/api/v1/nominations', {
      method: 'POST',
      headers: withKey('pk_demo'),
      body: JSON.stringify(nomination),
    });
    await p.act(`/api/v1/nominations/${nomination.id}/review`);
    await p.act(`/api/v1/nominations/${nomination.id}/accept`);
    expect((await p.send('POST', '/api/v1/musicians', exampleMusicianInput())).status).toBe(201);
    expect((await p.send('POST', '/api/v1/tour-days', exampleTourDayInput())).status).toBe(201);
    expect((await propose(exampleBookingInput())).status).toBe(201);
    const { id } = exampleBookingInput();
    const moved = await p.send('POST', `/api/v1/bookings/${id}/reschedule`, {
      start: '2025-05-06T13:30:00+02:00',
      reason: 'Værten ønsker eftermiddag',
    });
    expect(moved.status).toBe(200);
  });
});

describe('concurrent writes', () => {
  it('never books a tour day beyond its maximum, however many ask at once', async () => {
    const wide = await p.tourDay(undefined, { windowStart: '08:00', windowEnd: '20:00' });
    const nominations = [];
    for (let i = 0; i < 6; i++) nominations.push(await p.nomination());
    const starts = ['08:00', '09:30', '11:00', '12:30', '14:00', '15:30'];
    const answers = await Promise.all(
      nominations.map((n, i) => propose(p.bookingInput(n.id, wide.id, at(starts[i]!)))),
    );
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses).toEqual([201, 201, 201, 409, 409, 409]);
    const { items } = await json(await p.get(`/api/v1/bookings?tourDay=${wide.id}`));
    expect(items).toHaveLength(3);
  });

  it('confirms a booking once when two coordinators confirm it at the same time', async () => {
    const booking = await p.booking(day.id, at('10:00'));
    const answers = await Promise.all([
      p.send('POST', `/api/v1/bookings/${booking.id}/confirm`),
      p.send('POST', `/api/v1/bookings/${booking.id}/confirm`),
    ]);
    expect(answers.map((res) => res.status).sort()).toEqual([200, 409]);
    expect((await p.nominationAudit(booking.nominationId)).map((e) => e.action)).toEqual([
      'received',
      'review',
      'accept',
      'book',
    ]);
  });
});

describe('GET /api/v1/bookings', () => {
  it('lists in start order and filters by date, tour day, status and nomination', async () => {
    const other = await p.tourDay(undefined, { date: '2030-05-08' });
    const late = await p.booking(day.id, at('14:00'));
    const early = await p.booking(day.id, at('09:00'), { confirm: true });
    const next = await p.booking(other.id, at('10:00', '2030-05-08'));
    const ids = async (query: string) =>
      (await json(await p.get(`/api/v1/bookings${query}`))).items.map((b: { id: string }) => b.id);
    expect(await ids('')).toEqual([early.id, late.id, next.id]);
    expect(await ids('?date=2030-05-07')).toEqual([early.id, late.id]);
    expect(await ids('?date=2030-05-08')).toEqual([next.id]);
    expect(await ids(`?tourDay=${other.id}`)).toEqual([next.id]);
    expect(await ids('?status=confirmed')).toEqual([early.id]);
    expect(await ids('?status=confirmed&status=proposed')).toEqual([early.id, late.id, next.id]);
    expect(await ids(`?nomination=${late.nominationId}`)).toEqual([late.id]);
    const first = await json(await p.get('/api/v1/bookings?limit=2'));
    expect(first.items).toHaveLength(2);
    const rest = await json(await p.get(`/api/v1/bookings?limit=2&cursor=${first.nextCursor}`));
    expect(rest.items.map((b: { id: string }) => b.id)).toEqual([next.id]);
    expect(rest.nextCursor).toBeNull();
  });

  it('400 invalid_parameter for bad filters', async () => {
    for (const query of [
      'date=tomorrow',
      'status=lost',
      'tourDay=1',
      'cursor=x',
      'limit=500',
      'x=1',
    ]) {
      const res = await p.get(`/api/v1/bookings?${query}`);
      expect(res.status, query).toBe(400);
      expect((await json(res)).error.code).toBe('invalid_parameter');
    }
  });
});

describe('GET /api/v1/bookings/{id}', () => {
  it('400 for a malformed id, 404 for an unknown one', async () => {
    expect((await json(await p.get('/api/v1/bookings/1'))).error.code).toBe('invalid_parameter');
    expect((await json(await p.get(`/api/v1/bookings/${newId()}`))).error.code).toBe('not_found');
  });
});

describe('the booking lifecycle', () => {
  it('propose → confirm → held: the nomination goes accepted → booked → completed', async () => {
    const booking = await p.booking(day.id, at('10:00'));
    const confirmed = await p.act(`/api/v1/bookings/${booking.id}/confirm`);
    expect(confirmed).toMatchObject({ status: 'confirmed', nomination: { status: 'booked' } });
    expect(await p.partnerStatus(booking.reference)).toBe('booked');
    const held = await p.act(`/api/v1/bookings/${booking.id}/held`);
    expect(held).toMatchObject({ status: 'held', allowedActions: [] });
    expect(await p.partnerStatus(booking.reference)).toBe('completed');
    expect(held.history.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'confirm',
      'hold',
    ]);
    expect(held.history[2].details).toEqual({ from: 'confirmed', to: 'held' });
    expect((await p.nominationAudit(booking.nominationId)).map((e) => e.action)).toEqual([
      'received',
      'review',
      'accept',
      'book',
      'complete',
    ]);
  });

  it('propose → cancel needs a reason; the nomination stays accepted', async () => {
    const booking = await p.booking(day.id, at('10:00'));
    for (const body of [undefined, {}, { reason: '   ' }]) {
      const res = await p.send('POST', `/api/v1/bookings/${booking.id}/cancel`, body);
      expect(res.status).toBe(400);
      expect((await json(res)).error).toMatchObject({
        code: 'reason_required',
        issues: [{ path: 'reason', code: 'required' }],
      });
    }
    expect((await detail(booking.id)).status).toBe('proposed');
    const cancelled = await p.act(`/api/v1/bookings/${booking.id}/cancel`, {
      reason: '  Afbud fra besøgsvennen ',
    });
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.history.at(-1)).toMatchObject({
      action: 'cancel',
      reason: 'Afbud fra besøgsvennen',
      details: { from: 'proposed', to: 'cancelled' },
    });
    expect(await p.partnerStatus(booking.reference)).toBe('accepted');
  });

  it('confirm → cancel: the nomination goes back to accepted, with the reason', async () => {
    const booking = await p.booking(day.id, at('10:00'), { confirm: true });
    await p.act(`/api/v1/bookings/${booking.id}/cancel`, { reason: 'Værten er syg' });
    expect(await p.partnerStatus(booking.reference)).toBe('accepted');
    expect((await p.nominationAudit(booking.nominationId)).at(-1)).toMatchObject({
      action: 'unbook',
      reason: 'Værten er syg',
    });
    // The pair waits again and can be booked anew.
    const res = await propose(p.bookingInput(booking.nominationId, day.id, at('14:00')));
    expect(res.status).toBe(201);
  });

  it('confirm → no-show needs a reason; the nomination goes back to accepted', async () => {
    const booking = await p.booking(day.id, at('10:00'), { confirm: true });
    const res = await p.send('POST', `/api/v1/bookings/${booking.id}/no-show`, {});
    expect((await json(res)).error.code).toBe('reason_required');
    const missed = await p.act(`/api/v1/bookings/${booking.id}/no-show`, {
      reason: 'Ingen lukkede op',
    });
    expect(missed.status).toBe('no-show');
    expect(await p.partnerStatus(booking.reference)).toBe('accepted');
  });

  it('409 illegal_transition with the status and the moves allowed now', async () => {
    const booking = await p.booking(day.id, at('10:00'));
    const early = await p.send('POST', `/api/v1/bookings/${booking.id}/held`);
    expect(early.status).toBe(409);
    const { error } = await json(early);
    expect(error).toMatchObject({ code: 'illegal_transition', status: 'proposed' });
    expect(error.allowedActions.map((a: { href: string }) => a.href)).toEqual([
      `/api/v1/bookings/${booking.id}/confirm`,
      `/api/v1/bookings/${booking.id}/cancel`,
      `/api/v1/bookings/${booking.id}/reschedule`,
    ]);
    await p.act(`/api/v1/bookings/${booking.id}/confirm`);
    await p.act(`/api/v1/bookings/${booking.id}/held`);
    for (const move of ['confirm', 'held', 'cancel', 'no-show', 'reschedule']) {
      const res = await p.send('POST', `/api/v1/bookings/${booking.id}/${move}`, {
        reason: 'x',
        ...(move === 'reschedule' ? { start: at('12:00') } : {}),
      });
      expect(res.status, move).toBe(409);
      expect((await json(res)).error).toMatchObject({
        code: 'illegal_transition',
        status: 'held',
        allowedActions: [],
      });
    }
  });

  it('confirm refuses (409 nomination_not_accepted) when the nomination is no longer accepted', async () => {
    const booking = await p.booking(day.id, at('10:00'));
    // Set aside behind the hub's back, as a partner withdrawal through another route might.
    await hub.db
      .updateTable('nominations')
      .set({ status: 'withdrawn' })
      .where('id', '=', booking.nominationId)
      .execute();
    const res = await p.send('POST', `/api/v1/bookings/${booking.id}/confirm`);
    expect(res.status).toBe(409);
    expect((await json(res)).error).toMatchObject({
      code: 'nomination_not_accepted',
      status: 'withdrawn',
    });
    expect((await detail(booking.id)).status).toBe('proposed');
  });

  it('confirm → reschedule keeps the status and the history, on the same or another day', async () => {
    const booking = await p.booking(day.id, at('10:00'), { confirm: true });
    const later = await p.act(`/api/v1/bookings/${booking.id}/reschedule`, {
      start: at('14:00'),
      reason: 'Værten ønsker eftermiddag',
    });
    expect(later).toMatchObject({
      status: 'confirmed',
      start: at('14:00'),
      reschedules: [
        {
          from: at('10:00'),
          to: at('14:00'),
          by: { kind: 'coordinator', id: p.coordinatorId },
          reason: 'Værten ønsker eftermiddag',
        },
      ],
    });
    const other = await p.tourDay(undefined, { date: '2030-05-08' });
    const moved = await p.act(`/api/v1/bookings/${booking.id}/reschedule`, {
      start: at('10:00', '2030-05-08'),
      tourDayId: other.id,
    });
    expect(moved).toMatchObject({ status: 'confirmed', tourDayId: other.id });
    expect(moved.reschedules.map((r: { from: string; to: string }) => [r.from, r.to])).toEqual([
      [at('10:00'), at('14:00')],
      [at('14:00'), at('10:00', '2030-05-08')],
    ]);
    expect(moved.history.at(-1)).toMatchObject({
      action: 'reschedule',
      details: {
        from: 'confirmed',
        to: 'confirmed',
        previousStart: at('14:00'),
        start: at('10:00', '2030-05-08'),
        previousTourDayId: day.id,
        tourDayId: other.id,
      },
    });
    expect(await p.partnerStatus(booking.reference)).toBe('booked');
    const listed = await json(await p.get('/api/v1/bookings?date=2030-05-08'));
    expect(listed.items.map((b: { id: string }) => b.id)).toEqual([booking.id]);
  });

  it('reschedule must fit like a new booking, and does not collide with itself', async () => {
    const booking = await p.booking(day.id, at('10:00'));
    await p.booking(day.id, at('14:00'));
    const near = await p.send('POST', `/api/v1/bookings/${booking.id}/reschedule`, {
      start: at('10:30'),
    });
    expect(near.status).toBe(200);
    const clash = await p.send('POST', `/api/v1/bookings/${booking.id}/reschedule`, {
      start: at('13:00'),
    });
    expect((await json(clash)).error.code).toBe('booking_overlap');
    const outside = await p.send('POST', `/api/v1/bookings/${booking.id}/reschedule`, {
      start: at('17:00'),
    });
    expect((await json(outside)).error.issues[0]).toMatchObject({
      path: 'start',
      code: 'outside_window',
    });
    const nowhere = await p.send('POST', `/api/v1/bookings/${booking.id}/reschedule`, {
      start: at('12:00'),
      tourDayId: newId(),
    });
    expect((await json(nowhere)).error.issues[0]).toMatchObject({
      path: 'tourDayId',
      code: 'not_found',
    });
    const missing = await p.send('POST', `/api/v1/bookings/${booking.id}/reschedule`, {});
    expect((await json(missing)).error.issues[0]).toMatchObject({
      path: 'start',
      code: 'required',
    });
    expect((await detail(booking.id)).reschedules).toHaveLength(1);
  });

  it('400 for a malformed id or body, 404 for an unknown booking, 403 without CSRF', async () => {
    expect((await p.send('POST', '/api/v1/bookings/x/confirm')).status).toBe(400);
    expect((await p.send('POST', `/api/v1/bookings/${newId()}/confirm`)).status).toBe(404);
    const booking = await p.booking(day.id, at('10:00'));
    const extra = await p.send('POST', `/api/v1/bookings/${booking.id}/confirm`, {
      status: 'held',
    });
    expect((await json(extra)).error.issues[0]).toMatchObject({
      path: 'status',
      code: 'unknown_key',
    });
    const res = await hub.app.request(`/api/v1/bookings/${booking.id}/confirm`, {
      method: 'POST',
      headers: { cookie: p.session.cookie },
    });
    expect(res.status).toBe(403);
    expect((await detail(booking.id)).status).toBe('proposed');
  });

  it('moves booking and nomination with their audit rows in one transaction', async () => {
    const booking = await p.booking(day.id, at('10:00'));
    await sql`ALTER TABLE audit_events RENAME TO audit_events_away`.execute(hub.db);
    const res = await p.send('POST', `/api/v1/bookings/${booking.id}/confirm`);
    expect(res.status).toBe(500);
    await sql`ALTER TABLE audit_events_away RENAME TO audit_events`.execute(hub.db);
    expect((await detail(booking.id)).status).toBe('proposed');
    expect(await p.partnerStatus(booking.reference)).toBe('accepted');
  });
});
