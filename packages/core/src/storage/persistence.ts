/**
 * Asks the browser to keep this origin's storage under pressure instead of evicting it, and
 * resolves with whether it is persisted. Resolves `false` where the API is missing. A Safari tab
 * is not protected either way (it deletes a site's storage after 7 days without use): only an
 * installed home-screen app is.
 *
 * @example
 * const persisted = await requestPersistence();
 * if (!persisted) showNotice('Install the app so answers are kept safely');
 */
export async function requestPersistence(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (typeof storage?.persist !== 'function') return false;
  if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
  return storage.persist();
}

/**
 * Whether this origin's storage is already persisted (`navigator.storage.persisted()`), without
 * asking; `false` where the API is missing.
 *
 * @example
 * const persisted = await isPersisted();
 */
export async function isPersisted(): Promise<boolean> {
  const storage = globalThis.navigator?.storage;
  if (typeof storage?.persisted !== 'function') return false;
  return storage.persisted();
}

/** How much storage this origin uses and may use, in bytes. */
export interface StorageUse {
  usage: number;
  quota: number;
}

/**
 * How much storage this origin uses and may use (`navigator.storage.estimate()`), or `null`
 * where the browser does not say.
 *
 * @example
 * const use = await storageEstimate();
 * if (use && use.usage > use.quota * 0.8) warn('Storage almost full');
 */
export async function storageEstimate(): Promise<StorageUse | null> {
  const storage = globalThis.navigator?.storage;
  if (typeof storage?.estimate !== 'function') return null;
  const { usage, quota } = await storage.estimate();
  return usage === undefined || quota === undefined ? null : { usage, quota };
}
