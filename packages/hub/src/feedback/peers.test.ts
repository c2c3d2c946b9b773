import { danishToday, DEFAULT_PROGRAMME_ID, newId } from '@stue/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json, testHub, withKey } from '../helpers.test-support.js';
import { DEMO_DEFAULT_PROGRAMME, seedDemoProgrammes } from '../programmes/index.js';
import { concertWithTablet } from './fixtures.test-support.js';

// Issue 15 item 9: a programme names peers, the tablet offers them, and the musician's wish to
// talk becomes a task for the peer they chose.

let hub: Awaited<ReturnType<typeof testHub>>;
let concert: Awaited<ReturnType<typeof concertWithTablet>>;

beforeEach(async () => {
  hub = await testHub();
  await seedDemoProgrammes(hub.db);
  concert = await concertWithTablet(hub);
});
afterEach(() => hub.db.destroy());

const VERSIONS = `/api/v1/programmes/${DEFAULT_PROGRAMME_ID}/versions`;

const namePeers = (peers: string[], headers: object = {}) =>
  concert.p.send('POST', VERSIONS, { ...DEMO_DEFAULT_PROGRAMME, peers }, headers);

/** A version 3 debrief from the concert's tablet, sent as the kiosk sends it. */
let seq = 100;
async function debrief(body: Record<string, unknown>) {
  seq += 1;
  const id = newId();
  const record = {
    id,
    deviceSeq: seq,
    kind: 'musician-debrief',
    body: {
      schemaVersion: 3,
      id,
      bookingId: concert.booking.id,
      deviceId: concert.deviceId,
      deviceSeq: seq,
      howItWent: 'hard',
      wasAnythingHard: true,
      anythingHard: 'Værten blev ked af det, og jeg vidste ikke, hvad jeg skulle sige.',
      wouldLikeACall: true,
      ...body,
    },
  };
  const send = () =>
    hub.app.request('/api/v1/debriefs', {
      method: 'POST',
      headers: { authorization: `Bearer ${concert.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(record),
    });
  return { id, res: await send(), again: send };
}

describe("a programme's peers", () => {
  it('are musicians Stue knows who tour now; anything else is refused in Danish or English, and nothing is kept', async () => {
    const peer = await concert.p.musician({ name: 'Mads Holm' });
    const resting = await concert.p.musician({ name: 'Aisha Berg', active: false });
    const refused = await namePeers([newId(), resting.id, peer.id]);
    expect(refused.status).toBe(400);
    expect((await json(refused)).error.issues).toEqual([
      {
        path: 'peers.0',
        code: 'not_found',
        message: 'Musikeren findes ikke. Vælg en musiker fra listen',
      },
      {
        path: 'peers.1',
        code: 'inactive',
        message: 'Musikeren er ikke aktiv og kan ikke være kollega i programmet',
      },
    ]);
    const english = await namePeers([resting.id], { 'accept-language': 'en' });
    expect((await json(english)).error.issues[0].message).toBe(
      'The musician is not active and cannot be a peer in the programme',
    );
    const created = await concert.p.send('POST', '/api/v1/programmes', {
      ...DEMO_DEFAULT_PROGRAMME,
      slug: 'syngende-besoeg',
      peers: [newId()],
    });
    expect(created.status).toBe(400);
    expect(await hub.db.selectFrom('programme_versions').selectAll().execute()).toHaveLength(1);

    const named = await namePeers([peer.id]);
    expect(named.status).toBe(201);
    expect(await json(named)).toMatchObject({ version: 2, peers: [peer.id] });
    const detail = await json(await concert.p.get(`/api/v1/programmes/${DEFAULT_PROGRAMME_ID}`));
    expect(detail.current.peers).toEqual([peer.id]);
    expect(detail.versions).toHaveLength(2);
    // Only names reach the nomination form's public part, and not even those.
    const shown = await json(
      await hub.app.request(`/api/v1/programmes/${DEFAULT_PROGRAMME_ID}/public`),
    );
    expect(shown).not.toHaveProperty('peers');
  });

  it("reach the tablet's day by first name only, without the tablet's own musician", async () => {
    const peer = await concert.p.musician({ name: 'Mads Holm' });
    // The tablet reads today's concerts: the concert is moved to today.
    await hub.db
      .updateTable('tour_days')
      .set({ date: danishToday() })
      .where('id', '=', concert.day.id)
      .execute();
    const today = () =>
      hub.app.request('/api/v1/device/bookings', {
        headers: { authorization: `Bearer ${concert.token}` },
      });
    expect((await json(await today())).items[0].peers).toEqual([]);
    expect((await namePeers([concert.musician.id, peer.id])).status).toBe(201);
    const day = await json(await today());
    expect(day.items[0].peers).toEqual([{ id: peer.id, firstName: 'Mads' }]);
    expect(JSON.stringify(day)).not.toContain(peer.phone);
    expect(JSON.stringify(day)).not.toContain('Holm');
  });
});

describe('a debrief that asks for a peer', () => {
  it('becomes a task for that peer, which a coordinator sees and can filter by', async () => {
    const peer = await concert.p.musician({ name: 'Mads Holm', phone: '22 33 44 55' });
    await namePeers([peer.id]);
    const forPeer = await debrief({ peerId: peer.id });
    expect(forPeer.res.status).toBe(201);
    // The tablet resends it after the coordinator took the peer off the programme: a replay.
    expect((await namePeers([])).status).toBe(201);
    expect((await forPeer.again()).status).toBe(200);
    const forCoordinator = await concert.debrief({ howItWent: 'mixed', wouldLikeACall: true });

    const all = await json(await concert.p.get('/api/v1/tasks'));
    expect(all.items.map((t: { id: string }) => t.id)).toEqual([forPeer.id, forCoordinator]);
    expect(all.items[0]).toMatchObject({
      musician: { id: concert.musician.id, name: 'Maja Musiker', phone: concert.musician.phone },
      peer: { id: peer.id, name: 'Mads Holm', phone: '+4522334455' },
    });
    expect(all.items[1].peer).toBeNull();
    // What the debrief says stays with the coordinator's reading of it, not in the task.
    expect(JSON.stringify(all)).not.toContain('ked af det');

    const peers = await json(await concert.p.get('/api/v1/tasks?for=peer'));
    expect(peers.items.map((t: { id: string }) => t.id)).toEqual([forPeer.id]);
    const coordinators = await json(await concert.p.get('/api/v1/tasks?for=coordinator'));
    expect(coordinators.items.map((t: { id: string }) => t.id)).toEqual([forCoordinator]);
    const unknown = await concert.p.get('/api/v1/tasks?for=everyone');
    expect(unknown.status).toBe(400);
    expect((await json(unknown)).error.code).toBe('invalid_parameter');

    await concert.p.act(`/api/v1/tasks/${forPeer.id}/call-done`, { note: 'Mads ringede' });
    const done = await json(await concert.p.get('/api/v1/tasks?state=done&for=peer'));
    expect(done.items).toEqual([expect.objectContaining({ id: forPeer.id, state: 'done' })]);
  });

  it("goes when the pair is erased: the task is read from the debrief, which goes with the pair's bookings", async () => {
    const peer = await concert.p.musician({ name: 'Mads Holm', phone: '22 33 44 55' });
    await namePeers([peer.id]);
    expect((await debrief({ peerId: peer.id })).res.status).toBe(201);
    expect((await json(await concert.p.get('/api/v1/tasks?for=peer'))).items).toHaveLength(1);

    const nominationId = concert.booking.nominationId as string;
    const { reference } = await json(await concert.p.get(`/api/v1/nominations/${nominationId}`));
    const erased = await concert.p.send('POST', `/api/v1/nominations/${nominationId}/erase`, {
      reference,
    });
    expect(erased.status).toBe(200);
    for (const state of ['open', 'done']) {
      const tasks = await json(await concert.p.get(`/api/v1/tasks?for=peer&state=${state}`));
      expect(tasks.items).toEqual([]);
    }
  });

  it('is refused with not_a_peer when the programme does not name them, or names the musician themself', async () => {
    const peer = await concert.p.musician({ name: 'Mads Holm' });
    const stranger = await concert.p.musician({ name: 'Aisha Berg' });
    await namePeers([peer.id, concert.musician.id]);
    for (const peerId of [stranger.id, concert.musician.id, newId()]) {
      const { res } = await debrief({ peerId });
      expect(res.status, peerId).toBe(400);
      const { error } = await json(res);
      expect(error.code).toBe('invalid_body');
      expect(error.issues).toEqual([
        {
          path: 'body.peerId',
          code: 'not_a_peer',
          message:
            'Musikeren er ikke kollega i koncertens program. Vælg koordinatoren eller en kollega fra listen',
        },
      ]);
    }
    const noWish = await debrief({ peerId: peer.id, wouldLikeACall: false });
    expect(noWish.res.status).toBe(400);
    expect((await json(noWish.res)).error.issues[0]).toMatchObject({
      path: 'body.peerId',
      code: 'peer_without_call',
    });
    expect(await hub.db.selectFrom('device_records').selectAll().execute()).toEqual([]);
  });

  it('is for the coordinator to pass on: another partner, a tablet and anonymous read no tasks and name no peers', async () => {
    const peer = await concert.p.musician({ name: 'Mads Holm' });
    const tablet = { authorization: `Bearer ${concert.token}` };
    for (const headers of [{}, withKey('pk_other', 'https://kommune.example'), tablet]) {
      const tasks = await hub.app.request('/api/v1/tasks?for=peer', { headers });
      expect(tasks.status).toBe(401);
      const version = await hub.app.request(VERSIONS, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ ...DEMO_DEFAULT_PROGRAMME, peers: [peer.id] }),
      });
      expect(version.status).toBe(401);
    }
    expect(await hub.db.selectFrom('programme_versions').selectAll().execute()).toHaveLength(1);
  });
});
