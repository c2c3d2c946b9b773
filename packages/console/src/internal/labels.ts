import {
  assessEligibility,
  DEFAULT_PROGRAMME,
  MUNICIPALITIES,
  municipalityByCode,
  type EligibilityAssessment,
  type EligibilityOutcome,
  type Lang,
  type NominationStatus,
  type BookingStatus,
  type NominationV2,
  visitLanguageName,
} from '@stue/core';
import { html, type TemplateResult } from 'lit';
import type { ConsoleStrings } from '../strings.js';
import { localeOf } from './time.js';

/** A municipality's name from its code; the code itself when unknown. */
export const municipalityName = (code: string): string => municipalityByCode(code)?.name ?? code;

/**
 * Who a concert is for, as lists show it: the host's first name and municipality, or that the
 * host has withdrawn consent (the hub then names nobody).
 */
export const hostAndPlace = (
  t: ConsoleStrings,
  host: { firstName: string; municipalityCode: string } | null,
): string =>
  host ? `${host.firstName}, ${municipalityName(host.municipalityCode)}` : t.hostWithdrawn;

/**
 * A municipality's name as a key whose plain order is the language's (`Intl.Collator` for `da-DK`
 * and `en-GB`, checked for all 98 names by `labels.test.ts`): Danish puts æ, ø, å after z and
 * reads "aa" as å; English reads æ as "ae", ø as o and å as a. The console's first screen draws
 * these choices, and a first `Intl.Collator` costs it tens of milliseconds on a slow machine.
 */
const sortKey: Record<Lang, (name: string) => string> = {
  da: (name) =>
    name
      .toLowerCase()
      .replaceAll('aa', 'å')
      .replace(/[æøåé]/g, (c) => ({ æ: '{', ø: '|', å: '}', é: 'e' })[c]!),
  en: (name) =>
    name
      .toLowerCase()
      .replaceAll('æ', 'ae')
      .replaceAll('ø', 'o')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, ''),
};

/**
 * The municipalities in each language's order, sorted once: the inbox draws them on every render.
 */
const sortedMunicipalities = new Map<Lang, readonly { value: string; label: string }[]>();

/** All 98 municipalities as choices, by name in the language's order. */
export function municipalityChoices(lang: Lang): readonly { value: string; label: string }[] {
  let choices = sortedMunicipalities.get(lang);
  if (!choices) {
    const key = sortKey[lang];
    choices = MUNICIPALITIES.map((m) => ({ value: m.code, label: m.name, key: key(m.name) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
      .map(({ value, label }) => ({ value, label }));
    sortedMunicipalities.set(lang, choices);
  }
  return choices;
}

/**
 * A language's name in the console's language ("engelsk", "English"): core's words for the visit
 * languages, the browser's for any other code.
 */
export function languageName(code: string, lang: Lang): string {
  const known = visitLanguageName(code, lang);
  if (known !== undefined) return known;
  try {
    return new Intl.DisplayNames([localeOf(lang)], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** What screening suggests for a nomination: the programme's criteria held against its answers. */
export function eligibilityOf(nomination: NominationV2): EligibilityAssessment {
  return assessEligibility(DEFAULT_PROGRAMME, nomination.screening ?? {});
}

const outcomeClass: Record<EligibilityOutcome, string> = {
  fits: 'ok',
  'talk-first': 'attention',
  'outside-format': 'closed',
};

/** The eligibility outcome as a tag. "Outside the format" is grey, not red: it is not a no. */
export const outcomeTag = (t: ConsoleStrings, outcome: EligibilityOutcome): TemplateResult =>
  html`<span class="tag ${outcomeClass[outcome]}">${t.outcomes[outcome]}</span>`;

const statusClass: Record<NominationStatus, string> = {
  received: 'attention',
  'in-review': '',
  accepted: 'ok',
  declined: 'closed',
  withdrawn: 'closed',
  booked: 'ok',
  completed: 'closed',
};

/** A nomination status as a tag. */
export const statusTag = (t: ConsoleStrings, status: NominationStatus): TemplateResult =>
  html`<span class="tag ${statusClass[status]}">${t.statuses[status]}</span>`;

const bookingClass: Record<BookingStatus, string> = {
  proposed: 'attention',
  confirmed: 'ok',
  held: 'closed',
  cancelled: 'problem',
  'no-show': 'problem',
};

/** A booking status as a tag. */
export const bookingTag = (t: ConsoleStrings, status: BookingStatus): TemplateResult =>
  html`<span class="tag ${bookingClass[status]}">${t.bookingStatuses[status]}</span>`;

/**
 * A Danish phone number as people read it aloud: `+4520304050` → `20 30 40 50`. Anything else is
 * returned as it is.
 */
export function formatPhone(phone: string): string {
  const match = /^\+45(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(phone.replace(/\s/g, ''));
  return match ? match.slice(1).join(' ') : phone;
}

/** A list in words: "a, b og c" / "a, b and c". */
export function listInWords(items: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(localeOf(lang), { style: 'long', type: 'conjunction' }).format(items);
}
