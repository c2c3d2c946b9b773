import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { testHub, withKey } from '../helpers.test-support.js';
import { clientAddress, resolveClientAddress, trustedProxies } from './client-address.js';

// A request as the Node server hands it over: from a socket with this remote address.
const from = (address: string) => ({ incoming: { socket: { remoteAddress: address } } });

function echo(trust?: string[]) {
  const app = new Hono();
  app.use('*', resolveClientAddress(trust && trustedProxies(trust)));
  app.get('/', (c) => c.text(clientAddress(c)));
  return async (socket: string, forwardedFor?: string) => {
    const headers = forwardedFor ? { 'x-forwarded-for': forwardedFor } : {};
    return (await app.request('/', { headers }, from(socket))).text();
  };
}

describe('the client address', () => {
  it('is the socket’s, and X-Forwarded-For is ignored, unless STUE_TRUST_PROXY is set', async () => {
    const ask = echo();
    expect(await ask('203.0.113.9')).toBe('203.0.113.9');
    expect(await ask('203.0.113.9', '198.51.100.7')).toBe('203.0.113.9');
    expect(await ask('::ffff:203.0.113.9')).toBe('203.0.113.9');
  });

  it('comes from X-Forwarded-For when the socket is a trusted proxy: the right-most untrusted hop', async () => {
    const ask = echo(['10.0.0.5', '10.0.1.0/24']);
    expect(await ask('10.0.0.5', '198.51.100.7')).toBe('198.51.100.7');
    expect(await ask('::ffff:10.0.0.5', '198.51.100.7')).toBe('198.51.100.7');
    // Hops the client wrote itself (left of what our proxy saw) are not believed.
    expect(await ask('10.0.0.5', '1.2.3.4, 198.51.100.7')).toBe('198.51.100.7');
    expect(await ask('10.0.0.5', '1.2.3.4, 198.51.100.7, 10.0.1.20')).toBe('198.51.100.7');
    // Without the header, or with one that cannot be read, the proxy's own address counts.
    expect(await ask('10.0.0.5')).toBe('10.0.0.5');
    expect(await ask('10.0.0.5', 'not-an-address')).toBe('10.0.0.5');
  });

  it('ignores X-Forwarded-For from anyone but the trusted proxy', async () => {
    const ask = echo(['10.0.0.5']);
    expect(await ask('203.0.113.9', '198.51.100.7')).toBe('203.0.113.9');
    expect(await ask('10.0.0.6', '198.51.100.7')).toBe('10.0.0.6');
  });

  it('refuses a setting that is not an address or a range', () => {
    expect(() => trustedProxies(['proxy.example'])).toThrow(/proxy\.example/);
    expect(() => trustedProxies(['10.0.0.0/33'])).toThrow(/10\.0\.0\.0\/33/);
    expect(() => trustedProxies(['10.0.0.1', '::1', '10.0.0.0/8', 'fd00::/8'])).not.toThrow();
  });
});

describe('the hub behind a reverse proxy', () => {
  let hub: Awaited<ReturnType<typeof testHub>>;
  beforeEach(async () => {
    hub = await testHub();
  });
  afterEach(() => hub.db.destroy());

  const limits = {
    perPartner: { limit: 1000, windowMs: 60_000 },
    perAddress: { limit: 2, windowMs: 60_000 },
  };
  const status = async (app: ReturnType<typeof createApp>, client: string) => {
    const headers = { ...withKey('pk_demo'), 'x-forwarded-for': client };
    const path = '/api/v1/nominations/STUE-AAAA-BBBB/status';
    return (await app.request(path, { headers }, from('192.0.2.1'))).status;
  };

  it('limits each client behind the proxy on its own when the proxy is trusted', async () => {
    const app = createApp({ db: hub.db, limits, trustProxy: ['192.0.2.1'] });
    for (const client of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      expect(await status(app, client)).toBe(404);
      expect(await status(app, client)).toBe(404);
    }
    expect(await status(app, '198.51.100.1')).toBe(429);
  });

  it('limits everyone behind an untrusted proxy as one address', async () => {
    const app = createApp({ db: hub.db, limits });
    expect(await status(app, '198.51.100.1')).toBe(404);
    expect(await status(app, '198.51.100.2')).toBe(404);
    expect(await status(app, '198.51.100.3')).toBe(429);
  });
});
