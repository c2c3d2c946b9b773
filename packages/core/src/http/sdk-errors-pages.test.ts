// What the SDK says when something is wrong before or after sending — the hub's own error code,
// a missing key — and its iterator over a paged list, against recorded answers.
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  StueHttpError,
  StueError,
  StueValidationError,
  type StueHttpErrorCode,
} from '../errors.js';
import { exampleNominationV2 } from '../schemas/examples.js';
import type { NominationV2 } from '../schemas/nomination-v2.js';
import type { ApiErrorCode } from './api-error.js';
import { getNominationStatus, submitNomination } from './client.js';
import { getDeviceBookings } from './device-client.js';
import { answer } from './fetch-stub.test-support.js';
import { pages } from './pages.js';
import {
  getPartnerNomination,
  listPartnerNominations,
  partnerNominationPages,
  webhookDeliveryPages,
} from './partner-client.js';
import { submitNominationLight } from './submit-light.js';
import { listNominations } from './coordinator-client.js';

const api = 'https://hub.test/';
const issue = { path: 'limit', code: 'invalid', message: 'Tallet er uden for det tilladte' };
const item = (n: number) => ({
  id: `019a0000-0000-7000-8000-00000000000${n}`,
  reference: `STUE-AAAA-000${n}`,
  status: 'received',
  receivedAt: '2026-11-20T10:00:00.000Z',
  updatedAt: '2026-11-20T10:00:00.000Z',
  nomination: exampleNominationV2(),
});

