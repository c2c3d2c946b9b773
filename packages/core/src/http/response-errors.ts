import * as z from 'zod/mini';
import type { Issue } from '../validation/validate.js';
import { apiErrorSchema } from './api-error.js';
import { StueHttpError, StueValidationError, type StueError } from './errors.js';

/** A hub base URL that keeps its last path segment when paths are resolved against it. */
export function apiBase(api: string | URL): URL {
  const base = new URL(api);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return base;
}

/** Seconds from `Retry-After`, as a number or as an HTTP date read against the hub's `Date`. */
export function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null) return undefined;
  const seconds = Number(header);
  if (header.trim() !== '' && Number.isFinite(seconds)) return Math.max(0, seconds);
  // An HTTP date is read against the hub's own clock (its `Date` header), never this device's,
  // which may be years off (RELIABILITY.md F10). Without one, the caller's own backoff applies.
  const until = Date.parse(header);
  const now = Date.parse(response.headers.get('date') ?? '');
  if (Number.isNaN(until) || Number.isNaN(now)) return undefined;
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/**
 * The typed error for a hub's error answer, and the hub's own `error.code` when it sent one:
 * a 400 with issues is a {@link StueValidationError}, anything else a {@link StueHttpError}.
 */
export async function errorFromResponse(
  response: Response,
): Promise<{ code: string | undefined; error: StueError }> {
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  const parsed = z.safeParse(apiErrorSchema, json);
  const body = parsed.success ? parsed.data.error : undefined;
  if (response.status === 400 && body?.issues) {
    return {
      code: body.code,
      error: new StueValidationError(body.issues as Issue[], body.message),
    };
  }
  return {
    code: body?.code,
    error: new StueHttpError(
      response.status,
      body?.code ?? `http_${response.status}`,
      body?.message ?? (response.statusText || `HTTP ${response.status}`),
      retryAfterSeconds(response),
    ),
  };
}
