import type { Context } from 'hono';
import { issueMessage, StueLifecycleError } from '@stue/core';
import { requestLang } from './errors.js';
import { HubError, hubErrorResponse } from './hub-error.js';

/**
 * A lifecycle move the table refused, as the {@link HubError} to throw: 409
 * `illegal_transition` with the record's status and the moves it allows now, or 400
 * `reason_required`. Anything else is returned as it is, to be thrown on.
 *
 * @example
 * try { … } catch (error) { throw lifecycleError(c, error, allowedFrom(id)); }
 */
export function lifecycleError(
  c: Context,
  error: unknown,
  allowedFrom: (status: string) => object[],
): unknown {
  if (!(error instanceof StueLifecycleError)) return error;
  if (error.code === 'reason_required') {
    const message = issueMessage('reason', 'required', requestLang(c));
    return new HubError(400, 'reason_required', {
      issues: [{ path: 'reason', code: 'required', message }],
    });
  }
  if (error.code !== 'illegal_transition') return error;
  return new HubError(409, 'illegal_transition', {
    extra: { status: error.from, allowedActions: allowedFrom(error.from) },
  });
}

/**
 * The answer to a lifecycle move that the table refused (see {@link lifecycleError}), for a
 * handler that answers rather than throws. Anything else is rethrown.
 */
export function lifecycleErrorResponse(
  c: Context,
  error: unknown,
  allowedFrom: (status: string) => object[],
): Promise<Response> {
  const refused = lifecycleError(c, error, allowedFrom);
  if (!(refused instanceof HubError)) throw refused;
  return hubErrorResponse(c, refused);
}
