/** How long to wait for the hub before saying it does not answer. */
export const HEALTH_TIMEOUT_MS = 10_000;

/**
 * Where the hub says whether it is alive. The hub serves the console at `/console/`, so its API
 * is one folder up: `/api/health`, also when the hub itself sits under a path prefix.
 */
export function healthUrl(base: string = document.baseURI): URL {
  return new URL('../api/health', base);
}

/**
 * What the hub's health answer says: it `answers` (`{"ok":true}`), it answers but `cannot-save`
 * (503 with `"database":"not_writable"`: a write failed for lack of room, and a trial write still
 * fails), or it is `silent` (a refused connection, a time-out, another status or body).
 */
export type HubHealth = 'answers' | 'cannot-save' | 'silent';

/**
 * Asks the hub whether it is alive and can save. It never rejects.
 *
 * @example
 * if ((await hubHealth(healthUrl())) === 'cannot-save') console.log('the hub cannot save now');
 */
export async function hubHealth(
  url: URL,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<HubHealth> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? HEALTH_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const response = await fetch(url, {
      signal,
      cache: 'no-store',
      headers: { accept: 'application/json' },
    });
    if (!response.ok && response.status !== 503) return 'silent';
    const body: unknown = await response.json();
    if (typeof body !== 'object' || body === null || !('ok' in body)) return 'silent';
    if (response.ok && body.ok === true) return 'answers';
    const cannotSave =
      response.status === 503 && 'database' in body && body.database === 'not_writable';
    return cannotSave ? 'cannot-save' : 'silent';
  } catch {
    return 'silent';
  }
}
