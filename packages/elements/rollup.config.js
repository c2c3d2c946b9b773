import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import esbuild, { minify } from 'rollup-plugin-esbuild';
import { minifyTemplateLiterals } from 'rollup-plugin-minify-template-literals';
import { npmBuild } from '../../tools/rollup-npm-build.js';

const external = [/^lit(\/|$)/, /^@lit\//, /^@stue\/core(\/|$)/, /^zod(\/|$)/, /^uuid(\/|$)/];

/** zod's own sources trip two harmless rollup warnings; ours should still be heard. */
function onwarn(warning, warn) {
  const inDependency = (id) => id?.includes('/node_modules/');
  if (warning.code === 'INVALID_ANNOTATION' && inDependency(warning.id)) return;
  if (warning.code === 'CIRCULAR_DEPENDENCY' && warning.ids?.every(inDependency)) return;
  warn(warning);
}

/**
 * Writes `integrity.json` beside the CDN bundle: the Subresource Integrity hash of each file, for
 * partners who host a copy of one release or pin it (`<script integrity="sha384-…">` for the
 * entry, an import map's `integrity` for the chunks it loads). Read from the written files, so
 * the hashes are of the very bytes served.
 */
function integrity() {
  return {
    name: 'stue-integrity',
    writeBundle(options, bundle) {
      const { version } = JSON.parse(
        readFileSync(new URL('package.json', import.meta.url), 'utf8'),
      );
      const hashes = Object.fromEntries(
        Object.keys(bundle)
          .filter((name) => name.endsWith('.js'))
          .sort((a, b) => (a === 'stue-embed.js' ? -1 : b === 'stue-embed.js' ? 1 : a < b ? -1 : 1))
          .map((name) => [
            name,
            `sha384-${createHash('sha384')
              .update(readFileSync(join(options.dir, name)))
              .digest('base64')}`,
          ]),
      );
      writeFileSync(
        join(options.dir, 'integrity.json'),
        `${JSON.stringify({ version, ...hashes }, null, 2)}\n`,
      );
    },
  };
}

/** Empties the CDN folder first: a chunk of an earlier build must not be served or counted. */
function clean(dir) {
  return {
    name: 'stue-clean',
    buildStart() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Class names a partner's page may read (`event.constructor.name`, error names): the events and
 * errors keep theirs in the CDN build.
 */
const KEPT_CLASS_NAMES = /^Stue/;

export default [
  /**
   * The npm build: one ES module per source file, dependencies as bare imports, so an app bundles
   * one Lit and one @stue/core however many elements it uses. Never bundle Lit here.
   */
  npmBuild(
    {
      index: 'src/index.ts',
      define: 'src/define.ts',
      react: 'src/react.ts',
      'error-summary/define': 'src/error-summary/define.ts',
      'field/define': 'src/field/define.ts',
    },
    external,
  ),
  /**
   * The CDN embed: a self-contained, minified ES module the hub serves at `/embed/stue-embed.js`,
   * with the chunks it loads beside it in `chunks/`. A partner page loads it with one script tag
   * and nothing else. The
   * `css` and `html` template literals are minified too (whitespace, comments).
   */
  {
    input: 'src/cdn/stue-embed.ts',
    // What the chunks share with the entry stays in the entry (one request before the first step).
    preserveEntrySignatures: 'allow-extension',
    onwarn,
    plugins: [
      clean('dist/cdn'),
      nodeResolve({ browser: true, exportConditions: ['browser', 'production'] }),
      esbuild({ target: 'es2022' }),
      minifyTemplateLiterals({ include: ['src/**/*.ts'], failOnError: true }),
      // esbuild's minifier, then two passes of terser over its output: about 2% tighter than
      // esbuild alone (measured: 25.9 → 25.4 KB gzip).
      minify({
        target: 'es2022',
        legalComments: 'none',
        minify: false,
        minifySyntax: true,
        minifyWhitespace: true,
      }),
      terser({
        ecma: 2022,
        module: true,
        compress: { passes: 2, keep_classnames: KEPT_CLASS_NAMES },
        mangle: { keep_classnames: KEPT_CLASS_NAMES },
        format: { comments: false },
      }),
      integrity(),
    ],
    // The entry holds Lit, the element and its first step; the later steps and each language's
    // words are chunks it imports when needed, by URLs relative to itself.
    output: {
      dir: 'dist/cdn',
      entryFileNames: 'stue-embed.js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      format: 'es',
      sourcemap: true,
    },
  },
];
