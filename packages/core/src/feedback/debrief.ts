import * as z from 'zod/mini';
import { TEXT_LIMITS } from '../limits.js';
import { choice, freeText } from '../schemas/fields.js';
import {
  olderVersion,
  readVersioned,
  type ReadOptions,
  type RecordVersions,
  type UpgradeResult,
} from '../schemas/versioning.js';
import type { ValidationResult } from '../validation/validate.js';
import { deviceRecord, type LocalisedText } from './fields.js';

/** The version of the musician debrief payload this SDK writes. */
export const MUSICIAN_DEBRIEF_SCHEMA_VERSION = 2;

/** How a concert went, in the musician's own judgement. */
export const DEBRIEF_OUTCOMES = ['good', 'mixed', 'hard'] as const;
export type DebriefOutcome = (typeof DEBRIEF_OUTCOMES)[number];

/**
 * Version 1 of the debrief, still read (see {@link readMusicianDebrief}): it had no yes/no for
 * "was anything hard", only the text.
 */
export const musicianDebriefV1Schema = z.strictObject({
  ...deviceRecord(1),
  howItWent: choice(DEBRIEF_OUTCOMES),
  anythingHard: z.optional(freeText(TEXT_LIMITS.debriefHard)),
  wouldLikeACall: z.boolean(),
  note: z.optional(freeText(TEXT_LIMITS.debriefNote)),
});

/** A valid version 1 musician debrief. */
export type MusicianDebriefV1 = z.output<typeof musicianDebriefV1Schema>;

/**
 * A musician's short debrief after a concert (version 2): how it went, whether anything was hard
 * for them (yes/no) and, if they like, what, and whether they would like a call from a
 * coordinator. It is about the musician's own experience: the texts are trimmed and must not
 * describe the host's health (the form says so, see {@link MUSICIAN_DEBRIEF_TEXTS}); like every
 * text in Stue they refuse CPR numbers. An empty text means there was nothing to say.
 *
 * @example
 * validate(musicianDebriefSchema, {
 *   schemaVersion: 2, id: newId(), bookingId, deviceId, deviceSeq: 8, howItWent: 'mixed',
 *   wasAnythingHard: true, anythingHard: 'The TV was on next door the whole time.',
 *   wouldLikeACall: false,
 * }).ok; // true
 */
export const musicianDebriefSchema = z.strictObject({
  ...deviceRecord(MUSICIAN_DEBRIEF_SCHEMA_VERSION),
  howItWent: choice(DEBRIEF_OUTCOMES),
  wasAnythingHard: z.boolean(),
  /** What was hard, in the musician's words (optional, and only meant when `wasAnythingHard`). */
  anythingHard: z.optional(freeText(TEXT_LIMITS.debriefHard)),
  wouldLikeACall: z.boolean(),
  note: z.optional(freeText(TEXT_LIMITS.debriefNote)),
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
  wasAnythingHard: FieldTexts;
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
  wasAnythingHard: {
    label: { da: 'Var der noget, der var svært for dig?', en: 'Was anything hard for you?' },
  },
  anythingHard: {
    label: { da: 'Hvad var svært? (valgfrit)', en: 'What was hard? (optional)' },
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

/**
 * Upgrades a valid version 1 debrief to version 2 input. Version 1 asked "was anything hard" as a
 * text only, and an empty text meant nothing to say: a text becomes `wasAnythingHard: true` with
 * the text kept, no text becomes `false`.
 *
 * @example
 * upgradeMusicianDebriefV1({ ...v1, anythingHard: 'Parking' }); // { ok: true, value: { schemaVersion: 2, wasAnythingHard: true, … } }
 */
export function upgradeMusicianDebriefV1(v1: MusicianDebriefV1): UpgradeResult {
  const { schemaVersion: _version, anythingHard, note, ...rest } = v1;
  const hard = anythingHard ?? '';
  const value: MusicianDebriefInput = {
    ...rest,
    schemaVersion: MUSICIAN_DEBRIEF_SCHEMA_VERSION,
    wasAnythingHard: hard !== '',
    ...(hard !== '' ? { anythingHard: hard } : {}),
    ...(note !== undefined ? { note } : {}),
  };
  return { ok: true, value };
}

/** The debrief versions {@link readMusicianDebrief} accepts: 1 (upgraded) and 2 (current). */
export const MUSICIAN_DEBRIEF_VERSIONS: RecordVersions<typeof musicianDebriefSchema> = {
  current: MUSICIAN_DEBRIEF_SCHEMA_VERSION,
  schema: musicianDebriefSchema,
  older: { 1: /* @__PURE__ */ olderVersion(musicianDebriefV1Schema, upgradeMusicianDebriefV1) },
};

/**
 * Reads a musician debrief of any version a tablet may still send and returns it as version 2
 * (version 1 is upgraded, see {@link upgradeMusicianDebriefV1}); any other version is refused
 * with `unsupported_version`.
 *
 * @example
 * const result = readMusicianDebrief(body, { lang: 'en' });
 * if (result.ok) result.value.wasAnythingHard; // true or false
 */
export function readMusicianDebrief(
  input: unknown,
  options: ReadOptions = {},
): ValidationResult<MusicianDebrief> {
  return readVersioned(MUSICIAN_DEBRIEF_VERSIONS, input, options);
}
