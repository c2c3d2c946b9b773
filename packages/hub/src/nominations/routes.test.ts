import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { DEMO_SECRET_KEY } from '../partners/partners.js';
import {
  aNomination,
  aNominationV1,
  json,
  signIn,
  testHub,
  withKey,
} from '../helpers.test-support.js';
import { createProgramme, singing } from '../programmes/fixtures.test-support.js';

let hub: Awaited<ReturnType<typeof testHub>>;
beforeEach(async () => {
  hub = await testHub();
});
afterEach(() => hub.db.destroy());

const post = (body: unknown, headers = withKey('pk_demo')) =>
  hub.app.request('/api/v1/nominations', {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

// PostgreSQL counts as a bigint string, SQLite as a number.
const count = async () =>
  Number(
    (
      await hub.db
        .selectFrom('nominations')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/v1/nominations', () => {
  it('201: stores the nomination with an audit entry and answers a reference', async () => {
    const nomination = aNomination();
    const res = await post(nomination, withKey('pk_demo', 'http://127.0.0.1:5173'));
    expect(res.status).toBe(201);
    const receipt = await json(res);
    expect(receipt).toEqual({
      reference: expect.stringMatching(/^STUE-\w{4}-\w{4}$/),
      status: 'received',
    });
    expect(res.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:5173');

    const row = await hub.db.selectFrom('nominations').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      id: nomination.id,
      partner_id: 'demo-partner',
      status: 'received',
    });
    expect(JSON.parse(row.body).visitingFriend.phone).toBe('+4520304050');
    const audit = await hub.db.selectFrom('audit_events').selectAll().execute();
    expect(audit).toEqual([
      expect.objectContaining({
        entity: 'nomination',
        entity_id: nomination.id,
        action: 'received',
      }),
    ]);
  });

  it('200: the same id and body again is a replay with the same reference, stored once', async () => {
    const nomination = aNomination();
    const first = await json(await post(nomination));
    // The same nomination written differently (key order, unnormalised phone) is the same body.
    const again = {
      ...nomination,
      visitingFriend: { phone: '+45 20 30 40 50', firstName: 'Bent' },
    };
    const res = await post(again);
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual(first);
    expect(await count()).toBe(1);
  });

  it('409: the same id with a different body is a conflict and changes nothing', async () => {
    const nomination = aNomination();
    await post(nomination);
    const res = await post({
      ...nomination,
      host: { firstName: 'Karen', municipalityCode: '751' },
    });
    expect(res.status).toBe(409);
    expect(await json(res)).toMatchObject({ error: { code: 'nomination_conflict' } });
    const row = await hub.db.selectFrom('nominations').select('body').executeTakeFirstOrThrow();
    expect(JSON.parse(row.body).host.firstName).toBe('Inger');
  });

  it('409: the same id from another partner is a conflict, not a replay', async () => {
    const nomination = aNomination();
    await post(nomination);
    const res = await post(nomination, withKey('pk_other'));
    expect(res.status).toBe(409);
  });

  it.each([
    ['no Authorization header', { 'content-type': 'application/json' }],
    ['an unknown key', withKey('pk_nobody')],
    ['a malformed header', { authorization: 'pk_demo' }],
  ])('401 with %s', async (_case, headers) => {
    const res = await post(aNomination(), headers);
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await json(res)).toMatchObject({ error: { code: 'unauthorized' } });
    expect(await count()).toBe(0);
  });

  it.each(['https://evil.example', 'http://127.0.0.1.evil.example:80', 'null'])(
    '403 from the origin %s, which is not on the allow-list',
    async (origin) => {
      const res = await post(aNomination(), withKey('pk_demo', origin));
      expect(res.status).toBe(403);
      expect(await json(res)).toMatchObject({ error: { code: 'origin_not_allowed' } });
      expect(await count()).toBe(0);
    },
  );

  it('400: an invalid body gets structured issues, in English when asked, and nothing is stored', async () => {
    const res = await post(
      aNomination({
        consent: undefined as never,
        host: { firstName: '', municipalityCode: '751' },
      }),
      {
        ...withKey('pk_demo'),
        'accept-language': 'en-GB,en;q=0.9',
      },
    );
    expect(res.status).toBe(400);
    const body = await json(res);
    expect(body.error.code).toBe('invalid_body');
    expect(body.error.issues).toEqual([
      { path: 'host.firstName', code: 'required', message: "Enter the host's first name" },
      {
        path: 'consent',
        code: 'consent_required',
        message: 'Confirm that the host has said yes to the visit through their visiting friend',
      },
    ]);
    expect(await count()).toBe(0);
  });

  it('400: mass assignment of status or partner is refused', async () => {
    const res = await post({ ...aNomination(), status: 'booked', partnerId: 'other-partner' });
    expect(res.status).toBe(400);
    const { error } = await json(res);
    expect(error.issues.map((i: { path: string }) => i.path)).toEqual(['status', 'partnerId']);
  });

  it('400: a body that is not JSON', async () => {
    const res = await post('{"schemaVersion":');
    expect(res.status).toBe(400);
    expect((await json(res)).error.issues[0].message).toBe('Indholdet er ikke gyldig JSON');
  });

  it('413: a body over the limit is refused before it is parsed', async () => {
    const res = await post({ ...aNomination(), padding: 'x'.repeat(100_000) });
    expect(res.status).toBe(413);
    expect(await json(res)).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('answers a CORS preflight from any origin; the key decides on the real request', async () => {
    const res = await hub.app.request('/api/v1/nominations', {
      method: 'OPTIONS',
      headers: {
        origin: 'https://kommune.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://kommune.example');
    expect(res.headers.get('access-control-allow-headers')).toMatch(/authorization/);
  });
});

describe("a nomination's programme", () => {
  const consent = (noticeVersion: string) => ({ ...aNomination().consent, noticeVersion });

  beforeEach(async () => {
    const session = await signIn(hub.app, hub.db);
    await createProgramme(hub, session.headers, singing(), 2);
    await createProgramme(hub, session.headers, { ...singing(), slug: 'andet-program' });
  });

  it('201: a programme the hub holds, with a version of its notice it has had', async () => {
    for (const version of ['syngende-besoeg/1', 'syngende-besoeg/2']) {
      const res = await post(
        aNomination({ programmeId: 'syngende-besoeg', consent: consent(version) }),
      );
      expect(res.status, version).toBe(201);
    }
    // The default programme needs no record, and a form's or partner's own words stand as sent.
    const own = aNomination({ consent: consent('stue-nomination-form/3') });
    expect((await post(own)).status).toBe(201);
    expect((await post(aNomination({ consent: consent('2025-01') }))).status).toBe(201);
    expect(await count()).toBe(4);
  });

  it('422 unknown_programme: a programme the hub does not hold, and nothing is stored', async () => {
    const res = await post(aNomination({ programmeId: 'findes-ikke' }));
    expect(res.status).toBe(422);
    expect(await json(res)).toEqual({
      error: {
        code: 'unknown_programme',
        message: expect.stringContaining('programmeId'),
        issues: [{ path: 'programmeId', code: 'not_found', message: expect.any(String) }],
      },
    });
    const en = await post(aNomination({ programmeId: 'findes-ikke' }), {
      ...withKey('pk_demo'),
      'accept-language': 'en',
    });
    expect((await json(en)).error.message).toMatch(/^The nomination names a programme/);
    expect(await count()).toBe(0);
  });

  it('422 unknown_notice_version: a version the programme never had, or another programme’s', async () => {
    const cases = [
      [{ programmeId: 'syngende-besoeg', consent: consent('syngende-besoeg/3') }, 'consent'],
      [{ programmeId: 'syngende-besoeg', consent: consent('syngende-besoeg/0') }, 'consent'],
      [{ programmeId: 'syngende-besoeg', consent: consent('andet-program/1') }, 'consent'],
      // The default programme with no record on this hub has had no version at all.
      [{ consent: consent('musikalske-besoegsvenner/1') }, 'consent'],
      [
        {
          programmeId: 'syngende-besoeg',
          consent: consent('syngende-besoeg/2'),
          feedbackConsent: consent('syngende-besoeg/7'),
        },
        'feedbackConsent',
      ],
    ] as const;
    for (const [overrides, key] of cases) {
      const res = await post(aNomination(overrides), {
        ...withKey('pk_demo'),
        'accept-language': 'en',
      });
      expect(res.status, JSON.stringify(overrides)).toBe(422);
      const { error } = await json(res);
      expect(error.code).toBe('unknown_notice_version');
      expect(error.message).toMatch(/never had/);
      expect(error.issues).toEqual([
        { path: `${key}.noticeVersion`, code: 'not_found', message: expect.any(String) },
      ]);
    }
    expect(await count()).toBe(0);
  });
});

describe('GET /api/v1/nominations/{reference}/status', () => {
  it('200: answers the status only, with no personal data', async () => {
    const { reference } = await json(await post(aNomination()));
    const res = await hub.app.request(`/api/v1/nominations/${reference.toLowerCase()}/status`, {
      headers: withKey('pk_demo'),
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ reference, status: 'received' });
    expect(text).not.toMatch(/Inger|Bent|2030/);
  });

  it("404: another partner's reference is not found (never 403)", async () => {
    const { reference } = await json(await post(aNomination()));
    const res = await hub.app.request(`/api/v1/nominations/${reference}/status`, {
      headers: withKey('pk_other'),
    });
    expect(res.status).toBe(404);
    expect(await json(res)).toMatchObject({ error: { code: 'not_found' } });
  });

  it('400: a malformed reference', async () => {
    const res = await hub.app.request('/api/v1/nominations/%3Cscript%3E/status', {
      headers: withKey('pk_demo'),
    });
    expect(res.status).toBe(400);
    expect(await json(res)).toMatchObject({ error: { code: 'invalid_parameter' } });
  });

  it('401 without a key; 403 from a foreign origin', async () => {
    const path = '/api/v1/nominations/STUE-AAAA-BBBB/status';
    expect((await hub.app.request(path)).status).toBe(401);
    const foreign = await hub.app.request(path, {
      headers: withKey('pk_demo', 'https://evil.example'),
    });
    expect(foreign.status).toBe(403);
  });
});

describe('rate limits', () => {
  const limited = (perPartner: number, perAddress = 1000) =>
    createApp({
      db: hub.db,
      limits: {
        perPartner: { limit: perPartner, windowMs: 60_000 },
        perAddress: { limit: perAddress, windowMs: 60_000 },
      },
    });
  const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

  it("429 with Retry-After for a flooding partner, while another partner's requests go through", async () => {
    const app = limited(3);
    const send = (key: string) =>
      app.request(
        '/api/v1/nominations',
        { method: 'POST', headers: withKey(key), body: JSON.stringify(aNomination()) },
        from('192.0.2.1'),
      );
    for (let i = 0; i < 3; i++) expect((await send('pk_demo')).status).toBe(201);
    const refused = await send('pk_demo');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await json(refused)).toMatchObject({ error: { code: 'rate_limited' } });
    expect((await send('pk_other')).status).toBe(201);
    expect(await count()).toBe(4);
  });

  it("gives each key its own budget: a back-office job on the secret key leaves the website's nominations through", async () => {
    const app = limited(3);
    const status = (key: string) =>
      app.request(
        '/api/v1/nominations/STUE-AAAA-BBBB/status',
        { headers: withKey(key) },
        from('192.0.2.1'),
      );
    for (let i = 0; i < 3; i++) expect((await status(DEMO_SECRET_KEY)).status).toBe(404);
    expect((await status(DEMO_SECRET_KEY)).status).toBe(429);
    const nomination = await app.request(
      '/api/v1/nominations',
      { method: 'POST', headers: withKey('pk_demo'), body: JSON.stringify(aNomination()) },
      from('192.0.2.1'),
    );
    expect(nomination.status).toBe(201);
    expect((await status(DEMO_SECRET_KEY)).status).toBe(429);
  });

  it('429 for one address flooding with made-up keys, before any key is looked up', async () => {
    const app = limited(1000, 2);
    const send = (address: string) =>
      app.request(
        '/api/v1/nominations/STUE-AAAA-BBBB/status',
        { headers: withKey('pk_x') },
        from(address),
      );
    expect((await send('198.51.100.7')).status).toBe(401);
    expect((await send('198.51.100.7')).status).toBe(401);
    expect((await send('198.51.100.7')).status).toBe(429);
    expect((await send('198.51.100.8')).status).toBe(401);
  });
});

describe('hostile bodies', () => {
  it('400 for deeply nested JSON within the size limit, and the hub keeps answering', async () => {
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const res = await post(deep);
    expect(res.status).toBe(400);
    expect((await hub.app.request('/api/health')).status).toBe(200);
  });

  it('413 for a 100,000-character name: refused by size before it is parsed', async () => {
    const res = await post(
      aNomination({ host: { firstName: 'x'.repeat(100_000), municipalityCode: '751' } }),
    );
    expect(res.status).toBe(413);
  });

  it('stores hostile but harmless text byte-exact', async () => {
    const name = '<script>alert(1)</script> \u202Eævø\u200B 🎻 Åse';
    const res = await post(aNomination({ host: { firstName: name, municipalityCode: '751' } }));
    expect(res.status).toBe(201);
    const row = await hub.db.selectFrom('nominations').select('body').executeTakeFirstOrThrow();
    expect(JSON.parse(row.body).host.firstName).toBe(name.trim());
  });

  it('does not let __proto__ in a body reach any prototype', async () => {
    const body = JSON.stringify(aNomination()).replace('{', '{"__proto__":{"polluted":true},');
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('concurrent clients', () => {
  it('20 clients sending the same record at once store it once, and all are answered', async () => {
    const nomination = aNomination();
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(nomination)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    const references = new Set(
      await Promise.all(responses.map(async (r) => (await json(r)).reference)),
    );
    expect(references.size).toBe(1);
    expect(await count()).toBe(1);
  });

  it('20 clients × 10 records at once give exactly 200 rows and no server error', async () => {
    const unlimited = { limit: 1_000_000, windowMs: 60_000 };
    const app = createApp({ db: hub.db, limits: { perPartner: unlimited, perAddress: unlimited } });
    const statuses = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const seen: number[] = [];
        for (let i = 0; i < 10; i++) {
          const res = await app.request('/api/v1/nominations', {
            method: 'POST',
            headers: withKey('pk_demo'),
            body: JSON.stringify(aNomination()),
          });
          seen.push(res.status);
        }
        return seen;
      }),
    );
    expect(statuses.flat().every((s) => s === 201)).toBe(true);
    expect(await count()).toBe(200);
  });
});

describe('older versions (RELIABILITY.md B7)', () => {
  it('reads a version 1 nomination, stores it as version 2, and answers its replay as a replay', async () => {
    const v1 = aNominationV1();
    const first = await post(v1);
    expect(first.status).toBe(201);
    const again = await post(v1);
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual(await json(first));
    const row = await hub.db.selectFrom('nominations').selectAll().executeTakeFirstOrThrow();
    const stored = JSON.parse(row.body);
    expect(stored.schemaVersion).toBe(2);
    expect(stored.host.municipalityCode).toBe('751');
    // Version 1's tick box said the host had agreed through the visiting friend; it is dated
    // the moment the hub first received it.
    expect(stored.consent).toEqual({
      agreedBy: 'host',
      via: 'visiting-friend',
      at: row.received_at,
      noticeVersion: 'v1',
    });
  });

  it('400 unknown_municipality for a version 1 municipality name it cannot place', async () => {
    const res = await post(
      aNominationV1({ host: { firstName: 'Inger', municipality: 'Atlantis' } }),
    );
    expect(res.status).toBe(400);
    expect((await json(res)).error.issues).toEqual([
      expect.objectContaining({ path: 'host.municipality', code: 'unknown_municipality' }),
    ]);
  });

  it('400 unsupported_version, with "update the app" in words, for a version it does not know', async () => {
    const res = await post({ ...aNomination(), schemaVersion: 99 });
    expect(res.status).toBe(400);
    expect((await json(res)).error.issues).toEqual([
      {
        path: 'schemaVersion',
        code: 'unsupported_version',
        message: expect.stringMatching(/opdateres/),
      },
    ]);
  });
});
