/**
 * One sum that holds between cells of a report: the cell at `total` is the sum of the cells at
 * `parts`. `complements` lists, in order of preference, the groups of cells that may be suppressed
 * to protect a suppressed cell of this sum; a member of the sum in none of them (the `all` row of
 * a split, say) is hidden only when nothing else can protect the cell.
 */
export interface CellSum {
  total: number;
  parts: readonly number[];
  complements: readonly (readonly number[])[];
}

/** One sum over the suppressed cells: Σ coefficient × cell = constant. */
interface Linear {
  coefficients: Map<number, number>;
  constant: number;
}

const EPSILON = 1e-7;

/**
 * The suppressed cells whose value a reader could work out from the published cells and the
 * sums, knowing that every suppressed cell counts at least 1 (zeros are published, so a
 * suppressed cell is never 0). A cell counts as worked out when it takes one value only over all
 * solutions of the sums with every suppressed cell ≥ 1 (an interval audit: its smallest and
 * largest possible values are the same).
 *
 * Per independent system of sums: the true values are one solution; a suppressed cell can move
 * only along a direction `d` that keeps every sum (`A·d = 0`) and does not lower a cell already
 * at 1. One linear programme finds which cells at 1 can rise; the cells that cannot are fixed at
 * 1, and a cell of any other value is fixed when the sums together with those fixed cells pin it
 * down (it is in their row space). Both are the same as comparing each cell's minimum and maximum,
 * with two linear programmes less per cell.
 *
 * @example
 * const sums = [{ total: 0, parts: [1, 2, 3], complements: [] }];
 * determinedCells([7, 5, 1, 1], [false, false, true, true], sums);
 * // [2, 3]: 7 = 5 + a + b with a, b ≥ 1 leaves a = b = 1
 */
export function determinedCells(
  values: readonly number[],
  suppressed: readonly boolean[],
  sums: readonly CellSum[],
): number[] {
  return auditSystems(values, suppressed, sums)
    .flat()
    .sort((a, b) => a - b);
}

/** `sum` over the suppressed cells, the published ones moved to the constant. */
function linear(values: readonly number[], suppressed: readonly boolean[], sum: CellSum): Linear {
  const coefficients = new Map<number, number>();
  let constant = 0;
  const add = (cell: number, sign: number) => {
    if (suppressed[cell]) coefficients.set(cell, (coefficients.get(cell) ?? 0) + sign);
    else constant -= sign * values[cell]!;
  };
  add(sum.total, 1);
  for (const part of sum.parts) add(part, -1);
  for (const [cell, coefficient] of coefficients) {
    if (coefficient === 0) coefficients.delete(cell);
  }
  return { coefficients, constant };
}

/**
 * The pinned-down cells of each independent system of sums that has any (ascending, systems in
 * the order of their first such cell).
 */
function auditSystems(
  values: readonly number[],
  suppressed: readonly boolean[],
  sums: readonly CellSum[],
): number[][] {
  const equations: Linear[] = [];
  for (const sum of sums) {
    if (!suppressed[sum.total] && !sum.parts.some((part) => suppressed[part])) continue;
    const equation = linear(values, suppressed, sum);
    if (equation.coefficients.size > 0) equations.push(equation);
  }

  // Independent systems: suppressed cells linked by the sums they share.
  const parent = new Map<number, number>();
  const find = (cell: number): number => {
    let root = cell;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(cell, root);
    return root;
  };
  for (const equation of equations) {
    for (const cell of equation.coefficients.keys()) if (!parent.has(cell)) parent.set(cell, cell);
  }
  for (const equation of equations) {
    const [first, ...rest] = [...equation.coefficients.keys()];
    for (const cell of rest) parent.set(find(cell), find(first!));
  }
  const systems = new Map<number, { cells: number[]; equations: Linear[] }>();
  for (const cell of parent.keys()) {
    const root = find(cell);
    const system = systems.get(root);
    if (system) system.cells.push(cell);
    else systems.set(root, { cells: [cell], equations: [] });
  }
  for (const equation of equations) {
    systems.get(find(equation.coefficients.keys().next().value!))!.equations.push(equation);
  }

  const found: number[][] = [];
  for (const system of systems.values()) {
    const determined = determinedIn(
      values,
      system.cells.sort((a, b) => a - b),
      system.equations,
    );
    if (determined.length > 0) found.push(determined);
  }
  return found.sort((a, b) => a[0]! - b[0]!);
}

