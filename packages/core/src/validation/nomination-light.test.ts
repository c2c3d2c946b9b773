import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MUNICIPALITY_CODES } from '../geo/municipalities.js';
import { newId } from '../ids.js';
import {
  DEFAULT_SCREENING_QUESTIONS,
  SCREENING_ANSWERS,
} from '../programme/screening-questions.js';
import { accessSchema, CONSENT_VIA } from '../schemas/nomination-v2.js';
import {
  ACCESS_NEEDS,
  MUSIC_GENRES,
  NOMINATOR_ROLES,
  TIMES_OF_DAY,
  VISIT_LANGUAGES,
  WEEKDAYS,
} from '../schemas/vocabulary.js';
import { formCommonMessages, formNominationMessages } from './catalogue/nomination-form.js';
import { validateNominationLight } from './nomination-light.js';
import { validateNomination } from './nomination.js';

// A field's value: usually one of `valid`, otherwise anything from `wrong`. `validWeight` sets how
// often the valid value is chosen; with a high weight many whole nominations are valid.
type Arb = fc.Arbitrary<unknown>;
const either = (weight: number, valid: Arb, ...wrong: Arb[]): Arb =>
  fc.oneof({ arbitrary: valid, weight }, ...wrong.map((arbitrary) => ({ arbitrary, weight: 1 })));

const longText = (min: number, max: number) => fc.string({ minLength: min, maxLength: max });
const cprShaped = fc.constantFrom(
  '010190-1234',
  ' 0101901234',
  'Inger 290200 - 4123',
  '311299.1234',
);
const oddText: Arb = fc.oneof(
  fc.constantFrom('', '   ', ' Inger ', 'Åse-Marie', '\u200b'),
  cprShaped,
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
);
const wrongType: Arb = fc.constantFrom(undefined, null, 42, true, [], {});
const enumOf = (values: readonly string[], weight: number): Arb =>
  either(weight, fc.constantFrom(...values), fc.constant(undefined), oddText, wrongType);

function nominationArbitrary(w: number) {
  const name = either(
    w,
    fc.constantFrom('Inger', ' Bent ', 'Hanne Holm'),
    oddText,
    longText(78, 130),
    wrongType,
  );
  const phone = either(
    w,
    fc.constantFrom('20 30 40 50', '+45 2030-4050', '0045 (20) 30.40.50', ' 87654321 '),
    oddText,
    fc.stringMatching(/^[+0-9 ().-]{0,14}$/),
    wrongType,
  );
  const email = either(
    w,
    fc.constantFrom('Hanne@Example.DK', ' bent@post.dk '),
    oddText,
    fc.emailAddress(),
    fc.constantFrom('no-at-sign', 'a@b', 'x'.repeat(250) + '@b.dk', '0101901234@x.dk'),
    wrongType,
  );
  const postcode = either(
    w,
    fc.constantFrom('8000', '0800', '9990', ' 2100 '),
    fc.constantFrom('0799', '9991', '80', 'abcd', '80000', ''),
    oddText,
    wrongType,
  );
  const slugKey = either(
    w,
    fc.constantFrom(...DEFAULT_SCREENING_QUESTIONS.map((q) => q.id)),
    fc.stringMatching(/^[a-z0-9-]{0,8}$/),
    fc.constantFrom('Bad Key', '0101901234', 'a'.repeat(61)),
  );
  const dateTime = either(
    w,
    fc.constantFrom('2025-03-01T10:00:00+01:00', '2025-03-01T10:00:00.123Z'),
    fc.date({ noInvalidDate: true }).map((date) => date.toISOString()),
    fc.constantFrom(
      '2025-03-01T10:00Z',
      '2025-03-01 10:00:00Z',
      '2025-02-29T10:00:00Z',
      '2024-02-29T23:59:59-23:59',
      '2025-03-01T24:00:00Z',
      '2025-03-01T10:00:00',
    ),
    oddText,
    wrongType,
  );
  // The nomination's consent and its own yes to keeping feedback have the same shape.
  const consentRecord = fc.record({
    agreedBy: either(w, fc.constant('host'), fc.constantFrom('visiting-friend', undefined)),
    via: enumOf(CONSENT_VIA, w),
    at: dateTime,
    noticeVersion: either(w, fc.constant('stue-nomination-form/2'), oddText, longText(38, 50)),
  });
  const date = either(
    w,
    fc.constantFrom('2025-03-01', '2024-02-29', '2000-02-29'),
    fc.constantFrom('1900-02-29', '2025-04-31', '2025-13-01', '2025-3-1', '0000-02-29'),
    fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
    oddText,
    wrongType,
  );
  const list = (values: readonly string[]) =>
    either(
      w,
      fc.subarray([...values]),
      fc.array(enumOf(values, 3), { maxLength: values.length + 2 }),
      wrongType,
    );
  const extra = fc.oneof(
    { arbitrary: fc.constant({}), weight: w },
    { arbitrary: fc.constant({ unexpected: 'x' }), weight: 1 },
  );

  return fc
    .record(
      {
        schemaVersion: either(w, fc.constant(2), fc.constantFrom(1, '2', undefined)),
        id: either(
          w,
          fc.constant(null).map(() => newId()),
          fc.uuid(),
          oddText,
          wrongType,
        ),
        programmeId: either(
          w,
          fc.constantFrom('musikalske-besoegsvenner', 'another-programme'),
          fc.constantFrom('Bad Slug', '', 'a'.repeat(61), '0101901234', '-x'),
          wrongType,
        ),
        nominator: either(
          w,
          fc
            .record(
              {
                role: enumOf(NOMINATOR_ROLES, w),
                name,
                organisation: either(
                  w,
                  fc.constantFrom('Røde Kors', undefined),
                  oddText,
                  longText(118, 130),
                ),
                phone,
                email,
              },
              { requiredKeys: ['role', 'name'] },
            )
            .chain((nominator) => extra.map((more) => ({ ...nominator, ...more }))),
          wrongType,
        ),
        host: either(
          w,
          fc.record(
            {
              firstName: name,
              municipalityCode: enumOf(MUNICIPALITY_CODES, w),
              postcode,
              language: enumOf(VISIT_LANGUAGES, w),
            },
            { requiredKeys: ['firstName', 'municipalityCode'] },
          ),
          wrongType,
        ),
        visitingFriend: either(w, fc.record({ firstName: name, phone }), wrongType),
        screening: either(
          w,
          fc.dictionary(slugKey as fc.Arbitrary<string>, enumOf(SCREENING_ANSWERS, w), {
            maxKeys: 8,
          }),
          fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.constant('yes'), {
            minKeys: 41,
            maxKeys: 45,
          }),
          wrongType,
        ),
        preferences: either(
          w,
          fc.record(
            {
              weekdays: list(WEEKDAYS),
              timesOfDay: list(TIMES_OF_DAY),
              earliestDate: date,
              musicWishes: either(w, fc.constant(' Den blå anemone '), oddText, longText(498, 520)),
              genres: list(MUSIC_GENRES),
              extraGuests: either(
                w,
                fc.integer({ min: 0, max: 6 }),
                fc.integer({ min: -3, max: 10 }),
                fc.constantFrom(1.5, 7.5, -0.5, Number.NaN, Infinity, '2'),
              ),
            },
            { requiredKeys: [] },
          ),
          wrongType,
        ),
        access: either(
          w,
          fc.record(
            Object.fromEntries(
              ACCESS_NEEDS.map((key) => [
                key,
                either(w, fc.boolean(), fc.constantFrom('yes', 1, null)),
              ]),
            ),
            { requiredKeys: [] },
          ),
          wrongType,
        ),
        consent: either(w, consentRecord, fc.constant(true), wrongType),
        feedbackConsent: either(w, consentRecord, fc.constant(true), wrongType),
      },
      { requiredKeys: ['schemaVersion', 'id', 'nominator', 'host', 'visitingFriend', 'consent'] },
    )
    .chain((nomination) => extra.map((more) => ({ ...nomination, ...more })));
}

