import { newId } from '@stue/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json } from '../../helpers.test-support.js';
import { aTourDay, at, plannerHub, type Planner, type TestHub } from '../fixtures.test-support.js';

let hub: TestHub;
let p: Planner;
beforeEach(async () => ({ hub, p } = await plannerHub()));
afterEach(() => hub.db.destroy());

const actions = async (entityId: string) =>
  (
    await hub.db
      .selectFrom('audit_events')
      .select('action')
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute()
  ).map((r) => r.action);

describe('POST /api/v1/tour-days', () => {
  it('201 with the defaults filled in; replay 200; another body with the same id 409', async () => {
    const musician = await p.musician();
    const input = aTourDay(musician.id);
    delete input.maxConcerts;
    delete input.concertMinutes;
    delete input.bufferMinutes;
    const res = await p.send('POST', '/api/v1/tour-days', input);
    expect(res.status).toBe(201);
    const day = await json(res);
    expect(day).toMatchObject({
      ...input,
      maxConcerts: 3,
      concertMinutes: 60,
      bufferMinutes: 30,
      createdBy: p.coordinatorId,
    });
    expect(await actions(input.id)).toEqual(['created']);
    await p.expectReplayAndConflict('/api/v1/tour-days', input, day, { windowEnd: '15:00' });
  });

  it('400 with an issue at musicianId for an unknown or inactive musician', async () => {
    const unknown = await p.send('POST', '/api/v1/tour-days', aTourDay(newId()));
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).error).toMatchObject({
      code: 'invalid_body',
      issues: [{ path: 'musicianId', code: 'not_found', message: 'Musikeren findes ikke' }],
    });
    const resting = await p.musician({ active: false });
    const inactive = await p.send('POST', '/api/v1/tour-days', aTourDay(resting.id), {
      'accept-language': 'en',
    });
    expect(inactive.status).toBe(400);
    expect((await json(inactive)).error.issues).toEqual([
      { path: 'musicianId', code: 'inactive', message: 'The musician takes no new tour days' },
    ]);
    expect(await hub.db.selectFrom('tour_days').select('id').execute()).toEqual([]);
  });

  it('400 for an invalid window, an unknown field or a hub field', async () => {
    const musician = await p.musician();
    const cases: [object, string, string][] = [
      [{ windowStart: '16:00', windowEnd: '10:00' }, 'windowEnd', 'window_end_before_start'],
      [{ windowStart: '10:00', windowEnd: '10:30' }, 'windowEnd', 'window_too_short'],
      [{ date: '2030-02-30' }, 'date', 'invalid_date'],
      [{ maxConcerts: 7 }, 'maxConcerts', 'out_of_range'],
      [{ createdBy: 'x' }, 'createdBy', 'unknown_key'],
    ];
    for (const [overrides, path, code] of cases) {
      const res = await p.send('POST', '/api/v1/tour-days', {
        ...aTourDay(musician.id),
        ...overrides,
      });
      expect(res.status, JSON.stringify(overrides)).toBe(400);
      expect((await json(res)).error.issues).toContainEqual(
        expect.objectContaining({ path, code }),
      );
    }
  });
});

