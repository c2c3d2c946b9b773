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
 * Asks the hub whether it is alive. Resolves `true` only for a successful answer whose body is
 * `{"ok":true}`; a refused connection, a time-out, an error status or any other body resolve
 * `false`. It never rejects.
 *
 * @example
 * if (await hubAnswers(healthUrl())) console.log('the hub answers');
 */
export async function hubAnswers(
  url: URL,
  options: { signal?: AbortSignal; timeoutMs?: number } = {},
): Promise<boolean> {
  const timeout = AbortSignal.timeout(options.timeoutMs ?? HEALTH_TIMEOUT_MS);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  try {
    const response = await fetch(url, {
      signal,
      cache: 'no-store',
      headers: { accept: 'application/json' },
    });
    if (!response.ok) return false;
    const body: unknown = await response.json();
    return typeof body === 'object' && body !== null && 'ok' in body && body.ok === true;
  } catch {
    return false;
  }
}
