import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { MUNICIPALITIES } from '../geo/municipalities.js';
import { validate } from '../validation/validate.js';
import { exampleNominationV2 } from './examples.js';
import { nominationSchema } from './nomination.js';
import { nominationV2Schema, type NominationV2Input } from './nomination-v2.js';
import { NOMINATION_V2_FILLED_IN, nominationV1 } from './records.test-support.js';
import {
  NOMINATION_VERSIONS,
  olderVersion,
  readNomination,
  readVersioned,
  type RecordVersions,
} from './versioning.js';

const v1 = nominationV1;

const receivedAt = new Date('2025-03-01T09:00:00.000Z');

describe('readNomination', () => {
  it('reads a version 1 payload as version 2', () => {
    expect(readNomination(v1(), { now: receivedAt })).toEqual({
      ok: true,
      value: {
        schemaVersion: 2,
        id: '019550ef-1280-7111-8444-451111111111',
        ...NOMINATION_V2_FILLED_IN,
        nominator: { role: 'local-expert', name: 'Hanne Holm', email: 'hanne@example.dk' },
        host: { firstName: 'Inger', municipalityCode: '751', language: 'da' },
        visitingFriend: { firstName: 'Bent', phone: '+4520304050' },
        consent: {
          agreedBy: 'host',
          via: 'visiting-friend',
          at: '2025-03-01T09:00:00.000Z',
          noticeVersion: 'v1',
        },
      },
    });
  });

  it('dates an upgraded consent at the time of reading when no time is given', () => {
    const before = Date.now();
    const result = readNomination(v1());
    const at = result.ok ? Date.parse(result.value.consent.at) : NaN;
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
  });

  it('upgrades every municipality name version 1 clients sent', () => {
    fc.assert(
      fc.property(fc.constantFrom(...MUNICIPALITIES), (municipality) => {
        const result = readNomination(
          v1({ host: { firstName: 'Inger', municipality: `${municipality.name} Kommune` } }),
          { now: receivedAt },
        );
        expect(result.ok && result.value.host.municipalityCode).toBe(municipality.code);
      }),
    );
  });

  it('refuses a version 1 municipality it cannot place, at the field the sender filled in', () => {
    expect(
      readNomination(v1({ host: { firstName: 'Inger', municipality: 'Atlantis' } }), {
        lang: 'en',
      }),
    ).toEqual({
      ok: false,
      issues: [
        {
          path: 'host.municipality',
          code: 'unknown_municipality',
          message:
            'We cannot find the municipality. Enter the name of a Danish municipality, like Aarhus',
        },
      ],
    });
  });

  it('reports an invalid version 1 payload in version 1 terms', () => {
    const result = readNomination(v1({ visitingFriend: { firstName: 'Bent', phone: '' } }));
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.code])).toEqual([
      ['visitingFriend.phone', 'required'],
    ]);
  });

  it('refuses a CPR number in a version 1 payload too', () => {
    const result = readNomination(
      v1({ host: { firstName: '010190-1234', municipality: 'Aarhus' } }),
    );
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.code])).toEqual([
      ['host.firstName', 'cpr_not_allowed'],
    ]);
  });

  it.each([99, 3, 0, -1, 1.5, '2', '1', null])(
    'refuses version %j with "update the app", and nothing else',
    (schemaVersion) => {
      expect(readNomination({ ...exampleNominationV2(), schemaVersion })).toEqual({
        ok: false,
        issues: [
          {
            path: 'schemaVersion',
            code: 'unsupported_version',
            message: 'Appen skal opdateres – dine oplysninger er gemt',
          },
        ],
      });
    },
  );

  it('says what is missing from a payload without a version', () => {
    const unversioned: Partial<NominationV2Input> = exampleNominationV2();
    delete unversioned.schemaVersion;
    const result = readNomination(unversioned);
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.code])).toEqual([
      ['schemaVersion', 'unsupported_version'],
    ]);
    expect(readNomination('hello')).toMatchObject({
      ok: false,
      issues: [{ path: '', code: 'invalid_type' }],
    });
  });

  it('round-trips a version 2 payload', () => {
    const first = readNomination(exampleNominationV2());
    expect(first).toEqual({ ok: true, value: exampleNominationV2() });
    if (!first.ok) return;
    expect(readNomination(JSON.parse(JSON.stringify(first.value)))).toEqual(first);
  });

  it('round-trips an upgraded payload as version 2, unchanged', () => {
    const upgraded = readNomination(v1(), { now: receivedAt });
    if (!upgraded.ok) throw new Error('expected a valid payload');
    expect(readNomination(upgraded.value, { now: new Date() })).toEqual(upgraded);
    expect(validate(nominationV2Schema, upgraded.value)).toEqual(upgraded);
  });

  it('knows versions 1 and 2', () => {
    expect(NOMINATION_VERSIONS.current).toBe(2);
    expect(Object.keys(NOMINATION_VERSIONS.older)).toEqual(['1']);
    expect(NOMINATION_VERSIONS.older[1]?.schema).toBe(nominationSchema);
  });
});

describe('readVersioned', () => {
  // A record that went through three versions: a name, then split names, then a list of names.
  const v1Schema = z.strictObject({ schemaVersion: z.literal(1), name: z.string() });
  const v2Schema = z.strictObject({
    schemaVersion: z.literal(2),
    first: z.string(),
    last: z.string(),
  });
  const v3Schema = z.strictObject({ schemaVersion: z.literal(3), names: z.array(z.string()) });
  const versions: RecordVersions<typeof v3Schema> = {
    current: 3,
    schema: v3Schema,
    older: {
      1: olderVersion(v1Schema, ({ name }) => {
        const [first = '', ...rest] = name.split(' ');
        return { ok: true, value: { schemaVersion: 2, first, last: rest.join(' ') } };
      }),
      2: olderVersion(v2Schema, ({ first, last }) => ({
        ok: true,
        value: { schemaVersion: 3, names: [first, last] },
      })),
    },
  };

  it('upgrades step by step to the current version', () => {
    expect(readVersioned(versions, { schemaVersion: 1, name: 'Inger Marie Holm' })).toEqual({
      ok: true,
      value: { schemaVersion: 3, names: ['Inger', 'Marie Holm'] },
    });
    expect(readVersioned(versions, { schemaVersion: 2, first: 'A', last: 'B' })).toEqual({
      ok: true,
      value: { schemaVersion: 3, names: ['A', 'B'] },
    });
  });

  it('treats a gap in the registry as a programming error', () => {
    const broken = { ...versions, older: { 1: versions.older[1]! } };
    expect(() => readVersioned(broken, { schemaVersion: 1, name: 'A B' })).toThrow(/No version 2/);
  });

  it('refuses a newer version than it knows', () => {
    expect(readVersioned(versions, { schemaVersion: 4, names: [] })).toMatchObject({
      ok: false,
      issues: [{ path: 'schemaVersion', code: 'unsupported_version' }],
    });
  });
});
