/**
 * How long to wait before the next attempt after `failures` consecutive retryable failures:
 * capped exponential backoff with full jitter (a uniformly random delay between 0 and
 * `min(capMs, baseMs × 2^(failures − 1))`). Full jitter spreads a fleet of tablets that lost the
 * hub at the same moment, so they do not all come back in the same second.
 *
 * @example
 * backoffDelay(3, { baseMs: 1000, capMs: 300_000 }, Math.random); // somewhere in [0, 4000)
 */
export function backoffDelay(
  failures: number,
  { baseMs, capMs }: { baseMs: number; capMs: number },
  random: () => number,
): number {
  // The exponent is bounded so that a tablet offline for a month does not overflow to Infinity.
  const ceiling = Math.min(capMs, baseMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
  return Math.floor(Math.min(Math.max(random(), 0), 1) * ceiling);
}
