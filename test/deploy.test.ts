import { execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  readdirSync,
  readFileSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:https';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { HUB_BIN, newDataDir, removeDataDir, startHub, type TestHub } from './support/hub.js';

// The files an operator copies from deploy/ (docs/operations.md, "Install on Debian"): the
// systemd units are checked by systemd itself where it is installed, their hardening and every
// `stue-hub` command in them and in the operations guide against the real command, the backup
// unit's command is run, and the Caddyfile is put in front of a real hub and spoken to over TLS.

const root = fileURLToPath(new URL('..', import.meta.url));
const deploy = (...path: string[]) => join(root, 'deploy', ...path);
const UNITS = ['stue-hub.service', 'stue-hub-backup.service', 'stue-hub-backup.timer'];

const dirs: string[] = [];
const tempDir = () => {
  const dir = newDataDir();
  dirs.push(dir);
  return dir;
};
let hub: TestHub | undefined;
let caddy: ReturnType<typeof spawn> | undefined;
afterAll(async () => {
  caddy?.kill('SIGTERM');
  await hub?.stop();
  for (const dir of dirs) removeDataDir(dir);
});

/** A unit file's settings by section, each key with every value it is given, in order. */
function parseUnit(file: string): Record<string, Record<string, string[]>> {
  const sections: Record<string, Record<string, string[]>> = {};
  let section: Record<string, string[]> | undefined;
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = sections[header[1]!] = {};
      continue;
    }
    const at = line.indexOf('=');
    if (!section || at < 0) throw new Error(`${file}: cannot read "${line}"`);
    (section[line.slice(0, at)] ??= []).push(line.slice(at + 1));
  }
  return sections;
}

const hasCommand = (name: string) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
const help = execFileSync(process.execPath, [HUB_BIN, '--help'], { encoding: 'utf8' });
const commands = help
  .slice(help.indexOf('Commands:'), help.indexOf('Environment:'))
  .split('\n')
  .map((line) => /^ {2}([a-z-]+(?: [a-z-]+)?)/.exec(line)?.[1])
  .filter((entry): entry is string => entry !== undefined);

/**
 * Every `stue-hub …` in a text, and every `stue …` at the start of a line or after a pipe (the
 * guide's shell function that runs it as the service's user), as its words.
 */
