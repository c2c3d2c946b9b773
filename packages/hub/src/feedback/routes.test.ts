import { newId } from '@stue/core';
import { generateHubKeyPair, seal, SEAL_CONTEXTS } from '@stue/core/sealing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json, testHub } from '../helpers.test-support.js';
import { concertWithTablet } from './fixtures.test-support.js';

let hub: Awaited<ReturnType<typeof testHub>>;
let concert: Awaited<ReturnType<typeof concertWithTablet>>;

beforeEach(async () => {
  hub = await testHub();
  concert = await concertWithTablet(hub);
});
afterEach(() => hub.db.destroy());

const feedbackOf = (bookingId: string, lang = 'da') =>
  concert.p.get(`/api/v1/bookings/${bookingId}/feedback`, { 'accept-language': lang });

const reads = () =>
  hub.db
    .selectFrom('audit_events')
    .selectAll()
    .where('action', '=', 'feedback-read')
    .orderBy('id')
    .execute();

describe("a booking's feedback", () => {
  it('opens each response and renders it against the instrument, in the request’s language', async () => {
    await concert.feedback({
      role: 'host',
      answeredWithHelp: true,
      answers: {
        visit: { choices: ['good'] },
        feelings: { choices: ['moved', 'sad', 'reminded'] },
        seen: { skipped: true },
      },
    });
    await concert.feedback({
      role: 'visiting-friend',
      answers: { visit: { choices: ['in-between'] } },
    });
    const res = await feedbackOf(concert.booking.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = await json(res);
    expect(body.bookingId).toBe(concert.booking.id);
    expect(body.responses).toHaveLength(2);
    const [host, friend] = body.responses;
    expect(host).toMatchObject({
      readable: true,
      role: 'host',
      answeredWithHelp: true,
      instrument: { id: 'stue-home-concert', version: 1, title: 'Efter koncerten' },
    });
    expect(host.answers[0]).toEqual({
      questionId: 'visit',
      question: 'Hvordan var besøget?',
      state: 'answered',
      choices: [{ id: 'good', label: 'Godt', pictogram: 'face-happy' }],
    });
    expect(host.answers[1].choices.map((c: { label: string }) => c.label)).toEqual([
      'Rørt',
      'Trist',
      'Mindet om noget',
    ]);
    expect(host.answers[2]).toMatchObject({ questionId: 'seen', state: 'skipped', choices: [] });
    // Questions asked of the host that the host did not reach.
    expect(host.answers.slice(3).every((a: { state: string }) => a.state === 'not-reached')).toBe(
      true,
    );
    expect(host.answers.map((a: { questionId: string }) => a.questionId)).not.toContain(
      'shared-with-host',
    );
    expect(friend).toMatchObject({ role: 'visiting-friend', answeredWithHelp: false });
    expect(friend.answers.map((a: { questionId: string }) => a.questionId)).toContain(
      'shared-with-host',
    );

    const english = await json(await feedbackOf(concert.booking.id, 'en'));
    expect(english.responses[0].answers[0]).toMatchObject({
      question: 'How was the visit?',
      choices: [{ label: 'Good' }],
    });
  });

  it('shows the debriefs with their call, whichever debrief version they are', async () => {
    const wantsCall = await concert.debrief({
      howItWent: 'hard',
      anythingHard: 'Fjernsynet kørte hele tiden.',
      wouldLikeACall: true,
      note: 'Jeg vil gerne tale om det.',
    });
    // A newer tablet's debrief with a yes/no "was anything hard", stored as sent.
    const newer = newId();
    await hub.db
      .insertInto('device_records')
      .values({
        id: newer,
        device_id: concert.deviceId,
        kind: 'musician-debrief',
        device_seq: 99,
        booking_id: concert.booking.id,
        body: JSON.stringify({
          schemaVersion: 2,
          id: newer,
          howItWent: 'good',
          wasAnythingHard: false,
          wouldLikeACall: false,
        }),
        body_hash: 'x',
        received_at: '2999-01-01T00:00:00.000Z',
      })
      .execute();
    const body = await json(await feedbackOf(concert.booking.id));
    expect(body.debriefs).toEqual([
      {
        id: wantsCall,
        receivedAt: expect.any(String),
        howItWent: 'hard',
        // Sent as version 1; the hub keeps it as version 2, where a text means yes.
        wasAnythingHard: true,
        anythingHard: 'Fjernsynet kørte hele tiden.',
        wouldLikeACall: true,
        note: 'Jeg vil gerne tale om det.',
        call: { state: 'open', done: null },
      },
      {
        id: newer,
        receivedAt: '2999-01-01T00:00:00.000Z',
        howItWent: 'good',
        wasAnythingHard: false,
        anythingHard: null,
        wouldLikeACall: false,
        note: null,
        call: null,
      },
    ]);
  });

  it('shows a response it cannot open as unreadable instead of failing', async () => {
    const other = await generateHubKeyPair();
    const id = newId();
    const envelope = await seal(other.publicKeyJwk, { id }, SEAL_CONTEXTS.feedbackResponse);
    await hub.db
      .insertInto('device_records')
      .values({
        id,
        device_id: concert.deviceId,
        kind: 'feedback-response',
        device_seq: 50,
        booking_id: concert.booking.id,
        body: JSON.stringify(envelope),
        body_hash: 'x',
        received_at: new Date().toISOString(),
      })
      .execute();
    const body = await json(await feedbackOf(concert.booking.id));
    expect(body.responses).toEqual([{ id, receivedAt: expect.any(String), readable: false }]);
  });

  it('logs every read in the audit trail, with who read and how much', async () => {
    await concert.feedback();
    await feedbackOf(concert.booking.id);
    await feedbackOf(concert.booking.id);
    const logged = await reads();
    expect(logged).toHaveLength(2);
    expect(logged[0]).toMatchObject({
      actor: `coordinator:${concert.p.coordinatorId}`,
      entity: 'feedback',
      entity_id: concert.booking.id,
      action: 'feedback-read',
    });
    expect(JSON.parse(logged[0]!.details!)).toEqual({ responses: 1, debriefs: 0 });
    // The booking's own history (and its calendar sequence) is not touched by reading.
    const booking = await json(await concert.p.get(`/api/v1/bookings/${concert.booking.id}`));
    expect(booking.history.map((h: { action: string }) => h.action)).not.toContain('feedback-read');
  });

  it('answers 400 for a malformed id and 404 for an unknown booking, and logs neither', async () => {
    const bad = await feedbackOf('not-an-id');
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.code).toBe('invalid_parameter');
    const missing = await feedbackOf(newId(), 'en');
    expect(missing.status).toBe(404);
    expect(await json(missing)).toMatchObject({
      error: { code: 'not_found', message: 'Not found.' },
    });
    expect(await reads()).toHaveLength(0);
  });

  it('lists no feedback for a booking with none, and still logs the read', async () => {
    const body = await json(await feedbackOf(concert.booking.id));
    expect(body).toEqual({ bookingId: concert.booking.id, responses: [], debriefs: [] });
    expect(await reads()).toHaveLength(1);
  });
});

