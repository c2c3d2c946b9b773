// The sealing checks both runtimes must pass: seal.test.ts runs them in Node, seal.browser.test.ts
// in Chromium. They assert with plain throws so one table serves vitest and mocha alike.
import { fromBase64Url, toBase64Url } from './base64url.js';
import {
  generateHubKeyPair,
  openSealed,
  openSealedJson,
  seal,
  type SealedEnvelope,
} from './seal.js';
import { StueSealingError, type SealingErrorCode } from './sealing-error.js';

/** A test-only key pair and envelope, sealed once in one runtime and committed. */
export interface SealingTestVector {
  description: string;
  sealedIn: string;
  context: string;
  plaintext: unknown;
  publicKeyJwk: JsonWebKey & { kid?: string };
  TEST_ONLY_privateKeyJwk: JsonWebKey & { kid?: string };
  envelope: SealedEnvelope;
}

const CONTEXT = 'stue-sealed-v1:feedback-response';

const record = {
  schemaVersion: 1,
  role: 'host',
  answers: { feelings: { choices: ['moved', 'sad'] } },
  note: 'Ingrid Sentinel-Øster 20 30 40 50',
};

function fail(message: string): never {
  throw new Error(message);
}

function assertEqual(actual: unknown, expected: unknown, what: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) fail(`${what}: expected ${e}, got ${a}`);
}

async function assertSealingError(
  attempt: Promise<unknown>,
  code: SealingErrorCode,
  what: string,
): Promise<void> {
  try {
    await attempt;
  } catch (error) {
    if (!(error instanceof StueSealingError)) fail(`${what}: threw ${String(error)}`);
    if (error.code !== code) fail(`${what}: expected code ${code}, got ${error.code}`);
    if (error.name !== 'StueSealingError') fail(`${what}: name is ${error.name}`);
    return;
  }
  fail(`${what}: expected StueSealingError ${code}, but it opened`);
}

// Flips one bit in the middle of a base64url field, keeping it valid base64url of the same length.
function flipBit(field: string): string {
  const bytes = fromBase64Url(field)!;
  const at = Math.floor(bytes.length / 2);
  bytes[at] = bytes[at]! ^ 0x01;
  return toBase64Url(bytes);
}

async function keysAndEnvelope() {
  const keys = await generateHubKeyPair();
  const envelope = await seal(keys.publicKeyJwk, record, CONTEXT);
  return { ...keys, envelope };
}

