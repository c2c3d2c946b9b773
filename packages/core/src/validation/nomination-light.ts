import { MUNICIPALITY_CODES } from '../geo/municipalities.js';
import { isUuidV7 } from '../ids.js';
import { DEFAULT_PROGRAMME_ID, SCREENING_ANSWERS } from '../programme/screening-questions.js';
import { containsCprNumber } from '../schemas/cpr.js';
import { MAX_NAME_LENGTH, normalisePhone } from '../schemas/text-rules.js';
import type { NominationV2, NominationV2Input } from '../schemas/nomination-v2.js';
import {
  ACCESS_NEEDS,
  CONSENT_VIA,
  MAX_EXTRA_GUESTS,
  MAX_SCREENING_ANSWERS,
  MUSIC_GENRES,
  NOMINATOR_ROLES,
  TIMES_OF_DAY,
  VISIT_LANGUAGES,
  WEEKDAYS,
} from '../schemas/vocabulary.js';
import { nominationFormMessage } from './catalogue/nomination-form.js';
import type { Lang } from './catalogue/types.js';
import type { IssueCode } from './messages.js';
import type { Issue, ValidationResult } from './validate.js';

// The same rules as `nominationV2Schema` (schemas/nomination-v2.ts), written out by hand so that a
// page that only sends nominations does not download zod. `nomination-light.test.ts` generates
// valid and invalid nominations and checks that both give the same issues, in the same order, and
// the same normalised value. Change the two together. The hub validates again with the schema, so
// a difference here could cost a person a round trip, never let through what the schema refuses.

const SLUG = /^$|^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const EMAIL = /^$|^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DATE = /^(\d{4})-(\d\d)-(\d\d)$/;
const TIME = /^(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

type Value = Record<string, unknown>;
type Check = (value: unknown, path: string) => unknown;

/** What one run of the checks collects: the issues, in the schema's order. */
class Run {
  issues: { path: string; code: IssueCode }[] = [];
  add(path: string, code: IssueCode) {
    this.issues.push({ path, code });
  }
  /** The type issue: `required` when nothing was given. Returns the value, as zod keeps it. */
  type(value: unknown, path: string) {
    this.add(path, value === undefined ? 'required' : 'invalid_type');
    return value;
  }
}

const isObject = (value: unknown): value is Value =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
// What zod's length checks see: the length of anything that has one (NaN, which no check fails,
// for what has none).
const lengthOf = (value: unknown): number =>
  value !== null &&
  value !== undefined &&
  typeof (value as { length?: unknown }).length === 'number'
    ? (value as { length: number }).length
    : Number.NaN;
const join = (path: string, key: string | number) => (path ? `${path}.${key}` : String(key));

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  const days = m === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
  return m >= 1 && m <= 12 && d >= 1 && d <= days;
}

