import * as z from 'zod/mini';
import { fromBase64Url, toBase64Url } from './base64url.js';
import { StueSealingError } from './sealing-error.js';

/** The algorithm of every envelope this SDK seals: one ephemeral ECDH P-256 key per record. */
export const SEAL_ALGORITHM = 'ECDH-P256+HKDF-SHA256+A256GCM';

/**
 * The contexts Stue seals records under. A context is bound into the key derivation and the
 * ciphertext, so a record sealed as one kind cannot be opened as another.
 */
export const SEAL_CONTEXTS = {
  feedbackResponse: 'stue-sealed-v1:feedback-response',
  musicianDebrief: 'stue-sealed-v1:musician-debrief',
} as const;

const ECDH = { name: 'ECDH', namedCurve: 'P-256' } as const;
const IV_BYTES = 12;
const COORDINATE = /^[A-Za-z0-9_-]{43}$/; // 32 bytes, unpadded base64url
const PRIVATE_SCALAR = COORDINATE;

const coordinate = () => z.string().check(z.regex(COORDINATE));

/**
 * A sealed record as it is stored and sent: JSON-serialisable, with no readable trace of the
 * plaintext. `epk` is the ephemeral public key of this one record; `kid`, when present, names the
 * hub key it was sealed to.
 */
export const sealedEnvelopeSchema = z.strictObject({
  v: z.literal(1),
  alg: z.literal(SEAL_ALGORITHM),
  context: z.string().check(z.minLength(1), z.maxLength(200)),
  epk: z.strictObject({
    kty: z.literal('EC'),
    crv: z.literal('P-256'),
    x: coordinate(),
    y: coordinate(),
  }),
  iv: z.string().check(z.regex(/^[A-Za-z0-9_-]{16}$/)),
  // At least the 16-byte authentication tag.
  ct: z.string().check(z.regex(/^[A-Za-z0-9_-]{22,}$/)),
  kid: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
});

/** A sealed record: see {@link sealedEnvelopeSchema}. */
export type SealedEnvelope = z.output<typeof sealedEnvelopeSchema>;

/** The hub's public key as a JWK: the only key a kiosk holds. */
export interface HubPublicKeyJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
  /** The key's RFC 7638 thumbprint, copied into every envelope sealed to it. */
  kid?: string;
}

/** The hub's private key as a JWK: kept on the hub, never sent to a device. */
export interface HubPrivateKeyJwk extends HubPublicKeyJwk {
  d: string;
}

/**
 * A JWK as WebCrypto exports it, with the key id JOSE adds. Written out rather than the DOM's
 * `JsonWebKey`, so the type also reads in a Node-only project (no `DOM` lib); it has the members
 * an EC or symmetric key uses and is assignable both ways to `JsonWebKey`.
 */
export interface Jwk {
  kty?: string;
  crv?: string;
  x?: string;
  y?: string;
  d?: string;
  k?: string;
  alg?: string;
  use?: string;
  key_ops?: string[];
  ext?: boolean;
  kid?: string;
}

/** What {@link seal} accepts: bytes, a string (sealed as UTF-8), or a value sealed as JSON. */
export type SealInput = Uint8Array | string | object;

function subtle(): SubtleCrypto {
  const crypto = globalThis.crypto as Crypto | undefined;
  if (crypto?.subtle === undefined) {
    throw new StueSealingError(
      'crypto_unavailable',
      'WebCrypto is not available here: browsers offer it only on https and localhost',
    );
  }
  return crypto.subtle;
}

function publicPart(jwk: JsonWebKey | undefined, role: string): HubPublicKeyJwk {
  if (
    jwk?.kty !== 'EC' ||
    jwk.crv !== 'P-256' ||
    !COORDINATE.test(jwk.x ?? '') ||
    !COORDINATE.test(jwk.y ?? '')
  ) {
    throw new StueSealingError('invalid_key', `The ${role} is not a P-256 JWK`);
  }
  return { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! };
}

// The uncompressed point (0x04 ‖ x ‖ y) of a public key, as key-agreement transcripts use.
function point(jwk: HubPublicKeyJwk): Uint8Array {
  const x = fromBase64Url(jwk.x)!;
  const y = fromBase64Url(jwk.y)!;
  const bytes = new Uint8Array(1 + x.length + y.length);
  bytes[0] = 4;
  bytes.set(x, 1);
  bytes.set(y, 1 + x.length);
  return bytes;
}

