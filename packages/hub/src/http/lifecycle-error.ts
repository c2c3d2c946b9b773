import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { issueMessage, StueLifecycleError } from '@stue/core';
import { apiError, requestLang } from './errors.js';

/**
 * An error response with more than the code and message, e.g. the actions a record allows now.
 * The message is the same text {@link apiError} gives.
 */
export async function apiErrorWith(
  c: Context,
  status: ContentfulStatusCode,
  code: Parameters<typeof apiError>[2],
  extra: Record<string, unknown>,
) {
  const { error } = (await apiError(c, status, code).json()) as { error: object };
  return c.json({ error: { ...error, ...extra } }, status);
}

/**
 * The answer to a lifecycle move that the table refused: 409 `illegal_transition` with the
 * record's status and the moves it allows now, or 400 `reason_required`. Anything else is
 * rethrown.
 */
export function lifecycleErrorResponse(
  c: Context,
  error: unknown,
  allowedFrom: (status: string) => object[],
): Response | Promise<Response> {
  if (!(error instanceof StueLifecycleError)) throw error;
  if (error.code === 'reason_required') {
    const lang = requestLang(c);
    return apiError(c, 400, 'reason_required', [
      { path: 'reason', code: 'required', message: issueMessage('reason', 'required', lang) },
    ]);
  }
  if (error.code !== 'illegal_transition') throw error;
  return apiErrorWith(c, 409, 'illegal_transition', {
    status: error.from,
    allowedActions: allowedFrom(error.from),
  });
}