/** The checks, built for one run; each returns the normalised value. */
function checks(run: Run) {
  // A string schema: the type, then trimmed (and lower-cased for e-mail) checks, each of which
  // runs whatever the ones before it found, as zod's do. zod's length checks also run on a value
  // of the wrong type that has a length (an array), so these do too.
  const text =
    (options: {
      max?: number;
      required?: boolean;
      trim?: boolean;
      lower?: boolean;
      after?: (value: string, path: string) => string;
    }): Check =>
    (value, path) => {
      let text = value;
      if (typeof value === 'string') {
        text = options.trim === false ? value : value.trim();
        if (options.lower) text = (text as string).toLowerCase();
      } else run.type(value, path);
      const length = lengthOf(text);
      if (options.required !== false && length < 1) run.add(path, 'required');
      // A string's length is counted in characters (code points), as zod does, not UTF-16 units.
      const characters = typeof text === 'string' ? [...text].length : length;
      if (options.max !== undefined && characters > options.max) run.add(path, 'too_long');
      return typeof text === 'string' && options.after ? options.after(text, path) : text;
    };
  const noCpr = (text: string, path: string) => {
    if (containsCprNumber(text)) run.add(path, 'cpr_not_allowed');
    return text;
  };
  const requiredText = (max = MAX_NAME_LENGTH) => text({ max, after: noCpr });
  const phone = text({
    after: (value, path) => {
      const cpr = containsCprNumber(value);
      if (cpr) run.add(path, 'cpr_not_allowed');
      const normal = normalisePhone(value);
      if (!cpr && value !== '' && normal === undefined) run.add(path, 'invalid_phone');
      return normal ?? value;
    },
  });
  const email = text({
    max: 254,
    lower: true,
    after: (value, path) => {
      const cpr = containsCprNumber(value);
      if (cpr) run.add(path, 'cpr_not_allowed');
      if (!cpr && !EMAIL.test(value)) run.add(path, 'invalid_email');
      return value;
    },
  });
  const slug = text({
    max: 60,
    trim: false,
    after: (value, path) => {
      if (!SLUG.test(value)) run.add(path, 'invalid_id');
      return noCpr(value, path);
    },
  });
  const postcode = text({
    after: (value, path) => {
      const n = Number(value);
      if (value !== '' && !(/^\d{4}$/.test(value) && n >= 800 && n <= 9990)) {
        run.add(path, 'invalid_postcode');
      }
      return value;
    },
  });
  const choice =
    (values: readonly string[]): Check =>
    (value, path) => {
      if (value === undefined) run.add(path, 'required');
      else if (!values.includes(value as string)) run.add(path, 'invalid_choice');
      return value;
    };
  const optional =
    (check: Check): Check =>
    (value, path) =>
      value === undefined ? undefined : check(value, path);
  const withDefault =
    (check: Check, fallback: () => unknown): Check =>
    (value, path) =>
      value === undefined ? fallback() : check(value, path);
  const choices = (values: readonly string[]) =>
    withDefault(
      (value, path) => {
        if (!Array.isArray(value)) {
          run.type(value, path);
          if (lengthOf(value) > values.length) run.add(path, 'duplicate_choice');
          return value;
        }
        // zod checks a list's length before its items, and stops there when it is too long.
        if (value.length > values.length) {
          run.add(path, 'duplicate_choice');
          return value;
        }
        const before = run.issues.length;
        value.forEach((item, i) => choice(values)(item, join(path, i)));
        if (run.issues.length === before && new Set(value).size !== value.length) {
          run.add(path, 'duplicate_choice');
        }
        return [...value];
      },
      () => [],
    );
  const object =
    (shape: Record<string, Check>, onType?: IssueCode): Check =>
    (value, path) => {
      if (!isObject(value)) {
        if (onType) run.add(path, onType);
        else run.type(value, path);
        return value;
      }
      const out: Value = {};
      for (const [key, check] of Object.entries(shape)) {
        const result = check(value[key], join(path, key));
        if (result !== undefined || key in value) out[key] = result;
      }
      for (const key of Object.keys(value)) {
        if (!(key in shape)) run.add(join(path, key), 'unknown_key');
      }
      return out;
    };
  const boolean = withDefault(
    (value, path) => (typeof value === 'boolean' ? value : run.type(value, path)),
    () => false,
  );
  const wholeNumber: Check = (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) return run.type(value, path);
    // zod stops at a fraction: it is the wrong kind of number, not one out of range.
    if (!Number.isInteger(value)) return run.type(value, path);
    if (value < 0 || value > MAX_EXTRA_GUESTS) run.add(path, 'out_of_range');
    return value;
  };
  const screening: Check = (value, path) => {
    if (!isObject(value)) return run.type(value, path);
    const before = run.issues.length;
    const out: Value = {};
    for (const [key, answer] of Object.entries(value)) {
      const keyRun = new Run();
      checks(keyRun).slug(key, '');
      const keyIssue = keyRun.issues[0];
      if (keyIssue) run.add(join(path, key), keyIssue.code);
      else out[key] = choice(SCREENING_ANSWERS)(answer, join(path, key));
    }
    if (run.issues.length === before && Object.keys(value).length > MAX_SCREENING_ANSWERS) {
      run.add(path, 'too_many');
    }
    return out;
  };
  const nominator: Check = (value, path) => {
    const out = object({
      role: choice(NOMINATOR_ROLES),
      name: requiredText(),
      organisation: optional(requiredText(120)),
      phone: optional(phone),
      email: optional(email),
    })(value, path) as Value | null | undefined;
    // Every problem with contact details is reported even when another field is wrong, and even
    // for an array (zod asks only for an object).
    if (
      typeof out === 'object' &&
      out !== null &&
      out.phone === undefined &&
      out.email === undefined
    ) {
      run.add(join(path, 'phone'), 'contact_required');
    }
    return out;
  };
  const isoDateTime: Check = (value, path) => {
    if (value === undefined) run.add(path, 'required');
    else if (
      typeof value !== 'string' ||
      !isDate(value.slice(0, 10)) ||
      value[10] !== 'T' ||
      !TIME.test(value.slice(11))
    ) {
      run.add(path, 'invalid_datetime');
    }
    return value;
  };
  const isoDate: Check = (value, path) => {
    if (typeof value !== 'string' || !isDate(value)) run.add(path, 'invalid_date');
    return value;
  };
  const preferences = object({
    weekdays: choices(WEEKDAYS),
    timesOfDay: choices(TIMES_OF_DAY),
    earliestDate: optional(isoDate),
    musicWishes: optional(text({ required: false, max: 500, after: noCpr })),
    genres: choices(MUSIC_GENRES),
    extraGuests: withDefault(wholeNumber, () => 0),
  });
  const access = object(Object.fromEntries(ACCESS_NEEDS.map((key) => [key, boolean])));
  const consent = object(
    {
      agreedBy: (value, path) => {
        if (value !== 'host') run.add(path, 'invalid_choice');
        return value;
      },
      via: choice(CONSENT_VIA),
      at: isoDateTime,
      // `TEXT_LIMITS.noticeVersion`, written out: the object would cost the embed ≈ 40 bytes gzip.
      noticeVersion: requiredText(40),
    },
    'consent_required',
  );
  const nomination = object({
    schemaVersion: (value, path) => {
      if (value !== 2) run.add(path, 'unsupported_version');
      return value;
    },
    id: (value, path) => {
      if (typeof value !== 'string') return run.type(value, path);
      if (!isUuidV7(value)) run.add(path, 'invalid_id');
      return value;
    },
    programmeId: withDefault(slug, () => DEFAULT_PROGRAMME_ID),
    nominator,
    host: object({
      firstName: requiredText(),
      municipalityCode: choice(MUNICIPALITY_CODES),
      postcode: optional(postcode),
      language: withDefault(choice(VISIT_LANGUAGES), () => 'da'),
    }),
    visitingFriend: object({ firstName: requiredText(), phone }),
    screening: withDefault(screening, () => ({})),
    preferences: withDefault(preferences, () => preferences({}, 'preferences')),
    access: withDefault(access, () => access({}, 'access')),
    consent,
    feedbackConsent: optional(consent),
  });
  return { slug, nomination };
}

/**
 * Validates and normalises a nomination exactly as {@link validateNomination} does, with the
 * same issue codes, paths, order and messages, but without zod: what a browser that only sends
 * nominations needs (the CDN widget), at a fraction of the size. The hub validates again with the
 * schema and is the authority; this only spares the person a round trip.
 *
 * Messages come from the nomination form's catalogue, which holds the texts of every issue a
 * nomination can have.
 *
 * @example
 * const result = validateNominationLight(draft, { lang: 'en' });
 * if (!result.ok) showSummary(result.issues);
 */
export function validateNominationLight(
  input: NominationV2Input | unknown,
  options: { lang?: Lang } = {},
): ValidationResult<NominationV2> {
  const run = new Run();
  const value = checks(run).nomination(input, '');
  if (run.issues.length === 0) return { ok: true, value: value as NominationV2 };
  const lang = options.lang ?? 'da';
  const issues: Issue[] = run.issues.map(({ path, code }) => ({
    path,
    code,
    message: nominationFormMessage(path, code, lang),
  }));
  return { ok: false, issues };
}
