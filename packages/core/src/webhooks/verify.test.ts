import { createHmac, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { validate } from '../validation/validate.js';
import { addressKind, webhookUrlProblem } from './addresses.js';
import { webhookEndpointInputSchema } from './events.js';
import { StueWebhookError, verifyWebhook } from './verify.js';

const key = randomBytes(24);
const secret = `whsec_${key.toString('base64')}`;
const body = JSON.stringify({
  type: 'booking.confirmed',
  timestamp: '2026-11-26T10:00:00.000Z',
  data: { reference: 'STUE-7KQ3-9XZD' },
});
const now = new Date('2026-11-26T10:00:30Z');
const timestamp = String(Math.floor(now.getTime() / 1000));

// Signed by hand with Node's HMAC, independently of the code under test.
const sign = (id: string, ts: string, text: string, k: Buffer = key) =>
  `v1,${createHmac('sha256', k).update(`${id}.${ts}.${text}`).digest('base64')}`;

const headers = (overrides: Record<string, string> = {}) => ({
  'webhook-id': 'msg_1',
  'webhook-timestamp': timestamp,
  'webhook-signature': sign('msg_1', timestamp, body),
  ...overrides,
});

const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StueWebhookError);
  return (error as StueWebhookError).code;
};

describe('verifyWebhook', () => {
  it('accepts a correctly signed webhook and answers its event', async () => {
    const event = await verifyWebhook(secret, headers(), body, { now });
    expect(event).toMatchObject({
      type: 'booking.confirmed',
      data: { reference: 'STUE-7KQ3-9XZD' },
    });
  });

  it('reads fetch Headers, Node header objects and byte bodies alike', async () => {
    await expect(
      verifyWebhook(secret, new Headers(headers()), body, { now }),
    ).resolves.toBeTruthy();
    const node = { ...headers(), 'Webhook-Id': undefined };
    await expect(
      verifyWebhook(secret, node, new TextEncoder().encode(body), { now }),
    ).resolves.toBeTruthy();
  });

  it('accepts when any of several signatures matches (a secret being rotated)', async () => {
    const other = sign('msg_1', timestamp, body, randomBytes(24));
    const both = headers({ 'webhook-signature': `${other} ${sign('msg_1', timestamp, body)}` });
    await expect(verifyWebhook(secret, both, body, { now })).resolves.toBeTruthy();
  });

  it('refuses a changed body, id or timestamp, and another secret', async () => {
    expect(
      await refusal(verifyWebhook(secret, headers(), body.replace('7KQ3', '7KQ4'), { now })),
    ).toBe('invalid_signature');
    expect(
      await refusal(verifyWebhook(secret, headers({ 'webhook-id': 'msg_2' }), body, { now })),
    ).toBe('invalid_signature');
    const earlier = String(Number(timestamp) - 1);
    expect(
      await refusal(
        verifyWebhook(secret, headers({ 'webhook-timestamp': earlier }), body, { now }),
      ),
    ).toBe('invalid_signature');
    const otherSecret = `whsec_${randomBytes(24).toString('base64')}`;
    expect(await refusal(verifyWebhook(otherSecret, headers(), body, { now }))).toBe(
      'invalid_signature',
    );
  });

  it('refuses a webhook signed long ago or in the future (replays)', async () => {
    const late = new Date(now.getTime() + 301_000);
    expect(await refusal(verifyWebhook(secret, headers(), body, { now: late }))).toBe(
      'invalid_timestamp',
    );
    const early = new Date(now.getTime() - 301_000);
    expect(await refusal(verifyWebhook(secret, headers(), body, { now: early }))).toBe(
      'invalid_timestamp',
    );
    expect(
      await refusal(verifyWebhook(secret, headers({ 'webhook-timestamp': 'soon' }), body, { now })),
    ).toBe('invalid_timestamp');
  });

  it('refuses missing headers, an unknown signature version and a malformed secret', async () => {
    const { 'webhook-signature': _, ...unsigned } = headers();
    expect(await refusal(verifyWebhook(secret, unsigned, body, { now }))).toBe('missing_headers');
    const v2 = headers({
      'webhook-signature': sign('msg_1', timestamp, body).replace('v1,', 'v2,'),
    });
    expect(await refusal(verifyWebhook(secret, v2, body, { now }))).toBe('invalid_signature');
    expect(await refusal(verifyWebhook('whsec_%%%', headers(), body, { now }))).toBe(
      'invalid_secret',
    );
  });

  it('refuses a missing secret (an unset environment variable) as invalid_secret', async () => {
    for (const missing of [undefined, '']) {
      expect(await refusal(verifyWebhook(missing, headers(), body, { now }))).toBe(
        'invalid_secret',
      );
    }
  });
});

