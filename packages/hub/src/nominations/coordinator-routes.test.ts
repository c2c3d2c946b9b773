import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aNomination, json, signIn, testHub, withKey } from '../helpers.test-support.js';

let hub: Awaited<ReturnType<typeof testHub>>;
let cookie: string;
beforeEach(async () => {
  hub = await testHub();
  ({ cookie } = await signIn(hub.app, hub.db));
});
afterEach(() => hub.db.destroy());

async function nominate(key = 'pk_demo', firstName = 'Inger') {
  const res = await hub.app.request('/api/v1/nominations', {
    method: 'POST',
    headers: withKey(key),
    body: JSON.stringify(aNomination({ host: { firstName, municipalityCode: '751' } })),
  });
  return (await json(res)).reference as string;
}
const list = (query = '') =>
  hub.app.request(`/api/v1/nominations${query}`, { headers: { cookie } });

describe('GET /api/v1/nominations for coordinators', () => {
  it('lists nominations longest-waiting first, with the record and its partner', async () => {
    const first = await nominate('pk_demo', 'Inger');
    const second = await nominate('pk_other', 'Karen');
    const res = await list();
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body.items.map((i: { reference: string }) => i.reference)).toEqual([first, second]);
    expect(body.items[0]).toMatchObject({
      status: 'received',
      partner: { id: 'demo-partner', name: 'Demo Besøgstjeneste' },
      nomination: { host: { firstName: 'Inger' } },
    });
    expect(body.nextCursor).toBeNull();
  });

  it('filters by status and partner', async () => {
    await nominate('pk_demo');
    await nominate('pk_other');
    expect((await json(await list('?partner=other-partner'))).items).toHaveLength(1);
    expect((await json(await list('?status=received&status=accepted'))).items).toHaveLength(2);
    expect((await json(await list('?status=booked'))).items).toHaveLength(0);
    expect((await json(await list('?waitingDays=1'))).items).toHaveLength(0);
  });

  it('pages with a stable cursor', async () => {
    const references = [];
    for (let i = 0; i < 5; i++) references.push(await nominate());
    const seen: string[] = [];
    let cursor = '';
    for (;;) {
      const body = await json(await list(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`));
      seen.push(...body.items.map((i: { reference: string }) => i.reference));
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
    }
    expect(seen).toEqual(references);
  });

  it('400 for a bad filter or cursor', async () => {
    expect((await list('?status=lost')).status).toBe(400);
    expect((await list('?limit=1000')).status).toBe(400);
    expect((await list('?cursor=nonsense')).status).toBe(400);
    expect((await list('?admin=1')).status).toBe(400);
  });

  it('is for coordinators only: a partner key or no session gets 401 and no data', async () => {
    await nominate();
    for (const headers of [withKey('pk_demo'), {}]) {
      const res = await hub.app.request('/api/v1/nominations', { headers });
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain('Inger');
    }
  });
});
