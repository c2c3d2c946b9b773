import { Validator } from '@seriousme/openapi-schema-validator';
import { newId, validate, WEBHOOK_EVENTS } from '@stue/core';
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
    const schema = document.components.schemas.NominationInput;
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

  it('describes what a client sends apart from what the hub answers', async () => {
    const document = await json(await hub.app.request('/api/v1/openapi.json'));
    const { NominationInput: sent, Nomination: stored } = document.components.schemas;
    // A field with a default may be left out of a request; the description says what it becomes.
    expect(sent.required).not.toContain('preferences');
    expect(sent.properties.preferences.default).toBeUndefined();
    expect(sent.properties.preferences.description).toContain('Optional');
    expect(sent.properties.host.properties.language.description).toContain('`"da"`');
    // The hub's answer always has it.
    expect(stored.required).toEqual(expect.arrayContaining(['preferences', 'access', 'screening']));
    // No request body anywhere carries a `default` for a generator to read as "always there".
    const requestSchemas = Object.entries(document.components.schemas as Record<string, object>)
      .filter(([name]) => JSON.stringify(document.paths).includes(`"#/components/schemas/${name}"`))
      .filter(([name]) => /Input$|Patch$|Request$|Record$|^Login$/.test(name));
    expect(requestSchemas.length).toBeGreaterThan(10);
    for (const [name, schema] of requestSchemas) {
      expect(JSON.stringify(schema), name).not.toContain('"default"');
    }
  });

  it('documents record ids as UUIDv7, and a tablet id in an address as any UUID', async () => {
    const document = await json(await hub.app.request('/api/v1/openapi.json'));
    const v7 = { type: 'string', format: 'uuid', pattern: expect.stringContaining('-7[') };
    expect(document.components.schemas.NominationInput.properties.id).toMatchObject(v7);
    expect(document.components.schemas.BookingInput.properties.nominationId).toMatchObject(v7);
    const pattern = new RegExp(document.components.schemas.NominationInput.properties.id.pattern);
    expect(pattern.test(newId())).toBe(true);
    expect(pattern.test('3f1c9a52-7d7e-4b8e-9d6a-2f0c1b2a3e4d')).toBe(false);
    expect(document.paths['/api/v1/bookings/{id}'].get.parameters[0].schema).toMatchObject(v7);
    const tablet = document.paths['/api/v1/devices/{id}/revoke'].post.parameters[0];
    expect(tablet.schema).toEqual({ type: 'string', format: 'uuid' });
  });

  it('says on every operation who may call it, and gives every API operation a 4xx answer', async () => {
    const document = await json(await hub.app.request('/api/v1/openapi.json'));
    const operations = Object.entries(
      document.paths as Record<
        string,
        Record<string, { security?: unknown[]; responses: Record<string, unknown> }>
      >,
    ).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ path, method, op })));
    const publicOnes = operations.filter(({ op }) => op.security?.length === 0);
    expect(publicOnes.map(({ method, path }) => `${method} ${path}`)).toEqual(
      expect.arrayContaining([
        'get /api/health',
        'post /api/v1/session',
        'post /api/v1/devices/enrol',
      ]),
    );
    for (const { path, method, op } of operations) {
      expect(Array.isArray(op.security), `${method} ${path} has security`).toBe(true);
      if (path === '/api/health' || path === '/api/v1/openapi.json') continue;
      const fourXx = Object.keys(op.responses).filter((status) => status.startsWith('4'));
      expect(fourXx.length, `${method} ${path} has a 4xx answer`).toBeGreaterThan(0);
    }
  });

  it('has a license, a described server and the webhook events', async () => {
    const document = await json(await hub.app.request('/api/v1/openapi.json'));
    expect(document.info.license).toEqual({ name: 'MIT', identifier: 'MIT' });
    for (const server of document.servers) {
      expect(server.url.startsWith('http') || server.description !== undefined).toBe(true);
    }
    expect(Object.keys(document.webhooks).sort()).toEqual([...WEBHOOK_EVENTS].sort());
    for (const event of WEBHOOK_EVENTS) {
      expect(document.webhooks[event].post.requestBody.content['application/json'].schema).toEqual({
        $ref: '#/components/schemas/WebhookEvent',
      });
    }
  });
});
