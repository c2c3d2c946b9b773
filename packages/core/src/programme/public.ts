// What a nomination form and a tablet read of a programme (its public part), in a module without
// a schema: the CDN widget imports it. The coordinator's record and its schema are in record.ts.
import type { ScreeningQuestion } from './screening-questions.js';

/**
 * The visit a programme offers: a solo living-room concert of about an hour (`home-concert`), or
 * a singing visit, where a musician sings with the host (`singing-visit`).
 */
export const VISIT_FORMAT_KINDS = ['home-concert', 'singing-visit'] as const;
/** One of {@link VISIT_FORMAT_KINDS}. */
export type VisitFormatKind = (typeof VISIT_FORMAT_KINDS)[number];

/**
 * Where the host's yes to keeping the answers given after the visit (consent scope `feedback`)
 * is asked: in the nomination form, as its own choice, when the visiting friend or the host
 * nominates (`widget`), or on the tablet before the first question (`kiosk`).
 */
export const FEEDBACK_CONSENT_PLACES = ['widget', 'kiosk'] as const;
/** One of {@link FEEDBACK_CONSENT_PLACES}. */
export type FeedbackConsentPlace = (typeof FEEDBACK_CONSENT_PLACES)[number];

interface Localised {
  readonly da: string;
  readonly en: string;
}

/**
 * The public part of a programme version: what a nomination form shows and what the receipt
 * promises. Served by the hub at `GET /api/v1/programmes/{slug}/public`.
 *
 * - `version` counts the programme's versions from 1; `noticeVersion` (`{slug}/{version}`) is
 *   what a consent record stores, so the words read can always be found again.
 * - `controller`: who is responsible for the data (name, postal address, how to reach them).
 * - `notice`: the privacy notice, paragraphs separated by a blank line.
 * - `nominatorContact`: whom a nominator can ask (a phone number, an e-mail or both).
 * - `callWithin`: the promise on the receipt, e.g. "A coordinator calls the visiting friend
 *   within about two weeks."
 * - `criteria`: the screening questions, without the texts only a coordinator reads.
 */
export interface ProgrammePublic {
  readonly slug: string;
  readonly version: number;
  readonly noticeVersion: string;
  readonly name: Localised;
  readonly format: {
    readonly kind: VisitFormatKind;
    readonly minutes: number;
    readonly description: Localised;
  };
  readonly controller: {
    readonly name: string;
    readonly address: string;
    readonly contact: string;
  };
  readonly notice: Localised;
  readonly nominatorContact: { readonly phone?: string; readonly email?: string };
  readonly callWithin: Localised;
  readonly criteria: readonly ScreeningQuestion[];
  readonly feedbackConsent: FeedbackConsentPlace;
}

/**
 * The notice version a consent record stores for a programme's version: `{slug}/{version}`.
 *
 * @example
 * noticeVersionOf('musikalske-besoegsvenner', 3); // 'musikalske-besoegsvenner/3'
 */
export function noticeVersionOf(slug: string, version: number): string {
  return `${slug}/${version}`;
}
