import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MUNICIPALITY_CODES } from '../geo/municipalities.js';
import { newId } from '../ids.js';
import { SCREENING_ANSWERS } from '../programme/programme.js';
import { validate } from '../validation/validate.js';
import { exampleNominationV2 } from './examples.js';
import { NOMINATOR_ROLES } from './nomination.js';
import { issueMessage } from '../validation/messages.js';
import {
  CONSENT_CLOCK_SKEW_MS,
  CONSENT_VIA,
  isConsentInFuture,
  nominationV2Schema,
  storedNominationSchema,
  type NominationV2Input,
} from './nomination-v2.js';
import { NOMINATION_V2_FILLED_IN, storedNomination } from './records.test-support.js';
import { MUSIC_GENRES, TIMES_OF_DAY, VISIT_LANGUAGES, WEEKDAYS } from './vocabulary.js';
import { expectAcceptedAsIs } from '../validation/validate.test-support.js';
import { validateNominationLight } from '../validation/nomination-light.js';

function minimal(): NominationV2Input {
  return {
    schemaVersion: 2,
    id: newId(),
    nominator: { role: 'visiting-friend', name: 'Bent', phone: '20 30 40 50' },
    host: { firstName: 'Inger', municipalityCode: '751' },
    visitingFriend: { firstName: 'Bent', phone: '20 30 40 50' },
    consent: {
      agreedBy: 'host',
      via: 'visiting-friend',
      at: '2025-03-01T10:00:00+01:00',
      noticeVersion: '2025-01',
    },
  };
}

function issuesOf(input: unknown, lang: 'da' | 'en' = 'da') {
  const result = validate(nominationV2Schema, input, { lang });
  return result.ok ? [] : result.issues;
}

function codesOf(input: unknown) {
  return issuesOf(input).map((issue) => [issue.path, issue.code]);
}

