import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { clientAddress } from './client-address.js';
import { apiError } from './errors.js';

/** How many requests a client may make in a window. */
export interface Limit {
  limit: number;
  windowMs: number;
}

/** The hub's request limits. */
export interface RateLimits {
  /**
   * Per partner key: one partner's flood never slows another partner down, and a partner's
   * servers (`sk_`) never use up its website's budget (`pk_`).
   */
  perPartner: Limit;
  /**
   * Per client address, checked before any key is looked up. Behind a reverse proxy that is the
   * proxy's address unless the hub trusts it (`STUE_TRUST_PROXY`; see `client-address.ts`).
   */
  perAddress: Limit;
}

/**
 * Generous for a visit service's site (every visitor shares the partner's budget), tight enough
 * that a leaked or misused key cannot fill the database.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  perPartner: { limit: 120, windowMs: 60_000 },
  perAddress: { limit: 300, windowMs: 60_000 },
};

function limiter(limit: Limit, key: (c: Context) => string): MiddlewareHandler {
  return rateLimiter({
    windowMs: limit.windowMs,
    limit: limit.limit,
    standardHeaders: 'draft-6',
    keyGenerator: key,
    // hono-rate-limiter wants the answer back from its handler, with its headers already set.
    handler: (c) => apiError(c, 429, 'rate_limited'),
  });
}

/** Limits requests per client address; answers 429 with `Retry-After` when exceeded. */
export function perAddressLimit(limit: Limit): MiddlewareHandler {
  return limiter(limit, clientAddress);
}

/**
 * Limits requests per partner key (after the key has identified the partner); 429 with
 * `Retry-After`. Each key has a budget of its own, so a back-office job on the secret key cannot
 * block the nominations coming in through the website's publishable key.
 */
export function perPartnerLimit(limit: Limit): MiddlewareHandler {
  return limiter(limit, (c) => `key:${(c.get('partner') as { keyId: string }).keyId}`);
}
