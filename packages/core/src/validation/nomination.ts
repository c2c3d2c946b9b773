import { nominationV2Schema, type NominationV2 } from '../schemas/nomination-v2.js';
import { commonMessages } from './catalogue/common.js';
import { nominationMessages } from './catalogue/nomination.js';
import type { Catalogue, Lang } from './catalogue/types.js';
import { messageIn, type IssueCode } from './messages.js';
import { validateIn, type ValidationResult } from './validate.js';

const NOMINATION_CATALOGUES: readonly Catalogue<string>[] = [commonMessages, nominationMessages];

/**
 * Validates a nomination in the current version ({@link nominationV2Schema}) with the nomination
 * texts alone: what a nomination form needs, and nothing of other domains.
 *
 * @example
 * const result = validateNomination(draft, { lang: 'en' });
 */
export function validateNomination(
  input: unknown,
  options: { lang?: Lang } = {},
): ValidationResult<NominationV2> {
  return validateIn(NOMINATION_CATALOGUES, nominationV2Schema, input, options);
}

/** The text for a nomination issue, in Danish or English (see {@link issueMessage}). */
export function nominationIssueMessage(path: string, code: IssueCode, lang: Lang = 'da'): string {
  return messageIn(NOMINATION_CATALOGUES, path, code, lang);
}
