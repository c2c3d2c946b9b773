// The OpenAPI document as tools read it: Redocly's linter, and a client generated from it with
// openapi-typescript that must accept every example body of the document and the smallest
// nomination docs/api.md shows, typed as requests.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, testHub } from '../helpers.test-support.js';

const run = promisify(execFile);
const root = new URL('../../../../', import.meta.url).pathname;
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

interface Operation {
  requestBody?: { content: Record<string, { example?: unknown }> };
}

// Each check starts a tool or a TypeScript program (seconds each, more on a busy machine).
const TOOL_TIMEOUT_MS = 60_000;

let dir: string;
let document: { paths: Record<string, Record<string, Operation>> };

beforeAll(async () => {
  const hub = await testHub();
  document = await json(await hub.app.request('/api/v1/openapi.json'));
  await hub.db.destroy();
  dir = mkdtempSync(join(tmpdir(), 'stue-openapi-'));
  writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
  await run(bin('openapi-typescript'), [join(dir, 'openapi.json'), '-o', join(dir, 'api.d.ts')]);
}, TOOL_TIMEOUT_MS);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The type errors of `source` (a module next to the generated `api.d.ts`), as text. */
function typeErrors(source: string): string[] {
  const file = join(dir, `fixture-${Math.random().toString(36).slice(2)}.ts`);
  writeFileSync(file, source);
  const program = ts.createProgram([file], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: false,
    types: [],
  });
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

/** The JSON block after the `<!-- minimal-nomination … -->` marker in docs/api.md. */
function minimalNomination(): unknown {
  const text = readFileSync(join(root, 'docs/api.md'), 'utf8');
  const match = /<!-- minimal-nomination\b[^>]*-->\s*```json\n([\s\S]*?)\n```/.exec(text);
  if (!match) throw new Error('docs/api.md has no minimal-nomination block');
  return JSON.parse(match[1]!);
}

const body = (path: string, method: string) =>
  `NonNullable<paths[${JSON.stringify(path)}][${JSON.stringify(method)}]['requestBody']>['content']['application/json']`;

describe('the OpenAPI document, as tools read it', { timeout: TOOL_TIMEOUT_MS }, () => {
  it('passes redocly lint with no error or warning', async () => {
    const config = join(root, 'redocly.yaml');
    const { stdout } = await run(bin('redocly'), [
      'lint',
      join(dir, 'openapi.json'),
      `--config=${config}`,
      '--format=json',
    ]).catch((error: { stdout: string }) => error);
    const { totals } = JSON.parse(stdout) as { totals: { errors: number; warnings: number } };
    expect(totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('gives a generated client types that accept every example body as a request', () => {
    const writes = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => operation.requestBody !== undefined)
        .map(([method, operation]) => ({
          path,
          method,
          example: operation.requestBody!.content['application/json']!.example,
        })),
    );
    expect(writes.length).toBeGreaterThan(20);
    const source = [
      "import type { paths } from './api.js';",
      ...writes.map(
        ({ path, method, example }, i) =>
          `export const body${i}: ${body(path, method)} = ${JSON.stringify(example)};`,
      ),
    ].join('\n');
    expect(typeErrors(source)).toEqual([]);
  });

  it('gives a generated client a nomination type the smallest body in docs/api.md satisfies', () => {
    const minimal = minimalNomination();
    const source = [
      "import type { paths } from './api.js';",
      `export const body: ${body('/api/v1/nominations', 'post')} = ${JSON.stringify(minimal)};`,
    ].join('\n');
    expect(typeErrors(source)).toEqual([]);
  });

  it('gives a generated client a nomination type that refuses a body without its host', () => {
    const { host: _, ...withoutHost } = minimalNomination() as Record<string, unknown>;
    const source = [
      "import type { paths } from './api.js';",
      `export const body: ${body('/api/v1/nominations', 'post')} = ${JSON.stringify(withoutHost)};`,
    ].join('\n');
    expect(typeErrors(source).join('\n')).toContain("'host'");
  });
});
