import { describe, expect, it, vi } from 'vitest';
import { getSession, listNominations, signIn, signOut } from './coordinator-client.js';
import { enrolDevice, getDeviceBookings } from './device-client.js';
import { answer, sent } from './fetch-stub.test-support.js';

const api = 'https://hub.test/stue';

const enrolment = {
  device: { id: 'd1', musicianId: 'm1', name: 'Tablet' },
  token: 'dt_x',
  musician: { id: 'm1', name: 'Maja' },
  hubPublicKey: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', kid: 'k' },
};

describe('device client', () => {
  it('enrols with a code and returns the token and the hub’s key', async () => {
    const fetch = answer(201, enrolment);
    await expect(
      enrolDevice({ api, fetch }, { code: '7KQ3-9XZD', name: 'Tablet' }),
    ).resolves.toEqual(enrolment);
    const { url, init, headers } = sent(fetch);
    expect(url).toBe('https://hub.test/stue/api/v1/devices/enrol');
    expect(init.method).toBe('POST');
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('authorization')).toBeNull();
  });

  it('maps a refused code to its error code', async () => {
    const fetch = answer(400, { error: { code: 'invalid_enrolment_code', message: 'x' } });
    await expect(enrolDevice({ api, fetch }, { code: 'x', name: 'y' })).rejects.toMatchObject({
      status: 400,
      code: 'invalid_enrolment_code',
    });
  });

  it("reads a day's bookings with the device token", async () => {
    const fetch = answer(200, { date: '2026-12-01', items: [] });
    await getDeviceBookings({ api, fetch, token: 'dt_abc' }, '2026-12-01');
    const { url, headers } = sent(fetch);
    expect(url).toBe('https://hub.test/stue/api/v1/device/bookings?date=2026-12-01');
    expect(headers.get('authorization')).toBe('Bearer dt_abc');
  });

  it('never takes a tablet answer from an HTTP cache', async () => {
    const day = answer(200, { date: '2026-12-01', items: [] });
    await getDeviceBookings({ api, fetch: day, token: 'dt_abc' });
    expect(sent(day).init.cache).toBe('no-store');
    const enrol = answer(201, enrolment);
    await enrolDevice({ api, fetch: enrol }, { code: '7KQ3-9XZD', name: 'Tablet' });
    expect(sent(enrol).init.cache).toBe('no-store');
  });

  it('maps a rate limit to its code with the wait from Retry-After', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(async () =>
      Response.json(
        { error: { code: 'rate_limited', message: 'x' } },
        { status: 429, headers: { 'retry-after': '60' } },
      ),
    );
    await expect(enrolDevice({ api, fetch }, { code: 'x', name: 'y' })).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
      retryAfter: 60,
    });
  });

  it('refuses an answer of the wrong shape', async () => {
    const fetch = answer(200, { items: 'none' });
    await expect(getDeviceBookings({ api, fetch, token: 't' })).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });
});

describe('coordinator client', () => {
  const session = { coordinator: { id: 'c1', email: 'k@example.dk', name: 'K' }, csrfToken: 't' };

  it('signs in with the session cookie kept by the browser', async () => {
    const fetch = answer(200, session);
    await expect(signIn({ api, fetch }, { email: 'k@example.dk', password: 'p' })).resolves.toEqual(
      session,
    );
    const { url, init } = sent(fetch);
    expect(url).toBe('https://hub.test/stue/api/v1/session');
    expect(init.credentials).toBe('same-origin');
    expect(JSON.parse(String(init.body))).toEqual({ email: 'k@example.dk', password: 'p' });
  });

  it('maps wrong credentials and no session to their codes', async () => {
    const wrong = answer(401, { error: { code: 'invalid_credentials', message: 'x' } });
    await expect(
      signIn({ api, fetch: wrong }, { email: 'a', password: 'b' }),
    ).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    const none = answer(401, { error: { code: 'unauthorized', message: 'x' } });
    await expect(getSession({ api, fetch: none })).rejects.toMatchObject({ code: 'unauthorized' });
  });

  it('signs out with the CSRF token', async () => {
    const fetch = answer(204);
    await signOut({ api, fetch }, 'csrf-1');
    const { init, headers } = sent(fetch);
    expect(init.method).toBe('DELETE');
    expect(headers.get('x-csrf-token')).toBe('csrf-1');
  });

  it('lists nominations with repeated status filters', async () => {
    const fetch = answer(200, { items: [], nextCursor: null });
    await listNominations(
      { api, fetch },
      { status: ['received', 'in-review'], waitingDays: 14, limit: 20 },
    );
    expect(sent(fetch).url).toBe(
      'https://hub.test/stue/api/v1/nominations?status=received&status=in-review&waitingDays=14&limit=20',
    );
  });
});
