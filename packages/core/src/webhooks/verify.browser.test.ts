import { expect } from '@open-wc/testing';
import { verifyWebhook } from './verify.js';

// Signed in Node with `crypto.createHmac` (test-only secret), checked here with the browser's
// WebCrypto: the same verifier serves partners' servers and pages alike.
const secret = 'whsec_c3R1ZS10ZXN0LXdlYmhvb2stc2VjcmV0LTMyYnl0ZXM=';
const body =
  '{"type":"booking.cancelled","timestamp":"2026-11-30T10:15:00.000Z","data":{"reference":"STUE-7KQ3-9XZD","note":"æøå"}}';
const headers = new Headers({
  'webhook-id': '019ac0f2-5b7e-7c3d-9e4f-5a6b7c8d9e20',
  'webhook-timestamp': '1796033700',
  'webhook-signature': 'v1,laIeJwszo1Z3tI6Vn5BwGoYNbrMIiClYrwG4loYSiyo=',
});
const now = new Date(1796033700 * 1000 + 30_000);

describe('verifyWebhook in Chromium', () => {
  it('accepts a webhook signed in Node, body with æøå', async () => {
    const event = await verifyWebhook(secret, headers, body, { now });
    expect(event.type).to.equal('booking.cancelled');
    expect(event.data.reference).to.equal('STUE-7KQ3-9XZD');
  });

  it('refuses it with one byte changed', async () => {
    const error = await verifyWebhook(secret, headers, body.replace('æ', 'a'), { now }).then(
      () => undefined,
      (e: unknown) => e as { code: string },
    );
    expect(error?.code).to.equal('invalid_signature');
  });
});
