import { describe, expect, it } from 'vitest';
import { gzipSizeOfFile, gzipSizeOfImport } from './support/bundle-size.js';

// Size ceilings, set just above the measured size and lowered as things shrink. A rise past a
// ceiling fails the suite: find what grew before raising it.
const KB = 1024;

describe('size budgets (gzip)', () => {
  it('the CDN embed bundle, with Lit, validation and both languages', () => {
    const size = gzipSizeOfFile(
      new URL('../packages/elements/dist/cdn/stue-embed.js', import.meta.url),
    );
    expect(size).toBeLessThanOrEqual(16 * KB);
  });

  it('@stue/core for a browser that only submits nominations', async () => {
    const size = await gzipSizeOfImport(
      `import { nominationSchema, submitNomination, validate } from '@stue/core';
       console.log(nominationSchema, submitNomination, validate);`,
    );
    expect(size).toBeLessThanOrEqual(12 * KB);
  });

  it('@stue/core tree-shakes to almost nothing when only ids are used', async () => {
    const size = await gzipSizeOfImport(
      `import { newId } from '@stue/core'; console.log(newId());`,
    );
    expect(size).toBeLessThanOrEqual(1 * KB);
  });
});
