import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The folder graph comes from tools/folder-cycles.ts (run it for a readable listing).
const tool = fileURLToPath(new URL('../../../tools/folder-cycles.ts', import.meta.url));
const { edges, cycles } = JSON.parse(
  execFileSync(process.execPath, [tool, '--json'], { encoding: 'utf8' }),
) as { edges: Record<string, string[]>; cycles: string[][] };

// The floors every feature stands on. They may import each other, never a feature: a feature
// that one of them needed would then sit in a cycle with everything that uses it.
const LOWER = ['audit', 'db', 'http', 'internal'];

describe('the hub’s folders', () => {
  it('finds the folders it checks', () => {
    expect(Object.keys(edges)).toEqual(expect.arrayContaining([...LOWER, 'planning', 'partners']));
  });

  it('no folder imports a folder that imports it back, however far round', () => {
    expect(cycles.map((cycle) => [...cycle, cycle[0]].join(' → '))).toEqual([]);
  });

  it.each(LOWER)('%s/ imports no feature folder', (folder) => {
    expect((edges[folder] ?? []).filter((to) => !LOWER.includes(to))).toEqual([]);
  });
});

// A feature folder is a top folder that is not a floor, or a sub-feature of planning/
// (planning/bookings …; planning's own files are shared by its sub-features). From outside it,
// only its public files may be imported: `routes.ts`, `service.ts`, `index.ts` (what else it
// offers) and its guard `*-auth.ts`; `store.ts` and its helpers are its own (ADR 0012).
const SRC = fileURLToPath(new URL('.', import.meta.url));
const PUBLIC_FILE = /^(routes|service|index|[a-z-]+-auth)\.ts$/;
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

function featureOf(path: string): string | undefined {
  const parts = path.split(sep);
  const [top] = parts;
  if (parts.length === 1 || top === undefined || LOWER.includes(top)) return undefined;
  if (top === 'planning') return parts.length > 2 ? join(top, parts[1] ?? '') : undefined;
  return top;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /(?<!\.test(-support)?)\.ts$/.test(entry.name) ? [relative(SRC, path)] : [];
  });
}

/** Every import of a feature folder's own file from outside the folder: `from → to`. */
function privateImports(): string[] {
  return sourceFiles(SRC).flatMap((from) =>
    [...readFileSync(join(SRC, from), 'utf8').matchAll(SPECIFIER)].flatMap((match) => {
      const to = relative(SRC, resolve(SRC, dirname(from), match[1] ?? '')).replace(/\.js$/, '.ts');
      const feature = featureOf(to);
      if (feature === undefined || featureOf(from) === feature) return [];
      return PUBLIC_FILE.test(relative(feature, to)) ? [] : [`${from} → ${to}`];
    }),
  );
}

describe('the hub’s features', () => {
  it('are imported from outside only through their public files', () => {
    expect(privateImports()).toEqual([]);
  });

  it('sees an import of another feature’s store', () => {
    expect(featureOf(join('planning', 'bookings', 'store.ts'))).toBe(join('planning', 'bookings'));
    expect(featureOf(join('planning', 'records.ts'))).toBeUndefined();
    expect(PUBLIC_FILE.test('store.ts')).toBe(false);
    expect(PUBLIC_FILE.test('coordinator-auth.ts')).toBe(true);
  });
});
