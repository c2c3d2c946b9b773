import * as z from 'zod/mini';
import { TEXT_LIMITS } from '../limits.js';
import { choice, clientId, freeText } from '../schemas/fields.js';
import {
  olderVersion,
  readVersioned,
  type ReadOptions,
  type RecordVersions,
  type UpgradeResult,
} from '../schemas/versioning.js';
import type { ValidationResult } from '../validation/validate.js';
import { deviceRecord, type LocalisedText } from './fields.js';
import { MUSICIAN_DEBRIEF_SCHEMA_VERSION } from './versions.js';

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
 * Version 2 of the debrief, still read (see {@link readMusicianDebrief}): a call could only be
 * from a coordinator.
 */
export const musicianDebriefV2Schema = z.strictObject({
  ...deviceRecord(2),
  howItWent: choice(DEBRIEF_OUTCOMES),
  wasAnythingHard: z.boolean(),
  anythingHard: z.optional(freeText(TEXT_LIMITS.debriefHard)),
  wouldLikeACall: z.boolean(),
  note: z.optional(freeText(TEXT_LIMITS.debriefNote)),
});

/** A valid version 2 musician debrief. */
export type MusicianDebriefV2 = z.output<typeof musicianDebriefV2Schema>;

/**
 * A musician's short debrief after a concert (version 3): how it went, whether anything was hard
 * for them (yes/no) and, if they like, what, whether they would like to talk about the concert
 * and with whom — the coordinator, or with `peerId` one of the peers the concert's programme
 * names (only with `wouldLikeACall`; the hub checks the programme names them). It is about the
 * musician's own experience: the texts are trimmed and must not describe the host's health (the
 * form says so, see {@link MUSICIAN_DEBRIEF_TEXTS}); like every text in Stue they refuse CPR
 * numbers. An empty text means there was nothing to say.
 *
 * @example
 * validate(musicianDebriefSchema, {
 *   schemaVersion: 3, id: newId(), bookingId, deviceId, deviceSeq: 8, howItWent: 'mixed',
 *   wasAnythingHard: true, anythingHard: 'The TV was on next door the whole time.',
 *   wouldLikeACall: true, peerId,
 * }).ok; // true
 */
export const musicianDebriefSchema = z
  .strictObject({
    ...deviceRecord(MUSICIAN_DEBRIEF_SCHEMA_VERSION),
    howItWent: choice(DEBRIEF_OUTCOMES),
    wasAnythingHard: z.boolean(),
    /** What was hard, in the musician's words (optional, and only meant when `wasAnythingHard`). */
    anythingHard: z.optional(freeText(TEXT_LIMITS.debriefHard)),
    wouldLikeACall: z.boolean(),
    /** The peer the musician would like to talk to; left out, the coordinator. */
    peerId: z.optional(clientId()),
    note: z.optional(freeText(TEXT_LIMITS.debriefNote)),
  })
  .check(
    z.refine((debrief) => debrief.peerId === undefined || debrief.wouldLikeACall, {
      error: 'peer_without_call',
      path: ['peerId'],
    }),
  );

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
  /** The question when the concert's programme names peers: whom to talk to. */
  talkTo: FieldTexts;
  /** The choice of the coordinator among the peers. */
  coordinator: FieldTexts;
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
  talkTo: {
    label: {
      da: 'Vil du gerne tale med nogen om koncerten?',
      en: 'Would you like to talk to someone about the concert?',
    },
    help: {
      da: 'Vælg hvem der skal ringe dig op: koordinatoren eller en erfaren kollega fra programmet. Kollegaen hører kun, at du gerne vil tale om koncerten – ikke hvad du har skrevet.',
      en: 'Choose who calls you: the coordinator or an experienced peer from the programme. The peer only hears that you would like to talk about the concert – not what you wrote.',
    },
  },
  coordinator: { label: { da: 'Koordinatoren', en: 'The coordinator' } },
  note: {
    label: { da: 'Kort note (valgfri)', en: 'Short note (optional)' },
    help: {
      da: 'Om din egen oplevelse af dagen. Skriv ikke om værtens helbred.',
      en: "About your own experience of the day. Do not write about the host's health.",
    },
  },
};

/**
 * Upgrades a valid version 1 debrief to version 2. Version 1 asked "was anything hard" as a
 * text only, and an empty text meant nothing to say: a text becomes `wasAnythingHard: true` with
 * the text kept, no text becomes `false`.
 *
 * @example
 * upgradeMusicianDebriefV1({ ...v1, anythingHard: 'Parking' }); // { ok: true, value: { schemaVersion: 2, wasAnythingHard: true, … } }
 */
export function upgradeMusicianDebriefV1(v1: MusicianDebriefV1): UpgradeResult {
  const { schemaVersion: _version, anythingHard, note, ...rest } = v1;
  const hard = anythingHard ?? '';
  const value: z.input<typeof musicianDebriefV2Schema> = {
    ...rest,
    schemaVersion: 2,
    wasAnythingHard: hard !== '',
    ...(hard !== '' ? { anythingHard: hard } : {}),
    ...(note !== undefined ? { note } : {}),
  };
  return { ok: true, value };
}

/**
 * Upgrades a valid version 2 debrief to version 3: the same answers, and a call asked for is the
 * coordinator's, as it was.
 */
export function upgradeMusicianDebriefV2(v2: MusicianDebriefV2): UpgradeResult {
  const value: MusicianDebriefInput = { ...v2, schemaVersion: MUSICIAN_DEBRIEF_SCHEMA_VERSION };
  return { ok: true, value };
}

/** The debrief versions {@link readMusicianDebrief} accepts: 1 and 2 (upgraded), 3 (current). */
export const MUSICIAN_DEBRIEF_VERSIONS: RecordVersions<typeof musicianDebriefSchema> = {
  current: MUSICIAN_DEBRIEF_SCHEMA_VERSION,
  schema: musicianDebriefSchema,
  older: {
    1: /* @__PURE__ */ olderVersion(musicianDebriefV1Schema, upgradeMusicianDebriefV1),
    2: /* @__PURE__ */ olderVersion(musicianDebriefV2Schema, upgradeMusicianDebriefV2),
  },
};

/**
 * Reads a musician debrief of any version a tablet may still send and returns it as version 3
 * (versions 1 and 2 are upgraded, see {@link upgradeMusicianDebriefV1}); any other version is refused
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