function determinedIn(
  values: readonly number[],
  columns: readonly number[],
  system: readonly Linear[],
): number[] {
  // Every direction d with A·d = 0 is N·z: one column of N per free column of A's reduced row
  // echelon form.
  const width = columns.length;
  const index = new Map(columns.map((cell, i) => [cell, i]));
  const matrix = system.map((equation) => {
    const row = new Float64Array(width);
    for (const [cell, coefficient] of equation.coefficients) row[index.get(cell)!] = coefficient;
    return row;
  });
  const pivotOf = reduce(matrix, width);
  const free: number[] = [];
  for (let c = 0; c < width; c++) if (!pivotOf.has(c)) free.push(c);
  // Row i of N: how cell i moves with each free cell.
  const moves = columns.map((_, i) => {
    const row = new Float64Array(free.length);
    const pivotRow = pivotOf.get(i);
    free.forEach((f, k) => {
      row[k] = f === i ? 1 : pivotRow === undefined ? 0 : -matrix[pivotRow]![f]!;
    });
    return row;
  });

  // Cells at 1 can only rise. Which of them can: maximise Σ tⱼ with tⱼ ≤ (N·z)ⱼ, tⱼ ≤ 1 (the
  // others may move either way); each that can rise at all reaches tⱼ = 1.
  const atOne = columns.flatMap((cell, i) => (values[cell] === 1 ? [i] : []));
  const rising = new Set<number>();
  // First the easy ones: a direction along one free cell (either way) that lowers no cell at 1
  // not yet known to rise. A cell known to rise can be made to rise enough to make up for any
  // small fall, so it no longer counts against a direction.
  let grew = true;
  while (grew) {
    grew = false;
    for (let k = 0; k < free.length; k++) {
      for (const sign of [1, -1]) {
        const lifts = atOne.filter((i) => !rising.has(i) && sign * moves[i]![k]! > EPSILON);
        if (lifts.length === 0) continue;
        if (atOne.some((i) => !rising.has(i) && sign * moves[i]![k]! < -EPSILON)) continue;
        for (const i of lifts) rising.add(i);
        grew = true;
      }
    }
  }
  const open = atOne.filter((i) => !rising.has(i));
  if (open.length > 0) for (const i of canRise(moves, open, free.length)) rising.add(i);
  const stuck = atOne.filter((i) => !rising.has(i));

  // With the stuck cells held at 1, a cell is pinned down when its row of N is a combination of
  // theirs: no direction left moves it.
  const held = stuck.map((i) => Float64Array.from(moves[i]!));
  const heldPivots = reduce(held, free.length);
  const determined: number[] = [];
  columns.forEach((cell, i) => {
    if (rising.has(i)) return;
    const rest = Float64Array.from(moves[i]!);
    for (const [column, row] of heldPivots) {
      const factor = rest[column]!;
      if (Math.abs(factor) < EPSILON) continue;
      const pivotRow = held[row]!;
      for (let j = 0; j < rest.length; j++) rest[j]! -= factor * pivotRow[j]!;
    }
    if (rest.every((v) => Math.abs(v) < EPSILON)) determined.push(cell);
  });
  return determined;
}

/**
 * Brings `matrix` to reduced row echelon form in place and returns its pivots: column → row.
 */
