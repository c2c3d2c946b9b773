import { scryptSync } from 'node:crypto';

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
