import type { Catalogue } from './types.js';

const codes = [] as const;

/** Texts for feedback records: their own rules, and field-specific sentences. */
export const feedbackMessages: Catalogue<(typeof codes)[number]> = {
  codes,
  da: {},
  en: {},
};
