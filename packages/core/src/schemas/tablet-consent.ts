import * as z from 'zod/mini';
import { TEXT_LIMITS } from '../limits.js';
import { choice, isoDateTime, requiredText } from './fields.js';

/**
 * Whether a concert's pair has said yes to keeping their answers from the tablet, as the tablet's
 * day gives it: `given` (the host's `feedback` consent is on record), `ask` (never given: the
 * tablet asks the pair before the first question) or `withdrawn` (the host took it back: the
 * tablet does not ask, and the hub refuses their answers).
 */
export const FEEDBACK_CONSENT_STATES = ['given', 'ask', 'withdrawn'] as const;
/** One of {@link FEEDBACK_CONSENT_STATES}. */
export type FeedbackConsentState = (typeof FEEDBACK_CONSENT_STATES)[number];

/** Who said yes on the tablet: the host, the visiting friend, or both of them. */
export const TABLET_CONSENT_BY = ['host', 'visiting-friend', 'both'] as const;
/** One of {@link TABLET_CONSENT_BY}. */
export type TabletConsentBy = (typeof TABLET_CONSENT_BY)[number];

/**
 * The version of the tablet's own words about keeping the answers ("Må vi gemme jeres svar?"),
 * sent as the consent's `noticeVersion` when the tablet has no programme's notice version. Change
 * it whenever those words change, so a consent says which words were shown.
 */
export const TABLET_NOTICE_VERSION = 'stue-kiosk-feedback/1';

/**
 * The pair's yes to keeping their answers, given on the tablet before the first question: who
 * said yes, when (ISO date-time with offset), and the version of the words shown. It travels next
 * to the sealed answers, never inside them, and the hub records it as a `feedback` consent
 * (via `tablet`) when none is on record.
 *
 * @example
 * { agreedBy: 'both', at: '2026-12-07T14:02:00.000Z', noticeVersion: TABLET_NOTICE_VERSION }
 */
export const tabletConsentSchema = z.strictObject({
  agreedBy: choice(TABLET_CONSENT_BY),
  at: isoDateTime(),
  noticeVersion: requiredText(TEXT_LIMITS.noticeVersion),
});
/** A valid consent given on the tablet. */
export type TabletConsent = z.output<typeof tabletConsentSchema>;

/** The people a tablet consent speaks for. */
export function tabletConsentPersons(agreedBy: TabletConsentBy): ('host' | 'visiting-friend')[] {
  return agreedBy === 'both' ? ['host', 'visiting-friend'] : [agreedBy];
}
