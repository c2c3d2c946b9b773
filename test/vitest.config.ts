import { defineConfig } from 'vitest/config';

// Journeys across packages: a real hub process, a real browser. They run against the built
// packages (`pnpm build` first) and one at a time, since each starts its own hub and browser.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    // A step waits for what a person would wait for; a busy machine may take seconds.
    expect: { poll: { timeout: 10_000 } },
  },
});
