// Typechecks every ```ts block in docs/*.md against the built packages (`pnpm build` first), as
// a partner's TypeScript would see it: `@stue/…` resolves to the types each package exports.
// Each block is a module of its own, so a block must import what it uses.
//
//   pnpm test:docs        (node tools/docs-ts.ts; prints each error at its line in the .md)
//
// The exported functions are for tools/docs-ts.test.ts.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** One ```ts block: where it is, and its code. */
export interface DocBlock {
  /** The Markdown file, relative to the repository. */
  file: string;
  /** The line of the block's first line of code in that file (1-based). */
  line: number;
  code: string;
}

/** The ```ts blocks of `markdown`, with the line each starts on. */
export function tsBlocks(file: string, markdown: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i]!.trim() !== '```ts') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]!.trim() !== '```') end += 1;
    blocks.push({ file, line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return blocks;
}

/** Every ```ts block of the Markdown files in `dir` (the repository's docs/ unless given). */
export function docBlocks(dir = join(ROOT, 'docs')): DocBlock[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return tsBlocks(relative(ROOT, path), readFileSync(path, 'utf8'));
    });
}

/**
 * `paths` for the compiler: each `@stue/<package>` entry point (`exports` in its package.json) to
 * the types it is built with.
 */
function packagePaths(): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const dir of readdirSync(join(ROOT, 'packages'))) {
    let manifest: { name?: string; exports?: Record<string, unknown> };
    try {
      manifest = JSON.parse(readFileSync(join(ROOT, 'packages', dir, 'package.json'), 'utf8'));
    } catch {
      continue;
    }
    for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
      const types = (target as { types?: unknown }).types;
      if (!manifest.name || typeof types !== 'string') continue;
      const specifier = subpath === '.' ? manifest.name : `${manifest.name}${subpath.slice(1)}`;
      paths[specifier] = [join(ROOT, 'packages', dir, types)];
    }
  }
  return paths;
}

/** The type errors of `blocks`, each as `file:line: message` at its line in the Markdown. */
export function typeErrors(blocks: readonly DocBlock[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'stue-docs-ts-'));
  try {
    const files = blocks.map((block, index) => {
      const path = join(dir, `block-${index}.ts`);
      // `export {}` makes a block without imports a module too, so blocks never share names.
      writeFileSync(path, `${block.code}\nexport {};\n`);
      return path;
    });
    const program = ts.createProgram(files, {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2023.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      moduleDetection: ts.ModuleDetectionKind.Force,
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules', '@types')],
      paths: packagePaths(),
    });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
      const index = diagnostic.file ? files.indexOf(diagnostic.file.fileName) : -1;
      const block = blocks[index];
      if (!block || diagnostic.start === undefined) return message;
      const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start);
      return `${block.file}:${block.line + line}: ${message}`;
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const blocks = docBlocks();
  const errors = typeErrors(blocks);
  for (const error of errors) console.error(error);
  console.log(
    `docs: ${blocks.length} ts blocks typechecked against the built packages, ${errors.length} errors`,
  );
  process.exitCode = errors.length === 0 ? 0 : 1;
}
