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

/** The input was refused, by the SDK before sending or by the hub; `issues` say why, per field. */
export class StueValidationError extends StueError {
  override name = 'StueValidationError';
  constructor(
    readonly issues: Issue[],
    message = 'The input is not valid',
  ) {
    super('invalid_body', message);
  }
}

/** The hub could not be reached, or did not answer in time (`code` is `network` or `timeout`). */
export class StueNetworkError extends StueError {
  override name = 'StueNetworkError';
  constructor(code: 'network' | 'timeout', message: string, options?: ErrorOptions) {
    super(code, message, options);
  }
}

/** The hub answered with an error status. `code` is one of {@link API_ERROR_CODES} or `http_<status>`. */
export class StueHttpError extends StueError {
  override name = 'StueHttpError';
  constructor(
    readonly status: number,
    code: string,
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
