import * as z from 'zod/mini';
import { isUuidV7 } from '../ids.js';

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

/** A trimmed, required piece of text of at most `max` characters. */
export function requiredText(max = MAX_NAME_LENGTH) {
  return z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'required' }),
      z.maxLength(max, { error: 'too_long' }),
    );
}

/** A Danish phone number, stored normalised as `+45XXXXXXXX`. */
export function danishPhone() {
  return z.string().check(
    z.trim(),
    z.minLength(1, { error: 'required' }),
    // An empty value is reported once, as `required`, not also as a malformed number.
    z.refine((value) => value === '' || normaliseDanishPhone(value) !== undefined, {
      error: 'invalid_phone',
    }),
    z.overwrite((value) => normaliseDanishPhone(value) ?? value),
  );
}

/** An e-mail address, trimmed and lower-cased. */
export function email() {
  return z
    .string()
    .check(
      z.trim(),
      z.toLowerCase(),
      z.minLength(1, { error: 'required' }),
      z.maxLength(254, { error: 'too_long' }),
      z.regex(/^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/, { error: 'invalid_email' }),
    );
}

/** A client-generated UUIDv7 record id. */
export function clientId() {
  return z.string().check(z.refine(isUuidV7, { error: 'invalid_id' }));
}
