/**
 * A new client-generated record id: a UUIDv7 (RFC 9562), so ids sort by creation time and can be
 * made offline before the record is first sent. Ids made in the same millisecond still sort in
 * the order they were made: after the 48-bit time come 31 bits of a counter that starts at a
 * random value each millisecond and counts up within it (should it run over, the time moves on by
 * one), then 43 random bits.
 *
 * @example
 * const id = newId(); // '0193b5a2-7c1e-7a4b-9f3d-2b8c1e6f0a9d'
 */
export function newId(): string {
  const random = crypto.getRandomValues(new Uint8Array(16));
  const now = Date.now();
  if (now > last.msecs) {
    last.msecs = now;
    last.seq = ((random[6]! & 0x7f) << 24) | (random[7]! << 16) | (random[8]! << 8) | random[9]!;
  } else {
    last.seq = (last.seq + 1) | 0;
    if (last.seq === 0) last.msecs++;
  }
  const { msecs, seq } = last;
  const bytes = [
    // The time: 48 bits, big-endian.
    ...[40, 32, 24, 16, 8, 0].map((shift) => Math.floor(msecs / 2 ** shift) & 0xff),
    0x70 | ((seq >>> 28) & 0x0f),
    (seq >>> 20) & 0xff,
    0x80 | ((seq >>> 14) & 0x3f),
    (seq >>> 6) & 0xff,
    ((seq << 2) & 0xff) | (random[10]! & 0x03),
    ...random.subarray(11),
  ];
  const hex = bytes.map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The last id's time and counter: the next id in the same millisecond counts on from them. */
const last = { msecs: -Infinity, seq: 0 };

/**
 * A UUIDv7 as a regular expression's source (either case), for descriptions of the API such as
 * its OpenAPI document; code checks ids with {@link isUuidV7}.
 */
export const UUID_V7_PATTERN =
  '^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-7[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}$';

const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Whether `value` is a UUIDv7 string (the only id form Stue accepts from clients). */
export function isUuidV7(value: unknown): value is string {
  return typeof value === 'string' && UUID_V7.test(value);
}