describe('GET /api/v1/tour-days', () => {
  it('lists by date, filters by range and musician, and pages', async () => {
    const signe = await p.musician({ name: 'Signe' });
    const anders = await p.musician({ name: 'Anders' });
    const dates = ['2030-05-09', '2030-05-07', '2030-05-08', '2030-05-10'];
    for (const date of dates) await p.tourDay(signe.id, { date });
    await p.tourDay(anders.id, { date: '2030-05-08' });

    const all = await json(await p.get('/api/v1/tour-days'));
    expect(all.items.map((d: { date: string }) => d.date)).toEqual([
      '2030-05-07',
      '2030-05-08',
      '2030-05-08',
      '2030-05-09',
      '2030-05-10',
    ]);
    const range = await json(await p.get('/api/v1/tour-days?from=2030-05-08&to=2030-05-09'));
    expect(range.items).toHaveLength(3);
    const his = await json(await p.get(`/api/v1/tour-days?musician=${anders.id}`));
    expect(his.items.map((d: { musicianId: string }) => d.musicianId)).toEqual([anders.id]);

    const seen: string[] = [];
    let cursor = '';
    for (;;) {
      const body = await json(
        await p.get(`/api/v1/tour-days?limit=2${cursor && `&cursor=${cursor}`}`),
      );
      seen.push(...body.items.map((d: { id: string }) => d.id));
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
    }
    expect(seen).toEqual(all.items.map((d: { id: string }) => d.id));
  });

  it('400 invalid_parameter for a bad date, musician or cursor', async () => {
    for (const query of [
      'from=7-5-2030',
      'to=2030-13-01',
      'musician=42',
      'cursor=x',
      'sort=date',
    ]) {
      const res = await p.get(`/api/v1/tour-days?${query}`);
      expect(res.status, query).toBe(400);
      expect((await json(res)).error.code).toBe('invalid_parameter');
    }
  });
});

describe('GET /api/v1/tour-days/{id}', () => {
  it('200 with the day and its bookings in start order; 400 malformed; 404 unknown', async () => {
    const day = await p.tourDay();
    const late = await p.booking(day.id, at('14:00'));
    const early = await p.booking(day.id, at('10:00'), { confirm: true });
    const body = await json(await p.get(`/api/v1/tour-days/${day.id}`));
    expect(body).toMatchObject({ ...day, bookings: [{ id: early.id }, { id: late.id }] });
    expect(body.history).toEqual([
      { at: day.createdAt, actor: expect.stringMatching(/^coordinator:/), action: 'created' },
    ]);
    expect(body.bookings[0]).toMatchObject({
      status: 'confirmed',
      nomination: { reference: early.reference, status: 'booked', host: { firstName: 'Inger' } },
    });
    expect((await p.get('/api/v1/tour-days/x')).status).toBe(400);
    expect((await p.get(`/api/v1/tour-days/${newId()}`)).status).toBe(404);
  });
});

describe('PATCH /api/v1/tour-days/{id}', () => {
  it('changes the fields sent and audits the change', async () => {
    const day = await p.tourDay();
    const res = await p.send('PATCH', `/api/v1/tour-days/${day.id}`, {
      windowEnd: '15:00',
      maxConcerts: 2,
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      ...day,
      windowEnd: '15:00',
      maxConcerts: 2,
      updatedAt: expect.any(String),
    });
    expect(await actions(day.id)).toEqual(['created', 'updated']);
    const read = await json(await p.get(`/api/v1/tour-days/${day.id}`));
    expect(read.history).toEqual([
      expect.objectContaining({ action: 'created', actor: expect.stringMatching(/^coordinator:/) }),
      expect.objectContaining({
        action: 'updated',
        details: { changed: expect.arrayContaining(['windowEnd', 'maxConcerts']) },
      }),
    ]);
  });

  it('checks the result as a whole: a window that ends before it starts is 400', async () => {
    const day = await p.tourDay();
    const res = await p.send('PATCH', `/api/v1/tour-days/${day.id}`, { windowEnd: '08:00' });
    expect(res.status).toBe(400);
    expect((await json(res)).error.issues).toContainEqual(
      expect.objectContaining({ path: 'windowEnd', code: 'window_end_before_start' }),
    );
  });

  it('lets another active musician take the day, but not an unknown one', async () => {
    const day = await p.tourDay();
    const substitute = await p.musician({ name: 'Vikar' });
    const moved = await p.send('PATCH', `/api/v1/tour-days/${day.id}`, {
      musicianId: substitute.id,
    });
    expect((await json(moved)).musicianId).toBe(substitute.id);
    const unknown = await p.send('PATCH', `/api/v1/tour-days/${day.id}`, { musicianId: newId() });
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).error.issues[0]).toMatchObject({
      path: 'musicianId',
      code: 'not_found',
    });
  });

  it('409 tour_day_has_bookings when an active booking would no longer fit', async () => {
    const day = await p.tourDay();
    await p.booking(day.id, at('09:00'));
    await p.booking(day.id, at('15:00'), { confirm: true });
    for (const patch of [
      { windowEnd: '15:30' },
      { windowStart: '10:00' },
      { date: '2030-05-08' },
      { maxConcerts: 1 },
      { windowEnd: '20:00', concertMinutes: 121, bufferMinutes: 240 },
    ]) {
      const res = await p.send('PATCH', `/api/v1/tour-days/${day.id}`, patch);
      expect(res.status, JSON.stringify(patch)).toBe(409);
      expect((await json(res)).error.code).toBe('tour_day_has_bookings');
    }
    const fits = await p.send('PATCH', `/api/v1/tour-days/${day.id}`, { windowEnd: '16:00' });
    expect(fits.status).toBe(200);
  });

  it('400 malformed id, 404 unknown id', async () => {
    expect((await p.send('PATCH', '/api/v1/tour-days/x', { maxConcerts: 2 })).status).toBe(400);
    expect((await p.send('PATCH', `/api/v1/tour-days/${newId()}`, { maxConcerts: 2 })).status).toBe(
      404,
    );
  });
});

