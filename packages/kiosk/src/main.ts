// The kiosk page's entry, kept small: it starts opening the tablet's database and reading what
// the first screen needs, sets the page's language, and loads the app, whose code the page
// preloads meanwhile (see vite.config.ts). Database and code load at the same time, not one
// after the other (docs/adr/0023-kiosk-first-screen.md).
import { STUE_DB_NAME } from '@stue/core/idb';
import { langFromUrl } from './lang.js';
import { openEarly } from './store/early-open.js';

// The page's <stue-kiosk-app> uses the default database; the script may run before the page is
// parsed (async), so it does not look for the element.
openEarly(STUE_DB_NAME);
document.documentElement.lang = langFromUrl(location.href);
import('./app-main.js').catch((error: unknown) => {
  console.error('stue-kiosk: cannot load the app', error instanceof Error ? error.name : error);
});
