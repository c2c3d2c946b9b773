import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// docs/glossary.md: one word per concept. Every word in its "not" columns is looked for in every
// catalogue a person reads (as the start of a word, in any case); none may be there.

const root = new URL('..', import.meta.url).pathname;

function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .filter((path) => keep(path) && !/\.test(-support)?\.ts$/.test(path));
}

const CATALOGUES = [
  'packages/kiosk/src/strings.ts',
  'packages/console/src/strings.ts',
  ...filesUnder('packages/console/src/strings', (path) => path.endsWith('.ts')),
  ...filesUnder('packages/elements/src', (path) => path.endsWith('.text.ts')),
  ...filesUnder('packages/core/src/validation/catalogue', (path) => path.endsWith('.ts')),
  ...filesUnder('packages/core/src/feedback', (path) => path.endsWith('.ts')),
  'packages/core/src/reports/measures.ts',
  'packages/hub/src/http/errors.ts',
];

/** The glossary's rows: concept, Danish, English, and the words to avoid in each language. */
function glossary(): { concept: string; avoid: { da: string[]; en: string[] } }[] {
  const text = readFileSync(join(root, 'docs/glossary.md'), 'utf8');
  const words = (cell: string) =>
    cell
      .split(',')
      .map((word) => word.trim())
      .filter(Boolean);
  return text
    .split('\n')
    .filter((line) => line.startsWith('| ') && !/^\| (Concept|-)/.test(line))
    .map((line) => line.split('|').map((cell) => cell.trim()))
    .map(([, concept = '', , , da = '', en = '']) => ({
      concept,
      avoid: { da: words(da), en: words(en) },
    }));
}

describe('docs/glossary.md', () => {
  it('lists the concepts, with the words to avoid for the musician’s form and the tablet', () => {
    const rows = glossary();
    expect(rows.length).toBeGreaterThanOrEqual(10);
    const avoided = rows.flatMap((row) => [...row.avoid.da, ...row.avoid.en]);
    expect(avoided).toEqual(expect.arrayContaining(['debriefing', 'efterbehandling', 'tilknyt']));
  });

  it('is followed by every Danish and English catalogue', () => {
    expect(CATALOGUES.length).toBeGreaterThan(15);
    const found: string[] = [];
    for (const file of CATALOGUES) {
      const lines = readFileSync(join(root, file), 'utf8').split('\n');
      for (const { concept, avoid } of glossary()) {
        for (const word of new Set([...avoid.da, ...avoid.en])) {
          const pattern = new RegExp(`(?<![\\p{L}])${word}`, 'iu');
          lines.forEach((line, i) => {
            // Comments for developers may name a word to say why it is not used.
            if (pattern.test(line) && !/^\s*(\/\/|\*|\/\*)/.test(line)) {
              found.push(`${file}:${i + 1}: "${word}" (${concept})`);
            }
          });
        }
      }
    }
    expect(found).toEqual([]);
  });
});
