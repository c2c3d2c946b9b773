import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { newId } from '../packages/core/dist/index.js';
import { exampleNomination } from '../packages/hub/dist/index.js';
import { HUB_BIN, newDataDir, removeDataDir, startHub, type TestHub } from './support/hub.js';

// RELIABILITY.md F8 and F3: the hub is killed with SIGKILL in the middle of 1,000 writes. After a
// restart the database is sound, every write the hub acknowledged is there, and sending every
// record again stores nothing twice.

const unlimited = { STUE_LIMIT_PER_PARTNER: '1000000', STUE_LIMIT_PER_ADDRESS: '1000000' };
const dataDir = newDataDir();
let hub: TestHub | undefined;
afterAll(async () => {
  await hub?.stop();
  removeDataDir(dataDir);
});

const records = Array.from({ length: 1000 }, (_, i) => ({
  ...exampleNomination,
  id: newId(),
  host: { firstName: `Vært ${i}`, municipalityCode: '751' },
}));

async function send(url: string, record: (typeof records)[number]) {
  const res = await fetch(`${url}/api/v1/nominations`, {
    method: 'POST',
    headers: { authorization: 'Bearer pk_demo', 'content-type': 'application/json' },
    body: JSON.stringify(record),
  });
  if (res.status !== 201 && res.status !== 200) throw new Error(`status ${res.status}`);
  return ((await res.json()) as { reference: string }).reference;
}

describe('kill -9 during 1,000 writes', () => {
  it('keeps every acknowledged write, stays sound, and stores each record once', async () => {
    hub = await startHub(dataDir, unlimited);
    const acknowledged = new Map<string, string>();
    let next = 0;
    let killed = false;
    const worker = async (url: string) => {
      while (next < records.length) {
        const record = records[next++]!;
        try {
          acknowledged.set(record.id, await send(url, record));
        } catch {
          // Connections refused or reset once the process is gone: those were never acknowledged.
        }
        if (!killed && acknowledged.size >= 300) {
          killed = true;
          await hub!.stop({ hard: true });
        }
      }
    };
    const url = hub.url;
    await Promise.all(Array.from({ length: 16 }, () => worker(url)));
    expect(killed).toBe(true);
    expect(acknowledged.size).toBeGreaterThanOrEqual(300);
    expect(acknowledged.size).toBeLessThan(records.length);

    const env = { ...process.env, STUE_DATA_DIR: dataDir };
    expect(execFileSync(process.execPath, [HUB_BIN, 'check'], { env }).toString().trim()).toBe(
      'ok',
    );

    hub = await startHub(dataDir, unlimited);
    for (const [id, reference] of acknowledged) {
      const res = await fetch(`${hub.url}/api/v1/nominations/${reference}/status`, {
        headers: { authorization: 'Bearer pk_demo' },
      });
      expect(res.status, `acknowledged ${id} is present`).toBe(200);
    }
    // Every client retries everything it holds; acknowledged ones come back as replays.
    for (const record of records) {
      const reference = await send(hub.url, record);
      if (acknowledged.has(record.id)) expect(reference).toBe(acknowledged.get(record.id));
    }
    await hub.stop();
    hub = undefined;

    const db = new DatabaseSync(join(dataDir, 'stue.sqlite'), { readOnly: true });
    const { n } = db.prepare('SELECT count(*) AS n FROM nominations').get() as { n: number };
    const audits = db
      .prepare("SELECT count(*) AS n FROM audit_events WHERE action = 'received'")
      .get() as { n: number };
    db.close();
    expect(n).toBe(records.length);
    expect(audits.n).toBe(records.length);
  });
});
