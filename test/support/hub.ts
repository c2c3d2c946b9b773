import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';

/** The built `stue-hub` command (`pnpm build` first), to run with `process.execPath`. */
export const HUB_BIN = fileURLToPath(
  new URL('../../packages/hub/dist/bin/stue-hub.js', import.meta.url),
);

/** A hub process started by a test, on a free loopback port. */
export interface TestHub {
  url: string;
  dataDir: string;
  /** Everything the process wrote to stdout and stderr so far. */
  output(): string;
  /** Stops the process (SIGTERM, or SIGKILL when `hard`) and waits for it to exit. */
  stop(options?: { hard?: boolean }): Promise<void>;
}

/** A fresh folder for a hub's database, removed by `removeDataDir`. */
export const newDataDir = () => mkdtempSync(join(tmpdir(), 'stue-e2e-'));
export const removeDataDir = (dir: string) => rmSync(dir, { recursive: true, force: true });

/** A hub process that is not the `stue-hub` command (see `hub-process.ts`). */
export const HUB_PROCESS = fileURLToPath(new URL('hub-process.ts', import.meta.url));

/**
 * Starts `stue-hub serve --demo` on 127.0.0.1 with a free port and the given data folder. The
 * journeys build their own records, so the hub seeds the demo accounts only unless `env` says
 * `STUE_DEMO: '1'`. With `script`, that script runs in the process instead of the command.
 */
export function startHub(
  dataDir: string,
  env: Record<string, string> = {},
  { script }: { script?: string } = {},
): Promise<TestHub> {
  const args = script ? [script] : [HUB_BIN, 'serve', '--demo'];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      STUE_DATA_DIR: dataDir,
      STUE_DEMO: 'accounts',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`hub did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve({
        url: match[1],
        dataDir,
        output: () => output,
        stop: async ({ hard = false } = {}) => {
          if (child.exitCode === null) child.kill(hard ? 'SIGKILL' : 'SIGTERM');
          await exited;
        },
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`hub exited with ${code}:\n${output}`));
    });
  });
}

/**
 * A hub process on a fresh data folder for the file's tests: started before them, stopped and
 * its folder removed after them. Read `url` inside tests and hooks.
 *
 * @example
 * const hub = hubForFile();
 * it('answers', async () => expect((await fetch(`${hub.url}/api/health`)).ok).toBe(true));
 */
export function hubForFile(env: Record<string, string> = {}): { readonly url: string } {
  const dataDir = newDataDir();
  let hub: TestHub | undefined;
  beforeAll(async () => {
    hub = await startHub(dataDir, env);
  });
  afterAll(async () => {
    await hub?.stop();
    removeDataDir(dataDir);
  });
  return {
    get url() {
      return hub!.url;
    },
  };
}
