import { execFileSync, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { HUB_BIN, newDataDir, removeDataDir, startHub, type TestHub } from './support/hub.js';

// The operator's commands that the journeys do not use otherwise: an enrolment code made on the
// hub's own machine (for a first tablet, before anyone has signed in to the console).

const dataDir = newDataDir();
let hub: TestHub | undefined;
afterAll(async () => {
  await hub?.stop();
  removeDataDir(dataDir);
});

const env = { ...process.env, STUE_DATA_DIR: dataDir, STUE_DATABASE_URL: '' };

describe('stue-hub enrolment-code create', () => {
  it('prints a one-time code a tablet enrols with, once', async () => {
    // The demo programme gives the musicians.
    hub = await startHub(dataDir, { STUE_DEMO: '1' });
    await hub.stop();
    const db = new DatabaseSync(join(dataDir, 'stue.sqlite'), { readOnly: true });
    const { id } = db.prepare("SELECT id FROM musicians WHERE name = 'Mads Holm'").get() as {
      id: string;
    };
    db.close();

    const out = execFileSync(
      process.execPath,
      [HUB_BIN, 'enrolment-code', 'create', '--musician', id],
      {
        env,
        encoding: 'utf8',
      },
    );
    const code = /: ([0-9A-Z]{4}-?[0-9A-Z]{4})$/m.exec(out.trim())?.[1];
    expect(code).toBeDefined();

    hub = await startHub(dataDir);
    const enrol = () =>
      fetch(`${hub!.url}/api/v1/devices/enrol`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, name: 'Mads’ tablet' }),
      });
    const first = await enrol();
    expect(first.status).toBe(201);
    expect(((await first.json()) as { musician: { name: string } }).musician.name).toBe(
      'Mads Holm',
    );
    expect((await enrol()).status).not.toBe(201);
  });

  it('says so when there is no such musician, and makes nothing', () => {
    const run = spawnSync(
      process.execPath,
      [HUB_BIN, 'enrolment-code', 'create', '--musician', 'nobody'],
      { env, encoding: 'utf8' },
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/There is no musician nobody\./);
  });
});

describe('stue-hub retention', () => {
  const variables = (text: string) => [...new Set(text.match(/STUE_RETAIN_[A-Z_]+_DAYS/g))].sort();
  const doc = (name: string) =>
    readFileSync(fileURLToPath(new URL(`../docs/${name}`, import.meta.url)), 'utf8');

  it('says what it removed, the finished webhook deliveries included', () => {
    const out = execFileSync(process.execPath, [HUB_BIN, 'retention'], { env, encoding: 'utf8' });
    expect(out.trim()).toMatch(
      /^Retention: \d+ nominations erased, .* and \d+ finished webhook deliveries removed\.$/,
    );
  });

  it('has every period in --help, and the operations and privacy guides name the same ones', () => {
    const help = execFileSync(process.execPath, [HUB_BIN, '--help'], { encoding: 'utf8' });
    const listed = variables(help);
    expect(listed).toContain('STUE_RETAIN_WEBHOOK_DELIVERY_DAYS');
    expect(variables(doc('operations.md'))).toEqual(listed);
    expect(variables(doc('privacy.md'))).toEqual(listed);
  });
});

describe('stue-hub serve', () => {
  it('logs every request as one JSON line, all of them written by the time it has stopped', async () => {
    const own = newDataDir();
    const served = await startHub(own);
    try {
      const answers = await Promise.all(
        Array.from({ length: 300 }, () => fetch(`${served.url}/api/health`)),
      );
      expect(answers.every((answer) => answer.ok)).toBe(true);
    } finally {
      await served.stop();
      removeDataDir(own);
    }
    const lines = served
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg: string; route: string; status: number });
    const requests = lines.filter((line) => line.msg === 'request');
    expect(requests).toHaveLength(300);
    expect(requests.every((line) => line.route === '/api/health' && line.status === 200)).toBe(
      true,
    );
  });

  it('writes the log lines still buffered when the process exits', () => {
    const log = new URL('../packages/hub/dist/http/log.js', import.meta.url).href;
    const script = `
      const { jsonLog } = await import(${JSON.stringify(log)});
      for (let i = 0; i < 20000; i++) jsonLog({ msg: 'line', i });
      process.exit(0);
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(20000);
    expect(JSON.parse(lines.at(-1)!)).toMatchObject({ msg: 'line', i: 19999 });
  });
});

describe('the data folder and the files stue-hub writes (S12)', () => {
  it("are its user's alone — folder 0700, files 0600 — even under a umask of 000", () => {
    const own = newDataDir();
    try {
      chmodSync(own, 0o755);
      // `sh` sets the umask, then becomes the hub: nothing the hub writes may depend on it.
      const run = (...args: string[]) =>
        execFileSync(
          '/bin/sh',
          ['-c', 'umask 000 && exec "$@"', 'sh', process.execPath, HUB_BIN, ...args],
          {
            env: { ...process.env, STUE_DATA_DIR: own, STUE_DATABASE_URL: '' },
            encoding: 'utf8',
          },
        );
      run('migrate');
      run('backup', join(own, 'backup.sqlite'));
      run('erasures', 'export', '--out', join(own, 'erasures.json'));
      const mode = (name: string) => (statSync(join(own, name)).mode & 0o777).toString(8);
      expect(mode('.')).toBe('700');
      for (const name of ['stue.sqlite', 'backup.sqlite', 'erasures.json']) {
        expect(mode(name)).toBe('600');
      }
    } finally {
      removeDataDir(own);
    }
  });
});

// A Node older than the `engines` range (the machine's own /usr/bin/node, where it is one): one
// line that says so, not a stack trace about `node:sqlite`, and not a whole build first.
const OLD_NODE = '/usr/bin/node';
const oldNodeVersion = (() => {
  const run = spawnSync(OLD_NODE, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  const major = Number(run.stdout?.split('.')[0]);
  return run.status === 0 && major < 22 ? run.stdout.trim() : undefined;
})();

describe.skipIf(!oldNodeVersion)(`on Node ${oldNodeVersion} (older than engines)`, () => {
  const oneLine = (text: string) => text.trim().split('\n');

  it('stue-hub says which Node it needs in one line, and exits 1', () => {
    const run = spawnSync(OLD_NODE, [HUB_BIN, 'serve', '--demo'], {
      env: { ...process.env, STUE_DATA_DIR: join(dataDir, 'never-made') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(oneLine(run.stderr)).toEqual([
      `stue-hub needs Node >=22.18, and this is Node ${oldNodeVersion}: install a current Node LTS (https://nodejs.org/) and run it again.`,
    ]);
    expect(existsSync(join(dataDir, 'never-made'))).toBe(false);
  });

  it('pnpm start stops before building, with one line', () => {
    // `node` on the PATH is the old one, as on a machine whose system Node is too old.
    const bin = mkdtempSync(join(tmpdir(), 'stue-old-node-'));
    try {
      symlinkSync(OLD_NODE, join(bin, 'node'));
      const run = spawnSync('pnpm', ['start'], {
        cwd: fileURLToPath(new URL('..', import.meta.url)),
        env: { ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` },
        encoding: 'utf8',
      });
      expect(run.status).not.toBe(0);
      expect(oneLine(run.stderr)).toContain(
        `Stue needs Node >=22.18, and this is Node ${oldNodeVersion}: install a current Node LTS (https://nodejs.org/) and run it again.`,
      );
      expect(`${run.stdout}${run.stderr}`).not.toMatch(
        /workspace-concurrency|rollup|vite build|No such built-in module/,
      );
    } finally {
      rmSync(bin, { recursive: true, force: true });
    }
  });
});