// Binding both public keys into the salt ties the derived key to this sender and this recipient
// (as HPKE's KEM does), and the context keeps one kind of record from opening as another.
async function contentKey(
  shared: ArrayBuffer,
  ephemeral: HubPublicKeyJwk,
  recipient: HubPublicKeyJwk,
  context: string,
  usage: 'encrypt' | 'decrypt',
): Promise<CryptoKey> {
  const crypto = subtle();
  const ikm = await crypto.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  const salt = new Uint8Array([...point(ephemeral), ...point(recipient)]);
  return crypto.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt, info: new TextEncoder().encode(context) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    [usage],
  );
}

function toBytes(plaintext: SealInput): Uint8Array<ArrayBuffer> {
  if (typeof plaintext === 'string') return new TextEncoder().encode(plaintext);
  if (plaintext instanceof ArrayBuffer) return new Uint8Array(plaintext.slice(0));
  // A copy, so the caller can clear its buffer without touching ours, and any view counts as bytes.
  if (ArrayBuffer.isView(plaintext)) {
    return new Uint8Array(plaintext.buffer, plaintext.byteOffset, plaintext.byteLength).slice();
  }
  return new TextEncoder().encode(JSON.stringify(plaintext));
}

function checkContext(context: string): void {
  if (typeof context !== 'string' || context.length === 0 || context.length > 200) {
    throw new StueSealingError('wrong_context', 'A context is a string of 1 to 200 characters');
  }
}

/**
 * The RFC 7638 thumbprint of a P-256 public key: a short, stable name the hub uses to pick the
 * private key an envelope was sealed to.
 *
 * @example
 * await keyId(publicKeyJwk); // 'NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs'
 */
export async function keyId(publicKeyJwk: Jwk): Promise<string> {
  const { crv, kty, x, y } = publicPart(publicKeyJwk, 'key');
  // RFC 7638: the required members, in lexicographic order, without white space.
  const canonical = JSON.stringify({ crv, kty, x, y });
  const digest = await subtle().digest('SHA-256', new TextEncoder().encode(canonical));
  return toBase64Url(new Uint8Array(digest));
}

/**
 * Makes a new key pair for a hub: the public half goes to kiosks at enrolment, the private half
 * stays on the hub. Both carry `kid`, the public key's thumbprint.
 *
 * @example
 * const { publicKeyJwk, privateKeyJwk } = await generateHubKeyPair();
 */
export async function generateHubKeyPair(): Promise<{
  publicKeyJwk: HubPublicKeyJwk;
  privateKeyJwk: HubPrivateKeyJwk;
}> {
  const crypto = subtle();
  const pair = (await crypto.generateKey(ECDH, true, ['deriveBits'])) as CryptoKeyPair;
  const exported = await crypto.exportKey('jwk', pair.privateKey);
  const publicKeyJwk = publicPart(exported, 'key');
  const kid = await keyId(publicKeyJwk);
  return {
    publicKeyJwk: { ...publicKeyJwk, kid },
    privateKeyJwk: { ...publicKeyJwk, d: exported.d!, kid },
  };
}

/**
 * Encrypts `plaintext` to the hub's public key so that only the hub can read it, not the device
 * that sealed it: a fresh ephemeral ECDH P-256 key per record (non-extractable, dropped after
 * use), HKDF-SHA-256 and AES-256-GCM with a random 12-byte IV. `context` (such as
 * {@link SEAL_CONTEXTS}`.feedbackResponse`) is bound in as HKDF info and AES additional data, and
 * must be given again to open. Strings are sealed as UTF-8, other values (not bytes) as JSON.
 *
 * @example
 * const envelope = await seal(hubPublicKeyJwk, response, SEAL_CONTEXTS.feedbackResponse);
 * await outbox.put({ id: response.id, envelope }); // the tablet keeps only the envelope
 */
export async function seal(
  publicKeyJwk: Jwk,
  plaintext: SealInput,
  context: string,
): Promise<SealedEnvelope> {
  checkContext(context);
  if (publicKeyJwk?.d !== undefined) {
    // Sealing with the private half would mean a device holds it, which defeats sealing.
    throw new StueSealingError('invalid_key', 'A private key was given where the public key goes');
  }
  const recipient = publicPart(publicKeyJwk, 'public key');
  const crypto = subtle();
  let recipientKey: CryptoKey;
  try {
    recipientKey = await crypto.importKey('jwk', recipient, ECDH, false, []);
  } catch (cause) {
    throw new StueSealingError('invalid_key', 'The public key is not a valid P-256 point', {
      cause,
    });
  }
  const ephemeral = (await crypto.generateKey(ECDH, false, ['deriveBits'])) as CryptoKeyPair;
  const epk = publicPart(await crypto.exportKey('jwk', ephemeral.publicKey), 'ephemeral key');
  const shared = await crypto.deriveBits(
    { name: 'ECDH', public: recipientKey },
    ephemeral.privateKey,
    256,
  );
  const key = await contentKey(shared, epk, recipient, context, 'encrypt');
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const ct = await crypto.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(context) },
    key,
    toBytes(plaintext),
  );
  const envelope: SealedEnvelope = {
    v: 1,
    alg: SEAL_ALGORITHM,
    context,
    epk,
    iv: toBase64Url(iv),
    ct: toBase64Url(new Uint8Array(ct)),
  };
  if (typeof publicKeyJwk.kid === 'string' && publicKeyJwk.kid !== '') {
    envelope.kid = publicKeyJwk.kid;
  }
  return envelope;
}

