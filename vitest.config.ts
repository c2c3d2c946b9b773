import { defineConfig } from 'vitest/config';

// Unit tests of every package and of the tools, run in Node. Browser tests (*.browser.test.ts)
// run in @web/test-runner, journeys in test/ with their own config.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'tools/**/*.test.ts'],
    exclude: ['**/*.browser.test.ts', '**/node_modules/**', '**/dist/**'],
    globalSetup: ['./test/support/vitest-global-setup.ts'],
    // The hub's tests hash passwords at a low cost (production's is fixed in code, not settable).
    setupFiles: ['./packages/hub/src/setup.test-support.ts'],
    // Hub tests sign in (scrypt) and commit to a real database; on a busy two-core machine that
    // takes seconds. A limit is a guard against a hang, not a measure of speed.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