describe('webhook addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['localhost', 'loopback'],
    ['[::1]', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.0.10', 'private'],
    ['169.254.169.254', 'private'],
    ['100.64.0.1', 'private'],
    ['0.0.0.0', 'private'],
    ['[fd00::1]', 'private'],
    ['[fe80::1]', 'private'],
    ['[::ffff:a00:1]', 'private'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['[2001:db8::1]', 'public'],
    ['93.184.216.34', 'public'],
    ['api.example.dk', 'public'],
    // RELIABILITY.md S15: every other spelling of an address inside.
    ['167772161', 'private'],
    ['012.0.0.1', 'private'],
    ['0xa.0.0.1', 'private'],
    ['10.1', 'private'],
    ['0x7f.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['[::ffff:0a00:0001]', 'private'],
    ['0:0:0:0:0:ffff:a00:1', 'private'],
    ['::a00:1', 'private'],
    ['::10.0.0.1', 'private'],
    ['::808:808', 'private'],
    ['::', 'private'],
    ['::ffff:0:a00:1', 'private'],
    ['64:ff9b::a00:1', 'private'],
    ['[64:ff9b::169.254.169.254]', 'private'],
    ['64:ff9b::7f00:1', 'private'],
    ['64:ff9b::808:808', 'public'],
    ['64:ff9b:1::1', 'private'],
    ['2002:a00:1::1', 'private'],
    ['2002:c0a8:101::', 'private'],
    ['2002:808:808::1', 'public'],
    ['2001::1', 'private'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'private'],
    ['2001:2::1', 'private'],
    ['fec0::1', 'private'],
    ['ff02::1', 'private'],
    ['100::1', 'private'],
    ['fe80::1%eth0', 'private'],
    ['2606:4700::1111', 'public'],
    ['192.0.0.8', 'private'],
    ['198.18.0.1', 'private'],
    ['255.255.255.255', 'private'],
    ['224.0.0.1', 'private'],
    ['localhost.', 'loopback'],
    ['not a host', 'private'],
  ])('%s is %s', (host, kind) => {
    expect(addressKind(host)).toBe(kind);
  });

  it.each([
    ['https://api.example.dk/stue', undefined],
    ['http://127.0.0.1:4000/hook', undefined],
    ['http://localhost:4000/hook', undefined],
    ['http://api.example.dk/stue', 'invalid_webhook_url'],
    ['https://user:pw@api.example.dk/', 'invalid_webhook_url'],
    ['https://api.example.dk/#x', 'invalid_webhook_url'],
    ['ftp://api.example.dk/', 'invalid_webhook_url'],
    ['not a url', 'invalid_webhook_url'],
    ['https://10.0.0.5/hook', 'webhook_private_address'],
    ['https://0x7f000001/hook', undefined],
    ['https://[fd12::1]/hook', 'webhook_private_address'],
    ['http://192.168.1.1/hook', 'invalid_webhook_url'],
    ['https://167772161/hook', 'webhook_private_address'],
    ['https://0xa.0.0.1/hook', 'webhook_private_address'],
    ['https://012.0.0.1/hook', 'webhook_private_address'],
    ['https://10.1/hook', 'webhook_private_address'],
    ['https://[::ffff:10.0.0.1]/hook', 'webhook_private_address'],
    ['https://[::a00:1]/hook', 'webhook_private_address'],
    ['https://[64:ff9b::a00:1]/hook', 'webhook_private_address'],
    ['https://[2002:a00:1::]/hook', 'webhook_private_address'],
    ['https://[2001::a00:1]/hook', 'webhook_private_address'],
    ['https://[64:ff9b::808:808]/hook', undefined],
  ])('%s → %s', (url, problem) => {
    expect(webhookUrlProblem(url)).toBe(problem);
  });

  it('gives a person a Danish message for a private address', () => {
    const checked = validate(webhookEndpointInputSchema, {
      url: 'https://192.168.1.10/hook',
      events: ['booking.confirmed'],
    });
    expect(checked).toMatchObject({
      ok: false,
      issues: [
        { path: 'url', code: 'webhook_private_address', message: expect.stringMatching(/privat/) },
      ],
    });
    const twice = validate(webhookEndpointInputSchema, {
      url: 'https://api.example.dk/',
      events: ['booking.confirmed', 'booking.confirmed'],
    });
    expect(twice).toMatchObject({
      ok: false,
      issues: [{ path: 'events', code: 'duplicate_choice' }],
    });
  });
});