const invocations = (text: string) =>
  [...text.matchAll(/(?:(?:^|[\s/'"(`])stue-hub|(?:^|\| )stue) ((?:[^\s|;&)'"`]+ ?)+)/gm)].map(
    (m) => m[1]!.trim().split(' '),
  );

describe('the systemd units in deploy/systemd', () => {
  const hubUnit = parseUnit(deploy('systemd', 'stue-hub.service')).Service!;
  const backupUnit = parseUnit(deploy('systemd', 'stue-hub-backup.service')).Service!;

  it('run the hub hardened: its own dynamic user, one writable folder, no privileges', () => {
    for (const service of [hubUnit, backupUnit]) {
      expect(service.DynamicUser).toEqual(['yes']);
      expect(service.User).toEqual(['stue']);
      expect(service.StateDirectory?.[0]?.split(' ')).toContain('stue');
      expect(service.ProtectSystem).toEqual(['strict']);
      expect(service.ProtectHome).toEqual(['yes']);
      expect(service.PrivateTmp).toEqual(['yes']);
      expect(service.NoNewPrivileges).toEqual(['yes']);
      expect(service.CapabilityBoundingSet).toEqual(['']);
      expect(service.UMask).toEqual(['0077']);
      expect(service.Environment).toContain('STUE_DATA_DIR=/var/lib/stue');
    }
    expect(hubUnit.Environment).toEqual(
      expect.arrayContaining(['HOST=127.0.0.1', 'STUE_TRUST_PROXY=127.0.0.1']),
    );
    // Node's JIT compiler needs writable executable memory: the hub would not start with it.
    expect(hubUnit.MemoryDenyWriteExecute).toBeUndefined();
  });

  it('name only commands, options and settings that stue-hub has', () => {
    const guide = readFileSync(join(root, 'docs', 'operations.md'), 'utf8');
    const units = UNITS.map((unit) => readFileSync(deploy('systemd', unit), 'utf8')).join('\n');
    // `stue-hub --help` is the one call that names no command.
    const found = [...invocations(units), ...invocations(guide)].filter((w) => w[0] !== '--help');
    expect(found.length).toBeGreaterThan(20);
    for (const words of found) {
      const command = commands.find((c) => words.slice(0, c.split(' ').length).join(' ') === c);
      expect(command, `stue-hub ${words.join(' ')}`).toBeDefined();
      for (const option of words.filter((word) => word.startsWith('--'))) {
        expect(help, `stue-hub ${words.join(' ')}`).toContain(option.split('=')[0]);
      }
    }
    const settings = [hubUnit, backupUnit].flatMap((s) => s.Environment ?? []);
    for (const name of settings.map((setting) => setting.split('=')[0]!)) {
      if (name !== 'NODE_ENV') expect(help).toContain(name);
    }
  });

  it.skipIf(!hasCommand('systemd-analyze'))(
    'pass systemd-analyze verify, and the hub unit rates OK for exposure',
    () => {
      // systemd checks that ExecStart's program exists: a stand-in takes stue-hub's place.
      const dir = tempDir();
      const standIn = join(dir, 'stue-hub');
      writeFileSync(standIn, '#!/bin/sh\n');
      chmodSync(standIn, 0o755);
      for (const unit of UNITS) {
        const text = readFileSync(deploy('systemd', unit), 'utf8');
        writeFileSync(join(dir, unit), text.replaceAll('/usr/bin/stue-hub', standIn));
      }
      const verify = spawnSync('systemd-analyze', ['verify', ...UNITS.map((u) => join(dir, u))], {
        encoding: 'utf8',
      });
      expect(verify.stderr + verify.stdout).toBe('');
      expect(verify.status).toBe(0);
      const security = spawnSync(
        'systemd-analyze',
        ['security', '--offline=true', join(dir, 'stue-hub.service')],
        { encoding: 'utf8' },
      );
      const level = /Overall exposure level for stue-hub\.service: ([\d.]+)/.exec(security.stdout);
      expect(Number(level?.[1])).toBeLessThanOrEqual(2);
    },
  );

  it('back up with the hub’s own command into a new 0600 file, and drop copies past 30 days', () => {
    const dataDir = tempDir();
    const backups = tempDir();
    const env = { ...process.env, STUE_DATA_DIR: dataDir };
    execFileSync(process.execPath, [HUB_BIN, 'migrate'], { env });
    const hubCommand = `${process.execPath} ${HUB_BIN}`;
    // As systemd runs them: `%%` is a `%`, and the unit's folders are this test's.
    const asRun = (line: string) =>
      line
        .replaceAll('%%', '%')
        .replaceAll('/usr/bin/stue-hub', hubCommand)
        .replaceAll('/var/lib/stue-backups', backups);
    const start = /^\/bin\/sh -c '(.*)'$/.exec(backupUnit.ExecStart![0]!);
    expect(start).not.toBeNull();
    const old = join(backups, 'stue-2020-01-01T031500.sqlite');
    writeFileSync(old, '');
    const monthsAgo = new Date(Date.now() - 40 * 86_400_000);
    utimesSync(old, monthsAgo, monthsAgo);

    execFileSync('/bin/sh', ['-c', asRun(start![1]!)], { env });
    const [post] = backupUnit.ExecStartPost!;
    execFileSync('/bin/sh', ['-c', asRun(post!)], { env });

    const left = readdirSync(backups);
    expect(left).toHaveLength(1);
    expect(left[0]).toMatch(/^stue-\d{4}-\d\d-\d\dT\d{6}\.sqlite$/);
    expect(statSync(join(backups, left[0]!)).mode & 0o777).toBe(0o600);
    expect(statSync(join(backups, left[0]!)).size).toBeGreaterThan(0);
  });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

describe.skipIf(!hasCommand('caddy'))('the Caddyfile in deploy/', () => {
  it('is valid, and serves the hub over HTTPS with the hub’s own headers', async () => {
    const text = readFileSync(deploy('Caddyfile'), 'utf8');
    const home = tempDir();
    const caddyEnv = { ...process.env, HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home };
    execFileSync('caddy', ['validate', '--adapter', 'caddyfile', '--config', deploy('Caddyfile')], {
      env: caddyEnv,
      stdio: 'pipe',
    });

    hub = await startHub(tempDir(), { STUE_TRUST_PROXY: '127.0.0.1' });
    const hubPort = new URL(hub.url).port;
    const port = await freePort();
    // The guide's file, with what differs on a test machine: a name that needs no DNS, a
    // certificate from Caddy's own authority (no Let's Encrypt), free ports, no admin endpoint.
    const local = text
      .replace(
        '{\n\tservers',
        `{\n\tadmin off\n\tskip_install_trust\n\thttp_port ${await freePort()}\n\tservers`,
      )
      .replace('stue.example.dk {', `localhost:${port} {\n\ttls internal`)
      .replace('reverse_proxy 127.0.0.1:8787', `reverse_proxy 127.0.0.1:${hubPort}`);
    expect(local).not.toBe(text);
    const config = join(home, 'Caddyfile');
    writeFileSync(config, local);
    caddy = spawn('caddy', ['run', '--adapter', 'caddyfile', '--config', config], {
      env: caddyEnv,
      stdio: 'ignore',
    });
    const authority = join(home, 'caddy', 'pki', 'authorities', 'local', 'root.crt');
    const get = (path: string) =>
      new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
        (resolve, reject) => {
          request(
            {
              host: '127.0.0.1',
              servername: 'localhost',
              port,
              path,
              ca: readFileSync(authority),
              // Caddy answers only for the site's name (and an empty 200 for any other).
              headers: { host: `localhost:${port}` },
            },
            (res) => {
              let body = '';
              res.on('data', (chunk: Buffer) => (body += chunk.toString()));
              res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
            },
          )
            .on('error', reject)
            .end();
        },
      );
    let health: Awaited<ReturnType<typeof get>> | undefined;
    const end = Date.now() + 20_000;
    while (!health) {
      try {
        if (existsSync(authority)) health = await get('/api/health');
      } catch (error) {
        if (Date.now() > end) throw error;
      }
      if (!health) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body)).toMatchObject({ ok: true });
    expect(health.headers['strict-transport-security']).toBeDefined();
    expect(health.headers['content-security-policy']).toBeDefined();
  });
});
