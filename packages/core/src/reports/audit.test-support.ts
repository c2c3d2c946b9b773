import { solve, type Coefficients, type Constraint } from 'yalps';
import { municipalityByCode } from '../geo/municipalities.js';
import type { FeedbackInstrument } from '../feedback/instrument.js';
import { reportMeasures } from './measures.js';
import type { ReportRow } from './report-row.js';

/** A sum a reader of published reports knows holds: `total` = Σ `parts`, by cell id. */
export interface KnownSum {
  total: string;
  parts: string[];
}

export const cellId = (row: Pick<ReportRow, 'grouping' | 'measure'>) =>
  `${row.grouping.kind}:${row.grouping.key}|${row.measure}`;

/**
 * Every sum a reader can set up from the rows of one or more reports of the same month, knowing
 * only how reports are made (docs/reports.md): each group's parts against its total, each
 * measure's groups against the `all` row, and municipalities within their region. A group that is
 * not listed counted nothing, so it is left out of a sum.
 */
export function knownSums(rows: readonly ReportRow[], instrument: FeedbackInstrument): KnownSum[] {
  const { measures, sums } = reportMeasures(instrument);
  const present = new Set(rows.map(cellId));
  const groups = new Map<string, { kind: string; key: string }>();
  for (const row of rows) groups.set(`${row.grouping.kind}:${row.grouping.key}`, row.grouping);
  const id = (group: { kind: string; key: string }, measure: string) =>
    `${group.kind}:${group.key}|${measure}`;
  const known: KnownSum[] = [];
  for (const group of groups.values()) {
    for (const sum of sums) {
      const total = id(group, sum.total);
      if (present.has(total)) known.push({ total, parts: sum.parts.map((p) => id(group, p)) });
    }
  }
  for (const measure of measures) {
    if (measure.kind !== 'count') continue;
    const total = id({ kind: 'all', key: 'all' }, measure.id);
    for (const kind of ['municipality', 'region', 'partner', 'musician', 'programme']) {
      const parts = [...groups.values()]
        .filter((g) => g.kind === kind)
        .map((g) => id(g, measure.id))
        .filter((cell) => present.has(cell));
      if (parts.length > 0) known.push({ total, parts });
    }
    // A municipality report lists every municipality with records; without one, nothing is known.
    const municipalities = [...groups.values()].some((g) => g.kind === 'municipality');
    if (!municipalities) continue;
    for (const region of [...groups.values()].filter((g) => g.kind === 'region')) {
      const parts = [...groups.values()]
        .filter(
          (g) => g.kind === 'municipality' && municipalityByCode(g.key)?.region === region.key,
        )
        .map((g) => id(g, measure.id))
        .filter((cell) => present.has(cell));
      known.push({ total: id(region, measure.id), parts });
    }
  }
  return known;
}

/**
 * The suppressed cells a reader can work out exactly from the published ones by adding and
 * subtracting along `sums` (linear algebra, ignoring that counts are whole and not negative):
 * the rule suppression followed while zeros were hidden too.
 * Sums are split into independent systems first, then each is brought to reduced row echelon
 * form: a suppressed cell is determined when its pivot row has no free cell in it.
 */
export function recoverableCells(rows: readonly ReportRow[], sums: readonly KnownSum[]): string[] {
  const published = new Map<string, number>();
  const hidden = new Set<string>();
  for (const row of rows) {
    if (row.measure.endsWith('-median')) continue;
    if (row.suppressed) hidden.add(cellId(row));
    else published.set(cellId(row), row.value!);
  }
  // A cell in no row of any report counted nothing: it is a known zero.
  const equations = sums
    .map((sum) => {
      const coefficients = new Map<string, number>();
      let constant = 0;
      const add = (cell: string, sign: number) => {
        if (hidden.has(cell)) coefficients.set(cell, (coefficients.get(cell) ?? 0) + sign);
        else constant -= sign * (published.get(cell) ?? 0);
      };
      add(sum.total, 1);
      for (const part of sum.parts) add(part, -1);
      return { coefficients, constant };
    })
    .filter((equation) => equation.coefficients.size > 0);

  // Union-find over the hidden cells the equations link.
  const parent = new Map<string, string>();
  const find = (cell: string): string => {
    let root = cell;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(cell, root);
    return root;
  };
  for (const cell of hidden) parent.set(cell, cell);
  for (const equation of equations) {
    const [first, ...rest] = [...equation.coefficients.keys()];
    for (const cell of rest) parent.set(find(cell), find(first!));
  }
  const systems = new Map<string, typeof equations>();
  for (const equation of equations) {
    const root = find([...equation.coefficients.keys()][0]!);
    systems.set(root, [...(systems.get(root) ?? []), equation]);
  }

  const recovered: string[] = [];
  for (const system of systems.values()) {
    const columns = [...new Set(system.flatMap((e) => [...e.coefficients.keys()]))];
    const matrix = system.map((e) => columns.map((cell) => e.coefficients.get(cell) ?? 0));
    const pivots: { row: number; column: number }[] = [];
    let r = 0;
    for (let c = 0; c < columns.length && r < matrix.length; c++) {
      let best = r;
      for (let i = r + 1; i < matrix.length; i++) {
        if (Math.abs(matrix[i]![c]!) > Math.abs(matrix[best]![c]!)) best = i;
      }
      if (Math.abs(matrix[best]![c]!) < 1e-9) continue;
      [matrix[r], matrix[best]] = [matrix[best]!, matrix[r]!];
      const pivot = matrix[r]![c]!;
      matrix[r] = matrix[r]!.map((v) => v / pivot);
      for (let i = 0; i < matrix.length; i++) {
        if (i === r) continue;
        const factor = matrix[i]![c]!;
        if (Math.abs(factor) < 1e-12) continue;
        matrix[i] = matrix[i]!.map((v, j) => v - factor * matrix[r]![j]!);
      }
      pivots.push({ row: r, column: c });
      r++;
    }
    const pivotColumns = new Set(pivots.map((p) => p.column));
    for (const { row, column } of pivots) {
      const free = matrix[row]!.some(
        (v, j) => j !== column && !pivotColumns.has(j) && Math.abs(v) > 1e-9,
      );
      if (!free) recovered.push(columns[column]!);
    }
  }
  return recovered;
}

