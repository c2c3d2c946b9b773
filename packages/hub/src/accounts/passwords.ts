import { randomBytes, timingSafeEqual } from 'node:crypto';
import Tinypool from 'tinypool';
import type { ScryptTask } from './scrypt-worker.js';

/** scrypt's cost parameters. */
export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/**
 * OWASP's scrypt floor (N=2^17, r=8, p=1), with 128 MiB of memory: about 0.1–0.3 s a hash on one
 * core, which is what a sign-in should cost. Every hub process hashes at this cost; only the hub's
 * own tests lower it (`setup.test-support.ts`), and `passwords.test.ts` proves that production does not.
 */
export const PRODUCTION_SCRYPT_COST: ScryptCost = Object.freeze({ N: 2 ** 17, r: 8, p: 1 });

const KEY_LENGTH = 32;
// How many real checks' durations an unknown e-mail's check draws from: enough to follow the
// machine's load and the natural spread of scrypt's time, few enough to follow it quickly.
const RECENT_RUNS = 16;

/** How a {@link PasswordHasher} works. */
export interface PasswordHasherOptions {
  /** New hashes' cost (default {@link PRODUCTION_SCRYPT_COST}); checks use the stored hash's. */
  cost?: ScryptCost;
  /** Hashes at once, each on a thread of its own (default 1: the other core serves requests). */
  threads?: number;
  /** Hashes waiting for a thread; one more is refused with {@link PasswordHasherBusyError}. */
  maxQueue?: number;
}

/** Every thread is hashing and the queue is full: the sign-in is refused, not queued. */
export class PasswordHasherBusyError extends Error {
  override name = 'PasswordHasherBusyError';
}

/**
 * Hashes and checks passwords with scrypt on a bounded pool of worker threads of its own
 * (tinypool, ADR 0010): at most `threads` at once, at most `maxQueue` waiting, the rest refused.
 * A storm of sign-ins therefore costs at most `threads` cores, and never holds up libuv's thread
 * pool, where the database flushes its log.
 *
 * @example
 * const hasher = new PasswordHasher();
 * const stored = await hasher.hash('correct horse battery staple');
 * await hasher.verify('correct horse battery staple', stored); // true
 */
