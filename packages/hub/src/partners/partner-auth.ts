import type { Context, MiddlewareHandler } from 'hono';
import type { HubDatabase } from '../db/database.js';
import { findKeyHolder, originAllowed, type KeyHolder } from './keys.js';
import { HubError } from '../http/hub-error.js';

/** What the partner-key middleware puts on the context. */
export interface PartnerAuthEnv {
  Variables: { partner: KeyHolder };
}

async function keyHolder(c: Context, db: HubDatabase): Promise<KeyHolder | undefined> {
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  return match?.[1] ? findKeyHolder(db, match[1]) : undefined;
}

const unauthorized = () =>
  new HubError(401, 'unauthorized', { headers: { 'WWW-Authenticate': 'Bearer realm="stue"' } });

/**
 * Identifies the partner from `Authorization: Bearer <key>` and, when the request comes from a
 * browser (it has an `Origin`), requires that origin to be on the partner's allow-list.
 * Requests without `Origin` come from servers and are identified by the key alone. A secret key
 * is never accepted from a browser, whatever the origin: it has leaked into a web page.
 */
export function partnerAuth(db: HubDatabase): MiddlewareHandler<PartnerAuthEnv> {
  return async (c, next) => {
    const holder = await keyHolder(c, db);
    if (!holder) throw unauthorized();
    const origin = c.req.header('origin');
    if (origin !== undefined && holder.kind === 'secret') {
      throw new HubError(403, 'secret_key_in_browser');
    }
    if (origin !== undefined && !originAllowed(origin, holder.allowedOrigins)) {
      throw new HubError(403, 'origin_not_allowed');
    }
    c.set('partner', holder);
    await next();
  };
}

/**
 * Requires a partner's secret key (`sk_…`), from a server: a request with `Origin` is refused
 * (`secret_key_in_browser`), and a publishable key is not enough (`secret_key_required`).
 */
export function secretKeyAuth(db: HubDatabase): MiddlewareHandler<PartnerAuthEnv> {
  return async (c, next) => {
    const holder = await keyHolder(c, db);
    if (!holder) throw unauthorized();
    if (holder.kind !== 'secret') throw new HubError(403, 'secret_key_required');
    if (c.req.header('origin') !== undefined) throw new HubError(403, 'secret_key_in_browser');
    c.set('partner', holder);
    await next();
  };
}