const formTexts = (lang: 'da' | 'en'): Record<string, string> => ({
  ...formCommonMessages[lang],
  ...formNominationMessages[lang],
});

function expectSameAsTheSchema(input: unknown) {
  for (const lang of ['da', 'en'] as const) {
    const schema = validateNomination(input, { lang });
    const light = validateNominationLight(input, { lang });
    expect(light.ok).toBe(schema.ok);
    if (schema.ok && light.ok) {
      expect(light.value).toEqual(schema.value);
      continue;
    }
    if (schema.ok || light.ok) continue;
    expect(light.issues.map(({ path, code }) => `${path} ${code}`)).toEqual(
      schema.issues.map(({ path, code }) => `${path} ${code}`),
    );
    const texts = formTexts(lang);
    for (const [i, issue] of schema.issues.entries()) {
      const known = texts[`${issue.path}:${issue.code}`] ?? texts[issue.code];
      // Where the form's catalogue has the text, it is the schema's text; an issue a form cannot
      // cause reads as the general "not valid".
      expect(light.issues[i]!.message).toBe(known === undefined ? texts.invalid : issue.message);
    }
  }
}

describe('validateNominationLight agrees with validateNomination', () => {
  it('on nominations that are mostly valid', () => {
    fc.assert(fc.property(nominationArbitrary(30), expectSameAsTheSchema), { numRuns: 600 });
  });

  it('on nominations with many things wrong', () => {
    fc.assert(fc.property(nominationArbitrary(2), expectSameAsTheSchema), { numRuns: 600 });
  });

  it('knows the same practical matters as the schema', () => {
    expect(Object.keys(accessSchema.shape)).toEqual([...ACCESS_NEEDS]);
  });

  it('on what is not a nomination at all', () => {
    for (const input of [undefined, null, 'nomination', 42, [], {}]) expectSameAsTheSchema(input);
  });

  it('finds valid nominations valid, with the same normalised value', () => {
    let valid = 0;
    fc.assert(
      fc.property(nominationArbitrary(60), (input) => {
        expectSameAsTheSchema(input);
        if (validateNomination(input).ok) valid += 1;
      }),
      { numRuns: 500 },
    );
    // The generator must reach valid nominations often, or the first test proves little.
    expect(valid).toBeGreaterThan(50);
  });
});
