import { Hono } from 'hono';
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { HubError, hubErrorResponse } from './hub-error.js';
import { jsonBody } from './json-body.js';
import { uuidParam, validQuery } from './params.js';

// A small app with the hub's own error handling: what a thrown HubError, jsonBody and uuidParam
// answer, apart from any route.
function small() {
  const app = new Hono();
  app.onError((error, c) => {
    if (error instanceof HubError) return hubErrorResponse(c, error);
    throw error;
  });
  app.get('/full', () => {
    throw new HubError(503, 'storage_full', { headers: { 'Retry-After': '60' } });
  });
  app.get('/moved', () => {
    throw new HubError(409, 'illegal_transition', { extra: { status: 'held' } });
  });
  const schema = z.strictObject({ name: z.string() });
  app.post('/things/:id', uuidParam(), jsonBody(schema), (c) =>
    c.json({ id: c.req.valid('param').id, name: c.req.valid('json').name }),
  );
  app.post(
    '/empty',
    jsonBody(z.strictObject({ note: z.optional(z.string()) }), { emptyIsObject: true }),
    (c) => c.json(c.req.valid('json')),
  );
  const listQuery = z.strictObject({
    status: z.optional(z.array(z.enum(['open', 'done']))),
    limit: z.optional(z.coerce.number().check(z.int())),
  });
  app.get('/list', validQuery(listQuery, { arrays: ['status'] }), (c) =>
    c.json(c.req.valid('query')),
  );
  return app;
}

const ID = '0190a0b0-0000-7000-8000-000000000001';
const post = (path: string, body: string) =>
  small().request(path, { method: 'POST', body, headers: { 'accept-language': 'en' } });

describe('HubError', () => {
  it('is answered in the one error shape, with its headers', async () => {
    const response = await small().request('/full', { headers: { 'accept-language': 'en' } });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('60');
    expect(await response.json()).toEqual({
      error: {
        code: 'storage_full',
        message:
          'Stue cannot save right now because the server has run out of space. Try again in a while.',
      },
    });
  });

  it('carries more members of the error object when asked', async () => {
    const response = await small().request('/moved');
    expect(response.status).toBe(409);
    const { error } = (await response.json()) as { error: Record<string, unknown> };
    expect(error).toMatchObject({ code: 'illegal_transition', status: 'held' });
    expect(error['message']).toMatch(/nuværende status/);
  });
});

describe('jsonBody and uuidParam', () => {
  it('give the handler the checked id and body', async () => {
    const response = await post(`/things/${ID}`, '{"name":"Inger"}');
    expect(await response.json()).toEqual({ id: ID, name: 'Inger' });
  });

  it('refuse a bad id before reading the body', async () => {
    const response = await post('/things/nope', 'not json');
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      'invalid_parameter',
    );
  });

  it('answer a body that does not pass with its issues', async () => {
    const response = await post(`/things/${ID}`, '{"name":1}');
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; issues: object[] } };
    expect(error.code).toBe('invalid_body');
    expect(error.issues).toEqual([expect.objectContaining({ path: 'name' })]);
  });

  it('answer bad JSON and bad bytes as readJsonBody does', async () => {
    const bad = await post(`/things/${ID}`, '{');
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_body');
    const bytes = await small().request(`/things/${ID}`, {
      method: 'POST',
      body: new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]),
    });
    expect(((await bytes.json()) as { error: { code: string } }).error.code).toBe(
      'invalid_encoding',
    );
  });

  it('read an empty body as {} when the fields are all optional', async () => {
    expect(await (await post('/empty', '')).json()).toEqual({});
  });
});

describe('validQuery', () => {
  it('gives the handler the checked query, a key in arrays with all its values', async () => {
    const response = await small().request('/list?status=open&status=done&limit=5');
    expect(await response.json()).toEqual({ status: ['open', 'done'], limit: 5 });
  });

  it('answers a query that does not pass 400 invalid_parameter with its issues', async () => {
    const response = await small().request('/list?limit=x&other=1');
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { code: string; issues: object[] } };
    expect(error.code).toBe('invalid_parameter');
    expect(error.issues.length).toBeGreaterThan(0);
  });
});
