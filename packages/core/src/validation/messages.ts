import { bookingMessages } from './catalogue/booking.js';
import { commonMessages } from './catalogue/common.js';
import { feedbackMessages } from './catalogue/feedback.js';
import { nominationMessages } from './catalogue/nomination.js';
import type { Catalogue, Lang } from './catalogue/types.js';

export { LANGS, type Lang } from './catalogue/types.js';

/** Every domain's texts. A page that checks one kind of record uses that domain's alone. */
export const ALL_CATALOGUES: readonly Catalogue<string>[] = [
  commonMessages,
  nominationMessages,
  bookingMessages,
  feedbackMessages,
];

/** A stable code for what can be wrong with input. It never changes meaning; messages may. */
export type IssueCode =
  | (typeof commonMessages.codes)[number]
  | (typeof nominationMessages.codes)[number]
  | (typeof bookingMessages.codes)[number]
  | (typeof feedbackMessages.codes)[number];

/** Every issue code, in catalogue order. */
export const ISSUE_CODES: readonly IssueCode[] = /* @__PURE__ */ (() => [
  ...commonMessages.codes,
  ...nominationMessages.codes,
  ...bookingMessages.codes,
  ...feedbackMessages.codes,
])();

/**
 * The text for an issue from the given catalogues: a field-specific text (`"path:code"`) first,
 * then the code's general text, then the code itself.
 */
export function messageIn(
  catalogues: readonly Catalogue<string>[],
  path: string,
  code: string,
  lang: Lang,
): string {
  let general: string | undefined;
  for (const catalogue of catalogues) {
    const texts: Record<string, string> = catalogue[lang];
    const specific = texts[`${path}:${code}`];
    if (specific !== undefined) return specific;
    general ??= texts[code];
  }
  return general ?? code;
}

/**
 * The text a person reads for an issue, in their language. A field-specific text (`"path:code"`)
 * comes first, so a person reads what to do with that field; the code's general text is the
 * fallback.
 *
 * @example
 * issueMessage('host.firstName', 'required', 'en'); // "Enter the host's first name"
 */
export function issueMessage(path: string, code: IssueCode, lang: Lang = 'da'): string {
  return messageIn(ALL_CATALOGUES, path, code, lang);
}
