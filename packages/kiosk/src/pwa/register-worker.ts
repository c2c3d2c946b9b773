/**
 * Registers the kiosk's service worker (`sw.js` beside the page, scope: the kiosk's folder), which
 * precaches the whole app so it starts with no network. A new version waits until the musician
 * chooses to update (never in the middle of someone's answers): `onUpdate` receives the function
 * that switches to it and reloads.
 *
 * @example
 * registerKioskWorker(new URL('sw.js', document.baseURI), (apply) => app.applyUpdate = apply);
 */
export async function registerKioskWorker(
  url: URL,
  onUpdate: (apply: () => void) => void,
): Promise<ServiceWorkerRegistration | undefined> {
  const container = globalThis.navigator?.serviceWorker;
  if (!container) return undefined;
  const registration = await container.register(url, {
    scope: new URL('./', url).pathname,
    type: 'module',
    // The worker script itself is always checked against the network, never the HTTP cache.
    updateViaCache: 'none',
  });
  const offer = (worker: ServiceWorker) => {
    onUpdate(() => {
      container.addEventListener('controllerchange', () => location.reload(), { once: true });
      worker.postMessage({ type: 'SKIP_WAITING' });
    });
  };
  // A first install takes over by itself; only a replacement of a running version waits.
  if (registration.waiting && container.controller) offer(registration.waiting);
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed' && container.controller) offer(installing);
    });
  });
  return registration;
}
