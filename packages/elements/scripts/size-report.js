// `node scripts/size-report.js` (after `pnpm build`): where the CDN embed's bytes come from, per
// file as the browser downloads it (dist/cdn/stue-embed.js and each chunk) and, inside each file,
// per source module. Each minified character is given to the source its source map names. Two
// gzip columns: `share`, the file's gzip size shared out by minified bytes (the rows add up to the
// file), and `alone`, how much smaller the file gzips without that module's bytes (what removing
// it would save; text that repeats elsewhere in the file costs little here).
import { readdirSync, readFileSync } from 'node:fs';
import { decode } from '@jridgewell/sourcemap-codec';
import { gzipSync } from 'node:zlib';

const cdn = new URL('../dist/cdn/', import.meta.url);
const gzip = (text) => gzipSync(text, { level: 9 }).length;

/** The source map's segments: [generated line, generated column, source index or -1], in order. */
const segments = (mappings) =>
  decode(mappings).flatMap((line, index) =>
    line.map((segment) => [index, segment[0], segment.length > 1 ? segment[1] : -1]),
  );

/** A source path as a person reads it: the package and file. */
function label(source) {
  const pkg =
    /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\/(?:dist\/)?(.*)$/.exec(
      source,
    );
  if (pkg) return `${pkg[1]} ${pkg[2]}`;
  const core = /core\/dist\/(.*)\.js$/.exec(source);
  if (core) return `@stue/core ${core[1]}`;
  return `elements ${source.replace(/^(?:\.\.\/)*src\//, '').replace(/\.ts$/, '')}`;
}

/** Each source's minified characters in `file`, and the file's text. */
function attribute(file) {
  const code = readFileSync(new URL(file, cdn), 'utf8');
  const map = JSON.parse(readFileSync(new URL(`${file}.map`, cdn), 'utf8'));
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const owner = new Array(code.length).fill('(no source)');
  const list = segments(map.mappings);
  list.forEach(([line, column, source], i) => {
    const start = lineStarts[line] + column;
    const next = list[i + 1];
    const end = next ? lineStarts[next[0]] + next[1] : code.length;
    const name = source >= 0 ? label(map.sources[source]) : '(no source)';
    for (let k = start; k < end; k++) owner[k] = name;
  });
  return { code, owner };
}

const files = [
  'stue-embed.js',
  ...readdirSync(new URL('chunks/', cdn))
    .filter((file) => file.endsWith('.js'))
    .map((file) => `chunks/${file}`),
];
const pad = (value, width) => String(value).padStart(width);
const totals = new Map();
let whole = 0;
console.log(`${pad('minified', 9)} ${pad('share', 6)} ${pad('alone', 6)}  bytes (gzip -9)`);
for (const file of files) {
  const { code, owner } = attribute(file);
  const size = gzip(code);
  whole += size;
  const bytes = new Map();
  for (const name of owner) bytes.set(name, (bytes.get(name) ?? 0) + 1);
  console.log(`\n${pad(code.length, 9)} ${pad(size, 6)} ${pad('', 6)}  ${file}`);
  const rows = [...bytes].map(([name, count]) => {
    const without = [...code].filter((_, i) => owner[i] !== name).join('');
    return {
      name,
      count,
      share: Math.round((count / code.length) * size),
      alone: size - gzip(without),
    };
  });
  for (const row of rows.sort((a, b) => b.share - a.share)) {
    console.log(`${pad(row.count, 9)} ${pad(row.share, 6)} ${pad(row.alone, 6)}    ${row.name}`);
    const total = totals.get(row.name) ?? { count: 0, share: 0 };
    totals.set(row.name, { count: total.count + row.count, share: total.share + row.share });
  }
}
console.log(`\nEvery file, by source (gzip shares summed over the files):`);
for (const [name, total] of [...totals].sort((a, b) => b[1].share - a[1].share)) {
  console.log(`${pad(total.count, 9)} ${pad(total.share, 6)} ${pad('', 6)}    ${name}`);
}
console.log(
  `\n${pad('', 9)} ${pad(whole, 6)} ${pad('', 6)}  every file (test/size.test.ts's whole)`,
);