/** Each case is a name and a check that throws when sealing misbehaves. */
export const sealingCases: [string, () => Promise<void>][] = [
  [
    'seals a record and opens it again with the private key',
    async () => {
      const { privateKeyJwk, envelope } = await keysAndEnvelope();
      assertEqual(await openSealedJson(privateKeyJwk, envelope, CONTEXT), record, 'opened record');
    },
  ],
  [
    'round-trips bytes and strings exactly, including æøå, emoji and an empty value',
    async () => {
      const { publicKeyJwk, privateKeyJwk } = await generateHubKeyPair();
      const bytes = new Uint8Array([0, 1, 2, 254, 255]);
      assertEqual(
        [...(await openSealed(privateKeyJwk, await seal(publicKeyJwk, bytes, CONTEXT), CONTEXT))],
        [...bytes],
        'bytes',
      );
      const text = 'Rørt 🎻 ‮ zero\u200bwidth';
      const opened = await openSealed(
        privateKeyJwk,
        await seal(publicKeyJwk, text, CONTEXT),
        CONTEXT,
      );
      assertEqual(new TextDecoder().decode(opened), text, 'text');
      const empty = await openSealed(privateKeyJwk, await seal(publicKeyJwk, '', CONTEXT), CONTEXT);
      assertEqual(empty.length, 0, 'empty');
    },
  ],
  [
    'gives a JSON-serialisable envelope of the documented shape, naming the key',
    async () => {
      const { publicKeyJwk, envelope } = await keysAndEnvelope();
      const copy = JSON.parse(JSON.stringify(envelope)) as SealedEnvelope;
      assertEqual(copy, envelope, 'JSON round trip');
      assertEqual(
        Object.keys(envelope).sort(),
        ['alg', 'context', 'ct', 'epk', 'iv', 'kid', 'v'],
        'keys',
      );
      assertEqual([envelope.v, envelope.alg], [1, 'ECDH-P256+HKDF-SHA256+A256GCM'], 'version');
      assertEqual(Object.keys(envelope.epk).sort(), ['crv', 'kty', 'x', 'y'], 'public epk only');
      assertEqual(fromBase64Url(envelope.iv)!.length, 12, 'iv length');
      assertEqual(envelope.kid, publicKeyJwk.kid, 'kid');
    },
  ],
  [
    'leaves no trace of the plaintext in the envelope',
    async () => {
      const { envelope } = await keysAndEnvelope();
      const json = JSON.stringify(envelope);
      const plain = JSON.stringify(record);
      const b64 = toBase64Url(new TextEncoder().encode(plain));
      for (const needle of [
        'Sentinel',
        'Øster',
        '20 30 40 50',
        'moved',
        'answers',
        b64.slice(8, 40),
      ]) {
        if (json.includes(needle)) fail(`the envelope contains ${needle}`);
      }
    },
  ],
  [
    'seals the same plaintext differently every time',
    async () => {
      const { publicKeyJwk } = await generateHubKeyPair();
      const a = await seal(publicKeyJwk, record, CONTEXT);
      const b = await seal(publicKeyJwk, record, CONTEXT);
      if (a.ct === b.ct) fail('same ciphertext twice');
      if (a.iv === b.iv) fail('same iv twice');
      if (a.epk.x === b.epk.x) fail('same ephemeral key twice');
    },
  ],
  [
    'refuses an altered ciphertext',
    async () => {
      const { privateKeyJwk, envelope } = await keysAndEnvelope();
      const altered = { ...envelope, ct: flipBit(envelope.ct) };
      await assertSealingError(openSealed(privateKeyJwk, altered, CONTEXT), 'cannot_open', 'ct');
      const cut = { ...envelope, ct: envelope.ct.slice(0, -4) };
      await assertSealingError(openSealed(privateKeyJwk, cut, CONTEXT), 'cannot_open', 'cut ct');
    },
  ],
  [
    'refuses an altered iv',
    async () => {
      const { privateKeyJwk, envelope } = await keysAndEnvelope();
      const altered = { ...envelope, iv: flipBit(envelope.iv) };
      await assertSealingError(openSealed(privateKeyJwk, altered, CONTEXT), 'cannot_open', 'iv');
    },
  ],
  [
    'refuses another ephemeral key, and one that is not a point on the curve',
    async () => {
      const { privateKeyJwk, publicKeyJwk, envelope } = await keysAndEnvelope();
      const other = await seal(publicKeyJwk, record, CONTEXT);
      const swapped = { ...envelope, epk: other.epk };
      await assertSealingError(openSealed(privateKeyJwk, swapped, CONTEXT), 'cannot_open', 'epk');
      const offCurve = { ...envelope, epk: { ...envelope.epk, x: flipBit(envelope.epk.x) } };
      await assertSealingError(
        openSealed(privateKeyJwk, offCurve, CONTEXT),
        'malformed_envelope',
        'epk off the curve',
      );
    },
  ],
  [
    'refuses to open under another context, even when the envelope claims it',
    async () => {
      const { privateKeyJwk, envelope } = await keysAndEnvelope();
      const other = 'stue-sealed-v1:musician-debrief';
      await assertSealingError(
        openSealed(privateKeyJwk, envelope, other),
        'wrong_context',
        'asked',
      );
      const relabelled = { ...envelope, context: other };
      await assertSealingError(
        openSealed(privateKeyJwk, relabelled, other),
        'cannot_open',
        'claimed',
      );
    },
  ],
  [
    'cannot be opened with another key pair, named or not',
    async () => {
      const { envelope } = await keysAndEnvelope();
      const other = await generateHubKeyPair();
      await assertSealingError(
        openSealed(other.privateKeyJwk, envelope, CONTEXT),
        'wrong_key',
        'kid',
      );
      const unnamed: JsonWebKey & { kid?: string } = { ...other.privateKeyJwk };
      delete unnamed.kid;
      await assertSealingError(openSealed(unnamed, envelope, CONTEXT), 'cannot_open', 'no kid');
    },
  ],
  [
    'refuses malformed envelopes',
    async () => {
      const { privateKeyJwk, envelope } = await keysAndEnvelope();
      const bad: unknown[] = [
        undefined,
        'envelope',
        {},
        { ...envelope, v: 2 },
        { ...envelope, alg: 'RSA-OAEP' },
        { ...envelope, iv: 'short' },
        { ...envelope, ct: '' },
        { ...envelope, epk: { ...envelope.epk, d: envelope.epk.x } },
        { ...envelope, extra: true },
      ];
      for (const [index, candidate] of bad.entries()) {
        await assertSealingError(
          openSealed(privateKeyJwk, candidate, CONTEXT),
          'malformed_envelope',
          `bad envelope ${index}`,
        );
      }
    },
  ],
  [
    'refuses keys of the wrong kind',
    async () => {
      const { publicKeyJwk, privateKeyJwk, envelope } = await keysAndEnvelope();
      await assertSealingError(seal(privateKeyJwk, record, CONTEXT), 'invalid_key', 'private');
      await assertSealingError(
        seal({ ...publicKeyJwk, crv: 'P-384' }, record, CONTEXT),
        'invalid_key',
        'P-384',
      );
      await assertSealingError(
        seal({ ...publicKeyJwk, x: flipBit(publicKeyJwk.x) }, record, CONTEXT),
        'invalid_key',
        'off the curve',
      );
      await assertSealingError(
        openSealed(publicKeyJwk, envelope, CONTEXT),
        'invalid_key',
        'public',
      );
    },
  ],
  [
    'says when an opened envelope holds no JSON',
    async () => {
      const { publicKeyJwk, privateKeyJwk } = await generateHubKeyPair();
      const envelope = await seal(publicKeyJwk, 'not { json', CONTEXT);
      await assertSealingError(
        openSealedJson(privateKeyJwk, envelope, CONTEXT),
        'not_json',
        'text',
      );
    },
  ],
];

/** Opens a committed test vector and checks it holds what it says. */
export async function openTestVector(vector: SealingTestVector): Promise<void> {
  const opened = await openSealedJson(
    vector.TEST_ONLY_privateKeyJwk,
    vector.envelope,
    vector.context,
  );
  assertEqual(opened, vector.plaintext, `vector sealed in ${vector.sealedIn}`);
}
