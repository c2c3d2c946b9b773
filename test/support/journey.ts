import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
 * Starts a browser and a hub (with `env`, as {@link startHub} takes it) on a fresh data folder
 * before the file's tests, and stops both and removes the folder after them. Read the fields inside tests and hooks: they are set once
 * `beforeAll` has run.
 *
 * @example
 * const journey = browserAndHub();
 * it('serves the console', async () => {
 *   await (await journey.browser.newPage()).goto(`${journey.hub.url}/console/`);
 * });
 */
export function browserAndHub(env: Record<string, string> = {}): Journey {
  const journey = {} as Journey;
  beforeAll(async () => {
    journey.dataDir = newDataDir();
    [journey.browser, journey.hub] = await Promise.all([
      launchBrowser(),
      startHub(journey.dataDir, env),
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

/** A partner's web site in a journey: its origin, e.g. `http://127.0.0.1:41234`. */
export interface PartnerSite {
  url: string;
}

/**
 * Serves a partner's web site with `listener` on a free loopback port before the file's tests,
 * and closes it after them (before the hub and browser of {@link browserAndHub}, when that was
 * called first). Read `url` inside tests and hooks.
 */
export function partnerSite(listener: RequestListener): PartnerSite {
  const site = {} as PartnerSite;
  let server: Server | undefined;
  beforeAll(async () => {
    const started = createServer(listener);
    server = started;
    await new Promise<void>((resolve) => started.listen(0, '127.0.0.1', resolve));
    site.url = `http://127.0.0.1:${(started.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });
  return site;
}