export class PasswordHasher {
  /** The cost of new hashes. */
  readonly cost: ScryptCost;
  readonly #threads: number;
  readonly #maxQueue: number;
  #pool: Tinypool | undefined;
  #running = 0;
  // Waiting tries, those with priority first (the first `#waitingFirst` of them).
  readonly #waiting: {
    work: () => Promise<string>;
    resolve: (key: string) => void;
    reject: (error: unknown) => void;
  }[] = [];
  #waitingFirst = 0;
  #dummyHash: Promise<string> | undefined;
  // How long the latest real derivations took on their thread (ms), oldest first: a check for an
  // e-mail nobody has waits as long as one of them (see `verifyNoAccount`).
  readonly #recentMs: number[] = [];

  constructor({
    cost = PRODUCTION_SCRYPT_COST,
    threads = 1,
    maxQueue = 8,
  }: PasswordHasherOptions = {}) {
    this.cost = Object.freeze({ ...cost });
    this.#threads = threads;
    this.#maxQueue = maxQueue;
  }

  // The thread starts with the first hash, not with the process, and an idle thread does not
  // keep the process alive (tinypool unreferences it).
  #startPool(): Tinypool {
    this.#pool ??= new Tinypool({
      // The worker is TypeScript in the source tree (tests), JavaScript once built.
      filename: new URL(
        import.meta.url.endsWith('.ts') ? './scrypt-worker.ts' : './scrypt-worker.js',
        import.meta.url,
      ).href,
      name: 'derive',
      minThreads: 0,
      maxThreads: this.#threads,
      idleTimeout: 60_000,
    });
    return this.#pool;
  }

  // The queue is kept here, not in tinypool, so that the bound is exact and a try with priority
  // can go before the others: tinypool is handed a task only when a thread is free.
  #derive(task: ScryptTask, priority = false): Promise<string> {
    return this.#enqueue(() => this.#run(task), priority);
  }

  #run(task: ScryptTask): Promise<string> {
    const started = performance.now();
    return (this.#startPool().run(task) as Promise<string>).then((key) => {
      this.#recentMs.push(performance.now() - started);
      if (this.#recentMs.length > RECENT_RUNS) this.#recentMs.shift();
      return key;
    });
  }

  #enqueue(work: () => Promise<string>, priority: boolean): Promise<string> {
    const full = priority
      ? this.#waitingFirst >= this.#maxQueue
      : this.#running + this.#waiting.length >= this.#threads + this.#maxQueue;
    if (full) return Promise.reject(new PasswordHasherBusyError());
    return new Promise<string>((resolve, reject) => {
      const entry = { work, resolve, reject };
      if (priority) this.#waiting.splice(this.#waitingFirst++, 0, entry);
      else this.#waiting.push(entry);
      this.#next();
    });
  }

  #next() {
    while (this.#running < this.#threads && this.#waiting.length > 0) {
      const { work, resolve, reject } = this.#waiting.shift()!;
      if (this.#waitingFirst > 0) this.#waitingFirst -= 1;
      this.#running += 1;
      work()
        .then(resolve, reject)
        .finally(() => {
          this.#running -= 1;
          this.#next();
        });
    }
  }

  /** How long the latest real derivations took on their thread, in ms, oldest first. */
  get recentCheckMs(): readonly number[] {
    return [...this.#recentMs];
  }

  /** Hashes a password with a random salt, as `scrypt$N$r$p$salt$hash`. */
  async hash(password: string): Promise<string> {
    const salt = randomBytes(16).toString('base64url');
    const { N, r, p } = this.cost;
    const key = await this.#derive({
      password: password.normalize('NFC'),
      salt,
      N,
      r,
      p,
      keyLength: KEY_LENGTH,
    });
    return ['scrypt', N, r, p, salt, key].join('$');
  }

  /**
   * Whether `password` matches a hash from {@link hash}, at the cost stored with it, compared in
   * constant time. Rejects with {@link PasswordHasherBusyError} when the pool is full. With
   * `priority` (a browser that signed in to the account before) the check goes before every
   * waiting one without it, and has a queue of `maxQueue` of its own: strangers filling the pool
   * never keep the account's own browser out.
   */
  async verify(
    password: string,
    stored: string,
    { priority = false }: { priority?: boolean } = {},
  ): Promise<boolean> {
    const [scheme, n, r, p, salt, hash] = stored.split('$');
    if (scheme !== 'scrypt' || !salt || !hash) return false;
    const expected = Buffer.from(hash, 'base64url');
    const key = Buffer.from(
      await this.#derive(
        {
          password: password.normalize('NFC'),
          salt,
          N: Number(n),
          r: Number(r),
          p: Number(p),
          keyLength: expected.length || KEY_LENGTH,
        },
        priority,
      ),
      'base64url',
    );
    return key.length === expected.length && timingSafeEqual(key, expected);
  }

  /**
   * The check for an e-mail that no account has: always `false`, and from outside just like a
   * wrong password for a real account. It waits in the same queue, holds a thread's place (so it
   * is refused with {@link PasswordHasherBusyError} exactly when a real check would be) and then
   * waits as long as one of the latest real checks took, without hashing: a storm of made-up
   * e-mails costs no CPU (ADR 0010). Until a real check has been timed it hashes once for real.
   */
  async verifyNoAccount(
    password: string,
    { priority = false }: { priority?: boolean } = {},
  ): Promise<false> {
    if (this.#recentMs.length === 0) {
      await this.verify(password, await this.#dummy(), { priority });
      return false;
    }
    const ms = this.#recentMs[Math.floor(Math.random() * this.#recentMs.length)]!;
    await this.#enqueue(
      () => new Promise<string>((resolve) => setTimeout(resolve, ms, '')),
      priority,
    );
    return false;
  }

  // A hash of nothing anyone knows, at this hasher's cost, for the first check of an unknown e-mail.
  #dummy(): Promise<string> {
    this.#dummyHash ??= this.hash(randomBytes(16).toString('hex'));
    this.#dummyHash.catch(() => {
      this.#dummyHash = undefined;
    });
    return this.#dummyHash;
  }

  /** Stops the pool's threads (refusing what still waits); hashing again starts them anew. */
  async close(): Promise<void> {
    for (const { reject } of this.#waiting.splice(0)) reject(new PasswordHasherBusyError());
    this.#waitingFirst = 0;
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.destroy();
  }
}

let processHasher: PasswordHasher | undefined;

/**
 * The process's hasher, which `stue-hub`, `createApp` and `createCoordinator` use: production cost
 * unless the hub's test setup put another in its place with {@link replacePasswordHasher}.
 */
export function passwordHasher(): PasswordHasher {
  processHasher ??= new PasswordHasher();
  return processHasher;
}

/**
 * Puts `next` in place of the process's hasher (`undefined`: a production one on next use) and
 * returns the one it replaces. For the hub's test setup only, which lowers the cost so the suite
 * runs in minutes; deliberately not reachable from any setting or environment variable.
 */
export function replacePasswordHasher(
  next: PasswordHasher | undefined,
): PasswordHasher | undefined {
  const previous = processHasher;
  processHasher = next;
  return previous;
}

/**
 * Hashes a password with the process's hasher, as `scrypt$N$r$p$salt$hash`.
 *
 * @example
 * const stored = await hashPassword('correct horse battery staple');
 */
export function hashPassword(password: string): Promise<string> {
  return passwordHasher().hash(password);
}

/** Whether `password` matches a hash from {@link hashPassword}, compared in constant time. */
export function verifyPassword(
  password: string,
  stored: string,
  options?: { priority?: boolean },
): Promise<boolean> {
  return passwordHasher().verify(password, stored, options);
}

/** The process hasher's {@link PasswordHasher.verifyNoAccount}. */
export function verifyNoAccount(
  password: string,
  options?: { priority?: boolean },
): Promise<false> {
  return passwordHasher().verifyNoAccount(password, options);
}
