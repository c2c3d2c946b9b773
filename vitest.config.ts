import { defineConfig } from 'vitest/config';

// Unit tests of every package, run in Node. Browser tests (*.browser.test.ts) run in
// @web/test-runner, journeys in test/ with their own config.
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts'],
    exclude: ['**/*.browser.test.ts', '**/node_modules/**', '**/dist/**'],
    globalSetup: ['./test/support/vitest-global-setup.ts'],
  },
});
