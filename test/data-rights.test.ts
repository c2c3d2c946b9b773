import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '../packages/core/dist/index.js';
import { exampleNomination } from '../packages/hub/dist/index.js';
import { HUB_BIN, newDataDir, removeDataDir, startHub, type TestHub } from './support/hub.js';

// RELIABILITY.md S7 and F5 through the real process and its CLI: a backup taken while the hub
// serves, an erasure after it, a restore — the erased pair stays erased and is refused with 410,
// everything else is back, the file is sound, and no name reached the logs or the CLI's output.

const dataDir = newDataDir();
let hub: TestHub | undefined;
afterAll(async () => {
  await hub?.stop();
  removeDataDir(dataDir);
});

const cli = (...args: string[]) =>
  execFileSync(process.execPath, [HUB_BIN, ...args], {
    env: { ...process.env, STUE_DATA_DIR: dataDir, STUE_DATABASE_URL: '' },
    encoding: 'utf8',
  });

const nomination = (firstName: string) => ({
  ...exampleNomination,
  id: newId(),
  host: { firstName, municipalityCode: '751' },
});

async function send(url: string, body: object) {
  const res = await fetch(`${url}/api/v1/nominations`, {
    method: 'POST',
    headers: { authorization: 'Bearer pk_demo', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { reference?: string } };
}

describe('erasure, backup and restore with stue-hub', () => {
  it('an erased pair never comes back from a backup, and is refused with 410', async () => {
    hub = await startHub(dataDir);
    const erased = nomination('Sentinelvaert');
    const kept = nomination('Karen');
    const first = await send(hub.url, erased);
    expect(first.status).toBe(201);
    expect((await send(hub.url, kept)).status).toBe(201);
    const backup = join(dataDir, 'backup.sqlite');
    const writes = Array.from({ length: 10 }, () => send(hub!.url, nomination('Anna')));
    expect(cli('backup', backup)).toContain('Backup written');
    await Promise.all(writes);
    await hub.stop();

    const exported = JSON.parse(cli('export', 'person', first.body.reference!));
    expect(exported.nomination.record.host.firstName).toBe('Sentinelvaert');
    const erasing = cli('erase', 'person', first.body.reference!);
    expect(erasing).toMatch(/^Erased \(erasure [0-9a-f-]+\): 1 nomination/);
    expect(erasing).not.toContain('Sentinelvaert');

    const restoring = cli('restore', backup);
    expect(restoring).toContain('applied again: 1');
    expect(cli('check').trim()).toBe('ok');
    expect(() => cli('export', 'person', erased.id)).toThrow(/has been erased/);
    const first2 = cli('retention');
    expect(cli('retention')).toBe(first2);

    hub = await startHub(dataDir);
    const again = await send(hub.url, erased);
    expect(again.status).toBe(410);
    expect(again.body).toMatchObject({ error: { code: 'person_erased' } });
    expect((await send(hub.url, kept)).status).toBe(200);
    await hub.stop();
    expect(hub.output()).not.toContain('Sentinelvaert');
    expect(existsSync(join(dataDir, 'stue.sqlite.restoring'))).toBe(false);
  });
});
