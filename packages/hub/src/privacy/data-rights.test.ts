import { newId } from '@stue/core';
import { seal, SEAL_CONTEXTS } from '@stue/core/sealing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aNomination, json, testHub, withKey } from '../helpers.test-support.js';
import {
  at,
  onTourDate,
  TOUR_DATE,
  plannerHub,
  type Planner,
  type TestHub,
} from '../planning/fixtures.test-support.js';
import { aFeedbackResponse } from '../feedback/fixtures.test-support.js';
import { erasureList, reapplyErasures } from './erasure.js';
import { seedDemoProgrammes } from '../programmes/index.js';

// RELIABILITY.md S6 (consent), S7 (erasure) and F5 (a resubmission about an erased person: 410).

let hub: TestHub;
let p: Planner;

beforeEach(async () => ({ hub, p } = await plannerHub()));
afterEach(() => hub.db.destroy());

// Sentinels that must never survive an erasure anywhere in the database.
const SENTINEL = {
  host: 'Sentinelhost',
  friend: 'Sentinelfriend',
  phone: '29 87 65 43',
  reason: 'Sentinelreason',
};

/** A confirmed booking of a sentinel pair on a tour day, a tablet for its musician, and the ids. */
async function bookedPair({ sentinel = true } = {}) {
  const musician = await p.musician();
  const day = await p.tourDay(musician.id);
  const nomination = await p.nomination(
    'accepted',
    sentinel
      ? {
          host: { firstName: SENTINEL.host, municipalityCode: '751' },
          visitingFriend: { firstName: SENTINEL.friend, phone: SENTINEL.phone },
        }
      : {},
  );
  const booking = await json(
    await p.send('POST', '/api/v1/bookings', p.bookingInput(nomination.id, day.id, at('10:00'))),
  );
  await p.act(
    `/api/v1/bookings/${booking.id}/confirm`,
    sentinel ? { reason: SENTINEL.reason } : {},
  );
  const { device, auth } = await p.tablet(musician.id);
  return { ...nomination, bookingId: booking.id as string, device, auth };
}

let seq = 0;
async function feedback(pair: Awaited<ReturnType<typeof bookedPair>>) {
  const response = aFeedbackResponse({
    bookingId: pair.bookingId,
    deviceId: pair.device.id,
    deviceSeq: ++seq,
  });
  const body = await seal(hub.hubKey.publicKeyJwk, response, SEAL_CONTEXTS.feedbackResponse);
  return { id: response.id, deviceSeq: response.deviceSeq, kind: 'feedback-response', body };
}

// A booked pair whose feedback the tablet has sent (`record`), and another pair beside them.
async function pairWithFeedback() {
  const pair = await bookedPair();
  const other = await bookedPair({ sentinel: false });
  const record = await feedback(pair);
  expect((await send('/api/v1/feedback', record, pair.auth)).status).toBe(201);
  return { pair, other, record };
}

function debrief(pair: Awaited<ReturnType<typeof bookedPair>>) {
  const body = {
    schemaVersion: 1,
    id: newId(),
    bookingId: pair.bookingId,
    deviceId: pair.device.id,
    deviceSeq: ++seq,
    howItWent: 'good',
    wouldLikeACall: false,
  };
  return { id: body.id, deviceSeq: body.deviceSeq, kind: 'musician-debrief', body };
}

const send = (path: string, body: unknown, headers: Record<string, string>) =>
  hub.app.request(path, { method: 'POST', headers, body: JSON.stringify(body) });

async function everything(): Promise<string> {
  const tables = [
    'nominations',
    'bookings',
    'device_records',
    'consents',
    'audit_events',
    'erasures',
    'debrief_calls',
    'nomination_notes',
  ] as const;
  const dump: unknown[] = [];
  for (const table of tables) dump.push(await hub.db.selectFrom(table).selectAll().execute());
  return JSON.stringify(dump);
}