describe('nominationV2Schema', () => {
  it('accepts the complete example as it is', () => {
    expectAcceptedAsIs(nominationV2Schema, exampleNominationV2());
  });

  it('accepts a visiting friend from across the border with a foreign number, stored in E.164', () => {
    const cases: [string, string][] = [
      ['+46 70 123 45 67', '+46701234567'],
      ['0049 (461) 123456', '+49461123456'],
      ['+45 20 30 40 50', '+4520304050'],
    ];
    for (const [phone, stored] of cases) {
      const input = { ...minimal(), visitingFriend: { firstName: 'Bent', phone } };
      const result = validate(nominationV2Schema, input);
      expect(result.ok && result.value.visitingFriend.phone, phone).toBe(stored);
      const light = validateNominationLight(input);
      expect(light.ok && light.value.visitingFriend.phone, phone).toBe(stored);
    }
  });

  it('refuses a number that is neither Danish nor written with a country code, and says how', () => {
    for (const phone of ['46 70 123 45 67', '+45 123', '+46 12', '+0 1234 5678', '1234']) {
      const input = { ...minimal(), visitingFriend: { firstName: 'Bent', phone } };
      expect(issuesOf(input), phone).toEqual([
        {
          path: 'visitingFriend.phone',
          code: 'invalid_phone',
          message:
            'Skriv et telefonnummer med 8 cifre, fx 20 30 40 50, eller et udenlandsk med landekode, fx +46 70 123 45 67',
        },
      ]);
    }
    expect(
      issuesOf({ ...minimal(), visitingFriend: { firstName: 'Bent', phone: '+46' } }, 'en')[0]
        ?.message,
    ).toBe(
      'Enter a phone number with 8 digits, like 20 30 40 50, or a foreign one with its country code, like +46 70 123 45 67',
    );
  });

  it('fills in what may be left out: programme, language, no answers, preferences or needs', () => {
    const result = validate(nominationV2Schema, minimal());
    expect(result.ok && result.value).toMatchObject({
      ...NOMINATION_V2_FILLED_IN,
      host: { firstName: 'Inger', municipalityCode: '751', language: 'da' },
    });
    expect(result.ok && 'postcode' in result.value.host).toBe(false);
  });

  it('refuses what only the hub may set (mass assignment)', () => {
    const input = {
      ...minimal(),
      status: 'accepted',
      partnerId: 'other',
      reference: 'STUE-AAAA-BBBB',
      receivedAt: '2025-01-01T00:00:00Z',
    };
    expect(codesOf(input)).toEqual([
      ['status', 'unknown_key'],
      ['partnerId', 'unknown_key'],
      ['reference', 'unknown_key'],
      ['receivedAt', 'unknown_key'],
    ]);
  });

  describe('consent', () => {
    it.each([
      ['missing', undefined],
      ['the version 1 "true"', true],
    ])('is required: %s is refused with a clear message', (_, consent) => {
      expect(issuesOf({ ...minimal(), consent }, 'en')).toEqual([
        {
          path: 'consent',
          code: 'consent_required',
          message: 'Confirm that the host has said yes to the visit through their visiting friend',
        },
      ]);
    });

    it('is the host’s own yes, at a real moment, under a notice version', () => {
      const consent = { agreedBy: 'relative', via: 'carrier-pigeon', at: '2025-03-01 10:00' };
      expect(codesOf({ ...minimal(), consent })).toEqual([
        ['consent.agreedBy', 'invalid_choice'],
        ['consent.via', 'invalid_choice'],
        ['consent.at', 'invalid_datetime'],
        ['consent.noticeVersion', 'required'],
      ]);
    });

    it('needs a time zone, so the moment is the same everywhere', () => {
      const consent = { ...minimal().consent, at: '2025-03-01T10:00:00' };
      expect(codesOf({ ...minimal(), consent })).toEqual([['consent.at', 'invalid_datetime']]);
    });
  });

  describe('host', () => {
    it('takes a municipality as one of the 98 codes', () => {
      const host = { firstName: 'Inger', municipalityCode: 'Aarhus' };
      expect(issuesOf({ ...minimal(), host })).toEqual([
        {
          path: 'host.municipalityCode',
          code: 'invalid_choice',
          message: 'Vælg værtens kommune på listen',
        },
      ]);
      expect(MUNICIPALITY_CODES).toHaveLength(98);
    });

    it.each([
      ['0800', []],
      ['8000', []],
      [' 9990 ', []],
      ['0799', [['host.postcode', 'invalid_postcode']]],
      ['9991', [['host.postcode', 'invalid_postcode']]],
      ['80000', [['host.postcode', 'invalid_postcode']]],
      ['8OOO', [['host.postcode', 'invalid_postcode']]],
      ['', [['host.postcode', 'required']]],
    ])('postcode %j', (postcode, expected) => {
      const host = { firstName: 'Inger', municipalityCode: '751', postcode };
      expect(codesOf({ ...minimal(), host })).toEqual(expected);
    });

    it('holds the visit in one of the listed languages', () => {
      const host = { firstName: 'Inger', municipalityCode: '751', language: 'klingon' };
      expect(issuesOf({ ...minimal(), host }, 'en')).toEqual([
        {
          path: 'host.language',
          code: 'invalid_choice',
          message: 'Choose the language the visit is to be in',
        },
      ]);
    });
  });

  describe('preferences', () => {
    it('refuses what cannot be right, each with its own message', () => {
      const preferences = {
        weekdays: ['mon', 'mon'],
        timesOfDay: ['night'],
        earliestDate: '2025-02-29',
        musicWishes: 'x'.repeat(501),
        extraGuests: 7,
      };
      expect(issuesOf({ ...minimal(), preferences }, 'en')).toEqual([
        {
          path: 'preferences.weekdays',
          code: 'duplicate_choice',
          message: 'The same option is chosen twice',
        },
        {
          path: 'preferences.timesOfDay.0',
          code: 'invalid_choice',
          message: 'Choose one of the options',
        },
        {
          path: 'preferences.earliestDate',
          code: 'invalid_date',
          message: 'Choose a date that exists, like 2025-03-01',
        },
        {
          path: 'preferences.musicWishes',
          code: 'too_long',
          message: 'Write the music wishes in at most 500 characters',
        },
        {
          path: 'preferences.extraGuests',
          code: 'out_of_range',
          message: 'Choose from 0 to 6 extra guests',
        },
      ]);
    });

    it('counts guests in whole people', () => {
      expect(codesOf({ ...minimal(), preferences: { extraGuests: 1.5 } })).toEqual([
        ['preferences.extraGuests', 'invalid_type'],
      ]);
    });

    it('keeps music wishes as written, trimmed; an empty wish says nothing', () => {
      const result = validate(nominationV2Schema, {
        ...minimal(),
        preferences: { musicWishes: '  <b>Elvis</b> & æøå 🎶  ' },
      });
      expect(result.ok && result.value.preferences.musicWishes).toBe('<b>Elvis</b> & æøå 🎶');
      expect(codesOf({ ...minimal(), preferences: { musicWishes: '' } })).toEqual([]);
    });
  });

  describe('access needs', () => {
    it('are structured facts; a health note or diagnosis has no place to go', () => {
      const access = { hearing: true, diagnosis: 'dementia', notes: 'anything' };
      expect(codesOf({ ...minimal(), access })).toEqual([
        ['access.diagnosis', 'unknown_key'],
        ['access.notes', 'unknown_key'],
      ]);
      expect(codesOf({ ...minimal(), access: { stairs: 'yes' } })).toEqual([
        ['access.stairs', 'invalid_type'],
      ]);
    });
  });

  describe('screening', () => {
    it('takes yes, no or not sure per criterion, and any of them may be missing', () => {
      expect(codesOf({ ...minimal(), screening: { 'own-home': 'no' } })).toEqual([]);
      expect(codesOf({ ...minimal(), screening: { 'own-home': 'maybe' } })).toEqual([
        ['screening.own-home', 'invalid_choice'],
      ]);
    });

    it('takes criterion ids as slugs, and drops a __proto__ key rather than assigning it', () => {
      expect(codesOf({ ...minimal(), screening: { 'Own Home': 'yes' } })).toEqual([
        ['screening.Own Home', 'invalid_id'],
      ]);
      const screening = JSON.parse('{"__proto__": {"polluted": "yes"}, "own-home": "yes"}');
      const result = validate(nominationV2Schema, { ...minimal(), screening });
      expect(result.ok && Object.getPrototypeOf(result.value.screening)).toBe(Object.prototype);
      expect(result.ok && result.value.screening).toEqual({ 'own-home': 'yes' });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('is bounded', () => {
      const screening = Object.fromEntries(Array.from({ length: 41 }, (_, i) => [`c-${i}`, 'yes']));
      expect(codesOf({ ...minimal(), screening })).toEqual([['screening', 'too_many']]);
    });
  });

  it('reads every valid nomination, and its normalised form reads as itself', () => {
    const text = fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((s) => /^\S/.test(s) && /\S$/.test(s));
    const phone = fc
      .tuple(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 0, max: 9_999_999 }))
      .map(([first, rest]) => `${first}${String(rest).padStart(7, '0')}`);
    const subset = <T extends string>(values: readonly T[]) =>
      fc.uniqueArray(fc.constantFrom(...values), { maxLength: values.length });
    const nomination = fc.record({
      schemaVersion: fc.constant(2),
      id: fc.constant(null).map(() => newId()),
      nominator: fc.record({
        role: fc.constantFrom(...NOMINATOR_ROLES),
        name: text,
        phone,
      }),
      host: fc.record(
        {
          firstName: text,
          municipalityCode: fc.constantFrom(...MUNICIPALITY_CODES),
          postcode: fc.integer({ min: 800, max: 9990 }).map((n) => String(n).padStart(4, '0')),
          language: fc.constantFrom(...VISIT_LANGUAGES),
        },
        { requiredKeys: ['firstName', 'municipalityCode'] },
      ),
      visitingFriend: fc.record({ firstName: text, phone }),
      screening: fc.dictionary(
        fc.constantFrom('own-home', 'said-yes', 'enjoys-music'),
        fc.constantFrom(...SCREENING_ANSWERS),
      ),
      preferences: fc.record(
        {
          weekdays: subset(WEEKDAYS),
          timesOfDay: subset(TIMES_OF_DAY),
          genres: subset(MUSIC_GENRES),
          musicWishes: fc.string({ maxLength: 500 }),
          extraGuests: fc.integer({ min: 0, max: 6 }),
        },
        { requiredKeys: [] },
      ),
      consent: fc.record({
        agreedBy: fc.constant('host'),
        via: fc.constantFrom(...CONSENT_VIA),
        at: fc
          .date({ min: new Date('2020-01-01'), max: new Date('2040-01-01'), noInvalidDate: true })
          .map((d) => d.toISOString()),
        noticeVersion: fc.constantFrom('v1', '2025-01'),
      }),
    });
    fc.assert(
      fc.property(nomination, (input) => {
        const first = validate(nominationV2Schema, input);
        // Random text can hold a CPR-shaped run; that is refused, and is the only reason to be.
        if (!first.ok) {
          expect(first.issues.map((issue) => issue.code)).toEqual(
            first.issues.map(() => 'cpr_not_allowed'),
          );
          return;
        }
        expect(validate(nominationV2Schema, first.value)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });
});

describe('storedNominationSchema', () => {
  it('adds what the hub sets to the payload', () => {
    const stored = storedNomination();
    expectAcceptedAsIs(storedNominationSchema, stored);
    expect(
      validate(storedNominationSchema, { ...stored, status: 'lost', reference: 'x' }),
    ).toMatchObject({
      ok: false,
      issues: [
        { path: 'reference', code: 'invalid_id' },
        { path: 'status', code: 'invalid_choice' },
      ],
    });
  });
});

describe('a consent dated in the future', () => {
  const now = new Date('2026-11-26T10:00:00.000Z');
  const after = (ms: number) => new Date(now.getTime() + ms).toISOString();

  it('is allowed a few minutes of clock skew, and no more', () => {
    expect(CONSENT_CLOCK_SKEW_MS).toBe(5 * 60_000);
    expect(isConsentInFuture(after(-86_400_000), now)).toBe(false);
    expect(isConsentInFuture(after(CONSENT_CLOCK_SKEW_MS), now)).toBe(false);
    expect(isConsentInFuture(after(CONSENT_CLOCK_SKEW_MS + 1), now)).toBe(true);
    // Offsets count: 11:04 in Copenhagen is 10:04 UTC.
    expect(isConsentInFuture('2026-11-26T11:04:00+01:00', now)).toBe(false);
    expect(isConsentInFuture('2026-11-26T11:06:00+01:00', now)).toBe(true);
  });

  it('has a message in Danish and English', () => {
    expect(issueMessage('consent.at', 'consent_in_future')).toMatch(/dateret ud i fremtiden/);
    expect(issueMessage('at', 'consent_in_future', 'en')).toMatch(/dated in the future/);
  });
});
