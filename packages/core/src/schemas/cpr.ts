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

function isCprDate(dd: string, mm: string, yy: string, serial: string): boolean {
  const day = Number(dd);
  const month = Number(mm);
  if (month < 1 || month > 12 || day < 1) return false;
  const year = centuryOf(Number(yy), Number(serial[0])) + Number(yy);
  return day <= daysInMonth(month, year);
}

/**
 * Whether `text` contains something shaped like a Danish CPR number anywhere in it: six digits
 * that are a real date (`DDMMYY`), then four digits, written together (`0101901234`) or with one
 * separator between date and serial: a dash (`-`, or the typographic dashes and the minus sign a
 * phone or word processor puts in its place), a dot, or a space, optionally with one space either
 * side of a dash or dot (`010190 - 1234`).
 *
 * - **The date must exist.** 29 February counts only when the birth year is a leap year, with the
 *   century read from the first serial digit as the CPR register does (`290200-4xxx` is 2000, a
 *   leap year; `290200-1xxx` is 1900, not one). So a `DDMMYY` that is no date at all is not
 *   flagged, which keeps false alarms rare.
 * - **Not inside a longer number.** A run of eleven or more digits (an account number, a 12-digit
 *   id) is not a CPR number, nor is a ten-digit run next to another digit. An eight-digit Danish
 *   phone number is never one, with or without `+45`: `+45` followed by eight digits makes ten
 *   digits starting with day `45`, which is no date.
 * - **Not checked:** the modulus-11 check digit (numbers issued since 2007 need not pass it) and
 *   substitute numbers whose day is raised by 60; the date's own inner separators
 *   (`01.01.90-1234`), because a written date followed by a four-digit number is common prose.
 * - Width and format are ignored: full-width digits count as digits (the text is NFKC-normalised
 *   first) and invisible format characters such as zero-width spaces or soft hyphens are removed
 *   before looking, so they cannot hide a number.
 *
 * @example
 * containsCprNumber('Inger, 010190-1234'); // true
 * containsCprNumber('ring 20 30 40 50'); // false
 * containsCprNumber('320190-1234'); // false – there is no 32 January
 */
export function containsCprNumber(text: string): boolean {
  const plain = text.normalize('NFKC').replace(/\p{Cf}/gu, '');
  const shape = /(?<!\d)(\d\d)(\d\d)(\d\d)(?: ?[-.\u2010-\u2015\u2212] ?|\s)?(\d{4})(?!\d)/g;
  for (const match of plain.matchAll(shape)) {
    const [, dd = '', mm = '', yy = '', serial = ''] = match;
    if (isCprDate(dd, mm, yy, serial)) return true;
  }
  return false;
}