describe('consent records (S6)', () => {
  it("a nomination's consents are stored as rows, with the nomination, in one go: exactly those given", async () => {
    const consent = {
      agreedBy: 'host',
      via: 'relative',
      at: '2026-01-02T10:00:00Z',
      noticeVersion: '7',
    } as const;
    const row = (scope: string, given: typeof consent | typeof feedbackConsent) =>
      expect.objectContaining({
        person: 'host',
        scope,
        via: given.via,
        givenAt: given.at,
        noticeVersion: given.noticeVersion,
        recordedBy: expect.stringMatching(/^partner-key:/),
        withdrawnAt: null,
      });
    // The host's yes to the visit is consent to hold the details and contact them, nothing more.
    const { feedbackConsent: _none, ...onlyContact } = aNomination({ consent });
    expect((await send('/api/v1/nominations', onlyContact, withKey('pk_demo'))).status).toBe(201);
    const first = await json(await p.get(`/api/v1/nominations/${onlyContact.id}/consents`));
    expect(first.items).toEqual([row('nomination-contact', consent)]);

    // The yes to keeping feedback, asked as its own choice, is recorded with its own version (the
    // programme's, so the hub must hold the programme).
    await seedDemoProgrammes(hub.db);
    const feedbackConsent = {
      agreedBy: 'host',
      via: 'visiting-friend',
      at: '2026-01-02T10:01:00Z',
      noticeVersion: 'musikalske-besoegsvenner/1',
    } as const;
    const both = aNomination({ consent, feedbackConsent });
    expect((await send('/api/v1/nominations', both, withKey('pk_demo'))).status).toBe(201);
    const second = await json(await p.get(`/api/v1/nominations/${both.id}/consents`));
    expect(second.items).toHaveLength(2);
    expect(second.items).toEqual(
      expect.arrayContaining([
        row('nomination-contact', consent),
        row('feedback', feedbackConsent),
      ]),
    );

    // A yes to feedback dated ahead of the hub's clock is no yes: nothing is stored.
    const ahead = aNomination({
      feedbackConsent: { ...feedbackConsent, at: new Date(Date.now() + 3_600_000).toISOString() },
    });
    const refused = await send('/api/v1/nominations', ahead, withKey('pk_demo'));
    expect(refused.status).toBe(400);
    expect((await json(refused)).error.issues).toEqual([
      expect.objectContaining({ path: 'feedbackConsent.at', code: 'consent_in_future' }),
    ]);
    // Without a consent record nothing is stored at all.
    const { consent: _, ...without } = aNomination();
    expect((await send('/api/v1/nominations', without, withKey('pk_demo'))).status).toBe(400);
    expect(await hub.db.selectFrom('consents').selectAll().execute()).toHaveLength(3);
  });

  it('a coordinator records a further consent; an invalid one is refused and nothing written', async () => {
    const { id } = await p.nomination('received');
    const quote = {
      person: 'host',
      scope: 'quote',
      via: 'visiting-friend',
      at: '2026-05-07T12:00:00+02:00',
      noticeVersion: '2025-01',
    };
    const made = await p.send('POST', `/api/v1/nominations/${id}/consents`, quote);
    expect(made.status).toBe(201);
    expect(await json(made)).toMatchObject({ scope: 'quote', recordedBy: /^coordinator:/ });
    const before = await hub.db.selectFrom('consents').selectAll().execute();
    const bad = await p.send('POST', `/api/v1/nominations/${id}/consents`, {
      ...quote,
      scope: 'everything',
      noticeVersion: '010101-1234',
    });
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'noticeVersion',
      'scope',
    ]);
    expect(await hub.db.selectFrom('consents').selectAll().execute()).toEqual(before);
    const unknown = await p.send('POST', `/api/v1/nominations/${newId()}/consents`, quote);
    expect(unknown.status).toBe(404);
  });

  it('withdrawal hides the pair, stops planning, refuses their feedback and schedules erasure', async () => {
    const pair = await bookedPair();
    const other = await bookedPair({ sentinel: false });
    expect((await send('/api/v1/feedback', await feedback(pair), pair.auth)).status).toBe(201);
    const res = await p.send('POST', `/api/v1/nominations/${pair.id}/consents/withdraw`, {
      reason: 'Ringede og sagde nej tak',
    });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.hidden).toBe(true);
    expect(body.withdrawn.map((c: { scope: string }) => c.scope).sort()).toEqual([
      'feedback',
      'nomination-contact',
    ]);
    const withdrawnAt = new Date(body.withdrawn[0].withdrawnAt).getTime();
    expect(new Date(body.erasureDueAt).getTime() - withdrawnAt).toBe(30 * 86_400_000);

    const listed = await json(await p.get('/api/v1/nominations'));
    expect(listed.items.map((n: { id: string }) => n.id)).not.toContain(pair.id);
    const tablet = await json(
      await onTourDate(() =>
        hub.app.request(`/api/v1/device/bookings?date=${TOUR_DATE}`, { headers: pair.auth }),
      ),
    );
    expect(tablet.items.map((b: { bookingId: string }) => b.bookingId)).not.toContain(
      pair.bookingId,
    );
    const booking = await json(await p.get(`/api/v1/bookings/${pair.bookingId}`));
    expect(booking.status).toBe('cancelled');
    const status = await json(
      await hub.app.request(`/api/v1/nominations/${pair.reference}/status`, {
        headers: withKey('pk_demo'),
      }),
    );
    expect(status.status).toBe('withdrawn');

    const late = await send('/api/v1/feedback', await feedback(pair), pair.auth);
    expect(late.status).toBe(410);
    expect((await json(late)).error.code).toBe('no_consent');
    expect((await send('/api/v1/feedback', await feedback(other), other.auth)).status).toBe(201);

    const again = await p.send('POST', `/api/v1/nominations/${pair.id}/consents/withdraw`, {});
    expect((await json(again)).withdrawn).toEqual([]);

    // A mistake undone: the host's yes recorded again shows the nomination and cancels the erasure.
    const yes = await p.hostConsents(pair.id);
    expect(yes.status).toBe(201);
    const shown = await json(await p.get('/api/v1/nominations?status=withdrawn'));
    expect(shown.items.map((n: { id: string }) => n.id)).toContain(pair.id);
  });

  it('withdrawing feedback alone keeps the visit but refuses feedback about it', async () => {
    const pair = await bookedPair();
    const res = await p.send('POST', `/api/v1/nominations/${pair.id}/consents/withdraw`, {
      scopes: ['feedback'],
    });
    expect(await json(res)).toMatchObject({ hidden: false, erasureDueAt: null });
    expect((await json(await p.get(`/api/v1/bookings/${pair.bookingId}`))).status).toBe(
      'confirmed',
    );
    const refused = await send('/api/v1/feedback', await feedback(pair), pair.auth);
    expect(refused.status).toBe(410);
    // A debrief is the musician's own account, not the host's answers.
    expect((await send('/api/v1/debriefs', debrief(pair), pair.auth)).status).toBe(201);
  });
});