function reduce(matrix: Float64Array[], width: number): Map<number, number> {
  const pivots = new Map<number, number>();
  let r = 0;
  for (let c = 0; c < width && r < matrix.length; c++) {
    let best = r;
    for (let i = r + 1; i < matrix.length; i++) {
      if (Math.abs(matrix[i]![c]!) > Math.abs(matrix[best]![c]!)) best = i;
    }
    if (Math.abs(matrix[best]![c]!) < EPSILON) continue;
    [matrix[r], matrix[best]] = [matrix[best]!, matrix[r]!];
    const pivotRow = matrix[r]!;
    const pivot = pivotRow[c]!;
    for (let j = c; j < width; j++) pivotRow[j]! /= pivot;
    pivotRow[c] = 1;
    for (let i = 0; i < matrix.length; i++) {
      if (i === r) continue;
      const row = matrix[i]!;
      const factor = row[c]!;
      if (Math.abs(factor) < EPSILON) continue;
      for (let j = c; j < width; j++) row[j]! -= factor * pivotRow[j]!;
      row[c] = 0;
    }
    pivots.set(c, r);
    r++;
  }
  return pivots;
}

/**
 * Which of the cells `atOne` (indices into `moves`) can rise along some direction N·z that
 * lowers none of them: the linear programme max Σ tⱼ, tⱼ − (N·z)ⱼ ≤ 0, tⱼ ≤ 1, t ≥ 0, z free
 * (as z⁺ − z⁻), by the simplex method on a dense tableau.
 * The slack columns are the first basis, at 0 and 1: no first phase is needed.
 */
function canRise(moves: readonly Float64Array[], atOne: readonly number[], k: number): Set<number> {
  const m = atOne.length;
  // Columns: z⁺ (k), z⁻ (k), t (m), slack of tⱼ ≤ (N·z)ⱼ (m), slack of tⱼ ≤ 1 (m), right side.
  const n = 2 * k + 3 * m;
  const tableau: Float64Array[] = [];
  const basis: number[] = [];
  atOne.forEach((cell, j) => {
    const row = new Float64Array(n + 1);
    for (let c = 0; c < k; c++) {
      row[c] = -moves[cell]![c]!;
      row[k + c] = moves[cell]![c]!;
    }
    row[2 * k + j] = 1;
    row[2 * k + m + j] = 1;
    tableau.push(row);
    basis.push(2 * k + m + j);
  });
  atOne.forEach((_, j) => {
    const row = new Float64Array(n + 1);
    row[2 * k + j] = 1;
    row[2 * k + 2 * m + j] = 1;
    row[n] = 1;
    tableau.push(row);
    basis.push(2 * k + 2 * m + j);
  });
  // Reduced costs of maximising Σ t: the objective row holds c − c_B·B⁻¹A, negated value last.
  const cost = new Float64Array(n + 1);
  for (let j = 0; j < m; j++) cost[2 * k + j] = 1;

  let stalled = 0;
  for (;;) {
    // The steepest reduced cost; Bland's first improving column after a run of pivots that
    // gained nothing, which cannot cycle.
    let entering = -1;
    for (let c = 0; c < n; c++) {
      if (cost[c]! <= EPSILON) continue;
      if (entering < 0 || (stalled < 50 && cost[c]! > cost[entering]!)) entering = c;
      if (stalled >= 50) break;
    }
    if (entering < 0) break;
    let leaving = -1;
    let ratio = Infinity;
    for (let r = 0; r < tableau.length; r++) {
      const a = tableau[r]![entering]!;
      if (a <= EPSILON) continue;
      const q = tableau[r]![n]! / a;
      if (q < ratio - EPSILON || (Math.abs(q - ratio) <= EPSILON && basis[r]! < basis[leaving]!)) {
        ratio = q;
        leaving = r;
      }
    }
    // Unreachable: Σ t is at most m.
    if (leaving < 0) throw new Error('The suppression audit found no bound');
    const pivotRow = tableau[leaving]!;
    const pivot = pivotRow[entering]!;
    for (let j = 0; j <= n; j++) pivotRow[j]! /= pivot;
    for (const row of [...tableau, cost]) {
      if (row === pivotRow) continue;
      const factor = row[entering]!;
      if (Math.abs(factor) < EPSILON) continue;
      for (let j = 0; j <= n; j++) row[j]! -= factor * pivotRow[j]!;
    }
    basis[leaving] = entering;
    stalled = ratio < EPSILON ? stalled + 1 : 0;
  }

  const rising = new Set<number>();
  basis.forEach((column, r) => {
    const j = column - 2 * k;
    if (j >= 0 && j < m && tableau[r]![n]! > 0.5) rising.add(atOne[j]!);
  });
  return rising;
}

