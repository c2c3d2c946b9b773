/**
 * The console's pages, addressed by the hash (`#/inbox`, `#/nominations/<id>`, …): the hub serves
 * the console as static files under `/console/`, so the path stays the same and `?lang=en` stays
 * in the query.
 */
export type Route =
  | { name: 'inbox'; params: URLSearchParams }
  | { name: 'nomination'; id: string }
  | { name: 'booking'; id: string }
  | { name: 'tasks'; params: URLSearchParams }
  | { name: 'planning'; params: URLSearchParams }
  | { name: 'musicians' }
  | { name: 'tour-days'; params: URLSearchParams }
  | { name: 'devices' }
  | { name: 'reports'; params: URLSearchParams }
  | { name: 'partners' }
  | { name: 'programmes' }
  | { name: 'not-found' };

/** The names of the pages in the main menu, in its order. */
export const MENU = [
  'inbox',
  'tasks',
  'planning',
  'musicians',
  'tour-days',
  'devices',
  'reports',
  'partners',
  'programmes',
] as const;

/**
 * The page an address's hash asks for. An empty hash is the inbox.
 *
 * @example
 * parseRoute('#/nominations/0195…'); // { name: 'nomination', id: '0195…' }
 */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [path = '', search = ''] = raw.split('?', 2);
  const params = new URLSearchParams(search);
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second, ...rest] = parts;
  if (rest.length > 0) return { name: 'not-found' };
  if (first === undefined || (first === 'inbox' && second === undefined)) {
    return { name: 'inbox', params };
  }
  if (first === 'nominations' && second) return { name: 'nomination', id: second };
  if (first === 'bookings' && second) return { name: 'booking', id: second };
  if (second !== undefined) return { name: 'not-found' };
  switch (first) {
    case 'planning':
      return { name: 'planning', params };
    case 'tasks':
      return { name: 'tasks', params };
    case 'musicians':
      return { name: 'musicians' };
    case 'tour-days':
      return { name: 'tour-days', params };
    case 'devices':
      return { name: 'devices' };
    case 'reports':
      return { name: 'reports', params };
    case 'partners':
      return { name: 'partners' };
    case 'programmes':
      return { name: 'programmes' };
    default:
      return { name: 'not-found' };
  }
}

/** The hash of a page, with its query when given. */
export function href(
  name: (typeof MENU)[number] | 'nomination' | 'booking',
  options: { id?: string; params?: URLSearchParams } = {},
): string {
  const id = encodeURIComponent(options.id ?? '');
  const path =
    name === 'nomination' ? `nominations/${id}` : name === 'booking' ? `bookings/${id}` : name;
  const search = options.params && options.params.size > 0 ? `?${options.params}` : '';
  return `#/${path}${search}`;
}

/** Writes a page's query into the address without a new history entry or a navigation. */
export function replaceParams(name: (typeof MENU)[number], params: URLSearchParams): void {
  history.replaceState(history.state, '', href(name, { params }));
}
