import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const tool = fileURLToPath(new URL('integrity-note.js', import.meta.url));
const SCRIPT = 'customElements.define("stue-nomination-form", class extends HTMLElement {});\n';
const HASH = `sha384-${createHash('sha384').update(SCRIPT).digest('base64')}`;
const LINE = `**Embed script** \`stue-embed.js\` 0.2.0, Subresource Integrity: \`${HASH}\` ([pinning it](https://github.com/stue-dk/stue/blob/main/docs/embedding.md#versions-and-pinning))`;
const CHANGELOG =
  '# @stue/elements\n\n## 0.2.0\n\n### Minor Changes\n\n- a new part\n\n## 0.1.0\n\nThe first release.\n';

let dir: string;

/** A built @stue/elements in a temporary folder: package.json, dist/cdn, CHANGELOG.md. */
function elements({
  version = '0.2.0',
  integrity = { version: '0.2.0', 'stue-embed.js': HASH } as Record<string, unknown> | null,
  script = SCRIPT as string | null,
  changelog = CHANGELOG,
} = {}) {
  mkdirSync(join(dir, 'dist', 'cdn'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@stue/elements', version }));
  if (integrity)
    writeFileSync(join(dir, 'dist', 'cdn', 'integrity.json'), JSON.stringify(integrity));
  if (script !== null) writeFileSync(join(dir, 'dist', 'cdn', 'stue-embed.js'), script);
  writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
}

function run(...args: string[]) {
  const result = spawnSync(process.execPath, [tool, ...args, dir], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const changelog = () => readFileSync(join(dir, 'CHANGELOG.md'), 'utf8');

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'stue-integrity-note-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('tools/integrity-note.js', () => {
  it('prints the release line: version, the sha384 hash, and where pinning is explained', () => {
    elements();
    expect(run()).toEqual({ status: 0, stdout: `${LINE}\n`, stderr: '' });
    expect(changelog()).toBe(CHANGELOG);
  });

  it('with --write, puts the line under the version’s heading of CHANGELOG.md, once', () => {
    elements();
    expect(run('--write')).toMatchObject({ status: 0, stdout: `${LINE}\n` });
    const written = CHANGELOG.replace('## 0.2.0\n', `## 0.2.0\n\n${LINE}\n`);
    expect(changelog()).toBe(written);
    expect(run('--write').status).toBe(0);
    expect(changelog()).toBe(written);
  });

  it.each([
    [
      'integrity.json is missing',
      { integrity: null },
      /integrity\.json is missing \(.*\): run pnpm build first\.$/,
    ],
    [
      'integrity.json is of another version',
      { integrity: { version: '0.1.0', 'stue-embed.js': HASH } },
      /integrity\.json is of version 0\.1\.0, the package is 0\.2\.0: run pnpm build after pnpm changeset version\.$/,
    ],
    [
      'the hash is not of the script beside it',
      { script: `${SCRIPT}// changed\n` },
      /integrity\.json says sha384-\S+, but stue-embed\.js is sha384-\S+: run pnpm build again\.$/,
    ],
    [
      'the script is missing',
      { script: null },
      /stue-embed\.js is missing beside integrity\.json: run pnpm build first\.$/,
    ],
    [
      'there is no sha384 hash',
      { integrity: { version: '0.2.0', 'stue-embed.js': 'sha256-abc' } },
      /no sha384 hash for stue-embed\.js/,
    ],
  ])('refuses in one line, changing nothing, when %s', (_, files, message) => {
    elements(files);
    const result = run('--write');
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(message);
    expect(changelog()).toBe(CHANGELOG);
  });

  it('with --write, refuses when CHANGELOG.md has no heading for the version', () => {
    elements({ changelog: '# @stue/elements\n\n## 0.1.0\n\nThe first release.\n' });
    const result = run('--write');
    expect(result).toMatchObject({ status: 1, stdout: '' });
    expect(result.stderr).toMatch(/no "## 0\.2\.0" heading: run pnpm changeset version first\.$/m);
  });

  it('with --write, refuses another hash already given for the version', () => {
    const other = LINE.replace(HASH, 'sha384-AAAA');
    const written = CHANGELOG.replace('## 0.2.0\n', `## 0.2.0\n\n${other}\n`);
    elements({ changelog: written });
    const result = run('--write');
    expect(result).toMatchObject({ status: 1, stdout: '' });
    expect(result.stderr).toMatch(/already gives 0\.2\.0 another hash/);
    expect(changelog()).toBe(written);
  });

  it('with --write, leaves an earlier version’s line alone', () => {
    const earlier = LINE.replace(HASH, 'sha384-AAAA').replace(' 0.2.0,', ' 0.1.0,');
    elements({ changelog: CHANGELOG.replace('## 0.1.0\n', `## 0.1.0\n\n${earlier}\n`) });
    expect(run('--write').status).toBe(0);
    expect(changelog()).toContain(`## 0.2.0\n\n${LINE}\n`);
    expect(changelog()).toContain(`## 0.1.0\n\n${earlier}\n`);
  });

  it('refuses an unknown option', () => {
    elements();
    expect(run('--changelog')).toMatchObject({
      status: 1,
      stderr: 'integrity-note: unknown option --changelog; the only option is --write.\n',
    });
  });
});
