import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** Gzip size in bytes of a file on disk. */
export const gzipSizeOfFile = (file: string | URL) =>
  gzipSync(readFileSync(file), { level: 9 }).length;

/**
 * Bundles `source` (an ES module importing packages by name) for browsers, minified, as a
 * consumer's bundler would, and returns the gzip size in bytes: the cost of that import.
 */
export async function gzipSizeOfImport(
  source: string,
  /** The package whose dependencies the imports resolve from. */
  from = 'packages/elements',
): Promise<number> {
  const result = await build({
    stdin: {
      contents: source,
      resolveDir: new URL(`../../${from}`, import.meta.url).pathname,
      loader: 'ts',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    legalComments: 'none',
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}
