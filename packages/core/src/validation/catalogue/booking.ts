import type { Catalogue } from './types.js';

const codes = [
  'invalid_origin',
  'invalid_webhook_url',
  'webhook_private_address',
  'window_end_before_start',
  'window_too_short',
  'invalid_period',
  'suppressed_value_present',
  'not_found',
  'inactive',
  'outside_window',
] as const;

/**
 * Texts for the coordinator's and administrator's records: partners, musicians, tour days,
 * bookings, and the report rows made from them. Their own rules, and field-specific sentences.
 * Field texts are keyed by path alone, so a top-level field's text stays general enough to fit
 * any record with a field of that name.
 */
export const bookingMessages: Catalogue<(typeof codes)[number]> = {
  codes,
  da: {
    not_found: 'Findes ikke',
    inactive: 'Er ikke aktiv',
    outside_window: 'Tidspunktet ligger uden for det tilladte',
    'musicianId:not_found': 'Musikeren findes ikke',
    'musicianId:inactive': 'Musikeren tager ikke imod nye turnédage',
    'peers:not_found': 'Musikeren findes ikke. Vælg en musiker fra listen',
    'peers:inactive': 'Musikeren er ikke aktiv og kan ikke være kollega i programmet',
    'tourDayId:not_found': 'Turnédagen findes ikke',
    'nominationId:not_found': 'Indstillingen findes ikke',
    'contactCoordinatorId:not_found': 'Koordinatoren findes ikke',
    'start:outside_window': 'Koncerten skal ligge inden for turnédagens tidsrum, på dens dato',
    invalid_origin:
      'Skriv en adresse som https://www.eksempel.dk – uden sti. http bruges kun til 127.0.0.1 og localhost',
    invalid_webhook_url: 'Skriv en https-adresse, fx https://api.eksempel.dk/stue',
    webhook_private_address:
      'Adressen peger ind i et privat netværk. Brug en offentlig https-adresse',
    window_end_before_start: 'Sluttidspunktet skal ligge efter starttidspunktet',
    window_too_short: 'Tidsrummet skal kunne rumme mindst én koncert',
    invalid_period:
      'Skriv en periode som en måned (ÅÅÅÅ-MM, fx 2025-03), et kvartal (fx 2025-Q1) eller et år (fx 2025)',
    suppressed_value_present: 'En skjult celle må ikke have en værdi',
    'phone:required': 'Skriv telefonnummeret',
    'email:required': 'Skriv e-mailadressen',
    'homeMunicipalityCode:required': 'Vælg den kommune, musikeren kører ud fra',
    'homeMunicipalityCode:invalid_choice': 'Vælg den kommune, musikeren kører ud fra',
    'languages:required': 'Vælg mindst ét sprog',
    'baseMunicipalityCode:required': 'Vælg den kommune, turnédagen starter fra',
    'baseMunicipalityCode:invalid_choice': 'Vælg den kommune, turnédagen starter fra',
    'date:required': 'Skriv datoen',
    'windowStart:required': 'Skriv hvornår musikeren kan begynde',
    'windowEnd:required': 'Skriv hvornår musikeren skal være færdig',
    'maxConcerts:out_of_range': 'Vælg mellem 1 og 6 koncerter',
    'concertMinutes:out_of_range': 'Skriv en koncertlængde mellem 15 og 180 minutter',
    'bufferMinutes:out_of_range': 'Skriv en pause mellem 0 og 240 minutter',
    'start:required': 'Vælg et tidspunkt for koncerten',
    'contactCoordinatorId:required': 'Vælg koordinatoren, der er kontaktperson',
    'period:required':
      'Vælg rapportens periode: en måned (fx 2025-03), et kvartal (fx 2025-Q1) eller et år (fx 2025)',
    'grouping:invalid_choice':
      'Vælg en opdeling: all, municipality, region, partner, musician eller programme',
    'lang:invalid_choice': 'Vælg sproget da eller en',
    'separator:invalid_choice': 'Vælg skilletegnet comma eller semicolon',
  },
  en: {
    not_found: 'Does not exist',
    inactive: 'Is not active',
    outside_window: 'The time is outside what is allowed',
    'musicianId:not_found': 'The musician does not exist',
    'musicianId:inactive': 'The musician takes no new tour days',
    'peers:not_found': 'The musician does not exist. Choose a musician from the list',
    'peers:inactive': 'The musician is not active and cannot be a peer in the programme',
    'tourDayId:not_found': 'The tour day does not exist',
    'nominationId:not_found': 'The nomination does not exist',
    'contactCoordinatorId:not_found': 'The coordinator does not exist',
    'start:outside_window': "The concert must fit in the tour day's window, on its date",
    invalid_origin:
      'Enter an address like https://www.example.com – without a path. http is only for 127.0.0.1 and localhost',
    invalid_webhook_url: 'Enter an https address, like https://api.example.com/stue',
    webhook_private_address:
      'The address points into a private network. Use a public https address',
    window_end_before_start: 'The end time must be after the start time',
    window_too_short: 'The time window must fit at least one concert',
    invalid_period:
      'Enter a period as a month (YYYY-MM, like 2025-03), a quarter (like 2025-Q1) or a year (like 2025)',
    suppressed_value_present: 'A suppressed cell must not have a value',
    'phone:required': 'Enter the phone number',
    'email:required': 'Enter the email address',
    'homeMunicipalityCode:required': 'Choose the municipality the musician travels from',
    'homeMunicipalityCode:invalid_choice': 'Choose the municipality the musician travels from',
    'languages:required': 'Choose at least one language',
    'baseMunicipalityCode:required': 'Choose the municipality the tour day starts from',
    'baseMunicipalityCode:invalid_choice': 'Choose the municipality the tour day starts from',
    'date:required': 'Enter the date',
    'windowStart:required': 'Enter when the musician can start',
    'windowEnd:required': 'Enter when the musician must be done',
    'maxConcerts:out_of_range': 'Choose between 1 and 6 concerts',
    'concertMinutes:out_of_range': 'Enter a concert length between 15 and 180 minutes',
    'bufferMinutes:out_of_range': 'Enter a break between 0 and 240 minutes',
    'start:required': 'Choose a time for the concert',
    'contactCoordinatorId:required': 'Choose the coordinator who is the contact person',
    'period:required':
      "Choose the report's period: a month (like 2025-03), a quarter (like 2025-Q1) or a year (like 2025)",
    'grouping:invalid_choice':
      'Choose a grouping: all, municipality, region, partner, musician or programme',
    'lang:invalid_choice': 'Choose the language da or en',
    'separator:invalid_choice': 'Choose the separator comma or semicolon',
  },
};
