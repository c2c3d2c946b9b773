import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  addDays,
  danishToday,
  newId,
  TABLET_NOTICE_VERSION,
  type FeedbackResponseInput,
} from '@stue/core';
import { seal, SEAL_CONTEXTS } from '@stue/core/sealing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { at, onTourDate, planner } from '../planning/fixtures.test-support.js';
import { createProgramme, singing } from '../programmes/fixtures.test-support.js';
import {
  aNomination,
  hubWithMusician,
  insertMusician,
  json,
  withKey,
  type Session,
  type TestHub,
} from '../helpers.test-support.js';

let hub: TestHub;
let coordinator: Session;
const musicianId = randomUUID();

beforeEach(async () => {
  ({ hub, session: coordinator } = await hubWithMusician(musicianId, 'Maja Musiker'));
});
afterEach(() => hub.db.destroy());

const post = (path: string, body: unknown, headers: Record<string, string>) =>
  hub.app.request(`/api/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function enrol() {
  const made = await post('/devices/enrolment-codes', { musicianId }, coordinator.headers);
  expect(made.status).toBe(201);
  const { code } = await json(made);
  const res = await post('/devices/enrol', { code: code.toLowerCase(), name: 'Majas tablet' }, {});
  expect(res.status).toBe(201);
  const body = await json(res);
  return { ...body, auth: { authorization: `Bearer ${body.token}` } };
}

/** A booking on today's tour day for the musician, for a received nomination. */
async function bookToday(date: string, overrides: Parameters<typeof aNomination>[0] = {}) {
  const nomination = aNomination(overrides);
  await hub.app.request('/api/v1/nominations', {
    method: 'POST',
    headers: withKey('pk_demo'),
    body: JSON.stringify(nomination),
  });
  const now = new Date().toISOString();
  const tourDayId = randomUUID();
  const bookingId = newId();
  const coordinatorId = (
    await json(await hub.app.request('/api/v1/session', { headers: coordinator.headers }))
  ).coordinator.id;
  await hub.db
    .insertInto('tour_days')
    .values({
      id: tourDayId,
      musician_id: musicianId,
      date,
      base_municipality_code: '751',
      body: '{}',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await hub.db
    .insertInto('bookings')
    .values({
      id: bookingId,
      nomination_id: nomination.id,
      tour_day_id: tourDayId,
      start: `${date}T10:00`,
      status: 'confirmed',
      contact_coordinator_id: coordinatorId,
      body: '{}',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return bookingId;
}

function aResponse(bookingId: string, deviceId: string, deviceSeq: number): FeedbackResponseInput {
  return {
    schemaVersion: 1,
    id: newId(),
    bookingId,
    deviceId,
    deviceSeq,
    instrument: { id: 'stue-home-concert', version: 1 },
    role: 'host',
    answeredWithHelp: false,
    startedAt: '2026-11-26T10:05:00.000Z',
    finishedAt: '2026-11-26T10:09:00.000Z',
    answers: {},
  };
}

async function sealedRecord(bookingId: string, deviceId: string, deviceSeq: number) {
  const response = aResponse(bookingId, deviceId, deviceSeq);
  const envelope = await seal(hub.hubKey.publicKeyJwk, response, SEAL_CONTEXTS.feedbackResponse);
  return { id: response.id, deviceSeq, kind: 'feedback-response', body: envelope };
}

// Sends a new sealed feedback record under `deviceSeq`; answers the status.
async function sendFeedback(
  bookingId: string,
  deviceId: string,
  deviceSeq: number,
  auth: Record<string, string>,
) {
  return (await post('/feedback', await sealedRecord(bookingId, deviceId, deviceSeq), auth)).status;
}

describe('enrolment', () => {
  it('a one-time code enrols one tablet, which gets a token and the hub’s public key', async () => {
    const enrolled = await enrol();
    expect(enrolled.token).toMatch(/^dt_[\w-]{43}$/);
    expect(enrolled.musician).toEqual({ id: musicianId, name: 'Maja Musiker' });
    expect(enrolled.hubPublicKey).toEqual(hub.hubKey.publicKeyJwk);
    expect(enrolled.hubPublicKey).not.toHaveProperty('d');
    const devices = await json(
      await hub.app.request('/api/v1/devices', { headers: coordinator.headers }),
    );
    expect(devices.items).toEqual([
      expect.objectContaining({ id: enrolled.device.id, name: 'Majas tablet', revokedAt: null }),
    ]);
  });

  it('refuses a used, unknown or expired code with invalid_enrolment_code', async () => {
    const { code } = await json(
      await post('/devices/enrolment-codes', { musicianId }, coordinator.headers),
    );
    expect((await post('/devices/enrol', { code, name: 'A' }, {})).status).toBe(201);
    const again = await post('/devices/enrol', { code, name: 'B' }, {});
    expect(again.status).toBe(400);
    expect(await json(again)).toMatchObject({ error: { code: 'invalid_enrolment_code' } });
    expect((await post('/devices/enrol', { code: 'AAAA-AAAA', name: 'C' }, {})).status).toBe(400);
    const { code: late } = await json(
      await post('/devices/enrolment-codes', { musicianId }, coordinator.headers),
    );
    await hub.db
      .updateTable('enrolment_codes')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .execute();
    expect((await post('/devices/enrol', { code: late, name: 'D' }, {})).status).toBe(400);
  });

  it('refuses a CPR number in the tablet’s name, in Danish, and stores nothing (S13)', async () => {
    const { code } = await json(
      await post('/devices/enrolment-codes', { musicianId }, coordinator.headers),
    );
    for (const name of ['Inger 010190-1234', 'Inger 01 01 90 12 34', 'Tablet ٠١٠١٩٠/١٢٣٤']) {
      const refused = await post('/devices/enrol', { code, name }, {});
      expect(refused.status).toBe(400);
      expect(await json(refused)).toEqual({
        error: {
          code: 'invalid_body',
          message: expect.any(String),
          issues: [
            {
              path: 'name',
              code: 'cpr_not_allowed',
              message: 'Skriv ikke CPR-numre. Stue må ikke gemme dem.',
            },
          ],
        },
      });
    }
    expect(await hub.db.selectFrom('devices').selectAll().execute()).toEqual([]);
    // The code is still unused: the refused name cost the tablet nothing.
    expect((await post('/devices/enrol', { code, name: 'Majas tablet' }, {})).status).toBe(201);
  });

  it('limits enrolment attempts per address', async () => {
    const app = createApp({ db: hub.db, hubKey: hub.hubKey });
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      const res = await app.request('/api/v1/devices/enrol', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: 'AAAA-AAAA', name: 'x' }),
      });
      statuses.push(res.status);
    }
    expect(statuses.at(-1)).toBe(429);
  });

  it('400 for a code request about an unknown musician, in Danish or in English', async () => {
    const ask = (headers: Record<string, string>) =>
      post('/devices/enrolment-codes', { musicianId: randomUUID() }, headers);
    const danish = await ask(coordinator.headers);
    expect(danish.status).toBe(400);
    expect((await json(danish)).error.issues).toEqual([
      { path: 'musicianId', code: 'not_found', message: 'Musikeren findes ikke' },
    ]);
    const english = await ask({ ...coordinator.headers, 'accept-language': 'en-GB,en;q=0.8' });
    expect(english.status).toBe(400);
    expect((await json(english)).error.issues).toEqual([
      { path: 'musicianId', code: 'not_found', message: 'The musician does not exist' },
    ]);
    expect(await hub.db.selectFrom('enrolment_codes').selectAll().execute()).toEqual([]);
  });

  it('revoking a tablet stops its token at once', async () => {
    const { device, auth } = await enrol();
    expect((await hub.app.request('/api/v1/device/bookings', { headers: auth })).status).toBe(200);
    const revoked = await post(`/devices/${device.id}/revoke`, {}, coordinator.headers);
    expect(revoked.status).toBe(204);
    expect((await hub.app.request('/api/v1/device/bookings', { headers: auth })).status).toBe(401);
    const malformed = await post('/devices/nope/revoke', {}, coordinator.headers);
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { code: 'invalid_parameter' } });
    const unknown = await post(`/devices/${newId()}/revoke`, {}, coordinator.headers);
    expect(unknown.status).toBe(404);
    // A tablet enrolled before tablets' ids were UUIDv7 can still be revoked.
    const older = await post(`/devices/${randomUUID()}/revoke`, {}, coordinator.headers);
    expect(older.status).toBe(404);
  });
});

describe("a tablet's day", () => {
  it("lists its musician's confirmed concerts for a day, without phone numbers", async () => {
    const { auth } = await enrol();
    const today = danishToday();
    const bookingId = await bookToday(today);
    const res = await hub.app.request('/api/v1/device/bookings', { headers: auth });
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.date).toBe(today);
    expect(body.items).toEqual([
      expect.objectContaining({
        bookingId,
        start: `${today}T10:00`,
        host: { firstName: 'Inger', municipality: 'Aarhus', language: 'da' },
        visitingFriend: { firstName: 'Bent' },
      }),
    ]);
    expect(JSON.stringify(body)).not.toMatch(/\+45|2030/);
    const tomorrow = await hub.app.request(`/api/v1/device/bookings?date=${addDays(today, 1)}`, {
      headers: auth,
    });
    expect((await json(tomorrow)).items).toEqual([]);
    expect(
      (await hub.app.request('/api/v1/device/bookings?date=1.12', { headers: auth })).status,
    ).toBe(400);
  });

  it('reads yesterday, today and tomorrow only, so a stolen tablet cannot read every date', async () => {
    const { auth } = await enrol();
    const today = danishToday();
    await bookToday(addDays(today, 2));
    const day = (offset: number) =>
      hub.app.request(`/api/v1/device/bookings?date=${addDays(today, offset)}`, { headers: auth });
    for (const offset of [-1, 0, 1]) expect((await day(offset)).status).toBe(200);
    for (const offset of [-2, 2, 365]) {
      const res = await day(offset);
      expect(res.status).toBe(400);
      expect(await json(res)).toMatchObject({ error: { code: 'invalid_parameter' } });
    }
  });
});

describe("the programmes of a tablet's day", () => {
  it('carries, for each concert, its programme and what the tablet needs of its newest version', async () => {
    await createProgramme(hub, coordinator.headers, singing(), 2);
    const { auth } = await enrol();
    const today = danishToday();
    await bookToday(today, { programmeId: 'syngende-besoeg' });
    await bookToday(addDays(today, 1));
    const day = await json(await hub.app.request('/api/v1/device/bookings', { headers: auth }));
    expect(day.items).toEqual([expect.objectContaining({ programme: 'syngende-besoeg' })]);
    expect(day.programmes).toEqual([
      {
        slug: 'syngende-besoeg',
        version: 2,
        noticeVersion: 'syngende-besoeg/2',
        name: singing().name,
        notice: singing().notice,
        controller: singing().controller,
        contact: { email: 'besoeg@stemmer.example.dk' },
        feedbackInstrumentId: 'stue-home-concert',
      },
    ]);
    expect(JSON.stringify(day.programmes)).not.toMatch(/whenNo|criteria|createdBy|coordinator:/);
    // The default programme, with no record on this hub: the tablet keeps its own words.
    const tomorrow = await json(
      await hub.app.request(`/api/v1/device/bookings?date=${addDays(today, 1)}`, {
        headers: auth,
      }),
    );
    expect(tomorrow.items).toEqual([
      expect.objectContaining({ programme: 'musikalske-besoegsvenner' }),
    ]);
    expect(tomorrow.programmes).toEqual([]);
  });
});

describe('the pair’s yes to keeping their answers, given on the tablet', () => {
  const noFeedbackConsent = { feedbackConsent: undefined };
  const yes = (at = new Date().toISOString()) => ({
    agreedBy: 'both',
    at,
    noticeVersion: TABLET_NOTICE_VERSION,
  });
  const withConsent = async (
    bookingId: string,
    deviceId: string,
    deviceSeq: number,
    consent: unknown,
  ) => {
    const record = await sealedRecord(bookingId, deviceId, deviceSeq);
    return { ...record, body: { sealed: record.body, consent } };
  };
  const feedbackConsents = (bookingId: string) =>
    hub.db
      .selectFrom('consents')
      .innerJoin('bookings', 'bookings.nomination_id', 'consents.nomination_id')
      .select([
        'consents.person',
        'consents.given_via',
        'consents.notice_version',
        'consents.given_at',
      ])
      .where('bookings.id', '=', bookingId)
      .where('consents.scope', '=', 'feedback')
      .orderBy('consents.person')
      .execute();

  it('the day says per concert whether to ask: `ask` without the consent, `given` with it', async () => {
    const { auth } = await enrol();
    const today = danishToday();
    const asked = await bookToday(today, noFeedbackConsent);
    const given = await bookToday(today);
    const day = await json(await hub.app.request('/api/v1/device/bookings', { headers: auth }));
    const state = Object.fromEntries(
      day.items.map((item: { bookingId: string; feedbackConsent: string }) => [
        item.bookingId,
        item.feedbackConsent,
      ]),
    );
    expect(state).toEqual({ [asked]: 'ask', [given]: 'given' });
  });

  it('201 and the consent recorded with the feedback, once; 410 no_consent without either', async () => {
    const { device, auth } = await enrol();
    const bookingId = await bookToday(danishToday(), noFeedbackConsent);
    // Without a consent on record or from the tablet: refused, and nothing kept.
    expect(
      (await post('/feedback', await sealedRecord(bookingId, device.id, 1), auth)).status,
    ).toBe(410);
    expect(await feedbackConsents(bookingId)).toEqual([]);

    const at = new Date(Date.now() - 60_000).toISOString();
    const record = await withConsent(bookingId, device.id, 2, yes(at));
    expect((await post('/feedback', record, auth)).status).toBe(201);
    const rows = await feedbackConsents(bookingId);
    expect(rows).toEqual([
      { person: 'host', given_via: 'tablet', notice_version: TABLET_NOTICE_VERSION, given_at: at },
      {
        person: 'visiting-friend',
        given_via: 'tablet',
        notice_version: TABLET_NOTICE_VERSION,
        given_at: at,
      },
    ]);
    // The hub keeps the sealed answers as they were sealed, the consent apart from them.
    const kept = await hub.db
      .selectFrom('device_records')
      .select('body')
      .where('id', '=', record.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(kept.body)).toEqual(record.body.sealed);
    const audited = await hub.db
      .selectFrom('audit_events')
      .select(['actor', 'action'])
      .where('entity', '=', 'consent')
      .execute();
    expect(audited).toEqual([
      { actor: `device:${device.id}`, action: 'recorded' },
      { actor: `device:${device.id}`, action: 'recorded' },
    ]);
    // A replay, and the pair's next record with the same yes: no second consent.
    expect((await post('/feedback', record, auth)).status).toBe(200);
    expect(
      (await post('/feedback', await withConsent(bookingId, device.id, 3, yes()), auth)).status,
    ).toBe(201);
    expect(await feedbackConsents(bookingId)).toHaveLength(2);
    const day = await json(await hub.app.request('/api/v1/device/bookings', { headers: auth }));
    expect(day.items[0].feedbackConsent).toBe('given');
  });

  it('with the consent on record already, a yes from the tablet adds no second row', async () => {
    const { device, auth } = await enrol();
    const bookingId = await bookToday(danishToday());
    const before = await feedbackConsents(bookingId);
    expect(before).toHaveLength(1);
    expect(
      (await post('/feedback', await withConsent(bookingId, device.id, 1, yes()), auth)).status,
    ).toBe(201);
    expect(await feedbackConsents(bookingId)).toEqual(before);
  });

  it('after the host withdrew it, the day says `withdrawn` and a yes from the tablet is refused (410)', async () => {
    const { device, auth } = await enrol();
    const bookingId = await bookToday(danishToday());
    const { nomination_id: nominationId } = await hub.db
      .selectFrom('bookings')
      .select('nomination_id')
      .where('id', '=', bookingId)
      .executeTakeFirstOrThrow();
    const withdrawn = await post(
      `/nominations/${nominationId}/consents/withdraw`,
      { scopes: ['feedback'] },
      coordinator.headers,
    );
    expect(withdrawn.status).toBe(200);
    const day = await json(await hub.app.request('/api/v1/device/bookings', { headers: auth }));
    expect(day.items[0].feedbackConsent).toBe('withdrawn');
    const res = await post('/feedback', await withConsent(bookingId, device.id, 1, yes()), auth);
    expect(res.status).toBe(410);
    expect(await feedbackConsents(bookingId)).toHaveLength(1);
    expect(await hub.db.selectFrom('device_records').select('id').execute()).toEqual([]);
  });

  it('the visiting friend’s yes alone does not let the host’s answers in: 410, nothing kept', async () => {
    const { device, auth } = await enrol();
    const bookingId = await bookToday(danishToday(), noFeedbackConsent);
    const friend = { ...yes(), agreedBy: 'visiting-friend' };
    expect(
      (await post('/feedback', await withConsent(bookingId, device.id, 1, friend), auth)).status,
    ).toBe(410);
    expect(await feedbackConsents(bookingId)).toEqual([]);
    expect(await hub.db.selectFrom('device_records').select('id').execute()).toEqual([]);
  });

  it('refuses a consent dated in the future beyond clock skew, or without its notice version, keeping nothing', async () => {
    const { device, auth } = await enrol();
    const bookingId = await bookToday(danishToday(), noFeedbackConsent);
    const future = yes(new Date(Date.now() + 60 * 60_000).toISOString());
    const res = await post('/feedback', await withConsent(bookingId, device.id, 1, future), auth);
    expect(res.status).toBe(400);
    expect((await json(res)).error.issues).toEqual([
      expect.objectContaining({ path: 'body.consent.at', code: 'consent_in_future' }),
    ]);
    const noVersion = { agreedBy: 'both', at: new Date().toISOString() };
    const bare = await post(
      '/feedback',
      await withConsent(bookingId, device.id, 1, noVersion),
      auth,
    );
    expect(bare.status).toBe(400);
    expect(await feedbackConsents(bookingId)).toEqual([]);
    expect(await hub.db.selectFrom('device_records').select('id').execute()).toEqual([]);
  });
});

describe('sealed feedback under the sync protocol', () => {
  it('201 stored sealed, 200 replay, 409 the same id with another body', async () => {
    const { device, auth } = await enrol();
    const bookingId = await bookToday('2026-12-01');
    const record = await sealedRecord(bookingId, device.id, 1);
    const first = await post('/feedback', record, auth);
    expect(first.status).toBe(201);
    expect((await post('/feedback', record, auth)).status).toBe(200);
    const changed = {
      ...aResponse(bookingId, device.id, 1),
      id: record.id,
      role: 'visiting-friend' as const,
    };
    const resealed = {
      ...record,
      body: await seal(hub.hubKey.publicKeyJwk, changed, SEAL_CONTEXTS.feedbackResponse),
    };
    expect((await post('/feedback', resealed, auth)).status).toBe(409);

    const rows = await hub.db.selectFrom('device_records').selectAll().execute();
    expect(rows).toHaveLength(1);
    // The hub keeps what the tablet sent: the sealed envelope, never the answers in the clear.
    expect(JSON.parse(rows[0]!.body)).toEqual(record.body);
    expect(rows[0]!.body).not.toContain('stue-home-concert');
  });

  it('refuses an envelope sealed to another key, and a response whose id is not the record’s', async () => {
    const { device, auth } = await enrol();
    const bookingId = await bookToday('2026-12-01');
    const { publicKeyJwk } = await (await import('@stue/core/sealing')).generateHubKeyPair();
    const response = aResponse(bookingId, device.id, 1);
    const foreign = {
      id: response.id,
      deviceSeq: 1,
      kind: 'feedback-response',
      body: await seal(publicKeyJwk, response, SEAL_CONTEXTS.feedbackResponse),
    };
    expect(await json(await post('/feedback', foreign, auth))).toMatchObject({
      error: { code: 'cannot_open' },
    });
    const record = await sealedRecord(bookingId, device.id, 1);
    const mismatched = { ...record, id: newId() };
    const res = await post('/feedback', mismatched, auth);
    expect(res.status).toBe(400);
    expect((await json(res)).error.issues).toContainEqual({
      path: 'body.id',
      code: 'record_mismatch',
      message: 'Passer ikke med posten',
    });
    const english = await post('/feedback', mismatched, { ...auth, 'accept-language': 'en' });
    expect((await json(english)).error.issues).toContainEqual(
      expect.objectContaining({ path: 'body.id', message: 'Does not match the record' }),
    );
    expect(await hub.db.selectFrom('device_records').selectAll().execute()).toEqual([]);
  });

  it("refuses a response that names another tablet or another sequence number than its record's", async () => {
    const { device, auth } = await enrol();
    const bookingId = await bookToday('2026-12-01');
    const other = await sealedRecord(bookingId, 'another-device', 1);
    const byOther = await post('/feedback', other, auth);
    expect(byOther.status).toBe(400);
    expect((await json(byOther)).error.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.deviceId',
    ]);
    const shifted = { ...(await sealedRecord(bookingId, device.id, 1)), deviceSeq: 2 };
    const res = await post('/feedback', shifted, auth);
    expect((await json(res)).error.issues.map((i: { path: string }) => i.path)).toEqual([
      'body.deviceSeq',
    ]);
    expect(await hub.db.selectFrom('device_records').selectAll().execute()).toEqual([]);
  });

  it('notices a gap in the sequence (a wiped or restored tablet)', async () => {
    const { device, auth } = await enrol();
    const bookingId = await bookToday('2026-12-01');
    expect(await sendFeedback(bookingId, device.id, 1, auth)).toBe(201);
    expect(await sendFeedback(bookingId, device.id, 5, auth)).toBe(201);
    const gaps = await hub.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'sequence-gap')
      .execute();
    expect(gaps).toEqual([
      expect.objectContaining({ entity_id: device.id, reason: 'missing 2–4' }),
    ]);
  });

  it('accepts a reused or backwards sequence number, audits it and flags the tablet (F12); a replay is no flag', async () => {
    const { device, auth } = await enrol();
    const bookingId = await bookToday('2026-12-01');
    const listed = async () =>
      (await json(await hub.app.request('/api/v1/devices', { headers: coordinator.headers })))
        .items[0];
    const first = await sealedRecord(bookingId, device.id, 1);
    expect((await post('/feedback', first, auth)).status).toBe(201);
    expect(await sendFeedback(bookingId, device.id, 3, auth)).toBe(201);
    // The same record again is a replay, not a reused number.
    expect((await post('/feedback', first, auth)).status).toBe(200);
    expect(await listed()).toMatchObject({ lastSequence: 3, sequenceReusedAt: null });
    const reused = () =>
      hub.db
        .selectFrom('audit_events')
        .selectAll()
        .where('action', '=', 'sequence-reused')
        .execute();
    expect(await reused()).toEqual([]);

    // A restored or cloned tablet: a new record under a number already used, then an earlier one.
    expect(await sendFeedback(bookingId, device.id, 3, auth)).toBe(201);
    expect(await sendFeedback(bookingId, device.id, 2, auth)).toBe(201);
    expect(await hub.db.selectFrom('device_records').select('id').execute()).toHaveLength(4);
    expect(await reused()).toEqual([
      expect.objectContaining({
        actor: `device:${device.id}`,
        entity: 'device',
        entity_id: device.id,
        reason: '3 after 3',
      }),
      expect.objectContaining({ entity_id: device.id, reason: '2 after 3' }),
    ]);
    const flagged = await listed();
    expect(flagged.lastSequence).toBe(3);
    expect(Date.parse(flagged.sequenceReusedAt)).not.toBeNaN();
  });

  it('accepts a debrief as a plain record, once', async () => {
    const { device, auth } = await enrol();
    const bookingId = await bookToday('2026-12-01');
    const debrief = {
      schemaVersion: 3,
      id: newId(),
      bookingId,
      deviceId: device.id,
      deviceSeq: 2,
      howItWent: 'mixed',
      wasAnythingHard: true,
      anythingHard: 'Svært at finde parkering',
      wouldLikeACall: true,
    };
    const record = { id: debrief.id, deviceSeq: 2, kind: 'musician-debrief', body: debrief };
    expect((await post('/debriefs', record, auth)).status).toBe(201);
    expect((await post('/debriefs', record, auth)).status).toBe(200);
    const other = { ...record, body: { ...debrief, wasAnythingHard: false } };
    expect((await post('/debriefs', other, auth)).status).toBe(409);
    const bad = { ...record, id: newId(), body: { ...debrief, id: newId(), howItWent: 'great' } };
    const refused = await post('/debriefs', bad, auth);
    expect(refused.status).toBe(400);
    expect((await json(refused)).error.issues).toEqual([
      expect.objectContaining({ path: 'body.howItWent', code: 'invalid_choice' }),
    ]);
    const foreign = { ...record, id: newId(), body: { ...debrief, id: newId() } };
    expect((await post('/debriefs', foreign, auth)).status).toBe(400);
    const rows = await hub.db.selectFrom('device_records').selectAll().execute();
    expect(rows.map((row) => JSON.parse(row.body))).toEqual([debrief]);
  });

  it("404 for feedback or a debrief about a booking the hub does not know, or another musician's, and nothing is kept", async () => {
    const { device, auth } = await enrol();
    // Another musician's concert: the booking exists, but this tablet does not play it.
    const othersBooking = await bookToday('2026-12-02');
    const otherMusician = randomUUID();
    await insertMusician(hub.db, otherMusician, 'Ole Andersen');
    await hub.db
      .updateTable('tour_days')
      .set({ musician_id: otherMusician })
      .where('date', '=', '2026-12-02')
      .execute();
    for (const bookingId of [othersBooking, newId()]) {
      const feedback = await post('/feedback', await sealedRecord(bookingId, device.id, 1), auth);
      expect(feedback.status).toBe(404);
      expect((await json(feedback)).error.code).toBe('not_found');
      const id = newId();
      const debrief = {
        schemaVersion: 2,
        id,
        bookingId,
        deviceId: device.id,
        deviceSeq: 2,
        howItWent: 'mixed',
        wasAnythingHard: false,
        wouldLikeACall: false,
      };
      const refused = await post(
        '/debriefs',
        { id, deviceSeq: 2, kind: 'musician-debrief', body: debrief },
        auth,
      );
      expect(refused.status).toBe(404);
    }
    expect(await hub.db.selectFrom('device_records').selectAll().execute()).toEqual([]);
  });

  it('still reads a version 1 debrief, and keeps it as version 3', async () => {
    const { device, auth } = await enrol();
    const bookingId = await bookToday('2026-12-01');
    const v1 = (anythingHard?: string) => {
      const id = newId();
      return {
        id,
        deviceSeq: 1,
        kind: 'musician-debrief',
        body: {
          schemaVersion: 1,
          id,
          bookingId,
          deviceId: device.id,
          deviceSeq: 1,
          howItWent: 'good',
          ...(anythingHard === undefined ? {} : { anythingHard }),
          wouldLikeACall: false,
        },
      };
    };
    const withText = v1('Trapperne');
    expect((await post('/debriefs', withText, auth)).status).toBe(201);
    // The tablet resends what it sent: a replay, though the hub keeps it as version 3.
    expect((await post('/debriefs', withText, auth)).status).toBe(200);
    const without = { ...v1(), deviceSeq: 2 };
    without.body.deviceSeq = 2;
    expect((await post('/debriefs', without, auth)).status).toBe(201);
    const stored = await hub.db
      .selectFrom('device_records')
      .select(['id', 'body'])
      .orderBy('device_seq')
      .execute();
    expect(stored.map((row) => JSON.parse(row.body))).toEqual([
      { ...withText.body, schemaVersion: 3, wasAnythingHard: true },
      { ...without.body, schemaVersion: 3, wasAnythingHard: false },
    ]);
    // A version 1 body with version 2's field, and a version never made, are refused.
    const mixed = v1();
    const refused = await post(
      '/debriefs',
      { ...mixed, body: { ...mixed.body, wasAnythingHard: true } },
      auth,
    );
    expect((await json(refused)).error.issues).toEqual([
      expect.objectContaining({ path: 'body.wasAnythingHard', code: 'unknown_key' }),
    ]);
    const future = v1();
    const newer = await post(
      '/debriefs',
      { ...future, body: { ...future.body, schemaVersion: 4 } },
      auth,
    );
    expect((await json(newer)).error.issues).toEqual([
      expect.objectContaining({ path: 'body.schemaVersion', code: 'unsupported_version' }),
    ]);
  });

  it('401 without a device token, and a coordinator or partner key is not a device', async () => {
    for (const headers of [{}, coordinator.headers, withKey('pk_demo')]) {
      expect((await post('/feedback', {}, headers)).status).toBe(401);
    }
  });
});

describe('a concert cancelled at the door', () => {
  // A musician with a tour day and bookings made through the planning API, and that musician's
  // enrolled tablet.
  async function setUp() {
    const p = await planner(hub);
    const musician = await p.musician();
    const day = await p.tourDay(musician.id, { windowStart: '08:00', windowEnd: '20:00' });
    const confirmed = await p.booking(day.id, at('10:00'), { confirm: true });
    const code = await json(
      await post('/devices/enrolment-codes', { musicianId: musician.id }, coordinator.headers),
    );
    const enrolled = await json(await post('/devices/enrol', { code: code.code, name: 'T' }, {}));
    return {
      p,
      day,
      confirmed,
      device: enrolled.device as { id: string },
      auth: { authorization: `Bearer ${enrolled.token}` },
    };
  }

  const doorRecord = (bookingId: string, deviceId: string, deviceSeq: number, reason: string) => {
    const id = newId();
    return {
      id,
      deviceSeq,
      kind: 'booking-cancelled-at-door',
      body: {
        schemaVersion: 1,
        id,
        bookingId,
        deviceId,
        deviceSeq,
        reason,
        at: '2026-11-26T10:02:00.000Z',
      },
    };
  };

  const bookingRow = (id: string) =>
    hub.db.selectFrom('bookings').select('status').where('id', '=', id).executeTakeFirstOrThrow();
  const auditOf = (entityId: string) =>
    hub.db
      .selectFrom('audit_events')
      .selectAll()
      .where('entity_id', '=', entityId)
      .orderBy('id')
      .execute();

  it('cancels the booking with the reason and an audit entry, with the record: 201, then 200, then 409', async () => {
    const { confirmed, device, auth } = await setUp();
    const record = doorRecord(confirmed.id, device.id, 1, 'nobody-home');
    const first = await post('/door-cancellations', record, auth);
    expect(first.status).toBe(201);
    expect(await json(first)).toEqual({ id: record.id, status: 'received' });
    expect((await bookingRow(confirmed.id)).status).toBe('cancelled');
    const moves = (await auditOf(confirmed.id)).filter((e) => e.action === 'cancel');
    expect(moves).toEqual([
      expect.objectContaining({
        actor: `device:${device.id}`,
        entity: 'booking',
        reason: 'Aflyst ved døren: Ingen hjemme',
      }),
    ]);
    expect(JSON.parse(moves[0]!.details!)).toMatchObject({
      from: 'confirmed',
      to: 'cancelled',
      because: 'cancelled-at-door',
      atDoor: 'nobody-home',
    });
    // The nomination goes back to accepted, as with any cancelled confirmed booking.
    const nomination = await hub.db
      .selectFrom('nominations')
      .select('status')
      .where('id', '=', confirmed.nominationId)
      .executeTakeFirstOrThrow();
    expect(nomination.status).toBe('accepted');
    // The tablet still lists the concert, as cancelled, so it is not simply gone.
    const { date } = await hub.db
      .selectFrom('bookings')
      .innerJoin('tour_days', 'tour_days.id', 'bookings.tour_day_id')
      .select('tour_days.date')
      .where('bookings.id', '=', confirmed.id)
      .executeTakeFirstOrThrow();
    const day = await json(
      await onTourDate(() =>
        hub.app.request(`/api/v1/device/bookings?date=${date}`, { headers: auth }),
      ),
    );
    expect(day.items).toEqual([
      expect.objectContaining({ bookingId: confirmed.id, status: 'cancelled' }),
    ]);

    expect((await post('/door-cancellations', record, auth)).status).toBe(200);
    const other = { ...record, body: { ...record.body, reason: 'other' } };
    const conflict = await post('/door-cancellations', other, auth);
    expect(conflict.status).toBe(409);
    expect((await json(conflict)).error.code).toBe('record_conflict');
    expect((await auditOf(confirmed.id)).filter((e) => e.action === 'cancel')).toHaveLength(1);
    const rows = await hub.db.selectFrom('device_records').selectAll().execute();
    expect(rows.map((r) => [r.kind, r.booking_id])).toEqual([
      ['booking-cancelled-at-door', confirmed.id],
    ]);
  });

  it("refuses another musician's booking, a reason outside the list, and a held concert, keeping nothing", async () => {
    const { p, day, confirmed, device, auth } = await setUp();
    const otherMusician = await p.musician();
    const otherDay = await p.tourDay(otherMusician.id);
    const theirs = await p.booking(otherDay.id, at('10:00'), { confirm: true });
    const foreign = await post(
      '/door-cancellations',
      doorRecord(theirs.id, device.id, 1, 'other'),
      auth,
    );
    expect(foreign.status).toBe(404);
    expect((await bookingRow(theirs.id)).status).toBe('confirmed');

    const health = doorRecord(confirmed.id, device.id, 1, 'fever');
    const refused = await post('/door-cancellations', health, auth);
    expect(refused.status).toBe(400);
    expect((await json(refused)).error.issues).toEqual([
      expect.objectContaining({ path: 'body.reason', code: 'invalid_choice' }),
    ]);
    const note = doorRecord(confirmed.id, device.id, 1, 'host-unwell');
    const withNote = { ...note, body: { ...note.body, note: 'feber' } };
    expect((await post('/door-cancellations', withNote, auth)).status).toBe(400);

    const held = await p.booking(day.id, at('14:00'), { confirm: true });
    await p.act(`/api/v1/bookings/${held.id}/held`);
    const late = await post(
      '/door-cancellations',
      doorRecord(held.id, device.id, 1, 'other'),
      auth,
    );
    expect(late.status).toBe(409);
    expect((await json(late)).error.code).toBe('illegal_transition');
    expect((await bookingRow(held.id)).status).toBe('held');
    expect((await bookingRow(confirmed.id)).status).toBe('confirmed');
    expect(await hub.db.selectFrom('device_records').selectAll().execute()).toEqual([]);
  });

  it('keeps the record of a booking a coordinator had already cancelled, and leaves the booking be', async () => {
    const { p, confirmed, device, auth } = await setUp();
    await p.act(`/api/v1/bookings/${confirmed.id}/cancel`, { reason: 'Afbud pr. telefon' });
    const record = doorRecord(confirmed.id, device.id, 1, 'host-unwell');
    expect((await post('/door-cancellations', record, auth)).status).toBe(201);
    const moves = (await auditOf(confirmed.id)).filter((e) => e.action === 'cancel');
    expect(moves.map((e) => e.reason)).toEqual(['Afbud pr. telefon']);
  });

  it('410 person_erased for a door cancellation, feedback or debrief about an erased pair, and nothing is kept (F5)', async () => {
    const { p, confirmed, device, auth } = await setUp();
    // Sent before the erasure, still queued on the tablet: the door record must be purged too.
    const door = doorRecord(confirmed.id, device.id, 1, 'nobody-home');
    const erased = await p.send('POST', `/api/v1/nominations/${confirmed.nominationId}/erase`, {
      reference: confirmed.reference,
    });
    expect(erased.status).toBe(200);

    const debriefId = newId();
    const debrief = {
      id: debriefId,
      deviceSeq: 3,
      kind: 'musician-debrief',
      body: {
        schemaVersion: 2,
        id: debriefId,
        bookingId: confirmed.id,
        deviceId: device.id,
        deviceSeq: 3,
        howItWent: 'good',
        wasAnythingHard: false,
        wouldLikeACall: false,
      },
    };
    const answers = [
      await post('/door-cancellations', door, auth),
      await post('/feedback', await sealedRecord(confirmed.id, device.id, 2), auth),
      await post('/debriefs', debrief, auth),
    ];
    for (const res of answers) {
      expect(res.status).toBe(410);
      expect((await json(res)).error.code).toBe('person_erased');
    }
    expect(await hub.db.selectFrom('device_records').selectAll().execute()).toEqual([]);
    const byTablet = await hub.db
      .selectFrom('audit_events')
      .select('action')
      .where('actor', '=', `device:${device.id}`)
      .execute();
    expect(byTablet.map((e) => e.action)).toEqual(['enrolled']);
  });
});

describe('many tablets at once (RELIABILITY.md L2)', () => {
  it('20 tablets × 50 sealed records at once give exactly 1,000 rows, no duplicate, no server error', async () => {
    const bookingId = await bookToday('2026-12-01');
    const now = new Date().toISOString();
    const tablets = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const token = `dt_${randomBytes(32).toString('base64url')}`;
        const id = `device-l2-${i}`;
        await hub.db
          .insertInto('devices')
          .values({
            id,
            musician_id: musicianId,
            name: `Tablet ${i}`,
            token_hash: createHash('sha256').update(token).digest('hex'),
            enrolled_at: now,
            revoked_at: null,
            last_seq: 0,
            last_seen_at: null,
          })
          .execute();
        return { id, auth: { authorization: `Bearer ${token}` } };
      }),
    );
    const statuses = await Promise.all(
      tablets.map(async (tablet) => {
        const seen: number[] = [];
        for (let seq = 1; seq <= 50; seq++) {
          const record = await sealedRecord(bookingId, tablet.id, seq);
          seen.push((await post('/feedback', record, tablet.auth)).status);
        }
        return seen;
      }),
    );
    expect(statuses.flat().filter((s) => s !== 201)).toEqual([]);
    const rows = await hub.db.selectFrom('device_records').select(['id', 'device_id']).execute();
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => r.id)).size).toBe(1000);
    const gaps = await hub.db
      .selectFrom('audit_events')
      .select('id')
      .where('action', '=', 'sequence-gap')
      .execute();
    expect(gaps).toEqual([]);
  }, 120_000);
});
