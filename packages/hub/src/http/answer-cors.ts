import type { MiddlewareHandler } from 'hono';

/**
 * The CORS headers of an answer to a partner's page, for every request but a preflight (Hono's
 * `cors` answers those): the page's origin is echoed, since the partner's key and its allowed
 * origins decide whether the page is answered at all, and `exposeHeaders` may be read by its
 * script. These are the headers Hono's `cors` gives with `origin: (origin) => origin`. Hono's sets
 * them on a response made before the route runs, and then the route's answer is copied into a
 * standard `Response` and its body sent through a web stream. Here they are set through the
 * context, and the answer is written to the socket directly: about a tenth of a nomination's
 * time under load (issue 17).
 */
export function answerCors(exposeHeaders: readonly string[]): MiddlewareHandler {
  const exposed = exposeHeaders.join(',');
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin) c.header('Access-Control-Allow-Origin', origin);
    c.header('Access-Control-Expose-Headers', exposed);
    c.header('Vary', 'Origin', { append: true });
    await next();
  };
}
