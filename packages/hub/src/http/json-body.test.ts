import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { aNomination, json, testHub, withKey } from '../helpers.test-support.js';

// Bad bytes are refused, not repaired (issue 16): a body that is not UTF-8 would otherwise be
// read with U+FFFD in place of each bad byte, and stored that way.

let hub: Awaited<ReturnType<typeof testHub>>;
beforeEach(async () => {
  hub = await testHub();
});
afterEach(() => hub.db.destroy());

/** The nomination's JSON with `bytes` in place of the host's first name. */
function nominationWith(bytes: number[]): Uint8Array {
  const [before, after] = JSON.stringify(aNomination({})).split('"Inger"') as [string, string];
  const encoder = new TextEncoder();
  return new Uint8Array([
    ...encoder.encode(`${before}"`),
    ...bytes,
    ...encoder.encode(`"${after}`),
  ]);
}

const send = (body: Uint8Array | string) =>
  hub.app.request('/api/v1/nominations', {
    method: 'POST',
    headers: { ...withKey('pk_demo'), 'accept-language': 'en' },
    body,
  });

const nominationCount = async () =>
  (await hub.db.selectFrom('nominations').select('id').execute()).length;

describe('a body that is not valid UTF-8', () => {
  it.each([
    ['a stray byte', [0x49, 0xff, 0x67]],
    ['a truncated sequence', [0x49, 0xc3]],
    ['an overlong encoding', [0xc0, 0xaf]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
  ])('is refused with 400 invalid_encoding, and nothing is written: %s', async (_, bytes) => {
    const res = await send(nominationWith(bytes));
    expect(res.status).toBe(400);
    expect(await json(res)).toEqual({
      error: { code: 'invalid_encoding', message: 'The body is not valid UTF-8.' },
    });
    expect(await nominationCount()).toBe(0);
  });

  it('is refused on the anonymous sign-in too, before the password is looked at', async () => {
    const body = new Uint8Array([
      ...new TextEncoder().encode('{"email":"a@example.dk","password":"'),
      0xff,
      ...new TextEncoder().encode('"}'),
    ]);
    const res = await hub.app.request('/api/v1/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(res.status).toBe(400);
    expect((await json(res)).error.code).toBe('invalid_encoding');
  });

  it('includes an escaped lone surrogate, which no UTF-8 can hold', async () => {
    const body = JSON.stringify(aNomination({})).replace('"Inger"', '"Inger\\ud800"');
    const res = await send(body);
    expect(res.status).toBe(400);
    expect((await json(res)).error.code).toBe('invalid_encoding');
    expect(await nominationCount()).toBe(0);
  });

  it('finds one deep in a nested body without running out of stack', async () => {
    const depth = 15_000;
    const body = `{"a":${'['.repeat(depth)}"\\udc00"${']'.repeat(depth)}}`;
    expect(body.length).toBeLessThan(32 * 1024);
    const res = await send(body);
    expect(res.status).toBe(400);
    expect((await json(res)).error.code).toBe('invalid_encoding');
  });

  it('does not catch valid text: æøå, emoji, an escaped pair and a leading byte order mark', async () => {
    const body = JSON.stringify(aNomination({})).replace('"Inger"', '"Ærø 🎻 \\ud83c\\udfbb"');
    const res = await send(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(body)]));
    expect(res.status).toBe(201);
    expect(await nominationCount()).toBe(1);
  });
});
