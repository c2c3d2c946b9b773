import { describe, expect, it, vi } from 'vitest';
import {
  exampleNominationV2,
  newId,
  StueError,
  StueHttpError,
  StueValidationError,
} from '../packages/core/dist/index.js';
import {
  getPartnerNomination,
  listPartnerNominations,
  partnerNominationPages,
  submitNomination,
} from '../packages/core/dist/client.js';
import { hubForFile } from './support/hub.js';

// The SDK as a partner's server uses it, against a real hub process: its page iterator, the hub's
// error codes passed through, and a missing key refused before anything is sent.

const hub = hubForFile();

const partner = () => ({ api: `${hub.url}/`, key: 'pk_demo' });
const server = () => ({ api: `${hub.url}/`, key: 'sk_demo' });

describe('@stue/core against a real hub', () => {
  it("goes through every page of the partner's nominations, one page at a time", async () => {
    const sent: string[] = [];
    for (let i = 0; i < 3; i += 1) {
      const { reference } = await submitNomination(
        { ...exampleNominationV2(), id: newId() },
        partner(),
      );
      sent.push(reference);
    }
    const fetch = vi.fn(globalThis.fetch);
    const seen: string[] = [];
    let pageCount = 0;
    for await (const page of partnerNominationPages({ ...server(), fetch }, { limit: 1 })) {
      expect(page.items.length).toBeLessThanOrEqual(1);
      seen.push(...page.items.map((item) => item.reference));
      for (const item of page.items) expect(item.nomination?.host.firstName).toBe('Inger');
      pageCount += 1;
    }
    expect(seen).toEqual(expect.arrayContaining(sent));
    expect(new Set(seen).size).toBe(seen.length);
    expect(fetch).toHaveBeenCalledTimes(pageCount);
  });

  it("passes the hub's own error code through", async () => {
    const badFilter = await listPartnerNominations(server(), { limit: 0 }).catch((e: unknown) => e);
    expect(badFilter).toBeInstanceOf(StueValidationError);
    expect(badFilter).toMatchObject({ code: 'invalid_parameter' });
    expect((badFilter as StueValidationError).issues[0]).toMatchObject({ path: 'limit' });

    const badId = await getPartnerNomination(server(), 'nope').catch((e: unknown) => e);
    expect(badId).toBeInstanceOf(StueHttpError);
    expect(badId).toMatchObject({ status: 400, code: 'invalid_parameter' });
  });

  it('refuses a missing key before anything is sent, in Danish or in English', async () => {
    const fetch = vi.fn(globalThis.fetch);
    const unset = process.env.STUE_KEY_THAT_IS_NOT_SET;
    for (const lang of ['da', 'en'] as const) {
      const error = await submitNomination(exampleNominationV2(), {
        api: `${hub.url}/`,
        key: unset,
        lang,
        fetch,
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StueError);
      expect(error).toMatchObject({ code: 'missing_key' });
      expect((error as Error).message).toContain(lang === 'da' ? 'Nøglen' : 'The key');
    }
    expect(fetch).not.toHaveBeenCalled();
  });
});
