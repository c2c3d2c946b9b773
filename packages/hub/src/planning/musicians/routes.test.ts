import { newId } from '@stue/core';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json } from '../../helpers.test-support.js';
import { aMusician, plannerHub, type Planner, type TestHub } from '../fixtures.test-support.js';

let hub: TestHub;
let p: Planner;
beforeEach(async () => ({ hub, p } = await plannerHub()));
afterEach(() => hub.db.destroy());

const audit = (entityId: string) =>
  hub.db
    .selectFrom('audit_events')
    .select(['actor', 'entity', 'action', 'reason', 'details'])
    .where('entity_id', '=', entityId)
    .orderBy('id')
    .execute();
const musicianRows = () => hub.db.selectFrom('musicians').select('id').execute();

describe('POST /api/v1/musicians', () => {
  it('201 with the stored record, normalised, with who made it; audited as that coordinator', async () => {
    const input = aMusician({
      phone: '40 50 60 70',
      email: ' Signe@Example.DK ',
      genres: undefined,
    });
    const res = await p.send('POST', '/api/v1/musicians', input);
    expect(res.status).toBe(201);
    const musician = await json(res);
    expect(musician).toMatchObject({
      id: input.id,
      phone: '+4540506070',
      email: 'signe@example.dk',
      genres: [],
      active: true,
      createdBy: p.coordinatorId,
    });
    expect(musician.createdAt).toBe(musician.updatedAt);
    expect(await audit(input.id)).toEqual([
      {
        actor: `coordinator:${p.coordinatorId}`,
        entity: 'musician',
        action: 'created',
        reason: null,
        details: null,
      },
    ]);
  });

  it('answers the same id and body as a replay (200), another body as a conflict (409)', async () => {
    const input = aMusician();
    const first = await json(await p.send('POST', '/api/v1/musicians', input));
    await p.expectReplayAndConflict('/api/v1/musicians', input, first, { name: 'Anden' });
    expect(await musicianRows()).toHaveLength(1);
    expect(await audit(input.id)).toHaveLength(1);
  });

  it('400 with issues for an invalid body, and writes nothing', async () => {
    const cases: [unknown, string, string][] = [
      [{ ...aMusician(), name: '' }, 'name', 'required'],
      [{ ...aMusician(), languages: [] }, 'languages', 'required'],
      [{ ...aMusician(), status: 'active' }, 'status', 'unknown_key'],
      [{ ...aMusician(), createdBy: 'someone' }, 'createdBy', 'unknown_key'],
      [{ ...aMusician(), id: 'not-a-uuid' }, 'id', 'invalid_id'],
      [{ ...aMusician(), name: 'Signe 010190-1234' }, 'name', 'cpr_not_allowed'],
    ];
    for (const [body, path, code] of cases) {
      const res = await p.send('POST', '/api/v1/musicians', body);
      expect(res.status).toBe(400);
      const { error } = await json(res);
      expect(error.code).toBe('invalid_body');
      expect(error.issues).toContainEqual(expect.objectContaining({ path, code }));
    }
    expect(await musicianRows()).toEqual([]);
  });

  it('refuses __proto__ without polluting any prototype', async () => {
    const body = `{"__proto__":{"polluted":true},${JSON.stringify(aMusician()).slice(1)}`;
    const res = await hub.app.request('/api/v1/musicians', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...p.session.headers },
      body,
    });
    expect(res.status).toBe(400);
    expect((await json(res)).error.issues).toContainEqual(
      expect.objectContaining({ path: '__proto__', code: 'unknown_key' }),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('400 for a body that is not JSON or not an object; 413 for one over 16 KB', async () => {
    for (const body of ['{', '[]', '"x"', 'null']) {
      const res = await hub.app.request('/api/v1/musicians', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...p.session.headers },
        body,
      });
      expect(res.status).toBe(400);
      expect((await json(res)).error.code).toBe('invalid_body');
    }
    const big = await p.send('POST', '/api/v1/musicians', {
      ...aMusician(),
      pad: 'x'.repeat(17_000),
    });
    expect(big.status).toBe(413);
    expect(await musicianRows()).toEqual([]);
  });

  it('403 without the CSRF token; messages in English on request', async () => {
    const res = await hub.app.request('/api/v1/musicians', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: p.session.cookie },
      body: JSON.stringify(aMusician()),
    });
    expect(res.status).toBe(403);
    expect((await json(res)).error.code).toBe('csrf_failed');
    const en = await p.send(
      'POST',
      '/api/v1/musicians',
      { ...aMusician(), name: '' },
      {
        'accept-language': 'en',
      },
    );
    expect((await json(en)).error.message).toMatch(/could not be accepted/);
  });

  it('stores the musician and its audit row in one transaction', async () => {
    // Without an audit table the audit insert fails; the musician must not be stored either.
    await sql`ALTER TABLE audit_events RENAME TO audit_events_away`.execute(hub.db);
    const res = await p.send('POST', '/api/v1/musicians', aMusician());
    expect(res.status).toBe(500);
    await sql`ALTER TABLE audit_events_away RENAME TO audit_events`.execute(hub.db);
    expect(await musicianRows()).toEqual([]);
  });
});

