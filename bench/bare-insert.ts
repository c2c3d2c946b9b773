// The references of the hub's load benchmarks: one nomination row inserted per transaction, on a
// fresh SQLite file opened as the hub opens its own (the same pragmas), with no HTTP stack, no
// validation and no batching. `bareInsertRate` runs the loop; `bare-insert-server.ts` serves one
// insert per POST.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { newId } from '../packages/core/dist/index.js';
import { exampleNomination, openDatabase } from '../packages/hub/dist/index.js';

/**
 * A fresh database in `dir` with one partner, and `insert()`, which commits the next nomination
 * row in a transaction of its own; `close()` ends it and removes the folder.
 */
export async function bareDatabase(dir: string) {
  const db = await openDatabase(`${dir}/stue.sqlite`);
  await db
    .insertInto('partners')
    .values({ id: 'p', name: 'P', kind: 'other', allowed_origins: '[]', created_at: '' })
    .execute();
  const body = JSON.stringify(exampleNomination);
  const hash = createHash('sha256').update(body).digest('hex');
  let n = 0;
  return {
    insert: async () => {
      const now = new Date().toISOString();
      await db
        .insertInto('nominations')
        .values({
          id: newId(),
          partner_id: 'p',
          reference: `STUE-${String(n++).padStart(9, '0')}`,
          status: 'received',
          schema_version: 2,
          body,
          body_hash: hash,
          received_at: now,
          updated_at: now,
        })
        .execute();
    },
    close: async () => {
      await db.destroy();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Committed nomination rows a second, one insert per transaction, for `ms`. */
export async function bareInsertRate(ms: number): Promise<number> {
  const bare = await bareDatabase(`.stue/bench/bare-${process.pid}`);
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await bare.insert();
    n += 1;
  }
  const rate = n / ((performance.now() - start) / 1000);
  await bare.close();
  return rate;
}
