// The texts of the issues a nomination form can show a person, in both languages: the one source
// of these texts, which the full catalogues (common.ts, nomination.ts) include. A page with the
// nomination form downloads these and nothing of other domains.
import type { Lang } from './types.js';

/** The general texts a nomination form shows (part of `commonMessages`). */
export const formCommonMessages = {
  da: {
    required: 'Udfyld feltet',
    too_long: 'Teksten er for lang',
    invalid_choice: 'Vælg en af mulighederne',
    cpr_not_allowed: 'Skriv ikke CPR-numre. Stue må ikke gemme dem.',
    invalid: 'Værdien er ugyldig',
  },
  en: {
    required: 'Fill in this field',
    too_long: 'The text is too long',
    invalid_choice: 'Choose one of the options',
    cpr_not_allowed: 'Do not enter CPR numbers. Stue must not store them.',
    invalid: 'The value is not valid',
  },
};

/** The nomination texts a nomination form shows (part of `nominationMessages`). */
export const formNominationMessages = {
  da: {
    invalid_phone:
      'Skriv et telefonnummer med 8 cifre, fx 20 30 40 50, eller et udenlandsk med landekode, fx +46 70 123 45 67',
    invalid_email: 'Skriv en e-mailadresse som navn@eksempel.dk',
    contact_required: 'Skriv et telefonnummer eller en e-mailadresse, så vi kan kontakte dig',
    consent_required: 'Bekræft, at værten har sagt ja til besøget gennem sin besøgsven',
    invalid_postcode: 'Skriv et dansk postnummer med 4 cifre, fx 8000',
    'nominator.role:required': 'Vælg hvem du er',
    'nominator.role:invalid_choice': 'Vælg hvem du er',
    'nominator.name:required': 'Skriv dit navn',
    'nominator.organisation:too_long': 'Skriv organisationens navn med højst 120 tegn',
    'host.firstName:required': 'Skriv værtens fornavn',
    'host.municipalityCode:required': 'Vælg hvilken kommune værten bor i',
    'host.municipalityCode:invalid_choice': 'Vælg værtens kommune på listen',
    'host.language:invalid_choice': 'Vælg det sprog, besøget skal foregå på',
    'visitingFriend.firstName:required': 'Skriv besøgsvennens fornavn',
    'visitingFriend.phone:required': 'Skriv besøgsvennens telefonnummer',
    'preferences.musicWishes:too_long': 'Skriv musikønskerne med højst 500 tegn',
    'preferences.extraGuests:out_of_range': 'Vælg fra 0 til 6 ekstra gæster',
    'preferences.extraGuests:invalid_type': 'Vælg fra 0 til 6 ekstra gæster',
    'id:invalid_id': 'Indstillingen har et ugyldigt id',
    'nominator.organisation:required':
      'Skriv navnet på din organisation, eller lad feltet stå tomt',
    'host.postcode:required': 'Skriv værtens postnummer',
    'preferences.earliestDate:invalid_date': 'Vælg en dato, der findes, fx 2025-03-01',
    'consent.via:required': 'Vælg hvordan værten har sagt ja',
    'consent.via:invalid_choice': 'Vælg hvordan værten har sagt ja',
  },
  en: {
    invalid_phone:
      'Enter a phone number with 8 digits, like 20 30 40 50, or a foreign one with its country code, like +46 70 123 45 67',
    invalid_email: 'Enter an email address like name@example.com',
    contact_required: 'Enter a phone number or an email address so we can contact you',
    consent_required:
      'Confirm that the host has said yes to the visit through their visiting friend',
    invalid_postcode: 'Enter a Danish postcode with 4 digits, like 8000',
    'nominator.role:required': 'Choose who you are',
    'nominator.role:invalid_choice': 'Choose who you are',
    'nominator.name:required': 'Enter your name',
    'nominator.organisation:too_long': "Enter the organisation's name in at most 120 characters",
    'host.firstName:required': "Enter the host's first name",
    'host.municipalityCode:required': 'Choose the municipality the host lives in',
    'host.municipalityCode:invalid_choice': "Choose the host's municipality from the list",
    'host.language:invalid_choice': 'Choose the language the visit is to be in',
    'visitingFriend.firstName:required': "Enter the visiting friend's first name",
    'visitingFriend.phone:required': "Enter the visiting friend's phone number",
    'preferences.musicWishes:too_long': 'Write the music wishes in at most 500 characters',
    'preferences.extraGuests:out_of_range': 'Choose from 0 to 6 extra guests',
    'preferences.extraGuests:invalid_type': 'Choose from 0 to 6 extra guests',
    'id:invalid_id': 'The nomination has an invalid id',
    'nominator.organisation:required': 'Enter the name of your organisation, or leave it empty',
    'host.postcode:required': "Enter the host's postcode",
    'preferences.earliestDate:invalid_date': 'Choose a date that exists, like 2025-03-01',
    'consent.via:required': 'Choose how the host said yes',
    'consent.via:invalid_choice': 'Choose how the host said yes',
  },
};

/**
 * The text a nomination form shows for an issue: the field's own sentence first, then the code's
 * general text. An issue a form cannot cause (an unknown key, an unsupported version: the hub's
 * concern) reads as the general "the value is not valid".
 *
 * @example
 * nominationFormMessage('host.firstName', 'required', 'en'); // "Enter the host's first name"
 */
export function nominationFormMessage(path: string, code: string, lang: Lang): string {
  const texts: Record<string, string> = {
    ...formCommonMessages[lang],
    ...formNominationMessages[lang],
  };
  return texts[`${path}:${code}`] ?? texts[code] ?? texts.invalid!;
}
