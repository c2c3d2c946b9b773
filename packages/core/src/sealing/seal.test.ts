import { createDecipheriv, createECDH, hkdfSync } from 'node:crypto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { validate } from '../validation/validate.js';
import { fromBase64Url, toBase64Url } from './base64url.js';
import browserSealed from './fixtures/test-vector.browser-sealed.json' with { type: 'json' };
import nodeSealed from './fixtures/test-vector.node-sealed.json' with { type: 'json' };
import {
  generateHubKeyPair,
  keyId,
  SEAL_CONTEXTS,
  seal,
  sealedEnvelopeSchema,
  type SealedEnvelope,
} from './seal.js';
import { openTestVector, sealingCases, type SealingTestVector } from './seal-cases.test-support.js';
import { StueSealingError } from './sealing-error.js';
import { StueError } from '../errors.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('sealing in Node', () => {
  it.each(sealingCases)('%s', async (_, check) => {
    await check();
  });
});

describe('committed test vectors', () => {
  it('opens the envelope sealed in Node', async () => {
    await openTestVector(nodeSealed as SealingTestVector);
  });

  it('opens the envelope sealed in Chromium', async () => {
    expect(browserSealed.sealedIn).toMatch(/Chrom/);
    await openTestVector(browserSealed as SealingTestVector);
  });

  it('are envelopes the schema accepts, each sealed to the test-only key it names', async () => {
    for (const vector of [nodeSealed, browserSealed] as SealingTestVector[]) {
      expect(validate(sealedEnvelopeSchema, vector.envelope).ok).toBe(true);
      expect(vector.envelope.kid).toBe(await keyId(vector.publicKeyJwk));
    }
  });

  // A second implementation from the documented construction alone (node:crypto, no WebCrypto),
  // so a hub in another language can follow the same description.
  it('opens with an independent implementation of the documented construction', () => {
    for (const vector of [nodeSealed, browserSealed] as SealingTestVector[]) {
      const { envelope, TEST_ONLY_privateKeyJwk: key } = vector;
      const point = (jwk: { x?: string; y?: string }) =>
        Buffer.concat([Buffer.from([4]), fromBase64Url(jwk.x!)!, fromBase64Url(jwk.y!)!]);
      const ecdh = createECDH('prime256v1');
      ecdh.setPrivateKey(fromBase64Url(key.d!)!);
      const shared = ecdh.computeSecret(point(envelope.epk));
      const salt = Buffer.concat([point(envelope.epk), point(key)]);
      const aesKey = hkdfSync('sha256', shared, salt, envelope.context, 32);
      const ct = fromBase64Url(envelope.ct)!;
      const decipher = createDecipheriv(
        'aes-256-gcm',
        Buffer.from(aesKey),
        fromBase64Url(envelope.iv)!,
      );
      decipher.setAAD(Buffer.from(envelope.context));
      decipher.setAuthTag(ct.subarray(-16));
      const plain = Buffer.concat([decipher.update(ct.subarray(0, -16)), decipher.final()]);
      expect(JSON.parse(plain.toString('utf8'))).toEqual(vector.plaintext);
    }
  });
});

describe('seal', () => {
  it('keeps the ephemeral private key non-extractable and returns only its public half', async () => {
    const { publicKeyJwk } = await generateHubKeyPair();
    const generateKey = vi.spyOn(globalThis.crypto.subtle, 'generateKey');
    const envelope = await seal(publicKeyJwk, { a: 1 }, SEAL_CONTEXTS.feedbackResponse);
    expect(generateKey).toHaveBeenCalledTimes(1);
    const pair = (await generateKey.mock.results[0]!.value) as CryptoKeyPair;
    expect(pair.privateKey.extractable).toBe(false);
    expect(envelope.epk).not.toHaveProperty('d');
    expect(JSON.stringify(envelope)).not.toContain('"d"');
  });

  it('uses a fresh 12-byte iv from the random source for every record', async () => {
    const { publicKeyJwk } = await generateHubKeyPair();
    const random = vi.spyOn(globalThis.crypto, 'getRandomValues');
    const envelope = await seal(publicKeyJwk, 'x', SEAL_CONTEXTS.musicianDebrief);
    const iv = random.mock.results.at(-1)!.value as Uint8Array;
    expect(iv).toHaveLength(12);
    expect(envelope.iv).toBe(toBase64Url(iv));
  });

  it('refuses an empty context', async () => {
    const { publicKeyJwk } = await generateHubKeyPair();
    await expect(seal(publicKeyJwk, 'x', '')).rejects.toMatchObject({ code: 'wrong_context' });
  });

  it('says so, with a typed error, when WebCrypto is missing (a browser page on plain http)', async () => {
    vi.spyOn(globalThis, 'crypto', 'get').mockReturnValue(undefined as unknown as Crypto);
    const error = await generateHubKeyPair().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StueSealingError);
    expect(error).toBeInstanceOf(StueError);
    expect(error).toMatchObject({ name: 'StueSealingError', code: 'crypto_unavailable' });
  });

  it('seals other views and buffers as their bytes, not as JSON', async () => {
    const { publicKeyJwk, privateKeyJwk } = await generateHubKeyPair();
    const { openSealed } = await import('./seal.js');
    const bytes = new Uint8Array([9, 8, 7, 6]);
    for (const input of [bytes.buffer, new DataView(bytes.buffer, 1, 2)]) {
      const opened = await openSealed(privateKeyJwk, await seal(publicKeyJwk, input, 'c'), 'c');
      expect([...opened]).toEqual(input instanceof DataView ? [8, 7] : [9, 8, 7, 6]);
    }
  });
});

describe('keyId', () => {
  it('is the RFC 7638 thumbprint: the same for a key however its JWK is dressed', async () => {
    const { publicKeyJwk, privateKeyJwk } = await generateHubKeyPair();
    const dressed = { ...publicKeyJwk, kid: 'other', ext: true, key_ops: [] };
    expect(await keyId(dressed)).toBe(publicKeyJwk.kid);
    expect(await keyId(privateKeyJwk)).toBe(publicKeyJwk.kid);
  });
});

describe('sealedEnvelopeSchema', () => {
  it('accepts what seal makes and refuses a private part in the ephemeral key', async () => {
    const { publicKeyJwk } = await generateHubKeyPair();
    const envelope: SealedEnvelope = await seal(publicKeyJwk, 'x', 'c');
    expect(validate(sealedEnvelopeSchema, envelope).ok).toBe(true);
    const withD = { ...envelope, epk: { ...envelope.epk, d: envelope.epk.x } };
    expect(validate(sealedEnvelopeSchema, withD)).toMatchObject({
      ok: false,
      issues: [{ path: 'epk.d', code: 'unknown_key' }],
    });
  });
});
