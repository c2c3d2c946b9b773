/** The part of the Trusted Types API used here (TypeScript's DOM types do not have it yet). */
interface TrustedTypePolicyFactory {
  createPolicy(
    name: string,
    rules: { createScriptURL(input: string): string },
    // A TrustedScriptURL, which `register` takes as it takes a string.
  ): { createScriptURL(input: string): string };
}

/** The name the hub's Content-Security-Policy allows the kiosk's policy under. */
const WORKER_POLICY = 'stue-kiosk-worker';

let workerPolicy: ReturnType<TrustedTypePolicyFactory['createPolicy']> | undefined;

/**
 * The worker's script URL as the page's Trusted Types enforcement requires it (`register` is a
 * script URL sink): made by the kiosk's own policy, which lets through the kiosk's `sw.js`
 * beside the page and nothing else. Where the browser has no Trusted Types, the URL as it is.
 */
function trustedWorkerUrl(url: URL): string {
  const factory = (globalThis as { trustedTypes?: TrustedTypePolicyFactory }).trustedTypes;
  if (!factory) return url.href;
  // Made once: the page's policy allows no second Trusted Types policy of the same name.
  workerPolicy ??= factory.createPolicy(WORKER_POLICY, {
    createScriptURL: (input) => {
      if (input !== new URL('sw.js', document.baseURI).href) throw new TypeError(input);
      return input;
    },
  });
  return workerPolicy.createScriptURL(url.href);
}

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
  const registration = await container.register(trustedWorkerUrl(url), {
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
