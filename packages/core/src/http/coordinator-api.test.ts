import { describe, expect, it } from 'vitest';
import type { EnrolledDevice, EnrolmentCode } from '../schemas/device-answers.js';
import type {
  CreatedPartnerKey,
  PartnerKeySummary,
  PartnersWebhookDelivery,
  PartnersWebhookEndpoint,
  PartnerWithKeys,
} from '../schemas/partner-answers.js';
import type { Page } from '../schemas/answers/common.js';
import {
  createEnrolmentCode,
  createPartnerKey,
  listDevices,
  listPartnerViews,
  listWebhookDeliveryLog,
  listWebhookEndpoints,
  revokeDevice,
  revokePartnerKey,
} from './coordinator-api.js';
import { answer, sent } from './fetch-stub.test-support.js';

const api = 'http://hub.test/';

/**
 * Asserts that `fetch` was sent one write: to `url` by `method`, with the CSRF token `t` and, when
 * given, the JSON `body`.
 */
function expectWrite(
  fetch: ReturnType<typeof answer>,
  url: string,
  method: string,
  body?: unknown,
) {
  const request = sent(fetch);
  expect(request.url).toBe(url);
  expect(request.method).toBe(method);
  expect(request.headers.get('x-csrf-token')).toBe('t');
  if (body !== undefined) expect(request.body).toEqual(body);
}

const device: EnrolledDevice = {
  id: 'd/1',
  name: 'Tablet',
  musician: { id: 'm1', name: 'Maja' },
  enrolledAt: '2026-11-01T10:00:00Z',
  revokedAt: null,
  lastSeenAt: null,
  lastSequence: 0,
  sequenceReusedAt: null,
};
const key: PartnerKeySummary = {
  id: 'k/1',
  kind: 'secret',
  prefix: 'sk_AbCdEfGh',
  createdAt: '2026-11-01T10:00:00Z',
  revokedAt: null,
};
const partner: PartnerWithKeys = {
  id: 'p/1',
  name: 'Ældre Sagen',
  kind: 'organisation',
  allowedOrigins: [],
  createdAt: '2026-11-01T10:00:00Z',
  keys: [key],
};
const endpoint: PartnersWebhookEndpoint = {
  id: 'e1',
  partnerId: 'p/1',
  url: 'https://partner.test/hook',
  events: ['nomination.status_changed'],
  createdAt: '2026-11-01T10:00:00Z',
  disabledAt: null,
};
const delivery = {
  id: 'msg_1',
  endpointId: 'e1',
  partnerId: 'p/1',
  eventType: 'nomination.status_changed',
  status: 'failed',
  createdAt: '2026-11-01T10:00:00Z',
  attemptCount: 1,
  nextAttemptAt: null,
  payload: { type: 'nomination.status_changed' },
  attempts: [
    {
      attempt: 1,
      at: '2026-11-01T10:00:01Z',
      statusCode: 500,
      error: 'http_status',
      durationMs: 12,
    },
  ],
} as PartnersWebhookDelivery;

describe("the coordinators' tablet administration", () => {
  it('lists the enrolled tablets', async () => {
    const fetch = answer(200, { items: [device] });
    const devices: EnrolledDevice[] = await listDevices({ api, fetch });
    expect(devices).toEqual([device]);
    const { url, method, headers } = sent(fetch);
    expect(url).toBe('http://hub.test/api/v1/devices');
    expect(method).toBe('GET');
    expect(headers.has('x-csrf-token')).toBe(false);
  });

  it('makes an enrolment code for a musician, with the CSRF token', async () => {
    const code: EnrolmentCode = { code: '7KQ3-9XZD', expiresAt: '2026-11-01T10:15:00Z' };
    const fetch = answer(201, code);
    const made: EnrolmentCode = await createEnrolmentCode({ api, fetch }, 't', 'm1');
    expect(made).toEqual(code);
    expectWrite(fetch, 'http://hub.test/api/v1/devices/enrolment-codes', 'POST', {
      musicianId: 'm1',
    });
  });

  it('revokes a tablet by its id, escaped; 204 is undefined', async () => {
    const fetch = answer(204);
    expect(await revokeDevice({ api, fetch }, 't', 'd/1')).toBeUndefined();
    expectWrite(fetch, 'http://hub.test/api/v1/devices/d%2F1/revoke', 'POST');
  });
});

describe("the coordinators' partner and webhook administration", () => {
  it('lists the partners with their keys', async () => {
    const fetch = answer(200, { items: [partner] });
    const partners: PartnerWithKeys[] = await listPartnerViews({ api, fetch });
    expect(partners).toEqual([partner]);
    expect(sent(fetch)).toMatchObject({ url: 'http://hub.test/api/v1/partners', method: 'GET' });
  });

  it('makes a key of a kind, and hands back the key this once', async () => {
    const created: CreatedPartnerKey = { ...key, key: 'sk_AbCdEfGh_rest' };
    const fetch = answer(201, created);
    const made: CreatedPartnerKey = await createPartnerKey({ api, fetch }, 't', 'p/1', 'secret');
    expect(made.key).toBe('sk_AbCdEfGh_rest');
    expectWrite(fetch, 'http://hub.test/api/v1/partners/p%2F1/keys', 'POST', { kind: 'secret' });
  });

  it("revokes a partner's key by both ids, escaped", async () => {
    const revoked: PartnerKeySummary = { ...key, revokedAt: '2026-11-02T10:00:00Z' };
    const fetch = answer(200, revoked);
    const summary: PartnerKeySummary = await revokePartnerKey({ api, fetch }, 't', 'p/1', 'k/1');
    expect(summary).toEqual(revoked);
    expectWrite(fetch, 'http://hub.test/api/v1/partners/p%2F1/keys/k%2F1/revoke', 'POST');
  });

  it("lists every partner's webhook endpoints, or one partner's", async () => {
    const every = answer(200, { items: [endpoint] });
    const endpoints: PartnersWebhookEndpoint[] = await listWebhookEndpoints({ api, fetch: every });
    expect(endpoints).toEqual([endpoint]);
    expect(sent(every).url).toBe('http://hub.test/api/v1/webhooks');
    const one = answer(200, { items: [] });
    await listWebhookEndpoints({ api, fetch: one }, 'p/1');
    expect(sent(one).url).toBe('http://hub.test/api/v1/webhooks?partner=p%2F1');
  });

  it('reads the delivery log a page at a time, 25 unless told', async () => {
    const fetch = answer(200, { items: [delivery], nextCursor: 'n' });
    const page: Page<PartnersWebhookDelivery> = await listWebhookDeliveryLog(
      { api, fetch },
      { partner: 'p1', status: ['failed', 'pending'], cursor: 'c' },
    );
    expect(page).toEqual({ items: [delivery], nextCursor: 'n' });
    const { url, method } = sent(fetch);
    expect(method).toBe('GET');
    expect(url).toBe(
      'http://hub.test/api/v1/webhooks/deliveries?limit=25&partner=p1&status=failed&status=pending&cursor=c',
    );
    const small = answer(200, { items: [], nextCursor: null });
    await listWebhookDeliveryLog({ api, fetch: small }, { limit: 5 });
    expect(sent(small).url).toBe('http://hub.test/api/v1/webhooks/deliveries?limit=5');
  });
});
