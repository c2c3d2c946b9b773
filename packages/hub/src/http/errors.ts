import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Issue, Lang } from '@stue/core';

// Every code here must be in `API_ERROR_CODES` of @stue/core, and every code there here
// (`errors.test.ts`), so clients know every code the hub answers with.
const messages = {
  invalid_body: {
    da: 'Oplysningerne kunne ikke modtages. Ret fejlene og send igen.',
    en: 'The information could not be accepted. Correct the errors and send again.',
  },
  invalid_parameter: {
    da: 'Adressen indeholder en ugyldig værdi.',
    en: 'The address contains an invalid value.',
  },
  unauthorized: {
    da: 'Nøglen mangler eller kendes ikke.',
    en: 'The key is missing or not known.',
  },
  invalid_credentials: {
    da: 'E-mail eller adgangskode er forkert.',
    en: 'The e-mail address or password is wrong.',
  },
  csrf_failed: {
    da: 'Handlingen kunne ikke bekræftes. Genindlæs siden, og prøv igen.',
    en: 'The action could not be confirmed. Reload the page and try again.',
  },
  origin_not_allowed: {
    da: 'Denne hjemmeside må ikke bruge nøglen.',
    en: 'This website may not use the key.',
  },
  secret_key_required: {
    da: 'Det kræver partnerens hemmelige nøgle (sk_…).',
    en: "This needs the partner's secret key (sk_…).",
  },
  secret_key_in_browser: {
    da: 'En hemmelig nøgle må kun bruges fra en server, aldrig fra en browser. Lav en ny nøgle, og træk denne tilbage.',
    en: 'A secret key may only be used from a server, never from a browser. Make a new key and revoke this one.',
  },
  not_found: { da: 'Findes ikke.', en: 'Not found.' },
  nomination_conflict: {
    da: 'En anden indstilling er allerede modtaget med samme id.',
    en: 'A different nomination has already been received with the same id.',
  },
  payload_too_large: { da: 'Forespørgslen er for stor.', en: 'The request is too large.' },
  rate_limited: {
    da: 'For mange forespørgsler. Vent lidt og prøv igen.',
    en: 'Too many requests. Wait a little and try again.',
  },
  internal: {
    da: 'Der skete en fejl hos Stue. Prøv igen om lidt.',
    en: 'Something went wrong at Stue. Try again in a moment.',
  },
  invalid_enrolment_code: {
    da: 'Koden kendes ikke, er brugt eller udløbet. Bed koordinatoren om en ny.',
    en: 'The code is unknown, used or expired. Ask the coordinator for a new one.',
  },
  record_conflict: {
    da: 'Noget andet er allerede modtaget med samme id.',
    en: 'Something different has already been received with the same id.',
  },
  cannot_open: {
    da: 'Svaret kunne ikke åbnes. Tabletten skal tilmeldes igen.',
    en: 'The record could not be opened. The tablet needs to be enrolled again.',
  },
  illegal_transition: {
    da: 'Det kan ikke lade sig gøre fra den nuværende status. Se, hvad der kan gøres nu.',
    en: 'That cannot be done from the current status. See what can be done now.',
  },
  reason_required: {
    da: 'Skriv en begrundelse.',
    en: 'Give a reason.',
  },
  nomination_not_accepted: {
    da: 'Indstillingen er ikke godkendt til en koncert.',
    en: 'The nomination is not accepted for a concert.',
  },
  nomination_has_booking: {
    da: 'Indstillingen har allerede en booking. Aflys eller flyt den i stedet.',
    en: 'The nomination already has a booking. Cancel or move that one instead.',
  },
  tour_day_has_bookings: {
    da: 'Turnédagen har bookinger, som ændringen ville ramme. Aflys eller flyt dem først.',
    en: 'The tour day has bookings the change would affect. Cancel or move them first.',
  },
  tour_day_full: {
    da: 'Turnédagen har allerede så mange koncerter, som musikeren spiller.',
    en: 'The tour day already has as many concerts as the musician plays.',
  },
  person_erased: {
    da: 'Personen, som dette handler om, er slettet efter ønske. Send det ikke igen.',
    en: 'The person this is about has been erased at their request. Do not send it again.',
  },
  no_consent: {
    da: 'Der er ikke (længere) samtykke til at gemme dette. Send det ikke igen.',
    en: 'There is no (longer any) consent to keep this. Do not send it again.',
  },
  booking_overlap: {
    da: 'Tidspunktet overlapper en anden koncert på turnédagen, pausen medregnet.',
    en: 'The time overlaps another concert on the tour day, break included.',
  },
  webhook_limit_reached: {
    da: 'Partneren har allerede så mange webhook-adresser, som er tilladt. Slet en først.',
    en: 'The partner already has as many webhook endpoints as allowed. Delete one first.',
  },
  storage_full: {
    da: 'Stue kan ikke gemme lige nu, fordi serveren ikke har mere plads. Prøv igen om lidt.',
    en: 'Stue cannot save right now because the server has run out of space. Try again in a while.',
  },
  request_timeout: {
    da: 'Forespørgslen kom ikke frem i tide. Prøv igen.',
    en: 'The request did not arrive in time. Try again.',
  },
  invalid_encoding: {
    da: 'Indholdet er ikke gyldig UTF-8.',
    en: 'The body is not valid UTF-8.',
  },
  programme_exists: {
    da: 'Der findes allerede et program med den forkortelse. Vælg en anden, eller lav en ny version af det.',
    en: 'A programme with this slug already exists. Choose another, or make a new version of it.',
  },
  unknown_programme: {
    da: 'Indstillingen nævner et program, som ikke findes her. Ret programmeId, eller udelad det for standardprogrammet.',
    en: 'The nomination names a programme that does not exist here. Correct programmeId, or leave it out for the default programme.',
  },
  unknown_notice_version: {
    da: 'Samtykket nævner en version af privatlivsteksten, som programmet aldrig har haft. Send den version, der blev vist.',
    en: 'The consent names a version of the privacy notice the programme never had. Send the version that was shown.',
  },
} satisfies Record<string, Record<Lang, string>>;

/** Every code the hub answers errors with. */
export const hubErrorCodes = () => Object.keys(messages) as (keyof typeof messages)[];

/** The response language: English when the request prefers it, Danish otherwise. */
export function requestLang(c: Context): Lang {
  const header = c.req.header('accept-language') ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'da';
}

/** An error response in the one shape every client reads: `{"error": {code, message, issues?}}`. */
export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  code: keyof typeof messages,
  issues?: Issue[],
) {
  const message = messages[code][requestLang(c)];
  return c.json({ error: issues ? { code, message, issues } : { code, message } }, status);
}

/**
 * The same error body as {@link apiError}, as text, for an answer written where there is no
 * request context (the server's own 408 when a request does not arrive in time).
 */
export function errorJson(code: keyof typeof messages, lang: Lang = 'da'): string {
  return JSON.stringify({ error: { code, message: messages[code][lang] } });
}
