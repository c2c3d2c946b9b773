import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gzipSizeOfFile, gzipSizeOfImport } from './support/bundle-size.js';

// Size ceilings, set just above the measured size and lowered as things shrink. A rise past a
// ceiling fails the suite: find what grew before raising it.
const KB = 1024;

const appScripts = (app: string) => {
  const dir = new URL(`../packages/${app}/dist/assets/`, import.meta.url);
  return readdirSync(dir)
    .filter((file) => file.endsWith('.js'))
    .reduce((sum, file) => sum + gzipSizeOfFile(new URL(file, dir)), 0);
};

describe('size budgets (gzip)', () => {
  it('the CDN embed bundle, with Lit, validation and both languages', () => {
    const size = gzipSizeOfFile(
      new URL('../packages/elements/dist/cdn/stue-embed.js', import.meta.url),
    );
    expect(size).toBeLessThanOrEqual(24.5 * KB);
  });

  it('@stue/core for a browser that only validates and submits nominations', async () => {
    const size = await gzipSizeOfImport(
      `import { nominationSchema, submitNomination, validate } from '@stue/core';
       console.log(nominationSchema, submitNomination, validate);`,
    );
    expect(size).toBeLessThanOrEqual(9.25 * KB);
  });

  it('@stue/core tree-shakes to its ids alone when only ids are used', async () => {
    const size = await gzipSizeOfImport(
      `import { newId } from '@stue/core'; console.log(newId());`,
    );
    expect(size).toBeLessThanOrEqual(0.75 * KB);
  });

  it.each([
    ['kiosk', 9.25 * KB],
    ['console', 10 * KB],
  ])('the %s app’s scripts', (app, ceiling) => {
    expect(appScripts(app)).toBeLessThanOrEqual(ceiling);
  });
});
