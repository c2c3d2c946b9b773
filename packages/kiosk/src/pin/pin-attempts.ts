/** Wrong PINs allowed before the pad asks the musician to wait. */
export const PIN_FREE_TRIES = 5;

/** The first wait, after the fifth wrong PIN; each wrong PIN after that doubles it. */
export const PIN_FIRST_WAIT_MS = 30_000;

/** The longest wait: a musician who mistyped is never kept out for long. */
export const PIN_LONGEST_WAIT_MS = 15 * 60_000;

/** Wrong PINs in a row, as kept on the tablet (so a reload does not start the count again). */
export interface PinAttempts {
  failures: number;
  /** When the last wrong PIN was typed (epoch ms, the tablet's clock). */
  lastFailureAt: number;
}

/**
 * How long the pad stays closed after `failures` wrong PINs in a row: nothing for the first four,
 * 30 seconds after the fifth, then twice as long for each one more, up to 15 minutes. Nothing is
 * deleted however many there are: the wait is the only consequence.
 *
 * @example
 * waitAfter(4); // 0
 * waitAfter(5); // 30_000
 * waitAfter(7); // 120_000
 */
export function waitAfter(failures: number): number {
  if (failures < PIN_FREE_TRIES) return 0;
  return Math.min(PIN_FIRST_WAIT_MS * 2 ** (failures - PIN_FREE_TRIES), PIN_LONGEST_WAIT_MS);
}

/**
 * The wait left at `now`, in ms (0 when the pad is open). A clock set back, so that the last wrong
 * PIN seems to lie in the future, counts as a full wait from now, never as a longer one.
 */
export function waitLeft(attempts: PinAttempts | undefined, now = Date.now()): number {
  if (!attempts) return 0;
  const wait = waitAfter(attempts.failures);
  const since = Math.max(0, now - attempts.lastFailureAt);
  return Math.max(0, wait - since);
}
