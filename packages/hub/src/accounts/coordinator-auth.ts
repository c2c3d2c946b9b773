import { timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { findSession, type Coordinator } from './coordinators.js';
import type { HubDatabase } from '../db/database.js';
import { HubError } from '../http/hub-error.js';

/** The session cookie's name. `__Host-` would require HTTPS, which loopback demos lack. */
export const SESSION_COOKIE = 'stue_session';

/** What the coordinator middleware puts on the context. */
export interface CoordinatorEnv {
  Variables: { coordinator: Coordinator; csrfToken: string };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Requires a signed-in coordinator (session cookie). Writes must also carry the session's CSRF
 * token in `X-CSRF-Token`: a cookie alone never authorises a change.
 */
export function coordinatorAuth(db: HubDatabase): MiddlewareHandler<CoordinatorEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const session = token ? await findSession(db, token) : undefined;
    if (!session) throw new HubError(401, 'unauthorized');
    if (!SAFE_METHODS.has(c.req.method)) {
      const sent = c.req.header('x-csrf-token') ?? '';
      if (!sameToken(sent, session.csrfToken)) throw new HubError(403, 'csrf_failed');
    }
    c.set('coordinator', session.coordinator);
    c.set('csrfToken', session.csrfToken);
    await next();
  };
}

/** Who acts, as the audit trail and the lifecycle name them. */
export function actorOf(c: Context<CoordinatorEnv>) {
  const { id } = c.get('coordinator');
  return { actor: { kind: 'coordinator' as const, id }, audit: `coordinator:${id}` };
}
