import * as z from 'zod/mini';
import { ISSUE_CODES, issueMessage, type IssueCode, type Lang } from './messages.js';

/** One thing wrong with input: where (dotted path, `''` for the whole), a stable code, and a text. */
export interface Issue {
  path: string;
  code: IssueCode;
  message: string;
}

/** The outcome of validating input: the normalised value, or every issue found. */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

const knownCodes = new Set<string>(ISSUE_CODES);

// Our own checks name their code in `error`; this maps zod's built-in issues onto the same codes.
function codeOf(issue: z.core.$ZodRawIssue): IssueCode {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'invalid_type';
    case 'invalid_value':
      return 'invalid_choice';
    case 'too_big':
      return 'too_long';
    case 'too_small':
      return 'required';
    case 'unrecognized_keys':
      return 'unknown_key';
    default:
      return 'invalid';
  }
}

function toIssues(error: z.core.$ZodError, lang: Lang): Issue[] {
  const issues: Issue[] = [];
  for (const raw of error.issues) {
    const code = knownCodes.has(raw.message) ? (raw.message as IssueCode) : 'invalid';
    // An unknown key is reported at the key itself, so a caller sees which field to drop.
    const keys = raw.code === 'unrecognized_keys' ? raw.keys : [undefined];
    for (const key of keys) {
      const path = [...raw.path, ...(key === undefined ? [] : [key])].map(String).join('.');
      issues.push({ path, code, message: issueMessage(path, code, lang) });
    }
  }
  return issues;
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
  const result = z.safeParse(schema, input, { error: (issue) => codeOf(issue) });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, issues: toIssues(result.error, options.lang ?? 'da') };
}
