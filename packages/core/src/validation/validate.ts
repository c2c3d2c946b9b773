import * as z from 'zod/mini';
import type { Catalogue } from './catalogue/types.js';
import { ALL_CATALOGUES, messageIn, type IssueCode, type Lang } from './messages.js';

/** One thing wrong with input: where (dotted path, `''` for the whole), a stable code, and a text. */
export interface Issue {
  path: string;
  code: IssueCode;
  message: string;
}

/** The outcome of validating input: the normalised value, or every issue found. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

// Our codes are snake_case words; zod's own messages are sentences.
const CODE = /^[a-z]+(?:_[a-z]+)*$/;

// Our own checks name their code in `error`; this maps zod's built-in issues onto the same codes,
// for schemas (or parts of them) that do not name one.
function codeOf(issue: z.core.$ZodRawIssue): IssueCode {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'invalid_type';
    case 'invalid_value':
      return 'invalid_choice';
    case 'too_big':
      if (issue.origin === 'string') return 'too_long';
      return issue.origin === 'array' || issue.origin === 'set' ? 'too_many' : 'out_of_range';
    case 'too_small':
      // A string or list below its minimum is one left empty: `required` says what to do.
      return issue.origin === 'string' || issue.origin === 'array' ? 'required' : 'out_of_range';
    case 'invalid_format':
      return issue.format === 'date'
        ? 'invalid_date'
        : issue.format === 'datetime'
          ? 'invalid_datetime'
          : 'invalid';
    case 'unrecognized_keys':
      return 'unknown_key';
    default:
      return 'invalid';
  }
}

function toIssues(
  error: z.core.$ZodError,
  catalogues: readonly Catalogue<string>[],
  lang: Lang,
): Issue[] {
  const issues: Issue[] = [];
  for (const raw of error.issues) {
    // A refused record key carries the key schema's own issue inside; its code says why.
    const message =
      raw.code === 'invalid_key' ? (raw.issues[0]?.message ?? raw.message) : raw.message;
    const code = (CODE.test(message) ? message : 'invalid') as IssueCode;
    // An unknown key is reported at the key itself, so a caller sees which field to drop.
    const keys = raw.code === 'unrecognized_keys' ? raw.keys : [undefined];
    for (const key of keys) {
      const path = [...raw.path, ...(key === undefined ? [] : [key])].map(String).join('.');
      issues.push({ path, code, message: messageIn(catalogues, path, code, lang) });
    }
  }
  return issues;
}

/**
 * Validates with texts from the given catalogues only, so a page that checks one kind of record
 * does not download every domain's texts. {@link validate} uses them all.
 */
export function validateIn<S extends z.core.$ZodType>(
  catalogues: readonly Catalogue<string>[],
  schema: S,
  input: unknown,
  options: { lang?: Lang } = {},
): ValidationResult<z.output<S>> {
  const result = z.safeParse(schema, input, { error: (issue) => codeOf(issue) });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: toIssues(result.error, catalogues, options.lang ?? 'da') };
}

/**
 * Validates and normalises `input` against `schema`, returning structured issues in Danish
 * (default) or English instead of throwing.
 *
 * @example
 * const result = validate(nominationSchema, body, { lang: 'en' });
 * if (!result.ok) console.log(result.issues); // [{ path: 'host.firstName', code: 'required', … }]
 */
export function validate<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  options: { lang?: Lang } = {},
): ValidationResult<z.output<S>> {
  return validateIn(ALL_CATALOGUES, schema, input, options);
}
