/**
 * One sum that holds between cells of a report: the cell at `total` is the sum of the cells at
 * `parts`. `complements` lists, in order of preference, the groups of cells that may be suppressed
 * to protect a suppressed cell of this sum; the smallest value of the first group that has an
 * unsuppressed cell is taken.
 */
export interface CellSum {
  total: number;
  parts: readonly number[];
  complements: readonly (readonly number[])[];
}

/**
 * Which cells to suppress so that no published count is below `minCellSize` and no suppressed
 * count can be worked out by subtraction from a sum that holds between the cells.
 *
 * 1. Primary suppression: every cell with a value below `minCellSize` (zero included).
 * 2. Complementary suppression: while some sum has exactly one suppressed cell (that cell would be
 *    the total minus the others), suppress one more cell of that sum: the smallest unsuppressed
 *    cell of its first complement group that has one (ties go to the cell listed first), or, when
 *    none has, the smallest other unsuppressed cell of the sum. Each new suppression can leave
 *    another sum with exactly one, so this repeats until no sum does.
 *
 * It ends because each round suppresses a cell and none is ever published again. The result
 * depends only on the values and the order of the sums, so the same data always gives the same
 * cells.
 *
 * @example
 * suppressCells([12, 3, 9], [{ total: 0, parts: [1, 2], complements: [[1, 2]] }], 5);
 * // [false, true, true]: 3 is too small, and 9 goes with it, or 12 − 9 would give 3 away
 */
export function suppressCells(
  values: readonly number[],
  sums: readonly CellSum[],
  minCellSize: number,
): boolean[] {
  const suppressed = values.map((value) => value < minCellSize);
  const smallest = (cells: readonly number[]): number | undefined => {
    let best: number | undefined;
    for (const cell of cells) {
      if (suppressed[cell]) continue;
      if (best === undefined || values[cell]! < values[best]!) best = cell;
    }
    return best;
  };
  let changed = true;
  while (changed) {
    changed = false;
    for (const sum of sums) {
      const members = [sum.total, ...sum.parts];
      if (members.filter((cell) => suppressed[cell]).length !== 1) continue;
      let chosen: number | undefined;
      for (const group of sum.complements) {
        chosen = smallest(group);
        if (chosen !== undefined) break;
      }
      chosen ??= smallest(members);
      // A sum whose only other members are already suppressed has none left; it has two then.
      if (chosen === undefined) continue;
      suppressed[chosen] = true;
      changed = true;
    }
  }
  return suppressed;
}
