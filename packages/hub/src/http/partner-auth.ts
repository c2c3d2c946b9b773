import type { MiddlewareHandler } from 'hono';
import type { HubDatabase } from '../db/database.js';
import { findKeyHolder, originAllowed, type KeyHolder } from '../partners/keys.js';
import { apiError } from './errors.js';

/** What the partner-key middleware puts on the context. */
export interface PartnerAuthEnv {
  Variables: { partner: KeyHolder };
}

/**
 * Identifies the partner from `Authorization: Bearer <key>` and, when the request comes from a
 * browser (it has an `Origin`), requires that origin to be on the partner's allow-list.
 * Requests without `Origin` come from servers and are identified by the key alone.
 */
export function partnerAuth(db: HubDatabase): MiddlewareHandler<PartnerAuthEnv> {
  return async (c, next) => {
    const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
    const holder = match?.[1] ? await findKeyHolder(db, match[1]) : undefined;
    if (!holder) {
      c.header('WWW-Authenticate', 'Bearer realm="stue"');
      return apiError(c, 401, 'unauthorized');
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && !originAllowed(origin, holder.allowedOrigins)) {
      return apiError(c, 403, 'origin_not_allowed');
    }
    c.set('partner', holder);
    await next();
  };
}
