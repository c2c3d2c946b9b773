import type { ProgrammePublic } from '../programme/public.js';

/**
 * Reads a programme's public part from the hub (`GET /api/v1/programmes/{slug}/public`), without
 * a key and without zod: what a nomination form shows and records. A simple request, so a
 * partner's page sends no preflight, and the browser's cache may answer it (the hub allows five
 * minutes). Rejects when the hub cannot be reached, has no such programme, or answers something
 * that is not a programme's public part; a form then keeps its built-in texts.
 *
 * @example
 * const programme = await fetchProgrammePublic('musikalske-besoegsvenner', { api });
 * programme.noticeVersion; // 'musikalske-besoegsvenner/1'
 */
export async function fetchProgrammePublic(
  slug: string,
  options: { api: string; signal?: AbortSignal },
): Promise<ProgrammePublic> {
  const url = new URL(`api/v1/programmes/${encodeURIComponent(slug)}/public`, options.api);
  const response = await fetch(url, { signal: options.signal ?? null });
  const body = (response.ok ? await response.json() : null) as ProgrammePublic | null;
  if (
    body?.slug !== slug ||
    typeof body.noticeVersion !== 'string' ||
    typeof body.notice?.da !== 'string' ||
    typeof body.controller?.name !== 'string' ||
    typeof body.callWithin?.da !== 'string' ||
    !Array.isArray(body.criteria)
  ) {
    throw new Error(`No public part of the programme ${slug} (${response.status})`);
  }
  return body;
}
