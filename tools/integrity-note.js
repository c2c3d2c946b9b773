// `node tools/integrity-note.js [--write] [<elements package folder>]`, after `pnpm build`: prints
// the Markdown line that publishes the embed's Subresource Integrity hash in a release of
// @stue/elements (its CHANGELOG and the GitHub release notes), from
// packages/elements/dist/cdn/integrity.json. It first checks that the file is of this build: the
// package's version, and the hash of the stue-embed.js beside it. `--write` also puts the line
// under the version's heading in the package's CHANGELOG.md (once), and refuses when that version
// already has another hash there. See docs/releasing.md.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const PINNING = 'https://github.com/stue-dk/stue/blob/main/docs/embedding.md#versions-and-pinning';

function stop(message) {
  console.error(`integrity-note: ${message}`);
  process.exit(1);
}

function readJson(file, what) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return stop(
      error.code === 'ENOENT'
        ? `${what} is missing (${relative(process.cwd(), file)}): run pnpm build first.`
        : `${what} is not JSON (${relative(process.cwd(), file)}): ${error.message}`,
    );
  }
}

const args = process.argv.slice(2);
const write = args.includes('--write');
const unknown = args.filter((arg) => arg.startsWith('-') && arg !== '--write');
if (unknown.length > 0) stop(`unknown option ${unknown[0]}; the only option is --write.`);
const packageDir =
  args.find((arg) => !arg.startsWith('-')) ??
  new URL('../packages/elements/', import.meta.url).pathname;
const cdn = join(packageDir, 'dist', 'cdn');

const { version } = readJson(join(packageDir, 'package.json'), 'package.json');
const integrity = readJson(join(cdn, 'integrity.json'), 'integrity.json');
const hash = integrity['stue-embed.js'];
if (typeof hash !== 'string' || !hash.startsWith('sha384-')) {
  stop('integrity.json has no sha384 hash for stue-embed.js: run pnpm build again.');
}
if (integrity.version !== version) {
  stop(
    `integrity.json is of version ${integrity.version}, the package is ${version}: run pnpm build after pnpm changeset version.`,
  );
}
let script;
try {
  script = readFileSync(join(cdn, 'stue-embed.js'));
} catch {
  stop('stue-embed.js is missing beside integrity.json: run pnpm build first.');
}
const actual = `sha384-${createHash('sha384').update(script).digest('base64')}`;
if (actual !== hash) {
  stop(`integrity.json says ${hash}, but stue-embed.js is ${actual}: run pnpm build again.`);
}

const LINE_START = '**Embed script** `stue-embed.js` ';
const line = `${LINE_START}${version}, Subresource Integrity: \`${hash}\` ([pinning it](${PINNING}))`;

if (write) {
  const changelogFile = join(packageDir, 'CHANGELOG.md');
  let changelog;
  try {
    changelog = readFileSync(changelogFile, 'utf8');
  } catch {
    stop(`there is no CHANGELOG.md in ${relative(process.cwd(), packageDir) || '.'}.`);
  }
  const heading = new RegExp(`^## ${version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`, 'm').exec(
    changelog,
  );
  if (!heading)
    stop(`CHANGELOG.md has no "## ${version}" heading: run pnpm changeset version first.`);
  const after = heading.index + heading[0].length;
  const next = changelog.slice(after).search(/^## /m);
  const section = changelog.slice(after, next === -1 ? undefined : after + next);
  if (section.includes(LINE_START) && !section.includes(line)) {
    stop(
      `CHANGELOG.md already gives ${version} another hash: remove that line if it is of a build not published, or release the change as a new version.`,
    );
  }
  if (!section.includes(line)) {
    writeFileSync(
      changelogFile,
      `${changelog.slice(0, after)}\n${line}\n${changelog.slice(after)}`,
    );
  }
}
console.log(line);
