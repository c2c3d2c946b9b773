import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validate } from '../validation/validate.js';
import { containsCprNumber, normaliseForCprCheck } from './cpr.js';
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

// RELIABILITY.md S13: a CPR number however it is written. A spelling is built from a valid number
// in four independent steps: how its groups are split, which white space stands for its spaces
// (one kind throughout), which script each digit is written in, and what invisible characters sit
// after each digit.
const splitting = fc.constantFrom(
  ...[
    ...['', '-', ' ', '.', '/', ' - ', ' / ', '. ', '\n', '–', '−', '／'].map(
      (sep) => (d: string, s: string) => `${d}${sep}${s}`,
    ),
    ...[' ', '.', '-', '/'].flatMap((sep) =>
      [...(sep === ' ' ? [' ', '\n'] : []), '-', '/', ' - ', '', sep].map(
        (between) => (d: string, s: string) =>
          `${d.slice(0, 2)}${sep}${d.slice(2, 4)}${sep}${d.slice(4)}${between}${s}`,
      ),
    ),
    ...[' ', '.', '-', '\n'].map(
      (sep) => (d: string, s: string) =>
        [d.slice(0, 2), d.slice(2, 4), d.slice(4), s.slice(0, 2), s.slice(2)].join(sep),
    ),
    ...[' ', '-', '.'].map((sep) => (d: string, s: string) => [...`${d}${s}`].join(sep)),
  ],
);
const spaces = [' ', '\u00A0', '\u202F', '\u2009', '\u3000', '  ', '\r\n'];
// The code point of 0 in: ASCII, Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali, Thai,
// full width, mathematical bold.
const zeros = [0x30, 0x660, 0x6f0, 0x966, 0x9e6, 0xe50, 0xff10, 0x1d7ce];
const invisibles = [
  '\u200B', // zero-width space
  '\u200C', // zero-width non-joiner
  '\u200D', // zero-width joiner
  '\u2060', // word joiner
  '\u00AD', // soft hyphen
  '\uFEFF', // byte-order mark
  '\u200E', // left-to-right mark
  '\u0301', // combining acute accent
  '\uFE0F\u20E3', // keycap
];
const spelling = fc
  .tuple(
    validCpr,
    splitting,
    fc.constantFrom(...spaces),
    fc.array(fc.nat(zeros.length - 1), { minLength: 10, maxLength: 10 }),
    fc.array(fc.option(fc.nat(invisibles.length - 1), { freq: 3 }), {
      minLength: 10,
      maxLength: 10,
    }),
  )
  .map(([{ date, serial }, split, space, script, invisible]) => {
    let digitAt = 0;
    return [...split(date, serial)]
      .map((char) => {
        if (char === ' ') return space;
        if (!/\d/.test(char)) return char;
        const i = digitAt++;
        const written = String.fromCodePoint(zeros[script[i]!]! + Number(char));
        const after = invisible[i];
        return after === null || after === undefined ? written : written + invisibles[after];
      })
      .join('');
  });

// Ordinary Danish text with numbers in it, which must never be refused.
const phone = fc
  .tuple(fc.integer({ min: 2, max: 9 }), fc.integer({ min: 0, max: 9_999_999 }))
  .map(([first, rest]) => `${first}${String(rest).padStart(7, '0')}`);
const pairs = (p: string) => p.replace(/(\d\d)(?=\d)/g, '$1 ');
const writtenPhone = fc
  .tuple(
    phone,
    fc.constantFrom(
      (p: string) => p,
      pairs,
      (p: string) => `${p.slice(0, 4)} ${p.slice(4)}`,
      (p: string) => `+45 ${p}`,
      (p: string) => `+45 ${pairs(p)}`,
      (p: string) => `+45${p}`,
      (p: string) => `0045 ${p}`,
      (p: string) => `(+45) ${pairs(p)}`,
      (p: string) => pairs(p).replaceAll(' ', '-'),
      (p: string) => pairs(p).replaceAll(' ', '.'),
      (p: string) => pairs(p).replaceAll(' ', '\u00A0'),
    ),
  )
  .map(([p, write]) => write(p));
const int = (min: number, max: number) => fc.integer({ min, max });
const proseNumber = fc.oneof(
  writtenPhone,
  int(1900, 2035).map(String), // a year
  int(800, 9990).map((n) => `${String(n).padStart(4, '0')} Aarhus`), // a postcode
  fc.tuple(int(1, 250), fc.constantFrom('', 'B', ', 2. tv.')).map(([n, x]) => `Vejen ${n}${x}`),
  fc.tuple(int(1, 31), int(1, 12), int(1900, 2035)).map(([d, m, y]) => `${two(d)}.${two(m)}.${y}`),
  fc.tuple(int(1, 31), int(1, 12), int(1900, 2035)).map(([d, m, y]) => `${d}.${m}.${y}`),
  fc.tuple(int(1, 31), int(1, 12)).map(([d, m]) => `${d}/${m}`),
  fc.tuple(int(0, 23), int(0, 59)).map(([h, m]) => `kl. ${two(h)}.${two(m)}`),
  fc.tuple(int(0, 23), int(0, 59)).map(([h, m]) => `${two(h)}:${two(m)}`),
  fc.tuple(int(0, 23), int(0, 59)).map(([h, m]) => `kl. ${two(h)}${two(m)}`),
  int(0, 9_999_999).map((n) => `${n.toLocaleString('da-DK')},50 kr.`), // an amount
  int(60, 105).map((n) => `${n} år`),
  int(0, 100_000).map(String),
);
const joiner = fc.constantFrom(', ', ' og ', ' / ', '/', ' eller ', '. ', '; ', ': ', ' - ', '\n');