/**
 * Decrypts an envelope with the hub's private key and returns the sealed bytes. Throws
 * {@link StueSealingError}: `malformed_envelope`, `wrong_context` (the envelope was sealed under
 * another context than `expectedContext`), `wrong_key` (its `kid` names another key),
 * `cannot_open` (another private key, or the envelope was altered), `invalid_key`.
 *
 * @example
 * const bytes = await openSealed(hubPrivateKeyJwk, body.envelope, SEAL_CONTEXTS.feedbackResponse);
 */
export async function openSealed(
  privateKeyJwk: Jwk,
  envelope: unknown,
  expectedContext: string,
): Promise<Uint8Array<ArrayBuffer>> {
  checkContext(expectedContext);
  const parsed = z.safeParse(sealedEnvelopeSchema, envelope);
  if (!parsed.success) {
    throw new StueSealingError('malformed_envelope', 'This is not a sealed envelope Stue can read');
  }
  const sealed = parsed.data;
  const iv = fromBase64Url(sealed.iv);
  const ct = fromBase64Url(sealed.ct);
  if (iv === undefined || ct === undefined) {
    throw new StueSealingError(
      'malformed_envelope',
      'The envelope’s iv or ciphertext is not base64url',
    );
  }
  if (sealed.context !== expectedContext) {
    throw new StueSealingError('wrong_context', 'The envelope was sealed for another purpose');
  }
  const recipient = publicPart(privateKeyJwk, 'private key');
  if (!PRIVATE_SCALAR.test(privateKeyJwk.d ?? '')) {
    throw new StueSealingError('invalid_key', 'The private key has no private part');
  }
  if (
    sealed.kid !== undefined &&
    privateKeyJwk.kid !== undefined &&
    sealed.kid !== privateKeyJwk.kid
  ) {
    throw new StueSealingError('wrong_key', 'The envelope was sealed to another key');
  }
  const crypto = subtle();
  let privateKey: CryptoKey;
  try {
    privateKey = await crypto.importKey('jwk', { ...recipient, d: privateKeyJwk.d }, ECDH, false, [
      'deriveBits',
    ]);
  } catch (cause) {
    throw new StueSealingError('invalid_key', 'The private key is not a valid P-256 key', {
      cause,
    });
  }
  let ephemeralKey: CryptoKey;
  try {
    ephemeralKey = await crypto.importKey('jwk', sealed.epk, ECDH, false, []);
  } catch (cause) {
    throw new StueSealingError('malformed_envelope', 'The envelope’s key is not a P-256 point', {
      cause,
    });
  }
  try {
    const shared = await crypto.deriveBits({ name: 'ECDH', public: ephemeralKey }, privateKey, 256);
    const key = await contentKey(shared, sealed.epk, recipient, sealed.context, 'decrypt');
    const plaintext = await crypto.decrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(sealed.context) },
      key,
      ct,
    );
    return new Uint8Array(plaintext);
  } catch (cause) {
    throw new StueSealingError(
      'cannot_open',
      'The envelope cannot be opened with this key, or it was altered',
      { cause },
    );
  }
}

/**
 * {@link openSealed}, then parses the bytes as UTF-8 JSON. The value is `unknown`: validate it with its
 * schema before use, as with any input.
 *
 * @example
 * const value = await openSealedJson(hubPrivateKeyJwk, envelope, SEAL_CONTEXTS.feedbackResponse);
 * const result = validate(feedbackResponseSchema, value);
 */
export async function openSealedJson(
  privateKeyJwk: Jwk,
  envelope: unknown,
  expectedContext: string,
): Promise<unknown> {
  const bytes = await openSealed(privateKeyJwk, envelope, expectedContext);
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (cause) {
    throw new StueSealingError('not_json', 'The envelope opened, but does not hold JSON', {
      cause,
    });
  }
}