/**
 * Which cells to suppress so that no published count is between 1 and `minCellSize − 1`, and no
 * suppressed count can be worked out from the published ones and the sums that hold between the
 * cells. A zero is always published: it is nobody, and it is never hidden to protect another cell.
 *
 * 1. Primary suppression: every cell from 1 to `minCellSize − 1`.
 * 2. Complementary suppression, quickly: while some sum has exactly one suppressed cell (that cell
 *    would be the total minus the others), suppress one more cell of that sum: the smallest
 *    non-zero published cell of its first complement group that has one (ties go to the cell
 *    listed first).
 * 3. Complementary suppression, audited: a reader knows that every suppressed cell is at least 1,
 *    and combines all the sums at once. While {@link determinedCells} finds suppressed cells
 *    whose value is pinned down, one more cell is suppressed for each of them, in order, unless a
 *    sum of it already had a cell suppressed in the same round (that may have freed it; the next
 *    round sees): the smallest non-zero published cell of a complement group of its own sums;
 *    failing that, of the sums linked to them through suppressed cells, nearest first. The
 *    `lastResort` cells (the `all` row of a split) are first protected this way on their own
 *    sums, with each other; then all sums are audited together and a `lastResort` cell is taken
 *    only when every other cell left is a zero or outside the complement groups: then the
 *    smallest non-zero published member of those sums at all. One is always found: a system whose
 *    published cells are all zero pins nothing down (doubling a solution gives another).
 *
 * Each step suppresses a cell that stays suppressed, so it ends. The result depends only on the
 * values and the order of the sums, so the same data always gives the same cells.
 *
 * @example
 * suppressCells([12, 3, 9], [{ total: 0, parts: [1, 2], complements: [[1, 2]] }], 5);
 * // [false, true, true]: 3 is too small, and 9 goes with it, or 12 − 9 would give 3 away
 */
