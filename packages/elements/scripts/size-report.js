// `node scripts/size-report.js`: where the CDN bundle's bytes come from. esbuild bundles the same
// entry as rollup.config.js, with the same change (minified `css`/`html` literals), and its metafile attributes the minified bytes to each source. The gzip
// column shares the whole bundle's gzip size out by minified bytes: an estimate per group, exact in
// total. The shipped file (dist/cdn/stue-embed.js, built by rollup) is measured beside it.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

// minify-literals is what rollup-plugin-minify-template-literals runs; reach it through the plugin.
const pluginRequire = createRequire(
  createRequire(import.meta.url).resolve('rollup-plugin-minify-template-literals'),
);
const { minifyHTMLLiterals } = await import(pluginRequire.resolve('minify-literals'));

const cdnTransforms = {
  name: 'cdn-transforms',
  setup(build) {
    build.onLoad({ filter: /\/src\/.*\.ts$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const minified = await minifyHTMLLiterals(source, { fileName: path });
      return { contents: minified?.code ?? source, loader: 'ts' };
    });
  },
};

const result = await build({
  entryPoints: [new URL('../src/cdn/stue-embed.ts', import.meta.url).pathname],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  conditions: ['browser', 'production'],
  legalComments: 'none',
  write: false,
  metafile: true,
  plugins: [cdnTransforms],
});

const group = (file) => {
  const pkg = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(file);
  if (pkg) return pkg[1] === 'zod' ? 'zod (mini)' : pkg[1];
  const core = /core\/dist\/([^/]+)\/([^/.]+)/.exec(file);
  if (core) return `@stue/core ${core[1]}/${core[2]}`;
  return `elements ${file.replace(/^.*elements\/src\//, '')}`;
};
const output = Object.values(result.metafile.outputs)[0];
const bytes = new Map();
for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
  bytes.set(group(file), (bytes.get(group(file)) ?? 0) + bytesInOutput);
}
const code = result.outputFiles[0].contents;
const gzip = gzipSync(code, { level: 9 }).length;
const rows = [...bytes].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
const kb = (n) => (n / 1024).toFixed(2).padStart(6);
console.log(`${'minified'.padStart(9)} ${'≈gzip'.padStart(6)}  source`);
for (const [name, n] of rows) console.log(`${kb(n)} KB ${kb((n / code.length) * gzip)}  ${name}`);
console.log(`${kb(code.length)} KB ${kb(gzip)}  total (esbuild)`);
const shipped = readFileSync(new URL('../dist/cdn/stue-embed.js', import.meta.url));
console.log(
  `${kb(shipped.length)} KB ${kb(gzipSync(shipped, { level: 9 }).length)}  dist/cdn/stue-embed.js (rollup)`,
);
