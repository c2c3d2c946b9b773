import { scryptSync } from 'node:crypto';
import { setPriority } from 'node:os';

// This thread gives way to every other: on Linux a nice value belongs to the thread that sets it,
// so requests, database writes and fsync keep their share of the CPU during a storm of sign-ins.
// Where the system does not allow it, the thread runs at normal priority.
try {
  setPriority(19);
} catch {
  // Not allowed here: hashing still works.
}

/** One scrypt derivation, as the password pool hands it to its thread. */
export interface ScryptTask {
  password: string;
  /** The salt, base64url. */
  salt: string;
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

/**
 * Runs on the password pool's own thread (ADR 0010). `scryptSync` keeps the work on this thread:
 * the asynchronous `scrypt` would queue it on libuv's four threads, which the database's `fsync`
 * needs. Returns the key, base64url.
 */
export function derive(task: ScryptTask): string {
  const { password, salt, N, r, p, keyLength } = task;
  return scryptSync(password, Buffer.from(salt, 'base64url'), keyLength, {
    N,
    r,
    p,
    maxmem: 256 * N * r,
  }).toString('base64url');
}
