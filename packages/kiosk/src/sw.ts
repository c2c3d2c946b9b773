/// <reference lib="webworker" />
// The kiosk's service worker: precaches every file of the build (the list is injected at build
// time by vite-plugin-pwa's injectManifest) and answers the kiosk's page from that cache, so the
// app starts with no network. It caches nothing else: API calls go to the network untouched, and
// queued records live in the app's own IndexedDB outbox — there is no Workbox background sync.
import { cleanupOutdatedCaches, precacheAndRoute } from 'workbox-precaching';

declare const self: ServiceWorkerGlobalScope & {
  __WB_MANIFEST: (string | { url: string; revision: string | null })[];
};

// The worker starts when the kiosk is opened, before the page exists. Asking for the origin's
// database names (reading none of their data) has the browser open its database files now, while
// the page loads: the page's own open then waits a fraction as long on a cold start.
void indexedDB.databases().catch(() => undefined);

precacheAndRoute(self.__WB_MANIFEST, {
  // `/kiosk/` and `/kiosk/?lang=en` are the same page: the app never routes by its address.
  directoryIndex: 'index.html',
  ignoreURLParametersMatching: [/.*/],
});
cleanupOutdatedCaches();

self.addEventListener('message', (event: ExtendableMessageEvent) => {
  if ((event.data as { type?: unknown } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});
