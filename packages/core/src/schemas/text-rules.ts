// Rules about text that need no schema library, so zod-free code (the browser's light
// nomination check) shares them with the schemas.

/** The longest name or short text a person is asked to type. */
export const MAX_NAME_LENGTH = 80;

/**
 * Reduces a Danish phone number to `+45` and eight digits, or returns `undefined` when the input is
 * not one. Spaces, dashes, dots and brackets are ignored; `+45` and `0045` prefixes are accepted.
 *
 * @example
 * normaliseDanishPhone('20 30 40 50'); // '+4520304050'
 * normaliseDanishPhone('+45 2030-4050'); // '+4520304050'
 */
export function normaliseDanishPhone(input: string): string | undefined {
  const compact = input.replace(/[\s\-.()]/g, '');
  const digits = compact.replace(/^(?:\+45|0045)/, '');
  return /^[2-9]\d{7}$/.test(digits) ? `+45${digits}` : undefined;
}

/**
 * Reduces a phone number to E.164: a Danish one (eight digits, with or without `+45`) to `+45` and
 * its digits, and a foreign one written with its country code after `+` or `00` (a visiting friend
 * across the border: `+46 70 123 45 67`, `0049 461 123456`) to `+`, the country code and 7 to 14
 * more digits. `undefined` for anything else, and for a `+45` number without eight digits.
 *
 * @example
 * normalisePhone('20 30 40 50'); // '+4520304050'
 * normalisePhone('+46 70-123 45 67'); // '+46701234567'
 * normalisePhone('0049 (461) 123456'); // '+49461123456'
 */
export function normalisePhone(input: string): string | undefined {
  const danish = normaliseDanishPhone(input);
  if (danish !== undefined) return danish;
  const international = /^(?:\+|00)([1-9]\d{7,14})$/.exec(input.replace(/[\s\-.()]/g, ''));
  return international && !international[1]!.startsWith('45') ? `+${international[1]}` : undefined;
}

/**
 * A stored phone number as people read it: a Danish one in pairs without `+45`, any other as
 * stored.
 *
 * @example
 * readablePhone('+4570203040'); // '70 20 30 40'
 * readablePhone('+46701234567'); // '+46701234567'
 */
export function readablePhone(phone: string): string {
  const local = phone.replace(/^\+45/, '');
  return /^\d{8}$/.test(local) ? local.replace(/(\d\d)(?=\d)/g, '$1 ') : phone;
}
