import {
  MUSICIAN_DEBRIEF_SCHEMA_VERSION,
  type DebriefOutcome,
  type MusicianDebriefInput,
} from '@stue/core';

/** The musician's debrief as the form holds it, saved as a draft on every change. */
export interface DebriefDraft {
  v: 1;
  /** The debrief's client id, made when the form opens; kept across reloads. */
  id: string;
  bookingId: string;
  howItWent: DebriefOutcome | null;
  anythingHard: boolean | null;
  /** What was hard, in the musician's words (only sent when `anythingHard`). */
  whatWasHard: string;
  wouldLikeACall: boolean | null;
  /**
   * The peer (a musician's id, from the concert's `peers`) the musician would like to talk to;
   * absent or `null`, the coordinator. Sent only with a yes to talking.
   */
  peerId?: string | null;
  note: string;
}

/** The drafts-store key of a concert's debrief. */
export const debriefDraftKey = (bookingId: string) => `debrief:${bookingId}`;

/** An empty debrief for a concert. */
export function newDebrief(id: string, bookingId: string): DebriefDraft {
  return {
    v: 1,
    id,
    bookingId,
    howItWent: null,
    anythingHard: null,
    whatWasHard: '',
    wouldLikeACall: null,
    note: '',
  };
}

/** The questions of the form not answered yet. */
export function missingAnswers(
  draft: DebriefDraft,
): ('howItWent' | 'anythingHard' | 'wouldLikeACall')[] {
  const missing: ('howItWent' | 'anythingHard' | 'wouldLikeACall')[] = [];
  if (draft.howItWent === null) missing.push('howItWent');
  if (draft.anythingHard === null) missing.push('anythingHard');
  if (draft.wouldLikeACall === null) missing.push('wouldLikeACall');
  return missing;
}

/**
 * The debrief record for the hub (version 3): the yes/no of "was anything hard" as it was
 * answered, what was hard only with a yes and only when the musician wrote something, and the
 * peer chosen only with a yes to talking.
 *
 * @example
 * buildDebrief(draft, { deviceId, deviceSeq: 9 });
 */
export function buildDebrief(
  draft: DebriefDraft,
  device: { deviceId: string; deviceSeq: number },
): MusicianDebriefInput {
  const hard = draft.whatWasHard.trim();
  const note = draft.note.trim();
  return {
    schemaVersion: MUSICIAN_DEBRIEF_SCHEMA_VERSION,
    id: draft.id,
    bookingId: draft.bookingId,
    deviceId: device.deviceId,
    deviceSeq: device.deviceSeq,
    howItWent: draft.howItWent ?? 'good',
    wasAnythingHard: draft.anythingHard === true,
    ...(draft.anythingHard && hard ? { anythingHard: hard } : {}),
    wouldLikeACall: draft.wouldLikeACall === true,
    ...(draft.wouldLikeACall === true && draft.peerId ? { peerId: draft.peerId } : {}),
    ...(note ? { note } : {}),
  };
}
