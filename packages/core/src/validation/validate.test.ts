import { describe, expect, it } from 'vitest';
import { newId } from '../ids.js';
import { nominationSchema, type NominationInput } from '../schemas/nomination.js';
import { validate } from './validate.js';

function nomination(overrides: Partial<NominationInput> = {}): NominationInput {
  return {
    schemaVersion: 1,
    id: newId(),
    nominator: { role: 'local-expert', name: 'Hanne Holm', email: 'Hanne@Example.dk ' },
    host: { firstName: 'Inger', municipality: 'Aarhus' },
    visitingFriend: { firstName: 'Bent', phone: '20 30 40 50' },
    consent: true,
    ...overrides,
  };
}

describe('validate(nominationSchema)', () => {
  it('accepts a complete nomination and normalises phone and e-mail', () => {
    const result = validate(nominationSchema, nomination());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.visitingFriend.phone).toBe('+4520304050');
    expect(result.value.nominator.email).toBe('hanne@example.dk');
  });

  it('reports every missing field with its own Danish message', () => {
    const result = validate(nominationSchema, {
      schemaVersion: 1,
      id: newId(),
      nominator: { role: 'self', name: ' ' },
      host: { firstName: '', municipality: '' },
      visitingFriend: { firstName: '', phone: '' },
      consent: false,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual(
      expect.arrayContaining([
        { path: 'nominator.name', code: 'required', message: 'Skriv dit navn' },
        { path: 'host.firstName', code: 'required', message: 'Skriv værtens fornavn' },
        {
          path: 'host.municipality',
          code: 'required',
          message: 'Skriv hvilken kommune værten bor i',
        },
        {
          path: 'visitingFriend.firstName',
          code: 'required',
          message: 'Skriv besøgsvennens fornavn',
        },
        {
          path: 'visitingFriend.phone',
          code: 'required',
          message: 'Skriv besøgsvennens telefonnummer',
        },
        expect.objectContaining({ path: 'consent', code: 'consent_required' }),
      ]),
    );
  });

  it('asks for a way to reach the nominator when neither phone nor e-mail is given', () => {
    const result = validate(
      nominationSchema,
      nomination({ nominator: { role: 'relative', name: 'Ole' } }),
      { lang: 'en' },
    );
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          path: 'nominator.phone',
          code: 'contact_required',
          message: 'Enter a phone number or an email address so we can contact you',
        },
      ],
    });
  });

  it.each([
    ['1234', 'invalid_phone'],
    ['+46 20 30 40 50', 'invalid_phone'],
    ['02030405', 'invalid_phone'],
  ])('refuses the phone number %s', (phone, code) => {
    const result = validate(
      nominationSchema,
      nomination({ visitingFriend: { firstName: 'Bent', phone } }),
    );
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.code])).toEqual([
      ['visitingFriend.phone', code],
    ]);
  });

  it('refuses unknown keys, naming each (no mass assignment of status or partner)', () => {
    const result = validate(nominationSchema, {
      ...nomination(),
      status: 'accepted',
      partnerId: 'other',
    });
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.code])).toEqual([
      ['status', 'unknown_key'],
      ['partnerId', 'unknown_key'],
    ]);
  });

  it('refuses ids that are not UUIDv7 and payload versions it does not know', () => {
    const result = validate(nominationSchema, {
      ...nomination(),
      id: crypto.randomUUID(),
      schemaVersion: 99,
    });
    expect(result.ok ? [] : result.issues.map((i) => i.code).sort()).toEqual([
      'invalid_id',
      'unsupported_version',
    ]);
  });

  it('refuses a body that is not an object', () => {
    expect(validate(nominationSchema, 'hello')).toMatchObject({
      ok: false,
      issues: [{ path: '', code: 'invalid_type' }],
    });
  });
});

describe('validation reports each problem once, and all of them', () => {
  it('gives an empty phone number one issue, not two', () => {
    const result = validate(
      nominationSchema,
      nomination({ visitingFriend: { firstName: 'Bent', phone: '' } }),
    );
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.code])).toEqual([
      ['visitingFriend.phone', 'required'],
    ]);
  });

  it('asks for contact details even when the role is missing too', () => {
    const result = validate(nominationSchema, {
      ...nomination(),
      nominator: { name: 'Ole' },
    });
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.code])).toEqual([
      ['nominator.role', 'required'],
      ['nominator.phone', 'contact_required'],
    ]);
  });
});

describe('an empty optional contact field', () => {
  it('is reported once, as required', () => {
    const result = validate(
      nominationSchema,
      nomination({ nominator: { role: 'self', name: 'Inger', email: ' ' } }),
    );
    expect(result.ok ? [] : result.issues.map((i) => [i.path, i.code])).toEqual([
      ['nominator.email', 'required'],
    ]);
  });
});
