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
