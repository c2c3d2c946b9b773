import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ScheduleInput } from './model.js';
import { schedule } from './schedule.js';
import { bruteForceOptimum, instanceArb, violations } from './schedule.test-support.js';

// Shuffles with a seed from fast-check, so a failure can be replayed.
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

describe('schedule (properties)', () => {
  it('never breaks a window, a preference, a maximum or the travel time, and accounts for everyone', () => {
    fc.assert(
      fc.property(instanceArb(14, 5), (input) => {
        expect(violations(input, schedule(input))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every rule with no improvement and with a coarse grid as well', () => {
    fc.assert(
      fc.property(instanceArb(10, 4), fc.constantFrom(1, 10, 15, 30), (input, step) => {
        const greedy = schedule(input, { improvementRounds: 0, startStepMinutes: step });
        expect(violations(input, greedy, step)).toEqual([]);
        // Improving never loses a concert.
        const improved = schedule(input, { startStepMinutes: step });
        expect(improved.stats.concerts).toBeGreaterThanOrEqual(greedy.stats.concerts);
      }),
      { numRuns: 150 },
    );
  });

  it('gives the same plan for the same input, in any order', () => {
    fc.assert(
      fc.property(instanceArb(14, 5), fc.integer(), (input, seed) => {
        const first = schedule(input);
        expect(schedule(input)).toEqual(first);
        const reordered: ScheduleInput = {
          nominations: shuffled(input.nominations, seed),
          tourDays: shuffled(input.tourDays, seed + 1),
        };
        expect(schedule(reordered)).toEqual(first);
      }),
      { numRuns: 200 },
    );
  });

  it('finds the optimum of tiny plans: most concerts, fairest, least driving', () => {
    fc.assert(
      fc.property(instanceArb(5, 2), (input) => {
        const result = schedule(input);
        const optimum = bruteForceOptimum(input);
        expect(result.stats.concerts).toBe(optimum.concerts);
        expect(result.proposals.map((p) => p.nominationId).sort()).toEqual(optimum.placed);
        expect(result.stats.driveMinutes).toBe(optimum.driveMinutes);
      }),
      { numRuns: 200 },
    );
  });
});
