import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { newId } from '../ids.js';
import { nominationSchema } from '../schemas/nomination.js';
import { nominationV1 } from '../schemas/records.test-support.js';
import { validate } from './validate.js';

const nomination = nominationV1;

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
    ['+46 20 30', 'invalid_phone'], // a foreign number is welcome, but not one this short
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

describe('zod’s own issues get the nearest stable code', () => {
  it.each([
    ['a number above its maximum', z.number().check(z.maximum(3)), 4, 'out_of_range'],
    ['a number below its minimum', z.number().check(z.minimum(3)), 2, 'out_of_range'],
    ['a list that is too long', z.array(z.string()).check(z.maxLength(1)), ['a', 'b'], 'too_many'],
    ['a list left empty', z.array(z.string()).check(z.minLength(1)), [], 'required'],
    ['a text that is too long', z.string().check(z.maxLength(1)), 'ab', 'too_long'],
    ['a text left empty', z.string().check(z.minLength(1)), '', 'required'],
    ['a date that does not exist', z.iso.date(), '2025-02-30', 'invalid_date'],
    ['a date-time without a zone', z.iso.datetime(), '2025-02-03T10:00', 'invalid_datetime'],
    ['another format', z.email(), 'x', 'invalid'],
    ['a value not on the list', z.enum(['a', 'b']), 'c', 'invalid_choice'],
    ['a missing value', z.string(), undefined, 'required'],
    ['a value of the wrong type', z.string(), 5, 'invalid_type'],
  ])('%s', (_, schema, input, code) => {
    expect(validate(schema, input)).toMatchObject({ ok: false, issues: [{ path: '', code }] });
  });

  it('a refused record key, with the key schema’s own code', () => {
    const schema = z.record(
      z.string().check(z.regex(/^[a-z]+$/, { error: 'invalid_id' })),
      z.string(),
    );
    expect(validate(schema, { Bad: 'x' })).toMatchObject({
      ok: false,
      issues: [{ path: 'Bad', code: 'invalid_id' }],
    });
  });
});
