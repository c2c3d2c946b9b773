import { DEFAULT_PROGRAMME_ID } from '@stue/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json, signIn, testHub, type Session, type TestHub } from '../helpers.test-support.js';
import { DEMO_DEFAULT_PROGRAMME, seedDemoProgrammes } from './demo.js';
import { singing } from './fixtures.test-support.js';

let hub: TestHub;
let session: Session;
beforeEach(async () => {
  hub = await testHub();
  session = await signIn(hub.app, hub.db);
});
afterEach(() => hub.db.destroy());

const send = (
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = session.headers,
) =>
  hub.app.request(path, {
    method,
    headers: { ...headers, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('/api/v1/programmes', () => {
  it('a coordinator creates a programme, adds a version, and every version and the history are kept', async () => {
    const created = await send('POST', '/api/v1/programmes', singing());
    expect(created.status).toBe(201);
    expect(await json(created)).toMatchObject({
      slug: 'syngende-besoeg',
      version: 1,
      noticeVersion: 'syngende-besoeg/1',
      createdBy: expect.stringMatching(/^coordinator:/),
    });

    const { slug: _, ...content } = singing();
    const next = {
      ...content,
      callWithin: { da: 'Inden for tre dage.', en: 'Within three days.' },
    };
    const added = await send('POST', '/api/v1/programmes/syngende-besoeg/versions', next);
    expect(added.status).toBe(201);
    expect(await json(added)).toMatchObject({ version: 2, noticeVersion: 'syngende-besoeg/2' });

    const detail = await json(await send('GET', '/api/v1/programmes/syngende-besoeg'));
    expect(detail.current.callWithin.da).toBe('Inden for tre dage.');
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual([
      'created',
      'new-version',
    ]);
    const rows = await hub.db.selectFrom('programme_versions').select('body').execute();
    expect(rows.map((r) => JSON.parse(r.body).callWithin.da)).toEqual(
      expect.arrayContaining([singing().callWithin.da, 'Inden for tre dage.']),
    );

    const list = await json(await send('GET', '/api/v1/programmes'));
    expect(list.items).toEqual([expect.objectContaining({ slug: 'syngende-besoeg', version: 2 })]);
  });

  it('refuses a taken slug (409), bad input with specific Danish or English issues, and changes nothing', async () => {
    expect((await send('POST', '/api/v1/programmes', singing())).status).toBe(201);
    const again = await send('POST', '/api/v1/programmes', singing());
    expect(again.status).toBe(409);
    expect((await json(again)).error.code).toBe('programme_exists');

    const bad = await send(
      'POST',
      '/api/v1/programmes',
      { ...singing(), slug: 'andet', nominatorContact: {} },
      { ...session.headers, 'accept-language': 'en' },
    );
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.issues).toEqual([
      expect.objectContaining({
        path: 'nominatorContact.phone',
        code: 'contact_required',
        message: expect.stringMatching(/phone|e-?mail/i),
      }),
    ]);
    const noSuch = await send('POST', '/api/v1/programmes/findes-ikke/versions', singing());
    expect(noSuch.status).toBe(400); // `slug` is not part of a version
    const { slug: _, ...content } = singing();
    expect((await send('POST', '/api/v1/programmes/findes-ikke/versions', content)).status).toBe(
      404,
    );
    expect((await send('GET', '/api/v1/programmes/Not_A_Slug')).status).toBe(400);
    expect(await hub.db.selectFrom('programme_versions').selectAll().execute()).toHaveLength(1);
  });

  it('is for coordinators: without a session 401, without the CSRF token a write is 403', async () => {
    expect((await hub.app.request('/api/v1/programmes')).status).toBe(401);
    const noCsrf = await send('POST', '/api/v1/programmes', singing(), {
      cookie: session.cookie,
    } as never);
    expect(noCsrf.status).toBe(403);
    expect(await hub.db.selectFrom('programmes').selectAll().execute()).toHaveLength(0);
  });
});

describe('GET /api/v1/programmes/:slug/public', () => {
  it('gives the public part to anyone, from any origin, cacheable with an ETag that follows the version', async () => {
    await seedDemoProgrammes(hub.db);
    const res = await hub.app.request(`/api/v1/programmes/${DEFAULT_PROGRAMME_ID}/public`, {
      headers: { origin: 'https://besoeg.example.dk' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('public, max-age=300');
    const etag = res.headers.get('etag');
    expect(etag).toBe(`"${DEFAULT_PROGRAMME_ID}/1"`);
    const body = await json(res);
    expect(body).toMatchObject({
      slug: DEFAULT_PROGRAMME_ID,
      version: 1,
      noticeVersion: `${DEFAULT_PROGRAMME_ID}/1`,
      controller: DEMO_DEFAULT_PROGRAMME.controller,
      callWithin: DEMO_DEFAULT_PROGRAMME.callWithin,
      feedbackConsent: 'widget',
    });
    expect(JSON.stringify(body)).not.toContain('whenNo');
    expect(body).not.toHaveProperty('feedbackInstrumentId');
    expect(body).not.toHaveProperty('createdBy');

    const same = await hub.app.request(`/api/v1/programmes/${DEFAULT_PROGRAMME_ID}/public`, {
      headers: { 'if-none-match': etag! },
    });
    expect(same.status).toBe(304);

    const { slug: _, ...content } = singing();
    await send('POST', `/api/v1/programmes/${DEFAULT_PROGRAMME_ID}/versions`, content);
    const changed = await hub.app.request(`/api/v1/programmes/${DEFAULT_PROGRAMME_ID}/public`, {
      headers: { 'if-none-match': etag! },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).toBe(`"${DEFAULT_PROGRAMME_ID}/2"`);
  });

  it('404 for a programme that does not exist, 400 for an address that is no slug', async () => {
    expect((await hub.app.request('/api/v1/programmes/findes-ikke/public')).status).toBe(404);
    expect((await hub.app.request('/api/v1/programmes/%20x/public')).status).toBe(400);
  });

  it('demo seeding is done once: a second start keeps the versions as they are', async () => {
    await seedDemoProgrammes(hub.db);
    await seedDemoProgrammes(hub.db);
    expect(await hub.db.selectFrom('programme_versions').selectAll().execute()).toHaveLength(1);
  });
});
