import { pbkdf2 } from 'node:crypto';
import Tinypool from 'tinypool';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app.js';
import { testDatabase } from '../db/database.test-support.js';
import { createCoordinator } from './coordinators.js';
import {
  PasswordHasher,
  PasswordHasherBusyError,
  passwordHasher,
  PRODUCTION_SCRYPT_COST,
  replacePasswordHasher,
} from './passwords.js';

const cheap = { N: 2 ** 10, r: 8, p: 1 };
const hashers: PasswordHasher[] = [];
const hasher = (options: ConstructorParameters<typeof PasswordHasher>[0]) => {
  const made = new PasswordHasher(options);
  hashers.push(made);
  return made;
};
afterEach(async () => {
  await Promise.all(hashers.splice(0).map((h) => h.close()));
});

describe('the password hasher', () => {
  it('hashes as scrypt$N$r$p$salt$hash and checks against the cost stored with the hash', async () => {
    const stored = await hasher({ cost: cheap }).hash('korrekt hest batteri');
    expect(stored).toMatch(/^scrypt\$1024\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    // Another hasher, at another cost, still checks it: the cost comes from the hash.
    const other = hasher({ cost: { N: 2 ** 11, r: 8, p: 1 } });
    expect(await other.verify('korrekt hest batteri', stored)).toBe(true);
    expect(await other.verify('korrekt hest batteri ', stored)).toBe(false);
    expect(await other.verify('korrekt hest batteri', 'bcrypt$whatever')).toBe(false);
  });

  it('hashes at most `threads` at once, queues `maxQueue` more, and refuses the rest', async () => {
    const pool = hasher({ cost: cheap, threads: 1, maxQueue: 2 });
    const stored = await pool.hash('x');
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, () => pool.verify('x', stored)),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(3);
    const refused = outcomes.filter((o) => o.status === 'rejected');
    expect(refused).toHaveLength(2);
    for (const o of refused) expect(o.reason).toBeInstanceOf(PasswordHasherBusyError);
    // Once the queue drains there is room again.
    expect(await pool.verify('x', stored)).toBe(true);
  });

  it('puts a check with priority before the waiting ones, with room of its own when the queue is full', async () => {
    const pool = hasher({ cost: { N: 2 ** 14, r: 8, p: 1 }, threads: 1, maxQueue: 1 });
    const stored = await pool.hash('x');
    const order: string[] = [];
    const strangers = [pool.verify('x', stored), pool.verify('x', stored)].map((check, i) =>
      check.then(() => order.push(`stranger ${i}`)),
    );
    await expect(pool.verify('x', stored)).rejects.toBeInstanceOf(PasswordHasherBusyError);
    const known = pool.verify('x', stored, { priority: true }).then((ok) => {
      order.push('known');
      return ok;
    });
    expect(await known).toBe(true);
    await Promise.all(strangers);
    // The first stranger was already on the thread; the known browser went before the second.
    expect(order).toEqual(['stranger 0', 'known', 'stranger 1']);
  });

  it("leaves libuv's thread pool (where the database flushes) free while it hashes", async () => {
    // Eight hashes of ~16 MiB each: on libuv's four threads they would hold every one of them.
    const pool = hasher({ cost: { N: 2 ** 14, r: 8, p: 1 }, threads: 2, maxQueue: 8 });
    const order: string[] = [];
    const hashes = Array.from({ length: 8 }, () => pool.hash('x').then(() => order.push('hash')));
    // pbkdf2 runs on libuv's pool, as fsync does: it must not wait behind the hashes.
    const libuv = new Promise<void>((resolve, reject) =>
      pbkdf2('x', 'salt', 1, 32, 'sha256', (error) => {
        if (error) reject(error);
        order.push('libuv');
        resolve();
      }),
    );
    await Promise.all([...hashes, libuv]);
    expect(order[0]).toBe('libuv');
  });
});

describe('a check for an e-mail nobody has', () => {
  afterEach(() => vi.restoreAllMocks());

  it('hashes once for real while no real check has been timed, then never', async () => {
    const pool = hasher({ cost: cheap });
    const run = vi.spyOn(Tinypool.prototype, 'run');
    expect(await pool.verifyNoAccount('gæt')).toBe(false);
    // The hash of nothing anyone knows, and the check against it.
    expect(run).toHaveBeenCalledTimes(2);
    expect(pool.recentCheckMs).toHaveLength(2);
    run.mockClear();
    expect(await pool.verifyNoAccount('gæt igen')).toBe(false);
    expect(run).not.toHaveBeenCalled();
  });

  it('waits as long as one of the latest real checks took', async () => {
    const pool = hasher({ cost: cheap });
    await pool.verify('x', await pool.hash('x'));
    const timer = vi.spyOn(globalThis, 'setTimeout');
    await pool.verifyNoAccount('gæt');
    const waits = timer.mock.calls.map(([, ms]) => ms);
    expect(waits.filter((ms) => pool.recentCheckMs.includes(ms!))).toHaveLength(1);
  });

  it('takes a place in the same queue: refused exactly when a real check would be, and in turn', async () => {
    const pool = hasher({ cost: { N: 2 ** 14, r: 8, p: 1 }, threads: 1, maxQueue: 1 });
    const stored = await pool.hash('x');
    const order: string[] = [];
    const first = pool.verify('x', stored).then(() => order.push('real'));
    const unknown = pool.verifyNoAccount('x').then(() => order.push('unknown'));
    await expect(pool.verify('x', stored)).rejects.toBeInstanceOf(PasswordHasherBusyError);
    await expect(pool.verifyNoAccount('x')).rejects.toBeInstanceOf(PasswordHasherBusyError);
    await Promise.all([first, unknown]);
    expect(order).toEqual(['real', 'unknown']);
  });
});

describe('the production cost', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is N=2^17, r=8, p=1 for createCoordinator and createApp, as `stue-hub` runs them', async () => {
    // The hub's test setup lowered the process's cost; put the production default back.
    const lowered = replacePasswordHasher(undefined);
    const db = await testDatabase();
    try {
      expect(PRODUCTION_SCRYPT_COST).toEqual({ N: 131072, r: 8, p: 1 });
      expect(passwordHasher().cost).toEqual(PRODUCTION_SCRYPT_COST);
      // `stue-hub coordinator create` and the demo seed go through createCoordinator.
      await createCoordinator(db, { email: 'mette@example.dk', name: 'Mette', password: 'p' });
      const row = await db.selectFrom('coordinators').select('password_hash').executeTakeFirst();
      expect(row?.password_hash).toMatch(/^scrypt\$131072\$8\$1\$/);
      // `stue-hub serve` runs createApp: an unknown e-mail waits as long as the production-cost
      // hash above took (it was timed), so it takes as long as a known one.
      const timed = passwordHasher().recentCheckMs;
      expect(timed).toHaveLength(1);
      const unknown = vi.spyOn(passwordHasher(), 'verifyNoAccount');
      const timer = vi.spyOn(globalThis, 'setTimeout');
      const res = await createApp({ db }).request('/api/v1/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@example.dk', password: 'p' }),
      });
      expect(res.status).toBe(401);
      expect(unknown).toHaveBeenCalledWith('p', expect.anything());
      expect(timer.mock.calls.map(([, ms]) => ms)).toContain(timed[0]);
    } finally {
      await db.destroy();
      await passwordHasher().close();
      replacePasswordHasher(lowered);
    }
  });
});
