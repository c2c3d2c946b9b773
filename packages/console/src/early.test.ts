import { afterEach, describe, expect, it, vi } from 'vitest';
import { earlyFetch, earlyUrls, forgetEarly, startEarly } from './early.js';

const BASE = 'https://stue.example.dk/console/';
const SESSION = 'https://stue.example.dk/api/v1/session';
const INBOX =
  'https://stue.example.dk/api/v1/nominations?status=received&status=in-review&limit=50';

afterEach(() => {
  forgetEarly();
  vi.unstubAllGlobals();
});

describe('the console’s first requests', () => {
  it('are the session, and the inbox’s first page when the address asks for the unfiltered inbox', () => {
    expect(earlyUrls(BASE, '')).toEqual([SESSION, INBOX]);
    expect(earlyUrls(BASE, '#/inbox')).toEqual([SESSION, INBOX]);
    expect(earlyUrls(BASE, '#/inbox?f=1&status=accepted')).toEqual([SESSION]);
    expect(earlyUrls(BASE, '#/planning')).toEqual([SESSION]);
    expect(earlyUrls('https://stue.example.dk/hub/console/', '')[0]).toBe(
      'https://stue.example.dk/hub/api/v1/session',
    );
  });

  it('are sent once: the app’s first GET of each takes the early answer, later ones ask again', async () => {
    const sent: { url: string; init: RequestInit | undefined }[] = [];
    vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
      sent.push({ url, init });
      return new Response(JSON.stringify({ early: true }));
    });
    startEarly(BASE, `${BASE}?lang=en#/inbox`);
    expect(sent.map((s) => s.url)).toEqual([SESSION, INBOX]);
    expect(new Headers(sent[0]!.init?.headers).get('accept-language')).toBe('en');
    expect(sent[0]!.init).toMatchObject({ credentials: 'same-origin', cache: 'no-store' });

    const inner = vi.fn(async () => new Response(JSON.stringify({ early: false })));
    const request = earlyFetch(inner);
    expect(await (await request(new URL(SESSION), { method: 'GET' })).json()).toEqual({
      early: true,
    });
    expect(await (await request(new URL(SESSION), { method: 'GET' })).json()).toEqual({
      early: false,
    });
    // A write is never answered from an early read.
    await request(new URL(INBOX), { method: 'POST' });
    expect(inner).toHaveBeenCalledTimes(2);
    // Forgotten (nobody signed in, or the session ended): the app asks the hub itself.
    forgetEarly();
    expect(await (await request(new URL(INBOX))).json()).toEqual({ early: false });
    expect(sent).toHaveLength(2);
  });

  it('asks again when the early request failed', async () => {
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline')));
    startEarly(BASE, BASE);
    const inner = vi.fn(async () => new Response('{}'));
    await earlyFetch(inner)(new URL(SESSION));
    expect(inner).toHaveBeenCalledTimes(1);
  });
});
