import type { Catalogue } from './types.js';

const codes = ['invalid_phone', 'invalid_email', 'contact_required', 'consent_required'] as const;

/** Texts for nominations: their own rules, and field-specific sentences. */
export const nominationMessages: Catalogue<(typeof codes)[number]> = {
  codes,
  da: {
    invalid_phone: 'Skriv et dansk telefonnummer med 8 cifre, fx 20 30 40 50',
    invalid_email: 'Skriv en e-mailadresse som navn@eksempel.dk',
    contact_required: 'Skriv et telefonnummer eller en e-mailadresse, så vi kan kontakte dig',
    consent_required: 'Bekræft, at værten har sagt ja til besøget gennem sin besøgsven',
    'id:invalid_id': 'Indstillingen har et ugyldigt id',
    'nominator.role:required': 'Vælg hvem du er',
    'nominator.role:invalid_choice': 'Vælg hvem du er',
    'nominator.name:required': 'Skriv dit navn',
    'host.firstName:required': 'Skriv værtens fornavn',
    'host.municipality:required': 'Skriv hvilken kommune værten bor i',
    'visitingFriend.firstName:required': 'Skriv besøgsvennens fornavn',
    'visitingFriend.phone:required': 'Skriv besøgsvennens telefonnummer',
  },
  en: {
    invalid_phone: 'Enter a Danish phone number with 8 digits, like 20 30 40 50',
    invalid_email: 'Enter an email address like name@example.com',
    contact_required: 'Enter a phone number or an email address so we can contact you',
    consent_required:
      'Confirm that the host has said yes to the visit through their visiting friend',
    'id:invalid_id': 'The nomination has an invalid id',
    'nominator.role:required': 'Choose who you are',
    'nominator.role:invalid_choice': 'Choose who you are',
    'nominator.name:required': 'Enter your name',
    'host.firstName:required': "Enter the host's first name",
    'host.municipality:required': 'Enter the municipality the host lives in',
    'visitingFriend.firstName:required': "Enter the visiting friend's first name",
    'visitingFriend.phone:required': "Enter the visiting friend's phone number",
  },
};
