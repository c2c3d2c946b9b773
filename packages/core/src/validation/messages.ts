import { bookingMessages } from './catalogue/booking.js';
import { commonMessages } from './catalogue/common.js';
import { feedbackMessages } from './catalogue/feedback.js';
import { nominationMessages } from './catalogue/nomination.js';
import type { Lang } from './catalogue/types.js';

export { LANGS, type Lang } from './catalogue/types.js';

const catalogues = [commonMessages, nominationMessages, bookingMessages, feedbackMessages] as const;

/** Stable codes for what can be wrong with input. They never change meaning; messages may. */
export const ISSUE_CODES = [
  ...commonMessages.codes,
  ...nominationMessages.codes,
  ...bookingMessages.codes,
  ...feedbackMessages.codes,
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

/**
 * The text a person reads for an issue, in their language. A field-specific text (`"path:code"`)
 * comes first, so a person reads what to do with that field; the code's general text is the
 * fallback.
 *
 * @example
 * issueMessage('host.firstName', 'required', 'en'); // "Enter the host's first name"
 */
export function issueMessage(path: string, code: IssueCode, lang: Lang = 'da'): string {
  let general: string | undefined;
  for (const catalogue of catalogues) {
    const texts: Record<string, string> = catalogue[lang];
    const specific = texts[`${path}:${code}`];
    if (specific !== undefined) return specific;
    general ??= texts[code];
  }
  return general ?? code;
}
