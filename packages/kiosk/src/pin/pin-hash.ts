import type { PinRecord } from '../store/types.js';

/**
 * PBKDF2 rounds for a PIN: slow enough that trying all 10⁴–10⁸ PINs against a copied database
 * takes a while, quick enough (well under a second) on an older tablet.
 */
export const PIN_ITERATIONS = 210_000;

/** The shortest and longest PIN the pad accepts. */
export const PIN_LENGTH = { min: 4, max: 8 } as const;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromBase64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/**
 * Hashes a musician PIN with PBKDF2-SHA-256 and a random salt (WebCrypto). The PIN guards the
 * musician's screens only; answers are protected by sealing, not by the PIN.
 *
 * @example
 * await store.savePin(await hashPin('2468'));
 */
export async function hashPin(pin: string, iterations = PIN_ITERATIONS): Promise<PinRecord> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await derive(pin, salt, iterations);
  return { algorithm: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), hash: toBase64(hash) };
}

/**
 * Whether `pin` matches a stored record.
 *
 * @example
 * if (await verifyPin('2468', record)) openMusicianMode();
 */
export async function verifyPin(pin: string, record: PinRecord): Promise<boolean> {
  const hash = await derive(pin, fromBase64(record.salt), record.iterations);
  const expected = fromBase64(record.hash);
  if (hash.length !== expected.length) return false;
  let difference = 0;
  for (let i = 0; i < hash.length; i += 1) difference |= hash[i]! ^ expected[i]!;
  return difference === 0;
}