describe('GET /api/v1/musicians', () => {
  it('lists by name, filters by active, and pages with a stable cursor', async () => {
    for (const name of ['Carl', 'Anna', 'Bo', 'Dina', 'Emil']) {
      await p.musician({ name, active: name !== 'Bo' });
    }
    const all = await json(await p.get('/api/v1/musicians'));
    expect(all.items.map((m: { name: string }) => m.name)).toEqual([
      'Anna',
      'Bo',
      'Carl',
      'Dina',
      'Emil',
    ]);
    expect(all.nextCursor).toBeNull();
    const inactive = await json(await p.get('/api/v1/musicians?active=false'));
    expect(inactive.items.map((m: { name: string }) => m.name)).toEqual(['Bo']);
    const active = await json(await p.get('/api/v1/musicians?active=true'));
    expect(active.items).toHaveLength(4);

    const seen: string[] = [];
    let cursor = '';
    for (;;) {
      const body = await json(
        await p.get(`/api/v1/musicians?limit=2${cursor && `&cursor=${cursor}`}`),
      );
      seen.push(...body.items.map((m: { name: string }) => m.name));
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
    }
    expect(seen).toEqual(['Anna', 'Bo', 'Carl', 'Dina', 'Emil']);
  });

  it('400 invalid_parameter for a bad filter, limit, cursor or unknown parameter', async () => {
    for (const query of ['active=yes', 'limit=0', 'limit=101', 'cursor=nonsense', 'admin=1']) {
      const res = await p.get(`/api/v1/musicians?${query}`);
      expect(res.status, query).toBe(400);
      expect((await json(res)).error.code).toBe('invalid_parameter');
    }
  });
});

describe('GET /api/v1/musicians/{id}', () => {
  it('200 with the musician; 400 for a malformed id; 404 for an unknown one', async () => {
    const musician = await p.musician();
    expect(await json(await p.get(`/api/v1/musicians/${musician.id}`))).toEqual({
      ...musician,
      history: [
        {
          at: musician.createdAt,
          actor: expect.stringMatching(/^coordinator:/),
          action: 'created',
        },
      ],
    });
    const bad = await p.get('/api/v1/musicians/42');
    expect(bad.status).toBe(400);
    expect((await json(bad)).error.code).toBe('invalid_parameter');
    const unknown = await p.get(`/api/v1/musicians/${newId()}`);
    expect(unknown.status).toBe(404);
    expect((await json(unknown)).error.code).toBe('not_found');
  });
});

describe('PATCH /api/v1/musicians/{id}', () => {
  it('changes the fields sent, keeps the rest, and audits which fields changed (not their values)', async () => {
    const musician = await p.musician({ name: 'Signe' });
    const res = await p.send('PATCH', `/api/v1/musicians/${musician.id}`, {
      active: false,
      phone: '20 30 40 50',
    });
    expect(res.status).toBe(200);
    const changed = await json(res);
    expect(changed).toMatchObject({
      ...musician,
      active: false,
      phone: '+4520304050',
      updatedAt: expect.any(String),
    });
    expect(changed.createdAt).toBe(musician.createdAt);
    const read = await json(await p.get(`/api/v1/musicians/${musician.id}`));
    expect(read).toEqual({ ...changed, history: expect.any(Array) });
    // The history says which fields changed and who changed them, never the values.
    expect(read.history).toEqual([
      expect.objectContaining({ action: 'created' }),
      {
        at: changed.updatedAt,
        actor: expect.stringMatching(/^coordinator:/),
        action: 'updated',
        details: { changed: ['phone', 'active'] },
      },
    ]);
    expect(JSON.stringify(read.history)).not.toContain('4520304050');
    const rows = await audit(musician.id);
    expect(rows.map((r) => r.action)).toEqual(['created', 'updated']);
    expect(JSON.parse(rows[1]!.details!)).toEqual({ changed: ['phone', 'active'] });
    expect(rows[1]!.details).not.toContain('4520304050');
    const inactive = await json(await p.get('/api/v1/musicians?active=false'));
    expect(inactive.items.map((m: { id: string }) => m.id)).toEqual([musician.id]);
  });

  it('writes nothing when nothing changes', async () => {
    const musician = await p.musician();
    const res = await p.send('PATCH', `/api/v1/musicians/${musician.id}`, { name: musician.name });
    expect(res.status).toBe(200);
    expect(await audit(musician.id)).toHaveLength(1);
  });

  it('400 when the result is invalid, a field is unknown or the id would change', async () => {
    const musician = await p.musician();
    const cases: [object, string, string][] = [
      [{ phone: '123' }, 'phone', 'invalid_phone'],
      [{ status: 'x' }, 'status', 'unknown_key'],
      [{ createdAt: '2020-01-01T00:00:00Z' }, 'createdAt', 'unknown_key'],
      [{ id: newId() }, 'id', 'invalid'],
      [{ schemaVersion: 2 }, 'schemaVersion', 'unsupported_version'],
    ];
    for (const [body, path, code] of cases) {
      const res = await p.send('PATCH', `/api/v1/musicians/${musician.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect((await json(res)).error.issues).toContainEqual(
        expect.objectContaining({ path, code }),
      );
    }
    const { history, ...unchanged } = await json(await p.get(`/api/v1/musicians/${musician.id}`));
    expect(unchanged).toEqual(musician);
    expect(history).toHaveLength(1);
  });

  it('400 for a malformed id, 404 for an unknown one, 403 without the CSRF token', async () => {
    expect((await p.send('PATCH', '/api/v1/musicians/nope', { active: false })).status).toBe(400);
    expect((await p.send('PATCH', `/api/v1/musicians/${newId()}`, { active: false })).status).toBe(
      404,
    );
    const musician = await p.musician();
    const res = await hub.app.request(`/api/v1/musicians/${musician.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: p.session.cookie },
      body: JSON.stringify({ active: false }),
    });
    expect(res.status).toBe(403);
  });

  it('has no delete', async () => {
    const musician = await p.musician();
    const res = await p.send('DELETE', `/api/v1/musicians/${musician.id}`);
    expect(res.status).toBe(404);
    expect((await p.get(`/api/v1/musicians/${musician.id}`)).status).toBe(200);
  });
});
