import { formNominationMessages } from './nomination-form.js';
import type { Catalogue } from './types.js';

const codes = [
  'invalid_phone',
  'invalid_email',
  'contact_required',
  'consent_required',
  'unknown_municipality',
  'invalid_postcode',
  'consent_in_future',
] as const;

/** Texts for nominations: their own rules, and field-specific sentences. */
export const nominationMessages: Catalogue<(typeof codes)[number]> = {
  codes,
  da: {
    ...formNominationMessages.da,
    unknown_municipality: 'Vi kan ikke finde kommunen. Skriv navnet på en dansk kommune, fx Aarhus',
    'host.municipality:required': 'Skriv hvilken kommune værten bor i',
    consent_in_future: 'Samtykket er dateret ud i fremtiden. Tjek, at uret går rigtigt',
  },
  en: {
    ...formNominationMessages.en,
    unknown_municipality:
      'We cannot find the municipality. Enter the name of a Danish municipality, like Aarhus',
    'host.municipality:required': 'Enter the municipality the host lives in',
    consent_in_future: 'The consent is dated in the future. Check that the clock is right',
  },
};
