import { describe, expect, it } from 'vitest';
import {
  getPartnerNomination,
  getPartnerReport,
  listPartnerNominations,
  listWebhookDeliveries,
  listWebhooks,
  registerWebhook,
  removeWebhook,
} from './partner-client.js';
import { answer, sent } from './fetch-stub.test-support.js';

const api = 'https://hub.test/stue';
const key = 'sk_test';

const item = {
  id: '019a0000-0000-7000-8000-000000000001',
  reference: 'STUE-7KQ3-9XZD',
  status: 'accepted',
  receivedAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-21T10:00:00.000Z',
  nomination: {},
};
const endpoint = {
  id: 'we_1',
  url: 'https://api.example.dk/stue',
  events: ['booking.confirmed'],
  createdAt: '2026-11-26T10:00:00.000Z',
  disabledAt: null,
};

describe('partner client (secret key)', () => {
  it('lists its own nominations with the filters in the query and the key in the header', async () => {
    const fetch = answer(200, { items: [item], nextCursor: 'c2' });
    const page = await listPartnerNominations(
      { api, fetch, key },
      {
        status: ['accepted', 'booked'],
        updatedSince: '2026-11-01T00:00:00Z',
        limit: 20,
        cursor: 'c1',
      },
    );
    expect(page.items[0]!.reference).toBe('STUE-7KQ3-9XZD');
    const { url, headers } = sent(fetch);
    expect(url).toBe(
      'https://hub.test/stue/api/v1/partner/nominations?status=accepted&status=booked&updatedSince=2026-11-01T00%3A00%3A00Z&limit=20&cursor=c1',
    );
    expect(headers.get('authorization')).toBe('Bearer sk_test');
  });

  it('reads its own part of a month’s report, suppressed cells as null', async () => {
    const report = {
      schemaVersion: 1,
      period: '2026-10',
      grouping: 'partner',
      minCellSize: 5,
      rows: [
        {
          schemaVersion: 1,
          period: '2026-10',
          grouping: { kind: 'partner', key: 'demo-partner' },
          measure: 'concerts-held',
          value: null,
          suppressed: true,
        },
      ],
    };
    const fetch = answer(200, report);
    await expect(getPartnerReport({ api, fetch, key }, '2026-10')).resolves.toEqual(report);
    expect(sent(fetch).url).toBe('https://hub.test/stue/api/v1/partner/reports?period=2026-10');
    const wrong = answer(200, { ...report, rows: [{ ...report.rows[0], value: 3 }] });
    await expect(getPartnerReport({ api, fetch: wrong, key }, '2026-10')).rejects.toThrow();
  });

  it('reads one nomination, and maps another organisation’s id to not_found', async () => {
    const fetch = answer(200, { ...item, history: [{ at: item.receivedAt, action: 'received' }] });
    await expect(getPartnerNomination({ api, fetch, key }, item.id)).resolves.toMatchObject({
      history: [{ action: 'received' }],
    });
    expect(sent(fetch).url).toBe(`https://hub.test/stue/api/v1/partner/nominations/${item.id}`);
    const missing = answer(404, { error: { code: 'not_found', message: 'x' } });
    await expect(getPartnerNomination({ api, fetch: missing, key }, item.id)).rejects.toMatchObject(
      {
        status: 404,
        code: 'not_found',
      },
    );
  });

  it('reads a nomination whose host withdrew consent: the status, and no record', async () => {
    const withdrawn = {
      ...item,
      status: 'withdrawn',
      consentWithdrawnAt: '2026-11-22T10:00:00.000Z',
      nomination: null,
      history: [],
    };
    const fetch = answer(200, withdrawn);
    await expect(getPartnerNomination({ api, fetch, key }, item.id)).resolves.toEqual(withdrawn);
  });

  it('registers a webhook and returns its secret once', async () => {
    const fetch = answer(201, { ...endpoint, secret: 'whsec_abc' });
    const created = await registerWebhook(
      { api, fetch, key },
      { url: endpoint.url, events: ['booking.confirmed'] },
    );
    expect(created.secret).toBe('whsec_abc');
    const { url, init } = sent(fetch);
    expect(url).toBe('https://hub.test/stue/api/v1/partner/webhooks');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({
      url: endpoint.url,
      events: ['booking.confirmed'],
    });
  });

  it('lists endpoints and the delivery log', async () => {
    const endpoints = answer(200, { items: [endpoint] });
    await expect(listWebhooks({ api, fetch: endpoints, key })).resolves.toEqual([endpoint]);
    const delivery = {
      id: 'd1',
      endpointId: 'we_1',
      eventType: 'booking.confirmed',
      status: 'pending',
      createdAt: endpoint.createdAt,
      attemptCount: 1,
      nextAttemptAt: '2026-11-26T10:00:05.000Z',
      payload: { type: 'booking.confirmed', timestamp: endpoint.createdAt, data: {} },
      attempts: [
        { attempt: 1, at: endpoint.createdAt, statusCode: 503, error: null, durationMs: 12 },
      ],
    };
    const log = answer(200, { items: [delivery], nextCursor: null });
    const page = await listWebhookDeliveries(
      { api, fetch: log, key },
      { endpoint: 'we_1', status: ['pending'] },
    );
    expect(page.items[0]!.attempts[0]!.statusCode).toBe(503);
    expect(sent(log).url).toBe(
      'https://hub.test/stue/api/v1/partner/webhooks/deliveries?endpoint=we_1&status=pending',
    );
  });

  it('removes an endpoint, and says when there is none', async () => {
    const fetch = answer(204);
    await removeWebhook({ api, fetch, key }, 'we_1');
    expect(sent(fetch).url).toBe('https://hub.test/stue/api/v1/partner/webhooks/we_1');
    expect(sent(fetch).init.method).toBe('DELETE');
    const missing = answer(404, { error: { code: 'not_found', message: 'x' } });
    await expect(removeWebhook({ api, fetch: missing, key }, 'we_1')).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('refuses an answer of the wrong shape', async () => {
    const fetch = answer(200, { items: 'none' });
    await expect(listWebhooks({ api, fetch, key })).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });
});