describe('erasure (S7, F5)', () => {
  it('deletes the pair and everything about them, keeps an audit entry naming nobody, and refuses them again with 410', async () => {
    const { pair, other, record: stored } = await pairWithFeedback();
    const stayed = debrief(pair);
    expect((await send('/api/v1/debriefs', stayed, pair.auth)).status).toBe(201);
    // A call the musician asked for, made and noted: the note goes with the debrief.
    await hub.db
      .insertInto('debrief_calls')
      .values({
        debrief_id: stayed.id,
        done_at: new Date().toISOString(),
        done_by: 'coordinator',
        note: SENTINEL.reason,
      })
      .execute();
    expect((await send('/api/v1/feedback', await feedback(other), other.auth)).status).toBe(201);
    // A coordinator's note about the call with the visiting friend goes with the pair.
    const noted = await p.send('POST', `/api/v1/nominations/${pair.id}/notes`, {
      id: newId(),
      text: `Ringede til ${SENTINEL.friend} tirsdag`,
    });
    expect(noted.status).toBe(201);
    expect(await everything()).toContain(SENTINEL.reason);
    expect(await everything()).toContain(SENTINEL.friend);

    const wrong = await p.send('POST', `/api/v1/nominations/${pair.id}/erase`, {
      reference: other.reference,
    });
    expect(wrong.status).toBe(400);
    expect((await json(wrong)).error.issues[0].path).toBe('reference');
    expect(await hub.db.selectFrom('erasures').selectAll().execute()).toEqual([]);

    const erased = await p.send('POST', `/api/v1/nominations/${pair.id}/erase`, {
      reference: pair.reference.toLowerCase(),
    });
    expect(erased.status).toBe(200);
    expect(await json(erased)).toMatchObject({
      nominationId: pair.id,
      removed: { nominations: 1, bookings: 1, deviceRecords: 2, consents: 2, notes: 1 },
    });

    const dump = await everything();
    for (const value of [SENTINEL.host, SENTINEL.friend, '29876543', SENTINEL.reason]) {
      expect(dump).not.toContain(value);
    }
    expect(dump).not.toContain(pair.reference);
    expect(dump).toContain(other.reference);
    expect((await erasureList(hub.db)).map((e) => [e.kind, e.id]).sort()).toEqual(
      [
        ['booking', pair.bookingId],
        ['nomination', pair.id],
      ].sort(),
    );
    const audit = await hub.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', pair.id)
      .where('action', '=', 'erased')
      .executeTakeFirstOrThrow();
    expect(audit.actor).toMatch(/^coordinator:/);

    // Everything about them afterwards: 410 person_erased, and nothing is recreated.
    const replay = await send('/api/v1/feedback', stored, pair.auth);
    expect(replay.status).toBe(410);
    expect((await json(replay)).error.code).toBe('person_erased');
    expect((await send('/api/v1/debriefs', debrief(pair), pair.auth)).status).toBe(410);
    const nominationAgain = await hub.db
      .selectFrom('nominations')
      .select('id')
      .where('id', '=', pair.id)
      .execute();
    expect(nominationAgain).toEqual([]);
    expect(await hub.db.selectFrom('nomination_notes').selectAll().execute()).toEqual([]);
    const noteAgain = await p.send('POST', `/api/v1/nominations/${pair.id}/notes`, {
      id: newId(),
      text: 'Igen',
    });
    expect(noteAgain.status).toBe(410);
    for (const path of ['consents', 'export']) {
      const res = await p.get(`/api/v1/nominations/${pair.id}/${path}`);
      expect(res.status).toBe(410);
    }
    const twice = await p.send('POST', `/api/v1/nominations/${pair.id}/erase`, {
      reference: pair.reference,
    });
    expect(twice.status).toBe(410);
    expect(await hub.db.selectFrom('device_records').selectAll().execute()).toHaveLength(1);
  });

  it('a nomination replayed after its erasure is answered 410 and not stored again', async () => {
    const nomination = aNomination();
    const created = await json(await send('/api/v1/nominations', nomination, withKey('pk_demo')));
    const res = await p.send('POST', `/api/v1/nominations/${nomination.id}/erase`, {
      reference: created.reference,
    });
    expect(res.status).toBe(200);
    const replay = await send('/api/v1/nominations', nomination, withKey('pk_demo'));
    expect(replay.status).toBe(410);
    expect(await json(replay)).toMatchObject({ error: { code: 'person_erased' } });
    expect(await hub.db.selectFrom('nominations').selectAll().execute()).toEqual([]);
    expect(await hub.db.selectFrom('consents').selectAll().execute()).toEqual([]);
  });

  it('a re-erase list applied to a copy that still holds the pair erases them there too, once', async () => {
    const pair = await bookedPair();
    expect((await send('/api/v1/feedback', await feedback(pair), pair.auth)).status).toBe(201);
    // The "backup": a second database that still holds the pair, beside a nomination of its own.
    const copy = await testHub();
    const keep = aNomination();
    await copy.app.request('/api/v1/nominations', {
      method: 'POST',
      headers: withKey('pk_demo'),
      body: JSON.stringify(keep),
    });
    const held = await hub.db
      .selectFrom('nominations')
      .selectAll()
      .where('id', '=', pair.id)
      .execute();
    await copy.db.insertInto('nominations').values(held).execute();
    const consents = await hub.db
      .selectFrom('consents')
      .selectAll()
      .where('nomination_id', '=', pair.id)
      .execute();
    await copy.db.insertInto('consents').values(consents).execute();
    await p.send('POST', `/api/v1/nominations/${pair.id}/erase`, { reference: pair.reference });

    const list = await erasureList(hub.db);
    expect(await reapplyErasures(copy.db, list)).toHaveLength(1);
    expect(await reapplyErasures(copy.db, list)).toEqual([]);
    expect(
      await copy.db.selectFrom('nominations').select('id').where('id', '=', pair.id).execute(),
    ).toEqual([]);
    expect(await copy.db.selectFrom('nominations').select('id').execute()).toEqual([
      { id: keep.id },
    ]);
    expect((await erasureList(copy.db)).map((e) => e.id).sort()).toEqual(
      list.map((e) => e.id).sort(),
    );
    await copy.db.destroy();
  });
});

