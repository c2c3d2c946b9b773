import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { docBlocks, parseArgs, tsBlocks, typeErrors } from './docs-ts.ts';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

/** docs/-like folder with one Markdown file. */
function docs(markdown: string): string {
  dir = mkdtempSync(join(tmpdir(), 'stue-docs-md-'));
  writeFileSync(join(dir, 'guide.md'), markdown);
  return dir;
}

describe('tools/docs-ts', () => {
  it('finds the ts blocks of a Markdown file, and only those, with their first line', () => {
    const blocks = tsBlocks(
      'docs/guide.md',
      [
        '# Guide',
        '',
        '```ts',
        'const a = 1;',
        '```',
        '',
        '```js',
        'x()',
        '```',
        '```ts',
        'b;',
        '```',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      { file: 'docs/guide.md', line: 4, code: 'const a = 1;', dom: false },
      { file: 'docs/guide.md', line: 11, code: 'b;', dom: false },
    ]);
  });

  it('passes a block that uses the built packages as their types say', () => {
    const blocks = docBlocks(
      docs(
        [
          '```ts',
          "import { newId } from '@stue/core';",
          "import { pages } from '@stue/core/client';",
          'const id: string = newId();',
          'void pages;',
          'void id;',
          '```',
        ].join('\n'),
      ),
    );
    expect(typeErrors(blocks)).toEqual([]);
  });

  it('reports a block that does not typecheck at its line in the Markdown', () => {
    const blocks = docBlocks(
      docs(
        [
          '# Sending',
          '',
          '```ts',
          "import { submitNomination } from '@stue/core/client';",
          '',
          "await submitNomination({ schemaVersion: 2 }, { api: 'https://stue.example.dk/', key: 'pk_x' });",
          '```',
        ].join('\n'),
      ),
    );
    const errors = typeErrors(blocks);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/guide\.md:6: Argument of type .* is not assignable/);
  });
  it('typechecks a block as Node code without the DOM, and with it when the fence says dom', () => {
    const browser = ["const form = document.querySelector('form');", 'void form;'];
    const blocks = docBlocks(
      docs(['```ts', ...browser, '```', '', '```ts dom', ...browser, '```'].join('\n')),
    );
    expect(blocks.map((block) => block.dom)).toEqual([false, true]);
    const errors = typeErrors(blocks);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/guide\.md:2: Cannot find name 'document'/);
  });
  it('reads --project, --resolution and --skip-lib-check, and refuses anything else', () => {
    expect(parseArgs([])).toEqual({});
    expect(
      parseArgs(['--project', '/tmp/app', '--resolution', 'bundler', '--skip-lib-check']),
    ).toEqual({ project: '/tmp/app', resolution: 'bundler', skipLibCheck: true });
    expect(() => parseArgs(['--resolution', 'node10', '--project', '/tmp/app'])).toThrow(
      /unknown argument --resolution/,
    );
    expect(() => parseArgs(['--resolution', 'bundler'])).toThrow(/need --project/);
  });
});
