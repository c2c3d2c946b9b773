import { MAX_SIGN_IN_BYTES } from './accounts/routes.js';
import { MAX_DEVICE_RECORD_BYTES, MAX_ENROL_BYTES } from './devices/routes.js';
import { MAX_NOMINATION_BYTES } from './nominations/routes.js';
import { MAX_WRITE_BODY_BYTES } from './http/body-limit.js';

/**
 * The largest body each route reads, by path. The anonymous routes get a few kilobytes; every
 * other API route gets {@link MAX_API_BODY_BYTES}, and the pages and scripts, which read no body,
 * none at all.
 */
const BODY_LIMITS: Readonly<Record<string, number>> = {
  '/api/v1/session': MAX_SIGN_IN_BYTES,
  '/api/v1/devices/enrol': MAX_ENROL_BYTES,
  '/api/v1/nominations': MAX_NOMINATION_BYTES,
  '/api/v1/feedback': MAX_DEVICE_RECORD_BYTES,
  '/api/v1/debriefs': MAX_DEVICE_RECORD_BYTES,
  '/api/v1/door-cancellations': MAX_DEVICE_RECORD_BYTES,
};

/** The body limit of every API route not in {@link BODY_LIMITS}: a planning write and more. */
export const MAX_API_BODY_BYTES = MAX_WRITE_BODY_BYTES;

/** The largest body a request to `path` may carry. */
export const bodyLimitFor = (path: string): number =>
  BODY_LIMITS[path] ?? (path.startsWith('/api/') ? MAX_API_BODY_BYTES : 0);
