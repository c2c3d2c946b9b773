import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../validation/validate.js';
import { containsCprNumber } from './cpr.js';
import { freeText, requiredText } from './fields.js';

const two = (n: number) => String(n).padStart(2, '0');

// Which first serial digits the CPR register uses for a birth year (its published table), written
// as data here so the test does not share the implementation's code.
function serialDigitsFor(year: number): number[] {
  const yy = year % 100;
  if (year < 1900) return [5, 6, 7, 8];
  if (year < 2000)
    return [0, 1, 2, 3, ...(yy >= 37 ? [4, 9] : []), ...(yy >= 58 ? [5, 6, 7, 8] : [])];
  return [...(yy <= 36 ? [4, 9] : []), 5, 6, 7, 8];
}

// Every birth date a CPR number can carry: 1858 to 2057. JavaScript's calendar is the oracle.
const birthDate = fc.date({
  min: new Date(Date.UTC(1858, 0, 1)),
  max: new Date(Date.UTC(2057, 11, 31)),
  noInvalidDate: true,
});

const validCpr = birthDate.chain((date) =>
  fc
    .tuple(
      fc.constantFrom(...serialDigitsFor(date.getUTCFullYear())),
      fc.integer({ min: 0, max: 999 }),
    )
    .map(([first, rest]) => ({
      date: `${two(date.getUTCDate())}${two(date.getUTCMonth() + 1)}${two(date.getUTCFullYear() % 100)}`,
      serial: `${first}${String(rest).padStart(3, '0')}`,
    })),
);

const separator = fc.constantFrom('', '-', ' ', '.', '–', '‐', '−', ' - ', '. ');

// Text around a number, and a character that ends it without being a digit.
const surrounding = fc.string({ maxLength: 30 });
const boundary = fc.constantFrom(' ', '\n', 'a', 'Æ', ':', '(', ')', ',', '/', '#', '😀');

const letters = fc.string({ unit: fc.constantFrom(...'abcæøå ,.:-()'.split('')), maxLength: 20 });

describe('containsCprNumber', () => {
  it('finds every valid CPR number, with every separator, anywhere in a text', () => {
    fc.assert(
      fc.property(
        validCpr,
        separator,
        surrounding,
        boundary,
        boundary,
        surrounding,
        ({ date, serial }, sep, before, left, right, after) => {
          expect(containsCprNumber(`${before}${left}${date}${sep}${serial}${right}${after}`)).toBe(
            true,
          );
          expect(containsCprNumber(`${date}${sep}${serial}`)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('does not flag ten digits whose first six are no date', () => {
    const impossible = fc
      .tuple(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 0, max: 9999 }),
      )
      .filter(([day, month, yy, serial]) => {
        if (month < 1 || month > 12 || day < 1) return true;
        const first = Math.floor(serial / 1000);
        const years = [1800, 1900, 2000]
          .map((century) => century + yy)
          .filter((year) => serialDigitsFor(year).includes(first));
        // The date exists in none of the centuries the serial digit can stand for.
        return years.every(
          (year) => new Date(Date.UTC(year, month - 1, day)).getUTCMonth() !== month - 1,
        );
      });
    fc.assert(
      fc.property(
        impossible,
        separator,
        letters,
        letters,
        ([day, month, yy, serial], sep, a, b) => {
          const text = `${a} ${two(day)}${two(month)}${two(yy)}${sep}${String(serial).padStart(4, '0')} ${b}`;
          expect(containsCprNumber(text)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('does not flag Danish phone numbers, however they are written', () => {
    const phone = fc
      .tuple(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 0, max: 9_999_999 }))
      .map(([first, rest]) => `${first}${String(rest).padStart(7, '0')}`);
    const written = fc.tuple(
      phone,
      fc.constantFrom(
        (p: string) => p,
        (p: string) => p.replace(/(\d\d)(?=\d)/g, '$1 '),
        (p: string) => `${p.slice(0, 4)} ${p.slice(4)}`,
        (p: string) => `+45 ${p}`,
        (p: string) => `+45${p}`,
        (p: string) => `0045 ${p}`,
        (p: string) => `(+45) ${p.replace(/(\d\d)(?=\d)/g, '$1 ')}`,
        (p: string) => `${p.slice(0, 2)}-${p.slice(2, 4)}-${p.slice(4, 6)}-${p.slice(6)}`,
      ),
    );
    fc.assert(
      fc.property(fc.array(written, { minLength: 1, maxLength: 3 }), letters, (phones, text) => {
        const numbers = phones.map(([p, format]) => format(p));
        expect(containsCprNumber(`${text} ${numbers.join(' eller ')} ${text}`)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('does not flag a run of eleven or more digits', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{11,24}$/), letters, letters, (digits, a, b) => {
        expect(containsCprNumber(`${a}${digits}${b}`)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['0101901234', true],
    ['010190-1234', true],
    ['010190 1234', true],
    ['010190.1234', true],
    ['CPR: 010190–1234.', true],
    ['cpr010190-1234x', true],
    ['010190\u200B-1234', true],
    ['０１０１９０－１２３４', true],
    ['290200-4321', true],
    ['290200-1321', false],
    ['290201-4321', false],
    ['310490-1234', false],
    ['001290-1234', false],
    ['010190-12345', false],
    ['1010190-1234', false],
    ['101019012345', false],
    ['20 30 40 50', false],
    ['+4520304050', false],
    ['Koncert 01.01.90 kl. 1400', false],
    ['Inger, 92 år, Aarhus', false],
  ])('%s → %s', (text, expected) => {
    expect(containsCprNumber(text)).toBe(expected);
  });
});

describe('text fields', () => {
  it.each([
    ['requiredText', requiredText()],
    ['freeText', freeText(500)],
  ])('%s refuses a CPR number with one kind message in each language', (_, schema) => {
    expect(validate(schema, 'Inger 010190-1234')).toEqual({
      ok: false,
      issues: [
        {
          path: '',
          code: 'cpr_not_allowed',
          message: 'Skriv ikke CPR-numre. Stue må ikke gemme dem.',
        },
      ],
    });
    expect(validate(schema, '0101901234', { lang: 'en' })).toMatchObject({
      ok: false,
      issues: [{ message: 'Do not enter CPR numbers. Stue must not store them.' }],
    });
    expect(validate(schema, 'Ring 20 30 40 50')).toEqual({ ok: true, value: 'Ring 20 30 40 50' });
  });
});
