import { describe, expect, it } from 'vitest';
import { PIN_LONGEST_WAIT_MS, waitAfter, waitLeft } from './pin-attempts.js';

describe('waitAfter', () => {
  it('lets four wrong PINs pass, then waits 30 seconds and doubles for each one more', () => {
    expect([0, 1, 4].map(waitAfter)).toEqual([0, 0, 0]);
    expect([5, 6, 7, 8].map(waitAfter)).toEqual([30_000, 60_000, 120_000, 240_000]);
  });

  it('never waits longer than a quarter of an hour', () => {
    expect(waitAfter(10)).toBe(PIN_LONGEST_WAIT_MS);
    expect(waitAfter(1000)).toBe(PIN_LONGEST_WAIT_MS);
  });
});

describe('waitLeft', () => {
  it('counts down from the last wrong PIN', () => {
    const attempts = { failures: 6, lastFailureAt: 1_000_000 };
    expect(waitLeft(attempts, 1_000_000)).toBe(60_000);
    expect(waitLeft(attempts, 1_045_000)).toBe(15_000);
    expect(waitLeft(attempts, 1_060_000)).toBe(0);
    expect(waitLeft(undefined, 1_000_000)).toBe(0);
  });

  it('takes a clock set back as a full wait, not a longer one', () => {
    expect(waitLeft({ failures: 5, lastFailureAt: 2_000_000 }, 1_000_000)).toBe(30_000);
  });
});
