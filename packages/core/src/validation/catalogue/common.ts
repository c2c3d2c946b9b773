import type { Catalogue } from './types.js';

const codes = [
  'required',
  'too_long',
  'invalid_choice',
  'invalid_id',
  'invalid_type',
  'unknown_key',
  'unsupported_version',
  'invalid',
] as const;

/** Texts for the issues any record can have. */
export const commonMessages: Catalogue<(typeof codes)[number]> = {
  codes,
  da: {
    required: 'Udfyld feltet',
    too_long: 'Teksten er for lang',
    invalid_choice: 'Vælg en af mulighederne',
    invalid_id: 'Id’et er ugyldigt',
    invalid_type: 'Værdien har en forkert form',
    unknown_key: 'Feltet kendes ikke',
    unsupported_version: 'Appen skal opdateres – dine oplysninger er gemt',
    invalid: 'Værdien er ugyldig',
  },
  en: {
    required: 'Fill in this field',
    too_long: 'The text is too long',
    invalid_choice: 'Choose one of the options',
    invalid_id: 'The id is not valid',
    invalid_type: 'The value has the wrong form',
    unknown_key: 'This field is not known',
    unsupported_version: 'The app needs an update – your information is kept',
    invalid: 'The value is not valid',
  },
};