describe('DELETE /api/v1/tour-days/{id}', () => {
  it('204 for a day without bookings; then 404', async () => {
    const day = await p.tourDay();
    const res = await p.send('DELETE', `/api/v1/tour-days/${day.id}`);
    expect(res.status).toBe(204);
    expect((await p.get(`/api/v1/tour-days/${day.id}`)).status).toBe(404);
    expect(await actions(day.id)).toEqual(['created', 'deleted']);
    expect((await p.send('DELETE', `/api/v1/tour-days/${day.id}`)).status).toBe(404);
  });

  it('takes proposed and cancelled bookings with it, keeping their audit trail', async () => {
    const day = await p.tourDay();
    const proposed = await p.booking(day.id, at('09:00'));
    const cancelled = await p.booking(day.id, at('12:00'));
    await p.act(`/api/v1/bookings/${cancelled.id}/cancel`, { reason: 'Afbud' });
    expect((await p.send('DELETE', `/api/v1/tour-days/${day.id}`)).status).toBe(204);
    expect((await p.get(`/api/v1/bookings/${proposed.id}`)).status).toBe(404);
    expect(await actions(proposed.id)).toEqual(['created', 'deleted']);
    expect(await actions(cancelled.id)).toEqual(['created', 'cancel', 'deleted']);
  });

  it('409 tour_day_has_bookings while a booking is confirmed, held or a no-show', async () => {
    for (const last of ['confirmed', 'held', 'no-show']) {
      const day = await p.tourDay();
      const booking = await p.booking(day.id, at('10:00'), { confirm: true });
      if (last === 'held') await p.act(`/api/v1/bookings/${booking.id}/held`);
      if (last === 'no-show')
        await p.act(`/api/v1/bookings/${booking.id}/no-show`, { reason: 'x' });
      const res = await p.send('DELETE', `/api/v1/tour-days/${day.id}`);
      expect(res.status, last).toBe(409);
      expect((await json(res)).error.code).toBe('tour_day_has_bookings');
      expect((await p.get(`/api/v1/tour-days/${day.id}`)).status).toBe(200);
    }
  });

  it('400 for a malformed id; 403 without the CSRF token', async () => {
    expect((await p.send('DELETE', '/api/v1/tour-days/nope')).status).toBe(400);
    const day = await p.tourDay();
    const res = await hub.app.request(`/api/v1/tour-days/${day.id}`, {
      method: 'DELETE',
      headers: { cookie: p.session.cookie },
    });
    expect(res.status).toBe(403);
  });
});
