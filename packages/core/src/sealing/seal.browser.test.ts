import { expect } from '@open-wc/testing';
import { openSealedJson, seal } from './seal.js';
import { openTestVector, sealingCases, type SealingTestVector } from './seal-cases.test-support.js';

describe('sealing in Chromium', () => {
  for (const [name, check] of sealingCases) it(name, check);
});

// The test server serves JSON as a file, not as a module, so the vectors are fetched.
async function vector(name: string): Promise<SealingTestVector> {
  const response = await fetch(new URL(`./fixtures/${name}.json`, import.meta.url));
  return (await response.json()) as SealingTestVector;
}

describe('committed test vectors in Chromium', () => {
  it('opens the envelope sealed in Node', async () => {
    const nodeSealed = await vector('test-vector.node-sealed');
    expect(nodeSealed.sealedIn).to.match(/^Node/);
    await openTestVector(nodeSealed);
  });

  it('opens the envelope sealed in Chromium', async () => {
    await openTestVector(await vector('test-vector.browser-sealed'));
  });

  it('seals to the committed test key what that key opens', async () => {
    const { publicKeyJwk, TEST_ONLY_privateKeyJwk, context, plaintext } =
      await vector('test-vector.node-sealed');
    const envelope = await seal(publicKeyJwk, plaintext as object, context);
    expect(envelope.kid).to.equal(publicKeyJwk.kid);
    expect(await openSealedJson(TEST_ONLY_privateKeyJwk, envelope, context)).to.deep.equal(
      plaintext,
    );
  });
});