describe('call tasks', () => {
  const tasks = (query = '') => concert.p.get(`/api/v1/tasks${query}`);
  const callDone = (id: string, body?: unknown, headers: object = {}) =>
    concert.p.send('POST', `/api/v1/tasks/${id}/call-done`, body, headers);

  it('lists the musicians who would like a call, longest waiting first', async () => {
    const first = await concert.debrief({ howItWent: 'hard', wouldLikeACall: true });
    await concert.debrief({ howItWent: 'good', wouldLikeACall: false });
    const second = await concert.debrief({ howItWent: 'mixed', wouldLikeACall: true });
    const res = await tasks();
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.nextCursor).toBeNull();
    expect(body.items.map((t: { id: string }) => t.id)).toEqual([first, second]);
    expect(body.items[0]).toEqual({
      id: first,
      state: 'open',
      musician: { id: concert.musician.id, name: 'Maja Musiker', phone: concert.musician.phone },
      peer: null,
      booking: {
        id: concert.booking.id,
        date: '2030-05-07',
        start: '2030-05-07T10:00',
        host: { firstName: 'Inger', municipalityCode: '751' },
      },
      receivedAt: expect.any(String),
      howItWent: 'hard',
      done: null,
    });
    expect((await json(await tasks('?state=done'))).items).toEqual([]);
  });

  it('pages with a cursor, and refuses a state, limit or cursor it does not know', async () => {
    const ids = [];
    for (let i = 0; i < 3; i += 1) ids.push(await concert.debrief({ wouldLikeACall: true }));
    const one = await json(await tasks('?limit=2'));
    expect(one.items.map((t: { id: string }) => t.id)).toEqual(ids.slice(0, 2));
    const two = await json(await tasks(`?limit=2&cursor=${one.nextCursor}`));
    expect(two.items.map((t: { id: string }) => t.id)).toEqual(ids.slice(2));
    expect(two.nextCursor).toBeNull();
    for (const query of ['?state=closed', '?limit=0', '?cursor=nonsense', '?other=1']) {
      const res = await tasks(query);
      expect(res.status, query).toBe(400);
      expect((await json(res)).error.code).toBe('invalid_parameter');
    }
  });

  it('marks a call done once, with its note, and keeps the first mark on a repeat', async () => {
    const id = await concert.debrief({ howItWent: 'hard', wouldLikeACall: true });
    const res = await callDone(id, { note: '  Talte om parkering.  ' });
    expect(res.status).toBe(200);
    const done = await json(res);
    expect(done).toMatchObject({
      id,
      state: 'done',
      done: {
        at: expect.any(String),
        by: { id: concert.p.coordinatorId, name: 'Mette Koordinator' },
        note: 'Talte om parkering.',
      },
    });
    const again = await callDone(id, { note: 'Noget andet' });
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual(done);
    expect((await json(await tasks())).items).toEqual([]);
    expect((await json(await tasks('?state=done'))).items).toEqual([done]);
    const audit = await hub.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'call-done')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      entity: 'musician-debrief',
      entity_id: id,
      actor: `coordinator:${concert.p.coordinatorId}`,
      reason: null,
    });
    const feedback = await json(
      await concert.p.get(`/api/v1/bookings/${concert.booking.id}/feedback`),
    );
    expect(feedback.debriefs[0].call).toEqual({ state: 'done', done: done.done });
  });

  it('marks a call done without a note, or with an empty body', async () => {
    const a = await concert.debrief({ wouldLikeACall: true });
    const b = await concert.debrief({ wouldLikeACall: true });
    expect((await json(await callDone(a, {}))).done.note).toBeNull();
    const empty = await hub.app.request(`/api/v1/tasks/${b}/call-done`, {
      method: 'POST',
      headers: concert.p.session.headers,
    });
    expect(empty.status).toBe(200);
  });

  it('refuses a note with a CPR number or too long, and changes nothing', async () => {
    const id = await concert.debrief({ wouldLikeACall: true });
    const cpr = await callDone(id, { note: 'Ring til 010203-1234' });
    expect(cpr.status).toBe(400);
    expect(await json(cpr)).toMatchObject({
      error: { code: 'invalid_body', issues: [{ path: 'note', code: 'cpr_not_allowed' }] },
    });
    expect(JSON.stringify(await json(await callDone(id, { note: 'x'.repeat(301) })))).toContain(
      'too_long',
    );
    const extra = await callDone(id, { note: 'ok', done: false });
    expect(extra.status).toBe(400);
    expect((await json(await tasks())).items).toHaveLength(1);
    expect(await hub.db.selectFrom('debrief_calls').selectAll().execute()).toEqual([]);
  });

  it('needs the CSRF token, and 404s a debrief that asked for no call or does not exist', async () => {
    const id = await concert.debrief({ wouldLikeACall: true });
    const noCsrf = await callDone(id, {}, { 'x-csrf-token': '' });
    expect(noCsrf.status).toBe(403);
    expect((await json(await tasks())).items).toHaveLength(1);
    const quiet = await concert.debrief({ wouldLikeACall: false });
    expect((await callDone(quiet, {})).status).toBe(404);
    expect((await callDone(newId(), {})).status).toBe(404);
    expect((await callDone('nope', {})).status).toBe(400);
  });
});
