import type { Catalogue } from './types.js';

const codes = [] as const;

/** Texts for booking records: their own rules, and field-specific sentences. */
export const bookingMessages: Catalogue<(typeof codes)[number]> = {
  codes,
  da: {},
  en: {},
};
