import { Validator } from '@seriousme/openapi-schema-validator';
import { validate } from '@stue/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aNomination, testHub, withKey, json } from '../helpers.test-support.js';
import { exampleNomination, writeOperations } from './document.js';

let hub: Awaited<ReturnType<typeof testHub>>;
beforeEach(async () => {
  hub = await testHub();
});
afterEach(() => hub.db.destroy());

describe('GET /api/v1/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const res = await hub.app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const document = await json(res);
    expect(document.openapi).toBe('3.1.0');
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents 503 `storage_full` with Retry-After on every write, and on /api/health', async () => {
    const document = await json(await hub.app.request('/api/v1/openapi.json'));
    const operations = Object.values(
      document.paths as Record<string, Record<string, { responses: Record<string, object> }>>,
    ).flatMap((ops) => Object.entries(ops));
    const writes = operations.filter(([method]) => method !== 'get');
    expect(writes.length).toBeGreaterThan(20);
    for (const [, operation] of writes) {
      expect(operation.responses['503']).toMatchObject({
        description: expect.stringContaining('storage_full'),
        headers: { 'Retry-After': expect.any(Object) },
      });
    }
    expect(document.paths['/api/health'].get.responses['503']).toMatchObject({
      headers: { 'Retry-After': expect.any(Object) },
    });
  });

  it('has a complete, valid example body for every write operation', async () => {
    const document = await json(await hub.app.request('/api/v1/openapi.json'));
    const writes = Object.entries(
      document.paths as Record<string, Record<string, { requestBody?: unknown }>>,
    )
      .flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })))
      .filter(({ op }) => op.requestBody !== undefined);
    expect(writes.length).toBeGreaterThan(0);
    for (const { path, method, op } of writes) {
      const described = writeOperations.find((w) => w.path === path && w.method === method);
      expect(described, `${method} ${path} is listed in writeOperations`).toBeDefined();
      const example = (op.requestBody as { content: Record<string, { example: unknown }> }).content[
        'application/json'
      ]?.example;
      expect(validate(described!.schema, example)).toMatchObject({ ok: true });
    }
  });

  it('lists the answers to a body refused before it is read on every write', async () => {
    const document = await json(await hub.app.request('/api/v1/openapi.json'));
    const writes = Object.entries(
      document.paths as Record<
        string,
        Record<
          string,
          { requestBody?: unknown; responses: Record<string, { description: string }> }
        >
      >,
    ).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([, op]) => op.requestBody !== undefined)
        .map(([method, op]) => ({ where: `${method} ${path}`, responses: op.responses })),
    );
    for (const { where, responses } of writes) {
      expect(responses['400']?.description, where).toContain('invalid_encoding');
      expect(responses['408']?.description, where).toContain('request_timeout');
      expect(responses['413']?.description, where).toContain('payload_too_large');
    }
    const signIn = document.paths['/api/v1/session'].post.responses['413'].description;
    expect(signIn).toContain('8 KB');
  });

  it('its nomination example is accepted by the API, then answered as a replay', async () => {
    const send = () =>
      hub.app.request('/api/v1/nominations', {
        method: 'POST',
        headers: withKey('pk_demo'),
        body: JSON.stringify(exampleNomination),
      });
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(200);
  });

  it('describes the nomination body from the same schema the hub validates with', async () => {
    const document = await json(await hub.app.request('/api/v1/openapi.json'));
    const schema = document.components.schemas.Nomination;
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(
      expect.arrayContaining([
        'schemaVersion',
        'id',
        'nominator',
        'host',
        'visitingFriend',
        'consent',
      ]),
    );
    expect(Object.keys(schema.properties)).toEqual(Object.keys(aNomination()));
  });
});
