// The console's first requests, started by the entry before anything else of it is evaluated
// (`main.ts` imports this module first, so its body runs first): who is signed in and, when the
// address asks for the unfiltered inbox, its first page. The answers arrive while Lit, core and
// the shell are still being evaluated, and the app's requests take them instead of asking again
// (`earlyFetch`). Nothing here may import more than plain constants: whatever this module imports
// is evaluated before it.
import { langFromUrl } from './lang.js';
import { DEFAULT_INBOX_STATUSES, INBOX_PAGE_SIZE } from './pages/inbox-query.js';
import { parseRoute } from './router.js';

/** Answers on their way, by their URL; each is taken at most once. */
const early = new Map<string, Promise<Response>>();

/** The addresses the console's first requests go to, for a console served at `base`. */
export function earlyUrls(base: string, hash: string): string[] {
  const api = new URL('../api/v1/', base);
  const urls = [new URL('session', api).href];
  const route = parseRoute(hash);
  // Only the inbox as it opens without a filter chosen: the request its page makes first.
  if (route.name === 'inbox' && route.params.size === 0) {
    const query = new URLSearchParams();
    for (const status of DEFAULT_INBOX_STATUSES) query.append('status', status);
    query.set('limit', String(INBOX_PAGE_SIZE));
    urls.push(new URL(`nominations?${query}`, api).href);
  }
  return urls;
}

/** Starts the first requests, as core's coordinator client would send them. */
export function startEarly(base: string = document.baseURI, href: string = location.href): void {
  const lang = langFromUrl(href);
  for (const url of earlyUrls(base, new URL(href).hash)) {
    const answer = fetch(url, {
      credentials: 'same-origin',
      cache: 'no-store',
      headers: { accept: 'application/json', 'accept-language': lang },
    });
    // A failure is the app's to see, when (if) it asks; never an unhandled rejection.
    answer.catch(() => undefined);
    early.set(url, answer);
  }
}

/** Drops the answers not taken (the session ended, or nobody was signed in). */
export function forgetEarly(): void {
  early.clear();
}

/**
 * `inner`, except that a GET for an address started early takes that answer, once. If the early
 * request failed, it asks again with `inner`.
 */
export function earlyFetch(inner: typeof fetch): typeof fetch {
  return (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const answer = early.get(url);
    if (!answer || (init?.method ?? 'GET') !== 'GET') return inner(input, init);
    early.delete(url);
    return answer.catch(() => inner(input, init));
  };
}
