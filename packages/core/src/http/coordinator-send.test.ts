import { afterEach, describe, expect, it, vi } from 'vitest';
import { StueHttpError, StueNetworkError, StueValidationError } from '../errors.js';
import { allPages, fetchIn, query, send } from './coordinator-send.js';
import { answer } from './fetch-stub.test-support.js';

const api = 'http://hub.test/';

afterEach(() => vi.unstubAllGlobals());

describe("the console's coordinator send", () => {
  it('sends the cookie, no cache, and the CSRF token and JSON body on a write', async () => {
    const fetch = answer(201, { id: 'x' });
    expect(
      await send(
        'api/v1/musicians',
        { method: 'POST', body: { a: 1 }, csrfToken: 't' },
        { api, fetch },
      ),
    ).toEqual({ id: 'x' });
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toBe('http://hub.test/api/v1/musicians');
    expect(init).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      body: '{"a":1}',
    });
    const headers = new Headers(init?.headers);
    expect(headers.get('x-csrf-token')).toBe('t');
    expect(headers.get('content-type')).toBe('application/json');
    expect(headers.get('accept')).toBe('application/json');
  });

  it('reads without a token or body; 204 is undefined', async () => {
    const fetch = answer(204);
    expect(await send('api/v1/tour-days/1', { method: 'DELETE' }, { api, fetch })).toBeUndefined();
    const headers = new Headers(fetch.mock.calls[0]![1]?.headers);
    expect(headers.has('x-csrf-token')).toBe(false);
    expect(headers.has('content-type')).toBe(false);
  });

  it('maps errors: issues, Retry-After, an answer that is no object, no answer', async () => {
    const issues = [{ path: 'name', code: 'required', message: 'Skriv et navn' }];
    const invalid = answer(400, { error: { code: 'invalid_body', message: 'Nej', issues } });
    await expect(send('x', {}, { api, fetch: invalid })).rejects.toBeInstanceOf(
      StueValidationError,
    );
    const limited = answer(
      429,
      { error: { code: 'rate_limited', message: 'Vent' } },
      { 'retry-after': '7' },
    );
    await expect(send('x', {}, { api, fetch: limited })).rejects.toMatchObject({
      status: 429,
      code: 'rate_limited',
      retryAfter: 7,
    });
    await expect(send('x', {}, { api, fetch: answer(200, 'text') })).rejects.toMatchObject({
      code: 'invalid_response',
    });
    await expect(send('x', {}, { api, fetch: answer(502) })).rejects.toBeInstanceOf(StueHttpError);
    const down = vi.fn<typeof fetch>(async () => Promise.reject(new TypeError('offline')));
    await expect(send('x', {}, { api, fetch: down })).rejects.toBeInstanceOf(StueNetworkError);
  });

  it('asks for messages in a language, through the global fetch', async () => {
    const global = answer(200, {});
    vi.stubGlobal('fetch', global);
    await fetchIn('en')('http://hub.test/x', { headers: { a: 'b' } });
    const headers = new Headers(global.mock.calls[0]![1]?.headers);
    expect(headers.get('accept-language')).toBe('en');
    expect(headers.get('a')).toBe('b');
  });

  it('builds queries from what is set, and follows every page', async () => {
    expect(query({ a: undefined, b: '', c: ['x', 'y'], d: 2 })).toBe('?c=x&c=y&d=2');
    expect(query({})).toBe('');
    const pages = [
      { items: [1, 2], nextCursor: 'n' },
      { items: [3], nextCursor: null },
    ];
    const load = vi.fn(async (cursor: string | undefined) => pages[cursor ? 1 : 0]!);
    expect(await allPages(load)).toEqual([1, 2, 3]);
    expect(load).toHaveBeenLastCalledWith('n');
  });
});