describe('containsCprNumber, however the number is written', () => {
  it('finds a valid CPR number in every spelling: groups, scripts, white space, invisibles', () => {
    fc.assert(
      fc.property(spelling, surrounding, boundary, boundary, surrounding, (cpr, a, l, r, b) => {
        expect(containsCprNumber(cpr)).toBe(true);
        expect(containsCprNumber(`${a}x${l}${cpr}${r}x${b}`)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('leaves ordinary text with phone numbers, dates, times, amounts and addresses alone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(letters, proseNumber, joiner), { minLength: 1, maxLength: 6 }),
        (parts) => {
          const text = parts.map(([words, number, join]) => `${words}${number}${join}`).join('');
          expect(containsCprNumber(text)).toBe(false);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it.each([
    // Spellings that got through before (issue #16).
    ['01 01 90 12 34', true],
    ['01-01-90-12-34', true],
    ['01.01.90.1234', true],
    ['01.01.90.12.34', true],
    ['010190/1234', true],
    ['01.01.90-1234', true],
    ['01 01 90-12 34', false],
    ['٠١٠١٩٠-١٢٣٤', true],
    ['۰۱۰۱۹۰۱۲۳۴', true],
    ['०१०१९०-१२३४', true],
    ['０１ ０１ ９０ １２ ３４', true],
    ['0\u03011\u03010190-1234', true],
    ['0️⃣1️⃣0️⃣1️⃣9️⃣0️⃣1️⃣2️⃣3️⃣4️⃣', true],
    ['01\u200B01\u200B90 12\u200B34', true],
    ['010190\u00A01234', true],
    ['01\u202F01\u202F90\u202F12\u202F34', true],
    ['010190\n1234', true],
    ['01\n01\n90\n12\n34', true],
    ['0 1 0 1 9 0 1 2 3 4', true],
    // Ordinary text.
    ['20 30 40 50', false],
    ['+45 20304050', false],
    ['2030 4050', false],
    ['+45 20 30 40 50', false],
    ['21 05 45 67, 30 40 50 60', false],
    ['21 05 45 67 og 30 40 50 60', false],
    ['21 05 45 67/30 40 50 60', false],
    ['21 05 45 67 30 40 50 60', false],
    ['version 2025-04 01 01 90 12 34', true],
    ['cpr 01 01 90 12 34 5 børn', true],
    ['Inger, tlf. 21 05 45 67\n92 år', false],
    ['+45 28 07 01 00 / 1900', false],
    ['+45 23 10 01 00\n0800 Aarhus', false],
    ['10/10/20000000', false],
    ['24.12.24 14.30', false],
    ['24.12.2024 18:00', false],
    ['01.01.1990 12', false],
    ['24.12.24 8000 Aarhus', false],
    ['Ferie 01.07.25 - 01.08.', false],
    ['1.234,50 kr.', false],
    ['12.345.678,00 kr.', false],
  ])('%j → %s', (text, expected) => {
    expect(containsCprNumber(text)).toBe(expected);
  });
});

describe('containsCprNumber in text with fewer than ten ASCII digits', () => {
  it('still finds a number spelt partly with superscripts or fractions', () => {
    expect(containsCprNumber('0\u00B90\u00B990\u00B9234')).toBe(true);
    expect(containsCprNumber('010190-\u00B9\u00B2\u00B34')).toBe(true);
    expect(containsCprNumber('Åse, 0\u00B9 0\u00B9 90 12 34')).toBe(true);
  });

  it('reads every Latin-1 character as normalising does: no digit comes or goes', () => {
    const forms = new Set(['\u00B2', '\u00B3', '\u00B9', '\u00BC', '\u00BD', '\u00BE']);
    for (let code = 0; code <= 0xff; code++) {
      const char = String.fromCharCode(code);
      if (forms.has(char)) continue;
      const digits = (text: string) => text.replace(/\D/g, '');
      expect(digits(normaliseForCprCheck(`a${char}b`))).toBe(digits(char));
    }
  });

  it('answers as the full check does for Danish text of few digits', () => {
    const danish = fc.string({
      unit: fc.constantFrom(...'æøåÆØÅéü 0123456789-./\n\tabcxyz,'),
      maxLength: 30,
    });
    fc.assert(
      fc.property(danish, (text) => {
        // A zero-width space, which normalising removes, makes the check read the text in full.
        const full = containsCprNumber(`\u200B${text}`);
        expect(containsCprNumber(text)).toBe(full);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('normaliseForCprCheck', () => {
  it.each([
    ['٠١٠١٩٠\u200B–１２３٤', '010190-1234'],
    ['𝟎𝟏 ๐๑', '01 01'],
    ['a\u00A0\u202F\u2009b\r\nc', 'a b\nc'],
    ['1\u22C52\u20443\\4', '1.2/3/4'],
    ['Åse\u0301 Ærø 1\u03012', 'Åsé Ærø 12'],
  ])('%j → %j', (text, expected) => {
    expect(normaliseForCprCheck(text)).toBe(expected);
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
