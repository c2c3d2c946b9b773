import { chromium, type Browser } from 'playwright-core';

/**
 * How the machine's Chromium is started (Debian's by default; `CHROME_PATH` points elsewhere):
 * shared by the journeys, the browser test runner and the benchmarks, so that all measure and
 * test the same browser. Plain data, so that web-test-runner.config.js can import it too.
 */
export const CHROMIUM_LAUNCH_OPTIONS = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
};

/** Launches the machine's Chromium with {@link CHROMIUM_LAUNCH_OPTIONS}. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch(CHROMIUM_LAUNCH_OPTIONS);
}