/** A suppressed cell and the smallest and largest value a reader can find for it. */
export interface CellRange {
  cell: string;
  min: number;
  max: number;
}

/**
 * What a reader who knows that zeros are published can find out about each suppressed cell: the
 * smallest and largest whole number it can be, over every solution of `sums` with the published
 * cells as they are and every suppressed cell at least 1 (a suppressed cell is never 0). Each
 * bound is an integer programme of its own, solved on the system of sums the cell is in; `max`
 * is `Infinity` when nothing bounds the cell from above. A cell whose `min` is its `max` is given
 * away.
 */
export function cellRanges(rows: readonly ReportRow[], sums: readonly KnownSum[]): CellRange[] {
  const published = new Map<string, number>();
  const hidden = new Set<string>();
  for (const row of rows) {
    if (row.measure.endsWith('-median')) continue;
    if (row.suppressed) hidden.add(cellId(row));
    else published.set(cellId(row), row.value!);
  }
  // With every suppressed cell written as 1 + yᵢ (yᵢ ≥ 0 and whole): Σ ±yᵢ = constant.
  const equations = sums
    .map((sum) => {
      const coefficients = new Map<string, number>();
      let constant = 0;
      const add = (cell: string, sign: number) => {
        if (hidden.has(cell)) {
          coefficients.set(cell, (coefficients.get(cell) ?? 0) + sign);
          constant -= sign;
        } else constant -= sign * (published.get(cell) ?? 0);
      };
      add(sum.total, 1);
      for (const part of sum.parts) add(part, -1);
      return { coefficients, constant };
    })
    .filter((equation) => equation.coefficients.size > 0);
  // Each cell's system: the equations linked to it through shared cells.
  const parent = new Map<string, string>();
  const find = (cell: string): string => {
    let root = cell;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(cell, root);
    return root;
  };
  for (const cell of hidden) parent.set(cell, cell);
  for (const equation of equations) {
    const [first, ...rest] = [...equation.coefficients.keys()];
    for (const cell of rest) parent.set(find(cell), find(first!));
  }
  const systems = new Map<string, typeof equations>();
  for (const equation of equations) {
    const root = find(equation.coefficients.keys().next().value!);
    systems.set(root, [...(systems.get(root) ?? []), equation]);
  }
  const reach = (cell: string) => systems.get(find(cell)) ?? [];
  const ranges: CellRange[] = [];
  for (const cell of hidden) {
    const system = reach(cell);
    const constraints = new Map<string, Constraint>(
      system.map((equation, i) => [`e${i}`, { equal: equation.constant }]),
    );
    const variables = new Map<string, Coefficients>();
    const cells = new Set(system.flatMap((equation) => [...equation.coefficients.keys()]));
    cells.add(cell);
    for (const other of cells) {
      const coefficients: [string, number][] = [];
      system.forEach((equation, i) => {
        const coefficient = equation.coefficients.get(other);
        if (coefficient) coefficients.push([`e${i}`, coefficient]);
      });
      if (other === cell) coefficients.push(['target', 1]);
      variables.set(other, coefficients);
    }
    const bound = (direction: 'minimize' | 'maximize') => {
      const solution = solve(
        { direction, objective: 'target', constraints, variables, integers: true },
        { maxPivots: 1 << 20 },
      );
      if (solution.status === 'unbounded') return Infinity;
      if (solution.status !== 'optimal') throw new Error(`${cell}: ${solution.status}`);
      return 1 + Math.round(solution.result);
    };
    ranges.push({ cell, min: bound('minimize'), max: bound('maximize') });
  }
  return ranges;
}

/** The suppressed cells {@link cellRanges} finds one value for. */
export const pinnedCells = (rows: readonly ReportRow[], sums: readonly KnownSum[]): string[] =>
  cellRanges(rows, sums)
    .filter((range) => range.min === range.max)
    .map((range) => range.cell);