describe("the hub's error codes", () => {
  it('are typed as the codes the hub sends, on the errors and from the response', () => {
    expectTypeOf<StueHttpError['code']>().toEqualTypeOf<StueHttpErrorCode>();
    expectTypeOf<StueValidationError['code']>().toEqualTypeOf<ApiErrorCode>();
    expectTypeOf<'invalid_parameter'>().toExtend<StueHttpErrorCode>();
    expectTypeOf<'http_502'>().toExtend<StueHttpErrorCode>();
    expectTypeOf<'no_such_code'>().not.toExtend<StueHttpErrorCode>();
  });

  it('passes a 400 `invalid_parameter` with issues through as that, not `invalid_body`', async () => {
    const fetch = answer(400, {
      error: {
        code: 'invalid_parameter',
        message: 'Adressen indeholder en ugyldig værdi.',
        issues: [issue],
      },
    });
    const error = await listPartnerNominations({ api, fetch, key: 'sk_test' }, { limit: 0 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StueValidationError);
    expect(error).toMatchObject({ code: 'invalid_parameter', issues: [issue] });
  });

  it('passes any other hub code through, with or without issues', async () => {
    const reasonRequired = answer(400, {
      error: { code: 'reason_required', message: 'Skriv en begrundelse', issues: [issue] },
    });
    await expect(
      getPartnerNomination({ api, fetch: reasonRequired, key: 'sk_test' }, 'x'),
    ).rejects.toMatchObject({ name: 'StueValidationError', code: 'reason_required' });
    const badId = answer(400, { error: { code: 'invalid_parameter', message: 'Ugyldig' } });
    await expect(
      getNominationStatus('nope', { api, fetch: badId, key: 'pk_demo' }),
    ).rejects.toMatchObject({ name: 'StueHttpError', status: 400, code: 'invalid_parameter' });
  });

  it('says `invalid_body` for what the SDK itself refuses before sending', async () => {
    const fetch = answer(201, {});
    const error = await submitNomination({ ...exampleNominationV2(), host: undefined } as never, {
      api,
      fetch,
      key: 'pk_demo',
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'StueValidationError', code: 'invalid_body' });
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('a missing key', () => {
  const sends = [
    [
      'submitNomination',
      (key: string | undefined, lang?: 'da' | 'en') =>
        submitNomination(exampleNominationV2(), { api, key, lang, fetch: fetchOf() }),
    ],
    [
      'submitNominationLight',
      (key: string | undefined, lang?: 'da' | 'en') =>
        submitNominationLight(exampleNominationV2(), { api, key, lang, fetch: fetchOf() }),
    ],
    [
      'getNominationStatus',
      (key: string | undefined, lang?: 'da' | 'en') =>
        getNominationStatus('STUE-AAAA-BBBB', { api, key, lang, fetch: fetchOf() }),
    ],
    [
      'listPartnerNominations',
      (key: string | undefined, lang?: 'da' | 'en') =>
        listPartnerNominations({ api, key, lang, fetch: fetchOf() }),
    ],
    [
      'getDeviceBookings',
      (key: string | undefined, lang?: 'da' | 'en') =>
        getDeviceBookings({ api, token: key as string, lang, fetch: fetchOf() }),
    ],
  ] as const;
  let fetches: ReturnType<typeof answer>[] = [];
  const fetchOf = () => {
    const fetch = answer(200, {});
    fetches.push(fetch);
    return fetch;
  };

  it.each(sends)('fails in %s before anything is sent, in Danish by default', async (_, send) => {
    for (const key of [undefined, '', '  ', 'undefined', 'null']) {
      fetches = [];
      const error = await send(key).catch((e: unknown) => e);
      expect(error, String(key)).toBeInstanceOf(StueError);
      expect(error).toMatchObject({ code: 'missing_key' });
      expect((error as Error).message).toBe('Nøglen (key) mangler, så intet er sendt');
      expect(fetches[0]).not.toHaveBeenCalled();
    }
  });

  it.each(sends)('says it in English when asked, in %s', async (_, send) => {
    const error = await send(undefined, 'en').catch((e: unknown) => e);
    expect((error as Error).message).toBe('The key is missing, so nothing was sent');
  });

  it('never goes out as `Bearer undefined`: a key that is there is sent trimmed', async () => {
    const fetch = answer(200, { reference: 'STUE-AAAA-BBBB', status: 'received' });
    await getNominationStatus('STUE-AAAA-BBBB', { api, fetch, key: ' pk_demo\n' });
    expect(new Headers(fetch.mock.calls[0]![1]!.headers).get('authorization')).toBe(
      'Bearer pk_demo',
    );
  });
});

describe('pages', () => {
  /** A `fetch` that answers the recorded pages in turn, by the cursor it is asked for. */
  const recorded = (answers: Record<string, unknown>) =>
    vi.fn<typeof globalThis.fetch>(async (url) => {
      const cursor = new URL(String(url)).searchParams.get('cursor') ?? '';
      return Response.json(answers[cursor]);
    });

  it('goes through every page of the partner’s nominations, each cursor once, in order', async () => {
    const fetch = recorded({
      '': { items: [item(1), item(2)], nextCursor: 'c2' },
      c2: { items: [item(3)], nextCursor: 'c3' },
      c3: { items: [item(4)], nextCursor: null },
    });
    const seen: string[] = [];
    for await (const page of partnerNominationPages(
      { api, fetch, key: 'sk_test' },
      { status: ['received'], limit: 2 },
    )) {
      seen.push(...page.items.map((i) => i.reference));
      expectTypeOf(page.items[0]!.nomination).toEqualTypeOf<NominationV2 | null>();
    }
    expect(seen).toEqual(['STUE-AAAA-0001', 'STUE-AAAA-0002', 'STUE-AAAA-0003', 'STUE-AAAA-0004']);
    expect(fetch.mock.calls.map(([url]) => new URL(String(url)).search)).toEqual([
      '?status=received&limit=2',
      '?status=received&limit=2&cursor=c2',
      '?status=received&limit=2&cursor=c3',
    ]);
  });

  it('loads no further page once the loop is left', async () => {
    const fetch = recorded({
      '': { items: [item(1)], nextCursor: 'c2' },
      c2: { items: [item(2)], nextCursor: 'c3' },
    });
    for await (const page of partnerNominationPages({ api, fetch, key: 'sk_test' })) {
      if (page.items.length > 0) break;
    }
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('starts at the cursor it is given, and reads the webhook delivery log the same way', async () => {
    const fetch = recorded({ c5: { items: [], nextCursor: null } });
    const all = [];
    for await (const page of webhookDeliveryPages(
      { api, fetch, key: 'sk_test' },
      { cursor: 'c5' },
    )) {
      all.push(page);
    }
    expect(all).toEqual([{ items: [], nextCursor: null }]);
  });

  it('stops with the error of the page that failed', async () => {
    const load = vi
      .fn()
      .mockResolvedValueOnce({ items: [1], nextCursor: 'c2' })
      .mockRejectedValueOnce(new StueHttpError(503, 'storage_full', 'Fuld'));
    const got: number[] = [];
    await expect(
      (async () => {
        for await (const page of pages<number>(load)) got.push(...page.items);
      })(),
    ).rejects.toMatchObject({ code: 'storage_full' });
    expect(got).toEqual([1]);
  });
});

describe("coordinators' nomination list", () => {
  it("types each partner's record as a nomination, not `unknown`", async () => {
    const fetch = answer(200, {
      items: [{ ...item(1), partner: { id: 'demo-partner', name: 'Demo' } }],
      nextCursor: null,
    });
    const page = await listNominations({ api, fetch });
    expectTypeOf(page.items[0]!.nomination).toEqualTypeOf<NominationV2>();
    expect(page.items[0]!.nomination.host.firstName).toBe('Inger');
  });
});
