import { describe, expect, it, vi } from 'vitest';
import { newId } from '../ids.js';
import { exampleNominationV2 } from '../schemas/examples.js';
import type { NominationV2Input } from '../schemas/nomination-v2.js';
import { getNominationStatus, submitNomination } from './client.js';
import { submitNominationLight } from './submit-light.js';
import { isRetryable, StueHttpError, StueNetworkError, StueValidationError } from '../errors.js';
import { answer, hanging, unreachable } from './fetch-stub.test-support.js';

const nomination: NominationV2Input = {
  ...exampleNominationV2(),
  id: newId(),
  visitingFriend: { firstName: 'Bent', phone: '+45 20 30 40 50' },
};

const api = 'http://hub.test/';

// The zod-free sender (for the CDN widget) must behave exactly as the schema-based one.
describe.each([
  ['submitNomination', submitNomination],
  ['submitNominationLight', submitNominationLight],
])('%s', (_, submitNomination) => {
  it('sends a version 2 nomination, validated as version 2', async () => {
    const fetch = answer(201, { reference: 'STUE-AAAA-BBBB', status: 'received' });
    await submitNomination(exampleNominationV2(), { api, key: 'pk_demo', fetch });
    expect(JSON.parse(String(fetch.mock.calls[0]![1]?.body)).schemaVersion).toBe(2);
    const error = await submitNomination({ ...exampleNominationV2(), consent: true } as never, {
      api,
      key: 'pk_demo',
      fetch,
      lang: 'en',
    }).catch((e: unknown) => e);
    expect((error as StueValidationError).issues.map((i) => i.path)).toContain('consent');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('posts the normalised nomination with the key and returns the receipt', async () => {
    const fetch = answer(201, { reference: 'STUE-AAAA-BBBB', status: 'received' });
    const result = await submitNomination(nomination, { api, key: 'pk_demo', fetch });
    expect(result).toEqual({ reference: 'STUE-AAAA-BBBB', status: 'received', replayed: false });
    const [url, init] = fetch.mock.calls[0]!;
    expect(String(url)).toBe('http://hub.test/api/v1/nominations');
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer pk_demo');
    expect(JSON.parse(String(init?.body)).visitingFriend.phone).toBe('+4520304050');
  });

  it('marks a replay answered with 200', async () => {
    const fetch = answer(200, { reference: 'STUE-AAAA-BBBB', status: 'received' });
    await expect(submitNomination(nomination, { api, key: 'pk_demo', fetch })).resolves.toEqual(
      expect.objectContaining({ replayed: true }),
    );
  });

  it('sends nothing when the nomination is invalid', async () => {
    const fetch = answer(201, {});
    const error = await submitNomination(
      { ...nomination, consent: true as never },
      { api, key: 'pk_demo', fetch, lang: 'en' },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StueValidationError);
    expect((error as StueValidationError).issues[0]?.code).toBe('consent_required');
    expect(fetch).not.toHaveBeenCalled();
  });

  it('turns a 400 from the hub into a validation error with its issues', async () => {
    const issues = [{ path: 'host.firstName', code: 'required', message: 'Skriv værtens fornavn' }];
    const fetch = answer(400, { error: { code: 'invalid_body', message: 'Ugyldig', issues } });
    await expect(submitNomination(nomination, { api, key: 'pk_demo', fetch })).rejects.toEqual(
      expect.objectContaining({ name: 'StueValidationError', issues }),
    );
  });

  it.each([
    [401, 'unauthorized', false],
    [403, 'origin_not_allowed', false],
    [409, 'nomination_conflict', false],
    [503, 'internal', true],
  ])('maps status %i to StueHttpError code %s', async (status, code, retryable) => {
    const fetch = answer(status, { error: { code, message: 'x' } });
    const error = await submitNomination(nomination, { api, key: 'pk_demo', fetch }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StueHttpError);
    expect(error).toMatchObject({ status, code });
    expect(isRetryable(error)).toBe(retryable);
  });

  it('reads Retry-After on 429', async () => {
    const fetch = answer(
      429,
      { error: { code: 'rate_limited', message: 'x' } },
      { 'retry-after': '30' },
    );
    await expect(
      submitNomination(nomination, { api, key: 'pk_demo', fetch }),
    ).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfter: 30,
    });
  });

  it("reads a Retry-After date against the hub's clock, not the device's", async () => {
    const fetch = answer(
      429,
      { error: { code: 'rate_limited', message: 'x' } },
      { 'retry-after': 'Wed, 21 Oct 2015 07:28:30 GMT', date: 'Wed, 21 Oct 2015 07:28:00 GMT' },
    );
    await expect(
      submitNomination(nomination, { api, key: 'pk_demo', fetch }),
    ).rejects.toMatchObject({
      retryAfter: 30,
    });
  });

  it('names an error status without a JSON body by its number', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>(
      async () => new Response('<html>', { status: 502 }),
    );
    await expect(
      submitNomination(nomination, { api, key: 'pk_demo', fetch }),
    ).rejects.toMatchObject({
      status: 502,
      code: 'http_502',
    });
  });

  it('reports an unreachable hub as a retryable network error', async () => {
    const fetch = unreachable();
    const error = await submitNomination(nomination, { api, key: 'pk_demo', fetch }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StueNetworkError);
    expect(error).toMatchObject({ code: 'network' });
    expect(isRetryable(error)).toBe(true);
  });

  it('gives up after the timeout', async () => {
    const fetch = hanging();
    await expect(
      submitNomination(nomination, { api, key: 'pk_demo', fetch, timeoutMs: 20 }),
    ).rejects.toMatchObject({ name: 'StueNetworkError', code: 'timeout' });
  });

  it('refuses a success answer of the wrong shape', async () => {
    const fetch = answer(201, { ok: true });
    await expect(
      submitNomination(nomination, { api, key: 'pk_demo', fetch }),
    ).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });
});

describe('the hub address', () => {
  it('keeps its last path segment whether or not it ends in a slash', async () => {
    for (const base of ['https://hub.test/stue', 'https://hub.test/stue/']) {
      const fetch = answer(200, { reference: 'STUE-AAAA-BBBB', status: 'received' });
      await getNominationStatus('STUE-AAAA-BBBB', { api: base, key: 'pk_demo', fetch });
      expect(String(fetch.mock.calls[0]![0])).toBe(
        'https://hub.test/stue/api/v1/nominations/STUE-AAAA-BBBB/status',
      );
    }
  });
});

describe('getNominationStatus', () => {
  it('reads the status by reference', async () => {
    const fetch = answer(200, { reference: 'STUE-AAAA-BBBB', status: 'in-review' });
    await expect(
      getNominationStatus('STUE-AAAA-BBBB', { api, key: 'pk_demo', fetch }),
    ).resolves.toEqual({ reference: 'STUE-AAAA-BBBB', status: 'in-review' });
    expect(String(fetch.mock.calls[0]![0])).toBe(
      'http://hub.test/api/v1/nominations/STUE-AAAA-BBBB/status',
    );
  });

  it('maps 404 to not_found', async () => {
    const fetch = answer(404, { error: { code: 'not_found', message: 'x' } });
    await expect(getNominationStatus('X', { api, key: 'pk_demo', fetch })).rejects.toMatchObject({
      status: 404,
      code: 'not_found',
    });
  });
});
