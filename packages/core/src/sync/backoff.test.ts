import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff.js';

describe('backoffDelay', () => {
  it('stays between 0 and min(cap, base × 2^(failures − 1))', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 1, max: 5_000 }),
        fc.integer({ min: 0, max: 3_600_000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (failures, baseMs, capMs, r) => {
          const delay = backoffDelay(failures, { baseMs, capMs }, () => r);
          const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(failures - 1, 30));
          return Number.isInteger(delay) && delay >= 0 && delay <= ceiling;
        },
      ),
    );
  });

  it('doubles its ceiling per failure until the cap', () => {
    const ceilings = [1, 2, 3, 4, 5, 6, 7].map((n) =>
      backoffDelay(n, { baseMs: 1000, capMs: 20_000 }, () => 1),
    );
    expect(ceilings).toEqual([1000, 2000, 4000, 8000, 16_000, 20_000, 20_000]);
    expect(backoffDelay(1_000_000, { baseMs: 1000, capMs: 20_000 }, () => 1)).toBe(20_000);
  });
});
