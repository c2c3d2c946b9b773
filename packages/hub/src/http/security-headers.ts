import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * A page's policy: everything from the hub itself, nothing inline (no `'unsafe-inline'`, no
 * `'unsafe-eval'`: the apps have no inline script or style, and zod runs jitless), DOM sinks
 * only through the named Trusted Types policies, and never inside another site's frame.
 */
const pagePolicy = (trustedTypes: string) =>
  [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    `trusted-types ${trustedTypes}`,
  ].join('; ');

/** Where a response belongs, for its policy. */
type Area = 'console' | 'kiosk' | 'demo' | 'other';

/**
 * The Content-Security-Policy of each area. Lit renders through its own `lit-html` policy; the
 * kiosk registers its service worker through `stue-kiosk-worker`. Whatever is no page (the API's
 * JSON, the embed script, a stylesheet) may load and run nothing if it is opened as a document.
 */
export const CONTENT_SECURITY_POLICIES: Readonly<Record<Area, string>> = {
  console: pagePolicy('lit-html'),
  kiosk: pagePolicy('lit-html stue-kiosk-worker'),
  demo: pagePolicy('lit-html'),
  other: "default-src 'none'; frame-ancestors 'none'",
};

/** The camera for the kiosk alone (it reads the enrolment QR code); for no one elsewhere. */
export const PERMISSIONS_POLICIES: Readonly<Record<Area, string>> = {
  kiosk: 'camera=(self), microphone=(), geolocation=()',
  console: 'camera=(), microphone=(), geolocation=()',
  demo: 'camera=(), microphone=(), geolocation=()',
  other: 'camera=(), microphone=(), geolocation=()',
};

const areaOf = (path: string): Area => {
  if (path === '/') return 'demo';
  const [, first] = path.split('/');
  return first === 'console' || first === 'kiosk' ? first : 'other';
};

/**
 * The security headers of every response (S16): Hono's usual set (`nosniff`,
 * `Referrer-Policy: no-referrer`, HSTS, COOP…) with `X-Frame-Options: DENY`, and the
 * Content-Security-Policy and Permissions-Policy of the area the path belongs to.
 */
export function securityHeaders(): MiddlewareHandler {
  // No Cross-Origin-Resource-Policy: partner pages on other origins load the embed and call the API.
  const usual = secureHeaders({ crossOriginResourcePolicy: false, xFrameOptions: 'DENY' });
  return async (c, next) => {
    await usual(c, next);
    const area = areaOf(c.req.path);
    c.res.headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICIES[area]);
    c.res.headers.set('Permissions-Policy', PERMISSIONS_POLICIES[area]);
  };
}
