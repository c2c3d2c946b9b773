import type { Issue } from '../validation/validate.js';
import type { ApiErrorBody, ApiErrorCode } from './api-error.js';
import { StueHttpError, StueValidationError, type StueError } from '../errors.js';

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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The `error` of a hub's error body when it has the shape of {@link apiErrorSchema}, else
 * `undefined`. Written out rather than parsed with the schema, so that a browser that only sends
 * nominations needs no zod; `response-errors.test.ts` holds the two together.
 */
export function readApiError(json: unknown): ApiErrorBody['error'] | undefined {
  if (!isRecord(json) || !isRecord(json.error)) return undefined;
  const { code, message, issues } = json.error;
  if (typeof code !== 'string' || typeof message !== 'string') return undefined;
  if (issues === undefined) return { code, message };
  const isIssue = (issue: unknown) =>
    isRecord(issue) &&
    typeof issue.path === 'string' &&
    typeof issue.code === 'string' &&
    typeof issue.message === 'string';
  if (!Array.isArray(issues) || !issues.every(isIssue)) return undefined;
  return {
    code,
    message,
    issues: issues.map(({ path, code, message }) => ({ path, code, message })),
  };
}

/**
 * The typed error for a hub's error answer, and the hub's own `error.code` when it sent one:
 * a 400 with issues is a {@link StueValidationError}, anything else a {@link StueHttpError}.
 */
export async function errorFromResponse(
  response: Response,
): Promise<{ code: ApiErrorCode | undefined; error: StueError }> {
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    json = undefined;
  }
  const body = readApiError(json);
  // The hub's code, as it sent it (`readApiError` reads any string: a newer hub's code too).
  const code = body?.code as ApiErrorCode | undefined;
  if (response.status === 400 && body?.issues && code) {
    return {
      code,
      error: new StueValidationError(body.issues as Issue[], body.message, code),
    };
  }
  return {
    code,
    error: new StueHttpError(
      response.status,
      code ?? `http_${response.status}`,
      body?.message ?? (response.statusText || `HTTP ${response.status}`),
      retryAfterSeconds(response),
    ),
  };
}
