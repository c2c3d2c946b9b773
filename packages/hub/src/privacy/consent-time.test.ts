import { CONSENT_CLOCK_SKEW_MS } from '@stue/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { plannerHub, type Planner, type TestHub } from '../planning/fixtures.test-support.js';
import { aNomination, json, withKey } from '../helpers.test-support.js';

// A consent dated in the future — beyond a few minutes of clock skew — is a consent not yet
// given: refused wherever a consent comes in, by the hub's own clock.

let hub: TestHub;
let p: Planner;

beforeEach(async () => ({ hub, p } = await plannerHub()));
afterEach(() => hub.db.destroy());

const inMinutes = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
const beyondSkew = () => new Date(Date.now() + CONSENT_CLOCK_SKEW_MS + 10 * 60_000).toISOString();

const nominate = (at: string, headers: Record<string, string> = {}) => {
  const nomination = aNomination({
    consent: { agreedBy: 'host', via: 'visiting-friend', at, noticeVersion: '2025-01' },
  });
  return hub.app.request('/api/v1/nominations', {
    method: 'POST',
    headers: { ...withKey('pk_demo'), ...headers },
    body: JSON.stringify(nomination),
  });
};

const consentRows = () => hub.db.selectFrom('consents').selectAll().execute();

describe('a consent dated in the future', () => {
  it('refuses a nomination whose consent lies ahead of the hub’s clock, at consent.at, storing nothing', async () => {
    const refused = await nominate(beyondSkew());
    expect(refused.status).toBe(400);
    const { error } = await json(refused);
    expect(error.code).toBe('invalid_body');
    expect(error.issues).toEqual([
      {
        path: 'consent.at',
        code: 'consent_in_future',
        message: expect.stringMatching(/dateret ud i fremtiden/),
      },
    ]);
    const english = await json(await nominate(beyondSkew(), { 'accept-language': 'en' }));
    expect(english.error.issues[0].message).toMatch(/dated in the future/);
    expect(await hub.db.selectFrom('nominations').selectAll().execute()).toEqual([]);
    expect(await consentRows()).toEqual([]);
    // A partner's clock a couple of minutes fast is not held against it.
    expect((await nominate(inMinutes(2))).status).toBe(201);
  });

  it('refuses a coordinator’s consent dated in the future, at the field, writing nothing', async () => {
    const { id } = await p.nomination('received');
    const before = await consentRows();
    const record = (at: string, headers: object = {}) =>
      p.send(
        'POST',
        `/api/v1/nominations/${id}/consents`,
        { person: 'host', scope: 'quote', via: 'visiting-friend', at, noticeVersion: '2025-01' },
        headers,
      );
    const refused = await record(beyondSkew());
    expect(refused.status).toBe(400);
    expect((await json(refused)).error.issues).toEqual([
      {
        path: 'at',
        code: 'consent_in_future',
        message: expect.stringMatching(/dateret ud i fremtiden/),
      },
    ]);
    const english = await json(await record(beyondSkew(), { 'accept-language': 'en' }));
    expect(english.error.issues[0].message).toMatch(/dated in the future/);
    expect(await consentRows()).toEqual(before);
    expect((await record(inMinutes(2))).status).toBe(201);
  });
});
