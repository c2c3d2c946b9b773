import { formCommonMessages } from './nomination-form.js';
import type { Catalogue } from './types.js';

const codes = [
  'required',
  'too_long',
  'too_many',
  'out_of_range',
  'invalid_choice',
  'duplicate_choice',
  'invalid_id',
  'invalid_type',
  'invalid_date',
  'invalid_datetime',
  'invalid_time',
  'unknown_key',
  'unsupported_version',
  'cpr_not_allowed',
  'invalid',
] as const;

/** Texts for the issues any record can have. */
export const commonMessages: Catalogue<(typeof codes)[number]> = {
  codes,
  da: {
    ...formCommonMessages.da,
    too_many: 'Der er valgt for mange',
    out_of_range: 'Tallet er uden for det tilladte',
    duplicate_choice: 'Den samme mulighed er valgt to gange',
    invalid_id: 'Id’et er ugyldigt',
    invalid_type: 'Værdien har en forkert form',
    invalid_date: 'Skriv en dato, der findes, som ÅÅÅÅ-MM-DD',
    invalid_datetime: 'Skriv et tidspunkt med dato, klokkeslæt og tidszone',
    invalid_time: 'Skriv et klokkeslæt som TT:MM, fx 09:30',
    unknown_key: 'Feltet kendes ikke',
    unsupported_version: 'Appen skal opdateres – dine oplysninger er gemt',
  },
  en: {
    ...formCommonMessages.en,
    too_many: 'Too many are chosen',
    out_of_range: 'The number is outside what is allowed',
    duplicate_choice: 'The same option is chosen twice',
    invalid_id: 'The id is not valid',
    invalid_type: 'The value has the wrong form',
    invalid_date: 'Enter a date that exists, as YYYY-MM-DD',
    invalid_datetime: 'Enter a time with date, time of day and time zone',
    invalid_time: 'Enter a time of day as HH:MM, like 09:30',
    unknown_key: 'This field is not known',
    unsupported_version: 'The app needs an update – your information is kept',
  },
};
