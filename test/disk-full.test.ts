import { execFileSync } from 'node:child_process';
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '../packages/core/dist/index.js';
import { exampleNomination } from '../packages/hub/dist/index.js';
import { newDataDir, removeDataDir, startHub, type TestHub } from './support/hub.js';

// RELIABILITY.md F11 on a disk that really fills: the hub's data folder is a small tmpfs, and a
// file takes whatever room is left. Writes are answered 503 with Retry-After (never 500), health
// says the database cannot be written, and once the file is deleted health recovers by itself,
// the refused writes go in when sent again, and every acknowledged write is in the database.
// Mounting needs root: without it the test is skipped and says why.

const root = process.getuid?.() === 0;
const why = root ? '' : ' (skipped: mounting a tmpfs needs root)';
const dataDir = newDataDir();
let mounted = false;
let hub: TestHub | undefined;
afterAll(async () => {
  await hub?.stop();
  if (mounted) execFileSync('umount', [dataDir]);
  removeDataDir(dataDir);
});

const unlimited = { STUE_LIMIT_PER_PARTNER: '1000000', STUE_LIMIT_PER_ADDRESS: '1000000' };
const nomination = () => ({
  ...exampleNomination,
  id: newId(),
  host: { firstName: 'Inger', municipalityCode: '751' },
});

async function send(url: string, record: { id: string }) {
  const res = await fetch(`${url}/api/v1/nominations`, {
    method: 'POST',
    headers: { authorization: 'Bearer pk_demo', 'content-type': 'application/json' },
    body: JSON.stringify(record),
  });
  return { status: res.status, retryAfter: res.headers.get('retry-after') };
}

// Writes zeros to `file` until the file system has no room left.
function fill(file: string) {
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(16 * 1024);
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    closeSync(fd);
  }
}

describe(`a disk that fills up${why}`, () => {
  it.skipIf(!root)('refuses with 503, says so on health, recovers, and loses nothing', async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=8m,mode=0700', 'tmpfs', dataDir]);
    mounted = true;
    hub = await startHub(dataDir, unlimited);
    const acknowledged: string[] = [];
    for (let i = 0; i < 5; i++) {
      const record = nomination();
      expect((await send(hub.url, record)).status).toBe(201);
      acknowledged.push(record.id);
    }

    const filler = join(dataDir, 'filler');
    fill(filler);
    // The log may still have room from before; writes go in until it has none.
    const refused: { id: string }[] = [];
    for (let i = 0; i < 5000 && refused.length < 3; i++) {
      const record = nomination();
      const answer = await send(hub.url, record);
      if (answer.status === 201) {
        acknowledged.push(record.id);
        continue;
      }
      expect(answer.status).toBe(503);
      expect(Number(answer.retryAfter)).toBeGreaterThan(0);
      refused.push(record);
    }
    expect(refused).toHaveLength(3);
    const health = await fetch(`${hub.url}/api/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ ok: false, database: 'not_writable' });

    rmSync(filler);
    await expect.poll(async () => (await fetch(`${hub!.url}/api/health`)).status).toBe(200);
    for (const record of refused) {
      expect((await send(hub.url, record)).status).toBe(201);
      acknowledged.push(record.id);
    }
    await hub.stop();
    hub = undefined;

    const db = new DatabaseSync(join(dataDir, 'stue.sqlite'), { readOnly: true });
    try {
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      const ids = (db.prepare('SELECT id FROM nominations').all() as { id: string }[]).map(
        (row) => row.id,
      );
      expect(ids.sort()).toEqual(acknowledged.sort());
    } finally {
      db.close();
    }
  });
});