export function suppressCells(
  values: readonly number[],
  sums: readonly CellSum[],
  minCellSize: number,
  lastResort: ReadonlySet<number> = new Set(),
): boolean[] {
  const suppressed = values.map((value) => value > 0 && value < minCellSize);
  const candidate = (cell: number) => !suppressed[cell] && values[cell]! > 0;
  const smallest = (cells: Iterable<number>): number | undefined => {
    let best: number | undefined;
    for (const cell of cells) {
      if (!candidate(cell)) continue;
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
      // Left to the audit: it looks further than this sum.
      if (chosen === undefined) continue;
      suppressed[chosen] = true;
      changed = true;
    }
  }

  // The `lastResort` cells first, on their own sums, with each other; then everything together,
  // where a `lastResort` cell is hidden only when nothing else is left.
  const own = sums.filter((sum) => [sum.total, ...sum.parts].every((cell) => lastResort.has(cell)));
  if (own.length > 0) protect(own, true);
  protect(sums, false);
  return suppressed;

  function protect(sums: readonly CellSum[], amongLastResort: boolean) {
    const sumsOf = new Map<number, CellSum[]>();
    for (const sum of sums) {
      for (const cell of [sum.total, ...sum.parts]) {
        const list = sumsOf.get(cell);
        if (list) list.push(sum);
        else sumsOf.set(cell, [sum]);
      }
    }
    // The sums around `cell`, in layers: its own, then those its own reach through suppressed cells.
    const layersFrom = (cell: number): CellSum[][] => {
      const layers: CellSum[][] = [];
      const seenSums = new Set<CellSum>();
      const seenCells = new Set([cell]);
      let frontier = [cell];
      while (frontier.length > 0) {
        const layer: CellSum[] = [];
        const next: number[] = [];
        for (const from of frontier) {
          for (const sum of sumsOf.get(from) ?? []) {
            if (seenSums.has(sum)) continue;
            seenSums.add(sum);
            layer.push(sum);
            for (const member of [sum.total, ...sum.parts]) {
              if (suppressed[member] && !seenCells.has(member)) {
                seenCells.add(member);
                next.push(member);
              }
            }
          }
        }
        if (layer.length > 0) layers.push(layer);
        frontier = next;
      }
      return layers;
    };
    const complementFor = (cell: number): number | undefined => {
      const layers = layersFrom(cell);
      for (const layer of layers) {
        for (const sum of layer) {
          for (const group of sum.complements) {
            const chosen = smallest(
              amongLastResort ? group : group.filter((other) => !lastResort.has(other)),
            );
            if (chosen !== undefined) return chosen;
          }
        }
      }
      for (const layer of layers) {
        const chosen = smallest(layer.flatMap((sum) => [sum.total, ...sum.parts]));
        if (chosen !== undefined) return chosen;
      }
      return undefined;
    };

    // The independent systems of suppressed cells, each with the cells it pins down. After a
    // round only the systems its new suppressions joined are solved again.
    interface System {
      cells: number[];
      determined: number[];
    }
    const systemOf = new Map<number, System>();
    const solveFrom = (start: number) => {
      const cells = [start];
      const seenCells = new Set(cells);
      const seenSums = new Set<CellSum>();
      for (let i = 0; i < cells.length; i++) {
        for (const sum of sumsOf.get(cells[i]!) ?? []) {
          if (seenSums.has(sum)) continue;
          seenSums.add(sum);
          for (const member of [sum.total, ...sum.parts]) {
            if (!suppressed[member] || seenCells.has(member)) continue;
            seenCells.add(member);
            cells.push(member);
          }
        }
      }
      const equations = [...seenSums]
        .map((sum) => linear(values, suppressed, sum))
        .filter((equation) => equation.coefficients.size > 0);
      cells.sort((a, b) => a - b);
      const system = { cells, determined: determinedIn(values, cells, equations) };
      for (const cell of cells) systemOf.set(cell, system);
      return system;
    };
    for (const [cell, hidden] of suppressed.entries()) {
      if (hidden && !systemOf.has(cell)) solveFrom(cell);
    }

    // Each round protects every pinned-down cell, in order, none of whose sums has had a cell
    // hidden in the round already (that may have freed it: the next round sees).
    for (;;) {
      const determined = [...new Set(systemOf.values())]
        .flatMap((system) => system.determined)
        .sort((a, b) => a - b);
      if (determined.length === 0) return;
      const chosen = new Set<number>();
      const touched = new Set<CellSum>();
      for (const pinned of determined) {
        if ((sumsOf.get(pinned) ?? []).some((sum) => touched.has(sum))) continue;
        const cell = complementFor(pinned);
        // Unreachable: a system whose published cells are all zero pins nothing down.
        if (cell === undefined) throw new Error('No cell left to protect a suppressed count');
        chosen.add(cell);
        for (const sum of sumsOf.get(cell) ?? []) touched.add(sum);
        for (const sum of sumsOf.get(pinned) ?? []) touched.add(sum);
      }
      for (const cell of chosen) suppressed[cell] = true;
      const solved = new Set<System>();
      for (const cell of chosen) {
        const current = systemOf.get(cell);
        if (current === undefined || !solved.has(current)) solved.add(solveFrom(cell));
      }
    }
  }
}
