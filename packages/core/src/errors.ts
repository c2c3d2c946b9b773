import type { ApiErrorCode } from './http/api-error.js';
import type { Issue } from './validation/validate.js';

/** The base of every error `@stue/core` throws; `code` is stable, `message` is for people. */
export class StueError extends Error {
  override name = 'StueError';
  constructor(
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * The input was refused, by the SDK before sending or by the hub; `issues` say why, per field.
 * `code` is the hub's own (`invalid_body` for a body, `invalid_parameter` for the address or the
 * query, …); the SDK's own checks say `invalid_body`.
 */
export class StueValidationError extends StueError {
  override name = 'StueValidationError';
  constructor(
    readonly issues: Issue[],
    message = 'The input is not valid',
    override readonly code: ApiErrorCode = 'invalid_body',
  ) {
    super(code, message);
  }
}

/** The hub could not be reached, or did not answer in time (`code` is `network` or `timeout`). */
export class StueNetworkError extends StueError {
  override name = 'StueNetworkError';
  constructor(code: 'network' | 'timeout', message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}

/**
 * What a {@link StueHttpError} may say: the hub's own code (one of {@link API_ERROR_CODES}),
 * `invalid_response` for an answer of a shape the hub never sends, or `http_<status>` for an
 * error answer without the hub's error body (a proxy's, say).
 */
export type StueHttpErrorCode = ApiErrorCode | 'invalid_response' | `http_${number}`;

/**
 * The hub answered with an error status; `code` is the hub's, passed on as it sent it (see
 * {@link StueHttpErrorCode}). A hub newer than this SDK may send a code the union does not list
 * yet: branch on the codes you handle and treat the rest alike.
 */
export class StueHttpError extends StueError {
  override name = 'StueHttpError';
  constructor(
    readonly status: number,
    override readonly code: StueHttpErrorCode,
    message: string,
    /** Seconds to wait before trying again, from `Retry-After`, when the hub said so. */
    readonly retryAfter?: number,
  ) {
    super(code, message);
  }
}

/**
 * Whether sending the same request again later may succeed: network failures, timeouts, rate
 * limits and server errors. A retry must reuse the record's client id.
 */
export function isRetryable(error: unknown): boolean {
  if (error instanceof StueNetworkError) return true;
  return error instanceof StueHttpError && (error.status === 429 || error.status >= 500);
}