describe('data-subject export', () => {
  it('gives everything about the pair — nomination, consents, notes, bookings, opened feedback, audit — and nothing about others', async () => {
    const { pair, other, record } = await pairWithFeedback();
    expect((await send('/api/v1/feedback', await feedback(other), other.auth)).status).toBe(201);
    const noteId = newId();
    await p.send('POST', `/api/v1/nominations/${pair.id}/notes`, {
      id: noteId,
      text: 'Ringede tirsdag, ring igen torsdag',
    });
    await p.send('POST', `/api/v1/nominations/${other.id}/notes`, {
      id: newId(),
      text: 'Om den anden',
    });
    const res = await p.get(`/api/v1/nominations/${pair.id}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const body = await json(res);
    expect(body.nomination).toMatchObject({
      id: pair.id,
      reference: pair.reference,
      record: {
        host: { firstName: SENTINEL.host },
        visitingFriend: { firstName: SENTINEL.friend },
      },
    });
    expect(body.consents).toHaveLength(2);
    expect(body.notes).toEqual([
      expect.objectContaining({ id: noteId, text: 'Ringede tirsdag, ring igen torsdag' }),
    ]);
    expect(body.bookings.map((b: { id: string }) => b.id)).toEqual([pair.bookingId]);
    expect(body.deviceRecords).toEqual([
      expect.objectContaining({
        id: record.id,
        sealed: false,
        content: expect.objectContaining({ bookingId: pair.bookingId, role: 'host' }),
      }),
    ]);
    const actions = body.audit.map((e: { entity: string; action: string }) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['received', 'review', 'accept', 'confirm']));
    expect(JSON.stringify(body)).not.toContain(other.reference);
    expect(JSON.stringify(body)).not.toContain(other.bookingId);
    expect((await p.get(`/api/v1/nominations/${newId()}/export`)).status).toBe(404);
    expect((await p.get('/api/v1/nominations/not-an-id/export')).status).toBe(400);
  });
});
