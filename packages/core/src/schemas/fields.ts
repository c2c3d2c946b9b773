import * as z from 'zod/mini';
import { isUuidV7 } from '../ids.js';
import { containsCprNumber } from './cpr.js';
import {
  MAX_NAME_LENGTH,
  normaliseDanishPhone,
  normalisePhone,
  readablePhone,
} from './text-rules.js';

export { MAX_NAME_LENGTH, normaliseDanishPhone, normalisePhone, readablePhone };

/**
 * Refuses text that contains a CPR number (`cpr_not_allowed`). Every text builder below includes
 * it; add it yourself only to a string schema built without them.
 *
 * @example
 * z.string().check(noCprNumber());
 */
export function noCprNumber() {
  return z.refine<string>((value) => !containsCprNumber(value), { error: 'cpr_not_allowed' });
}

// A format check (phone, e-mail) is skipped for text that holds a CPR number, so the person reads
// the one message that matters, once.
function unlessCpr({ value }: { value: unknown }): boolean {
  return typeof value === 'string' && !containsCprNumber(value);
}

/**
 * A trimmed, required piece of text of at most `max` characters, with no CPR number in it.
 *
 * @example
 * const name = requiredText(); // '' → required, 81 characters → too_long
 */
export function requiredText(max = MAX_NAME_LENGTH) {
  return z
    .string()
    .check(
      z.trim(),
      z.minLength(1, { error: 'required' }),
      z.maxLength(max, { error: 'too_long' }),
      noCprNumber(),
    );
}

/**
 * A trimmed piece of text that may be empty (a wish, a note), at most `max` characters, with no
 * CPR number in it. An empty text means "nothing to say"; wrap it in `z.optional` where the key
 * may be left out too.
 *
 * @example
 * const musicWishes = z.optional(freeText(500));
 */
export function freeText(max: number) {
  return z.string().check(z.trim(), z.maxLength(max, { error: 'too_long' }), noCprNumber());
}

/**
 * A phone number, stored in E.164: a Danish one as `+45XXXXXXXX`, a foreign one (written with its
 * country code) as `+` and its digits (see {@link normalisePhone}).
 */
export function danishPhone() {
  return z.string().check(
    z.trim(),
    z.minLength(1, { error: 'required' }),
    noCprNumber(),
    // An empty value is reported once, as `required`, not also as a malformed number.
    z.refine((value) => value === '' || normalisePhone(value) !== undefined, {
      error: 'invalid_phone',
      when: unlessCpr,
    }),
    z.overwrite((value) => normalisePhone(value) ?? value),
  );
}

/** An e-mail address, trimmed and lower-cased, with no CPR number in it. */
export function email() {
  return z.string().check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1, { error: 'required' }),
    z.maxLength(254, { error: 'too_long' }),
    noCprNumber(),
    z.refine((value) => /^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), {
      error: 'invalid_email',
      when: unlessCpr,
    }),
  );
}

/** A client-generated UUIDv7 record id. */
export function clientId() {
  return z.string().check(z.refine(isUuidV7, { error: 'invalid_id' }));
}

/**
 * An id the hub assigns to what clients do not create (a partner, a coordinator): an opaque token
 * of letters, digits, `.`, `_`, `:` and `-`, at most 64 characters. Ids are not checked for CPR
 * numbers: a random UUID can contain a CPR-shaped run, and ids are never typed by a person.
 */
export function opaqueId() {
  return z.string().check(z.regex(/^[A-Za-z0-9][\w.:-]{0,63}$/, { error: 'invalid_id' }));
}

/** A lower-case slug such as `musikalske-besoegsvenner`: letters, digits and single dashes. */
export function slug(max = 60) {
  return z
    .string()
    .check(
      z.minLength(1, { error: 'required' }),
      z.maxLength(max, { error: 'too_long' }),
      z.regex(/^$|^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: 'invalid_id' }),
      noCprNumber(),
    );
}

/**
 * A Danish postcode: four digits from 0800 to 9990 (0800–0999 are business postcodes in the
 * Copenhagen area). Whether it lies in a given municipality is not checked: postcodes cross
 * municipal borders.
 */
export function postcode() {
  return z.string().check(
    z.trim(),
    z.minLength(1, { error: 'required' }),
    z.refine(
      (value) => value === '' || (/^\d{4}$/.test(value) && +value >= 800 && +value <= 9990),
      {
        error: 'invalid_postcode',
      },
    ),
  );
}

/** A calendar date that exists, `YYYY-MM-DD`. */
export function isoDate() {
  return z.iso.date({ error: 'invalid_date' });
}

/**
 * A moment as an ISO 8601 date-time with `Z` or an offset (`2025-03-01T10:00:00+01:00`): a moment
 * without a zone would mean a different time on the tablet and on the hub.
 */
export function isoDateTime() {
  return z.iso.datetime({
    offset: true,
    error: (issue) => (issue.input === undefined ? 'required' : 'invalid_datetime'),
  });
}

const TIME_OF_DAY = /^(?:[01]\d|2[0-3]):[0-5]\d$/;

/** A time of day `HH:MM`, 00:00 to 23:59, Danish local time. */
export function timeOfDay() {
  return z.string().check(z.regex(TIME_OF_DAY, { error: 'invalid_time' }));
}

/**
 * Minutes since midnight of a `HH:MM` time of day, or `undefined` when `time` is not one.
 *
 * @example
 * minutesOf('09:30'); // 570
 */
export function minutesOf(time: unknown): number | undefined {
  if (typeof time !== 'string' || !TIME_OF_DAY.test(time)) return undefined;
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** A whole number from `min` to `max`; anything else is `out_of_range` (or `invalid_type`). */
export function wholeNumber(min: number, max: number) {
  return z
    .number({ error: (issue) => (issue.input === undefined ? 'required' : 'invalid_type') })
    .check(
      z.int({ error: 'invalid_type' }),
      z.minimum(min, { error: 'out_of_range' }),
      z.maximum(max, { error: 'out_of_range' }),
    );
}

/** One of `values`: a missing value is `required`, another one `invalid_choice`. */
export function choice<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, {
    error: (issue) => (issue.input === undefined ? 'required' : 'invalid_choice'),
  });
}

/**
 * Any number of `values`, each at most once (`duplicate_choice`), e.g. the weekdays that suit.
 *
 * @example
 * choices(['mon', 'tue']).parse(['tue']); // ['tue']
 */
export function choices<const T extends readonly [string, ...string[]]>(values: T) {
  return z.array(choice(values)).check(
    z.maxLength(values.length, { error: 'duplicate_choice' }),
    z.refine((list) => new Set(list).size === list.length, { error: 'duplicate_choice' }),
  );
}

/**
 * The times the hub stamps on every record it stores, as a shape to spread into a stored schema.
 * Clients never send them.
 */
export function storedTimes() {
  return { createdAt: isoDateTime(), updatedAt: isoDateTime() };
}
