// The stand-in `fetch` the HTTP client tests share: one canned answer, and what was sent.
import { vi } from 'vitest';

/**
 * A `fetch` that always answers `status` with `body` as JSON (no body when it is `undefined`)
 * and the given headers.
 */
export function answer(status: number, body?: unknown, headers: Record<string, string> = {}) {
  return vi.fn<typeof globalThis.fetch>(async () =>
    body === undefined
      ? new Response(null, { status, headers })
      : Response.json(body, { status, headers }),
  );
}

/** The first request a stand-in `fetch` was given: its URL, init, method, headers and JSON body. */
export function sent(fetch: ReturnType<typeof answer>) {
  const [url, init = {}] = fetch.mock.calls[0]!;
  return {
    url: String(url),
    init,
    method: init.method ?? 'GET',
    headers: new Headers(init.headers),
    body: typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
  };
}

/** A `fetch` that cannot reach the hub: it fails as a browser's does when offline. */
export const unreachable = () =>
  vi.fn<typeof globalThis.fetch>(async () => {
    throw new TypeError('fetch failed');
  });

/** A `fetch` that never answers: it fails only when its request is aborted, with the reason. */
export const hanging = () =>
  vi.fn<typeof globalThis.fetch>(
    (_url, init) =>
      new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
      ),
  );
