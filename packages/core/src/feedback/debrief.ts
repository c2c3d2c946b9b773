import * as z from 'zod/mini';
import { choice, clientId, freeText, opaqueId } from '../schemas/fields.js';
import { deviceSequence, type LocalisedText } from './fields.js';

/** The version of the musician debrief payload this SDK writes. */
export const MUSICIAN_DEBRIEF_SCHEMA_VERSION = 1;

/** How a concert went, in the musician's own judgement. */
export const DEBRIEF_OUTCOMES = ['good', 'mixed', 'hard'] as const;
export type DebriefOutcome = (typeof DEBRIEF_OUTCOMES)[number];

/**
 * A musician's short debrief after a concert: how it went, what (if anything) was hard for them,
 * and whether they would like a call from a coordinator. It is about the musician's own
 * experience: the texts are trimmed and must not describe the host's health (the form says so, see
 * {@link MUSICIAN_DEBRIEF_TEXTS}); like every text in Stue they refuse CPR numbers. An empty text
 * means there was nothing to say.
 *
 * @example
 * validate(musicianDebriefSchema, {
 *   schemaVersion: 1, id: newId(), bookingId, deviceId, deviceSeq: 8,
 *   howItWent: 'mixed', anythingHard: 'The TV was on next door the whole time.', wouldLikeACall: false,
 * }).ok; // true
 */
export const musicianDebriefSchema = z.strictObject({
  schemaVersion: z.literal(MUSICIAN_DEBRIEF_SCHEMA_VERSION, { error: 'unsupported_version' }),
  id: clientId(),
  // Bookings are made in the console, with a client id like every record.
  bookingId: clientId(),
  // Given by the hub at enrolment; with deviceSeq it lets the hub notice a wiped tablet.
  deviceId: opaqueId(),
  deviceSeq: deviceSequence(),
  howItWent: choice(DEBRIEF_OUTCOMES),
  anythingHard: z.optional(freeText(500)),
  wouldLikeACall: z.boolean(),
  note: z.optional(freeText(1000)),
});

/** A valid musician debrief. */
export type MusicianDebrief = z.output<typeof musicianDebriefSchema>;
/** What a caller may pass before validation and trimming. */
export type MusicianDebriefInput = z.input<typeof musicianDebriefSchema>;

interface FieldTexts {
  label: LocalisedText;
  help?: LocalisedText;
}

/**
 * The labels and help texts of the debrief form, in Danish and English, so every app asks the
 * same questions in the same words. The help for `anythingHard` and `note` tells the musician not
 * to write about the host's health: the debrief is about the musician, and health notes are data
 * Stue does not keep.
 *
 * @example
 * html`<label>${MUSICIAN_DEBRIEF_TEXTS.anythingHard.label[lang]}</label>
 *      <p class="hint">${MUSICIAN_DEBRIEF_TEXTS.anythingHard.help?.[lang]}</p>`;
 */
export const MUSICIAN_DEBRIEF_TEXTS: {
  howItWent: FieldTexts & { options: Record<DebriefOutcome, LocalisedText> };
  anythingHard: FieldTexts;
  wouldLikeACall: FieldTexts;
  note: FieldTexts;
} = {
  howItWent: {
    label: { da: 'Hvordan gik koncerten for dig?', en: 'How did the concert go for you?' },
    options: {
      good: { da: 'Godt', en: 'Good' },
      mixed: { da: 'Både og', en: 'Mixed' },
      hard: { da: 'Svært', en: 'Hard' },
    },
  },
  anythingHard: {
    label: { da: 'Var der noget, der var svært for dig?', en: 'Was anything hard for you?' },
    help: {
      da: 'Skriv om din egen oplevelse. Skriv ikke om værtens helbred eller sygdom.',
      en: "Write about your own experience. Do not write about the host's health or illness.",
    },
  },
  wouldLikeACall: {
    label: {
      da: 'Vil du gerne ringes op af en koordinator?',
      en: 'Would you like a call from a coordinator?',
    },
    help: {
      da: 'Koordinatoren ringer dig op, så I kan tale om koncerten.',
      en: 'A coordinator will phone you so you can talk about the concert.',
    },
  },
  note: {
    label: { da: 'Kort note (valgfri)', en: 'Short note (optional)' },
    help: {
      da: 'Om din egen oplevelse af dagen. Skriv ikke om værtens helbred.',
      en: "About your own experience of the day. Do not write about the host's health.",
    },
  },
};
