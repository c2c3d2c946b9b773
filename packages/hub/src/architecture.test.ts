import { execFileSync } from 'node:child_process';
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
