// The hub's folder graph: which folder of packages/hub/src imports which, and the cycles in it.
// `node tools/folder-cycles.ts` prints the edges and every cycle; `--json` prints
// `{edges, cycles}` for packages/hub/src/architecture.test.ts. Test files and test helpers are
// left out: they are not shipped, and a test may reach across folders to set a scene. A file of src
// itself (app.ts, index.ts) counts as a node of its own.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../packages/hub/src');

/** The files `tsconfig.build.json` leaves out of the shipped hub. */
const isTestFile = (path: string) => /\.test(-support)?\.ts$/.test(path);

/**
 * The top folder of a file under src. src's own files (app.ts, index.ts …) are each their own
 * node: they are the top that assembles the folders, not a folder of their own.
 */
function folderOf(file: string): string {
  const parts = relative(SRC, file).split(sep);
  return parts.length === 1 ? (parts[0] ?? '').replace(/\.[jt]s$/, '.ts') : (parts[0] ?? '');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !isTestFile(path) ? [path] : [];
  });
}

// `import … from './x.js'`, `export … from './x.js'`, `import('./x.js')`, `import './x.js'`.
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** Folder → the folders it imports (a folder importing itself is not an edge). */
export function folderEdges(): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    const targets = edges.get(from) ?? new Set<string>();
    edges.set(from, targets);
    for (const match of readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
      const to = folderOf(resolve(dirname(file), match[1] ?? ''));
      if (to !== from) targets.add(to);
    }
  }
  return edges;
}

/**
 * Every elementary cycle of the graph, each listed once, starting at its smallest folder name
 * (a walk from each folder that only visits folders after it).
 */
export function cycles(edges: Map<string, Set<string>>): string[][] {
  const nodes = [...edges.keys()].sort();
  const found: string[][] = [];
  for (const start of nodes) {
    const walk = (node: string, path: string[]) => {
      for (const next of edges.get(node) ?? []) {
        if (next === start) found.push([...path]);
        else if (next > start && !path.includes(next)) walk(next, [...path, next]);
      }
    };
    walk(start, [start]);
  }
  return found;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const edges = folderEdges();
  const found = cycles(edges);
  if (process.argv.includes('--json')) {
    const plain = Object.fromEntries([...edges].map(([from, to]) => [from, [...to].sort()]));
    process.stdout.write(JSON.stringify({ edges: plain, cycles: found }));
  } else {
    for (const [from, to] of [...edges].sort())
      console.log(`${from} → ${[...to].sort().join(', ')}`);
    console.log(`\n${found.length} folder cycles`);
    for (const cycle of found) console.log(`  ${[...cycle, cycle[0]].join(' → ')}`);
  }
}
