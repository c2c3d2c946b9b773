import { readdirSync, readFileSync } from 'node:fs';
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

/**
 * `files` (paths in `dir`) and every script they import statically, read from each script's
 * `import{…}from"./x.js"` (not `import("…")`): what a browser fetches before the first of them
 * runs. Files that are not scripts (styles) are kept and not read.
 */
function withStaticImports(dir: URL, files: readonly string[]): Set<string> {
  const found = new Set<string>();
  const follow = (file: string) => {
    if (found.has(file)) return;
    found.add(file);
    if (!file.endsWith('.js')) return;
    const code = readFileSync(new URL(file, dir), 'utf8');
    for (const [, path] of code.matchAll(
      /(?:^|[;}])\s*import\s*(?:[^"'()]*?from\s*)?["']([^"']+)["']/g,
    )) {
      follow(new URL(path!, new URL(file, dir)).href.slice(dir.href.length));
    }
  };
  for (const file of files) follow(file);
  return found;
}

/**
 * Gzip size in bytes of everything a tablet downloads to run the kiosk: the page, its scripts and
 * styles (pictures are inlined in them) and the service worker. Needs `packages/kiosk` built.
 */
export function kioskDownloadSize(): number {
  const dist = new URL('../../packages/kiosk/dist/', import.meta.url);
  const assets = new URL('assets/', dist);
  return (
    readdirSync(assets)
      .filter((file) => /\.(js|css)$/.test(file))
      .reduce((sum, file) => sum + gzipSizeOfFile(new URL(file, assets)), 0) +
    gzipSizeOfFile(new URL('index.html', dist)) +
    gzipSizeOfFile(new URL('sw.js', dist))
  );
}

/**
 * Gzip size in bytes of the scripts and styles the kiosk's first screen needs (needs
 * `packages/kiosk` built): what `index.html` loads and preloads from `assets/` (the entry, the
 * app's chunks, the styles) and every chunk those import statically. Chunks loaded later (the
 * other screens, validation, the outbox) are not counted.
 */
export function kioskFirstScreenSize(): { size: number; files: string[] } {
  const dist = new URL('../../packages/kiosk/dist/', import.meta.url);
  const html = readFileSync(new URL('index.html', dist), 'utf8');
  const named = [
    ...html.matchAll(/<(?:script|link)\b[^>]*(?:src|href)="\/kiosk\/(assets\/[^"]+\.(?:js|css))"/g),
  ].map((match) => match[1]!);
  if (!named.some((file) => file.endsWith('.js'))) {
    throw new Error('index.html loads no script from /kiosk/assets/');
  }
  const files = withStaticImports(dist, named);
  const size = [...files].reduce((sum, file) => sum + gzipSizeOfFile(new URL(file, dist)), 0);
  return { size, files: [...files] };
}

/**
 * Gzip sizes in bytes of the console's scripts (needs `packages/console` built): the entry that
 * `index.html` loads (the shell, sign-in, Lit, core's client), the chunks it preloads for the
 * inbox (`<link rel="modulepreload">`), and each chunk loaded later, on a page's first visit,
 * largest first (the preloaded ones among them).
 */
export function consoleScriptSizes(): {
  entry: number;
  preloaded: { file: string; size: number }[];
  lazy: { file: string; size: number }[];
} {
  const dist = new URL('../../packages/console/dist/', import.meta.url);
  const html = readFileSync(new URL('index.html', dist), 'utf8');
  const entry = /<script type="module"[^>]*src="\/console\/assets\/([^"]+\.js)"/.exec(html)?.[1];
  if (!entry) throw new Error('index.html loads no script from /console/assets/');
  const assets = new URL('assets/', dist);
  const lazy = readdirSync(assets)
    .filter((file) => file.endsWith('.js') && file !== entry)
    .map((file) => ({ file, size: gzipSizeOfFile(new URL(file, assets)) }))
    .sort((a, b) => b.size - a.size);
  const preloads = [
    ...html.matchAll(/<link rel="modulepreload"[^>]*href="\/console\/assets\/([^"]+\.js)"/g),
  ].map(([, file]) => file);
  const preloaded = lazy.filter(({ file }) => preloads.includes(file));
  return { entry: gzipSizeOfFile(new URL(entry, assets)), preloaded, lazy };
}

/**
 * Gzip sizes in bytes of the CDN embed (needs `packages/elements` built), each file on its own as
 * a browser downloads it: `critical`, what is fetched before the first step can be used (the
 * script and the chunks it imports statically); `whole`, everything any path can load (every
 * chunk, both languages); and each file's size.
 */
export function embedSizes(): { critical: number; whole: number; files: Record<string, number> } {
  const cdn = new URL('../../packages/elements/dist/cdn/', import.meta.url);
  const chunks = readdirSync(new URL('chunks/', cdn))
    .filter((file) => file.endsWith('.js'))
    .map((file) => `chunks/${file}`);
  const files = Object.fromEntries(
    ['stue-embed.js', ...chunks].map((file) => [file, gzipSizeOfFile(new URL(file, cdn))]),
  );
  const critical = withStaticImports(cdn, ['stue-embed.js']);
  const sum = (names: Iterable<string>) =>
    [...names].reduce((total, name) => total + files[name]!, 0);
  return { critical: sum(critical), whole: sum(Object.keys(files)), files };
}

/**
 * The ceiling, bytes gzip, of what an app pays for `@stue/core` when it only validates and submits
 * nominations: `test/size.test.ts` holds it and `pnpm bench core-nomination-size` reports it.
 */
export const CORE_NOMINATION_CEILING = 15.4 * 1024;
