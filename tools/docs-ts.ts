// Typechecks every ```ts block in docs/*.md against the built packages (`pnpm build` first), as
// a partner's TypeScript would see it: `@stue/…` resolves to the types each package exports.
// Each block is a module of its own, so a block must import what it uses. A block is Node code
// (lib ES2023 and @types/node, no DOM) unless its fence says it runs in a browser: ```ts dom
// adds the DOM to its lib.
//
//   pnpm test:docs        (node tools/docs-ts.ts; prints each error at its line in the .md)
//   node tools/docs-ts.ts --project <dir> --resolution nodenext|bundler [--skip-lib-check]
//                         (against the packages installed in <dir>/node_modules, as a partner's
//                         strict project has them: test/pack/run.sh, after npm installs the
//                         tarballs there)
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
  /** The fence says ```ts dom: browser code, typechecked with the DOM's types. */
  dom: boolean;
}

/** How to typecheck: against the workspace's builds, or the packages installed in a folder. */
export interface CheckOptions {
  /**
   * A folder whose node_modules holds @stue/… and @types/node as npm installed them; the blocks
   * are typechecked there, libraries included (skipLibCheck: false). Without it: against the
   * workspace's builds.
   */
  project?: string;
  /** The module resolution of a `project` (default nodenext). */
  resolution?: 'nodenext' | 'bundler';
  /** Check only the blocks in a `project`, not the libraries' declarations (skipLibCheck). */
  skipLibCheck?: boolean;
}

/** The fence of a checked block: ```ts, or ```ts dom for browser code. */
const FENCE = /^```ts(?:\s+(dom))?$/;

/** The ```ts blocks of `markdown`, with the line each starts on. */
export function tsBlocks(file: string, markdown: string): DocBlock[] {
  const blocks: DocBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const fence = FENCE.exec(lines[i]!.trim());
    if (!fence) continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]!.trim() !== '```') end += 1;
    blocks.push({
      file,
      line: start + 1,
      code: lines.slice(start, end).join('\n'),
      dom: fence[1] === 'dom',
    });
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

/** The compiler options for `blocks` of one kind (Node, or browser with `dom`). */
function compilerOptions(dom: boolean, options: CheckOptions): ts.CompilerOptions {
  const lib = ['lib.es2023.d.ts', ...(dom ? ['lib.dom.d.ts', 'lib.dom.iterable.d.ts'] : [])];
  const common: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib,
    moduleDetection: ts.ModuleDetectionKind.Force,
    types: ['node'],
  };
  if (!options.project) {
    return {
      ...common,
      skipLibCheck: true,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      typeRoots: [join(ROOT, 'node_modules', '@types')],
      paths: packagePaths(),
    };
  }
  const bundler = options.resolution === 'bundler';
  return {
    ...common,
    target: ts.ScriptTarget.ES2023,
    skipLibCheck: options.skipLibCheck ?? false,
    module: bundler ? ts.ModuleKind.Preserve : ts.ModuleKind.NodeNext,
    moduleResolution: bundler ? ts.ModuleResolutionKind.Bundler : ts.ModuleResolutionKind.NodeNext,
    typeRoots: [join(options.project, 'node_modules', '@types')],
  };
}

/**
 * The type errors of `blocks`, each as `file:line: message` at its line in the Markdown. Node
 * blocks and `dom` blocks are two programs, so no Node block sees the DOM's types.
 */
export function typeErrors(blocks: readonly DocBlock[], options: CheckOptions = {}): string[] {
  // In a project, the blocks are its own modules (.mts: ES modules under nodenext too), so
  // `@stue/…` resolves from its node_modules.
  const dir = mkdtempSync(
    join(options.project ?? tmpdir(), options.project ? '.docs-ts-' : 'stue-docs-ts-'),
  );
  const extension = options.project ? 'mts' : 'ts';
  try {
    const files = blocks.map((block, index) => {
      const path = join(dir, `block-${index}.${extension}`);
      // `export {}` makes a block without imports a module too, so blocks never share names.
      writeFileSync(path, `${block.code}\nexport {};\n`);
      return path;
    });
    return [false, true].flatMap((dom) => {
      const roots = files.filter((_, index) => blocks[index]!.dom === dom);
      if (roots.length === 0) return [];
      const program = ts.createProgram(roots, compilerOptions(dom, options));
      return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
        const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
        const index = diagnostic.file ? files.indexOf(diagnostic.file.fileName) : -1;
        const block = blocks[index];
        if (!block || diagnostic.start === undefined) {
          const where = diagnostic.file ? `${diagnostic.file.fileName}: ` : '';
          return `${where}${message}`;
        }
        const { line } = diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start);
        return `${block.file}:${block.line + line}: ${message}`;
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `--project <dir>`, `--resolution nodenext|bundler` and `--skip-lib-check` of the command line. */
export function parseArgs(args: readonly string[]): CheckOptions {
  const options: CheckOptions = {};
  for (let i = 0; i < args.length; i += 1) {
    const value = args[i + 1];
    if (args[i] === '--skip-lib-check') {
      options.skipLibCheck = true;
      continue;
    }
    if (args[i] === '--project' && value) options.project = resolve(value);
    else if (args[i] === '--resolution' && (value === 'nodenext' || value === 'bundler')) {
      options.resolution = value;
    } else {
      throw new Error(
        `docs-ts: unknown argument ${args[i]}; use --project <dir> [--resolution nodenext|bundler] [--skip-lib-check]`,
      );
    }
    i += 1;
  }
  if ((options.resolution || options.skipLibCheck) && !options.project) {
    throw new Error('docs-ts: --resolution and --skip-lib-check need --project <dir>');
  }
  return options;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const options = parseArgs(process.argv.slice(2));
  const blocks = docBlocks();
  const errors = typeErrors(blocks, options);
  for (const error of errors) console.error(error);
  const against = options.project
    ? `the packages installed in ${options.project} (${options.resolution ?? 'nodenext'})`
    : 'the built packages';
  const dom = blocks.filter((block) => block.dom).length;
  console.log(
    `docs: ${blocks.length} ts blocks (${dom} dom) typechecked against ${against}, ${errors.length} errors`,
  );
  process.exitCode = errors.length === 0 ? 0 : 1;
}
