/**
 * The first year of the century a CPR number's birth year `yy` falls in, read from the serial
 * number's first digit (the CPR register's published rule).
 */
function centuryOf(yy: number, firstSerialDigit: number): number {
  if (firstSerialDigit <= 3) return 1900;
  if (firstSerialDigit === 4 || firstSerialDigit === 9) return yy <= 36 ? 2000 : 1900;
  return yy <= 57 ? 2000 : 1800;
}

function daysInMonth(month: number, year: number): number {
  if (month === 2) {
    const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isCprDate(digits: string): boolean {
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  if (month < 1 || month > 12 || day < 1) return false;
  const year =
    centuryOf(Number(digits.slice(4, 6)), Number(digits[6])) + Number(digits.slice(4, 6));
  return day <= daysInMonth(month, year);
}

const DIGIT = /\p{Nd}/u;

// Unicode encodes every set of decimal digits as ten consecutive code points, 0 to 9, and promises
// to keep doing so; so a digit's value is how far it stands from the start of its run, modulo ten
// (a few runs, such as the mathematical digits, are several sets of ten back to back).
function asciiDigit(char: string): string {
  const code = char.codePointAt(0)!;
  let start = code;
  while (DIGIT.test(String.fromCodePoint(start - 1))) start -= 1;
  return String((code - start) % 10);
}

/**
 * The text as {@link containsCprNumber} reads it, so that a CPR number cannot hide behind how it
 * is written. The text that is stored is never changed; only this copy is.
 *
 * 1. NFKC: full-width and other compatibility forms become plain (`０１` → `01`, a no-break or
 *    thin space → a space).
 * 2. Every decimal digit of any script becomes its ASCII digit (`٠١٠١٩٠` → `010190`).
 * 3. Combining marks (U+0301, the keycap U+20E3, variation selectors), format characters
 *    (zero-width space and joiners, word joiner, soft hyphen, byte-order mark, direction marks)
 *    and control characters other than white space are removed: they are invisible between
 *    digits.
 * 4. The characters a person puts between the groups of a number become one of four: every dash
 *    and the minus sign → `-`, middle dots → `.`, fraction, division and back slashes → `/`, and
 *    every run of white space → one line break if it holds one (`\n`, `\r`, U+2028, U+2029,
 *    vertical tab, form feed), otherwise one space (no-break, narrow and thin spaces included).
 *
 * @example
 * normaliseForCprCheck('٠١٠١٩٠\u200B–１２３٤'); // '010190-1234'
 */
export function normaliseForCprCheck(text: string): string {
  // A long text in another script repeats its ten digits: work each out once.
  const known = new Map<string, string>();
  const digit = (char: string) => known.get(char) ?? known.set(char, asciiDigit(char)).get(char)!;
  return text
    .normalize('NFKC')
    .replace(/(?![0-9])\p{Nd}/gu, digit)
    .replace(/[\p{M}\p{Cf}]|(?!\s)\p{Cc}/gu, '')
    .replace(/[\p{Pd}\u2212]/gu, '-')
    .replace(/[\u00B7\u2027\u2219\u22C5\u30FB]/gu, '.')
    .replace(/[\u2044\u2215\u29F8\\]/gu, '/')
    .replace(/\s+/gu, (run) => (/[\n\r\v\f\u2028\u2029]/.test(run) ? '\n' : ' '));
}

// Both date patterns allow the same separators before the serial: a dash, dot or slash, with or
// without a space either side, a space or a line break.
// The date written together (DDMMYY), then the serial; only a digit right beside it stops a match.
const COMPACT = /(?<!\d)(\d{6})(?:\s?[-./]\s?|\s)?(\d{4})(?!\d)/g;
// The date in groups with one separator (DD MM YY, DD.MM.YY, DD-MM-YY, DD/MM/YY), then the serial
// as four digits or as two pairs with the date's separator; not followed by one more such pair.
const GROUPED =
  /(?<!\d)(\d\d)([ ./\n-])(\d\d)\2(\d\d)(\s?[-./]\s?|\s)?(\d\d)(\2?)(\d\d)(?!\d|\2\d\d(?!\d))/g;
// Ten single digits with one separator between each (0 1 0 1 9 0 1 2 3 4), and no more.
const SINGLE = /(?<!\d)\d([ ./\n-])\d(?:\1\d){8}(?!\d|\1\d)/g;

const digitsOf = (text: string) => text.replace(/\D/g, '');

// Every match of a global `pattern`, including ones that start inside an earlier match, so that a
// match refused for its context cannot hide one beside it.
function* everyMatch(pattern: RegExp, text: string) {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    yield match;
    pattern.lastIndex = match.index + 1;
  }
}

/**
 * Whether `text` holds too few digits for any CPR spelling (every one has ten), judged without
 * reading it through {@link normaliseForCprCheck}: only text in Latin-1 without the superscripts
 * and fractions (¹ ² ³ ¼ ½ ¾) is judged here, Danish included, since its only digits are 0–9 and
 * NFKC makes no digit of any of its other characters; other text is normalised first.
 */
const tooFewDigits = (text: string) =>
  !/[^\0-\xB1\xB4-\xB8\xBA\xBB\xBF-\xFF]|^(?:\D*\d){10}/.test(text);

/**
 * Whether `text` contains something shaped like a Danish CPR number anywhere in it: ten digits
 * whose first six are a real date (`DDMMYY`) and whose last four are the serial number. The text
 * is first read through {@link normaliseForCprCheck} (any script's digits, full width, invisible
 * characters and marks between digits, every kind of dash, slash and space). Then these spellings
 * count, anywhere in the text:
 *
 * - **The date written together:** `0101901234`, or with one separator before the serial: a
 *   dash, dot or slash, with or without a space either side (`010190-1234`, `010190 / 1234`), a
 *   space or a line break (`010190 1234`). Only a digit right beside the ten stops a match
 *   (`1010190-1234` and an eleven-digit account number are not CPR numbers).
 * - **The date in groups**, `DD MM YY` with one separator used twice (space, line break, dot,
 *   dash or slash), then the serial as `SSSS` after any separator above (`01.01.90-1234`,
 *   `01 01 90 1234`, `01/01/90/1234`), or as `SS SS` with the date's own separator throughout
 *   (`01 01 90 12 34`, `01-01-90-12-34`, `01.01.90.12.34`).
 * - **Ten single digits** with one separator between each (`0 1 0 1 9 0 1 2 3 4`).
 *
 * What keeps ordinary Danish prose from being refused:
 *
 * - **The date must exist.** 29 February counts only when the birth year is a leap year, with the
 *   century read from the first serial digit as the CPR register does (`290200-4xxx` is 2000, a
 *   leap year; `290200-1xxx` is 1900, not one). So a `DDMMYY` that is no date at all is not
 *   flagged.
 * - **Separators are never simply removed**, so unrelated numbers are not glued together: groups
 *   count only in the shapes above. An eight-digit phone number is never one, however written:
 *   Danish numbers start with 2–9, so their second pair is never a month when the first is a
 *   day, and `+45` makes day 45.
 * - **A list of pairs is not read across:** a spelling in pairs followed by one more pair with the
 *   same separator is taken as part of a longer list, such as phone numbers written one after the
 *   other (`21 05 45 67 30 40 50 60`). A line break is a separator of its own, never the same as a
 *   space, so a phone number at the end of a line and a number on the next (`21 05 45 67⏎92 år`)
 *   are not read as one. Nor is a date in groups that follows a pair with the same separator,
 *   with a four-digit serial: that is the end of a phone number and a year or postcode
 *   (`28 07 01 00 / 1900`, `23 10 01 00⏎0800 Aarhus`).
 * - **A written date followed by a number is prose:** a date with dots, dashes or slashes and then
 *   a bare space (`24.12.24 14.30`, `01.01.90 1234`, `24.12.24 8000 Aarhus`) is not flagged, nor
 *   is a date with a four-digit year (`01.01.1990 12`).
 * - **Not checked:** the modulus-11 check digit (numbers issued since 2007 need not pass it),
 *   substitute numbers whose day is raised by 60, and other splits of the ten digits
 *   (`0101 90 1234`).
 *
 * Known false alarms, rare in practice: a phone number in pairs followed by a lone two-digit
 * number (`21 05 45 67 10`), or any ten digits in one of the shapes above that happen to start
 * with a real date. Known misses: a spelling in pairs directly followed by a phone number in
 * pairs (`01 01 90 12 34 20 30 40 50`), and splits not listed above.
 *
 * @example
 * containsCprNumber('Inger, 010190-1234'); // true
 * containsCprNumber('Inger, ٠١ ٠١ ٩٠ ١٢ ٣٤'); // true
 * containsCprNumber('ring 20 30 40 50 eller 21 05 45 67'); // false
 * containsCprNumber('320190-1234'); // false – there is no 32 January
 */
export function containsCprNumber(text: string): boolean {
  if (tooFewDigits(text)) return false;
  const plain = normaliseForCprCheck(text);
  for (const match of everyMatch(COMPACT, plain)) {
    if (isCprDate(`${match[1]}${match[2]}`)) return true;
  }
  for (const match of everyMatch(GROUPED, plain)) {
    const [whole, , separator = '', , , between = '', , pairSeparator] = match;
    const start = match.index;
    // The last three pairs of a phone number, then a four-digit number (a year, a postcode).
    const afterPair =
      plain[start - 1] === separator && /\d\d/.test(plain.slice(start - 3, start - 1));
    if (afterPair && pairSeparator === '') continue;
    // A written date, then a number: a time, a postcode, a year.
    if (/^\s$/.test(between) && !/\s/.test(separator)) continue;
    // A serial in two pairs keeps the date's separator all the way.
    if (pairSeparator !== '' && between !== separator) continue;
    if (isCprDate(digitsOf(whole))) return true;
  }
  for (const match of everyMatch(SINGLE, plain)) {
    // One of a longer run of single digits.
    if (plain[match.index - 1] === match[1] && /\d/.test(plain[match.index - 2] ?? '')) continue;
    if (isCprDate(digitsOf(match[0]))) return true;
  }
  return false;
}
