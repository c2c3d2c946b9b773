/** The languages every text a person sees exists in. */
export const LANGS = ['da', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Stable codes for what can be wrong with input. They never change meaning; messages may. */
export const ISSUE_CODES = [
  'required',
  'too_long',
  'invalid_phone',
  'invalid_email',
  'contact_required',
  'consent_required',
  'invalid_choice',
  'invalid_id',
  'invalid_type',
  'unknown_key',
  'unsupported_version',
  'invalid',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

type Catalogue = Record<IssueCode, string> & Record<string, string>;

// Field-specific texts ("path:code") come first, so a person reads what to do with that field;
// the plain code is the fallback for fields the catalogue does not name.
const da: Catalogue = {
  required: 'Udfyld feltet',
  too_long: 'Teksten er for lang',
  invalid_phone: 'Skriv et dansk telefonnummer med 8 cifre, fx 20 30 40 50',
  invalid_email: 'Skriv en e-mailadresse som navn@eksempel.dk',
  contact_required: 'Skriv et telefonnummer eller en e-mailadresse, så vi kan kontakte dig',
  consent_required: 'Bekræft, at værten har sagt ja til besøget gennem sin besøgsven',
  invalid_choice: 'Vælg en af mulighederne',
  invalid_id: 'Indstillingen har et ugyldigt id',
  invalid_type: 'Værdien har en forkert form',
  unknown_key: 'Feltet kendes ikke',
  unsupported_version: 'Appen skal opdateres – dine oplysninger er gemt',
  invalid: 'Værdien er ugyldig',
  'nominator.role:required': 'Vælg hvem du er',
  'nominator.role:invalid_choice': 'Vælg hvem du er',
  'nominator.name:required': 'Skriv dit navn',
  'host.firstName:required': 'Skriv værtens fornavn',
  'host.municipality:required': 'Skriv hvilken kommune værten bor i',
  'visitingFriend.firstName:required': 'Skriv besøgsvennens fornavn',
  'visitingFriend.phone:required': 'Skriv besøgsvennens telefonnummer',
};

const en: Catalogue = {
  required: 'Fill in this field',
  too_long: 'The text is too long',
  invalid_phone: 'Enter a Danish phone number with 8 digits, like 20 30 40 50',
  invalid_email: 'Enter an email address like name@example.com',
  contact_required: 'Enter a phone number or an email address so we can contact you',
  consent_required: 'Confirm that the host has said yes to the visit through their visiting friend',
  invalid_choice: 'Choose one of the options',
  invalid_id: 'The nomination has an invalid id',
  invalid_type: 'The value has the wrong form',
  unknown_key: 'This field is not known',
  unsupported_version: 'The app needs an update – your information is kept',
  invalid: 'The value is not valid',
  'nominator.role:required': 'Choose who you are',
  'nominator.role:invalid_choice': 'Choose who you are',
  'nominator.name:required': 'Enter your name',
  'host.firstName:required': "Enter the host's first name",
  'host.municipality:required': 'Enter the municipality the host lives in',
  'visitingFriend.firstName:required': "Enter the visiting friend's first name",
  'visitingFriend.phone:required': "Enter the visiting friend's phone number",
};

const catalogues: Record<Lang, Catalogue> = { da, en };

/**
 * The text a person reads for an issue, in their language.
 *
 * @example
 * issueMessage('host.firstName', 'required', 'en'); // "Enter the host's first name"
 */
export function issueMessage(path: string, code: IssueCode, lang: Lang = 'da'): string {
  const catalogue = catalogues[lang];
  return catalogue[`${path}:${code}`] ?? catalogue[code];
}
