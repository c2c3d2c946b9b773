import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from './browser.js';
import { newDataDir, removeDataDir, startHub, type TestHub } from './hub.js';

/** What a journey file drives: a browser, and a real hub on a data folder of its own. */
export interface Journey {
  browser: Browser;
  /** Replace it when a test restarts the hub (`journey.hub = await startHub(journey.dataDir)`). */
  hub: TestHub;
  dataDir: string;
}

/**
 * Starts a browser and a hub on a fresh data folder before the file's tests, and stops both and
 * removes the folder after them. Read the fields inside tests and hooks: they are set once
 * `beforeAll` has run.
 *
 * @example
 * const journey = browserAndHub();
 * it('serves the console', async () => {
 *   await (await journey.browser.newPage()).goto(`${journey.hub.url}/console/`);
 * });
 */
export function browserAndHub(): Journey {
  const journey = {} as Journey;
  beforeAll(async () => {
    journey.dataDir = newDataDir();
    [journey.browser, journey.hub] = await Promise.all([
      launchBrowser(),
      startHub(journey.dataDir),
    ]);
  });
  afterAll(async () => {
    // Optional chaining: a failed start leaves these unset, and the failure is the one to see.
    await journey.hub?.stop();
    await journey.browser?.close();
    removeDataDir(journey.dataDir);
  });
  return journey;
}
