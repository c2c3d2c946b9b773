import { describe, expect, it } from 'vitest';
import { validate } from '../validation/validate.js';
import {
  DEBRIEF_OUTCOMES,
  MUSICIAN_DEBRIEF_TEXTS,
  musicianDebriefSchema,
  readMusicianDebrief,
  type MusicianDebriefInput,
} from './debrief.js';
import { newId } from '../ids.js';
import { tabletRecord } from './records.test-support.js';

function debrief(overrides: Partial<MusicianDebriefInput> = {}): MusicianDebriefInput {
  return {
    ...tabletRecord(3, 43),
    howItWent: 'mixed',
    wasAnythingHard: true,
    wouldLikeACall: true,
    ...overrides,
  };
}

function problems(input: unknown, lang: 'da' | 'en' = 'en') {
  const result = validate(musicianDebriefSchema, input, { lang });
  return result.ok ? [] : result.issues.map(({ path, code, message }) => [path, code, message]);
}

describe('musicianDebriefSchema', () => {
  it('accepts a debrief with or without texts, and trims them', () => {
    expect(problems(debrief())).toEqual([]);
    const result = validate(
      musicianDebriefSchema,
      debrief({ anythingHard: '  The radio next door.\n', note: ' Good coffee. ' }),
    );
    expect(result.ok && [result.value.anythingHard, result.value.note]).toEqual([
      'The radio next door.',
      'Good coffee.',
    ]);
  });

  it('knows three outcomes and says which field to fix in Danish and English', () => {
    expect(DEBRIEF_OUTCOMES).toEqual(['good', 'mixed', 'hard']);
    expect(problems(debrief({ howItWent: 'great' as 'good' }), 'da')).toEqual([
      ['howItWent', 'invalid_choice', 'Vælg hvordan koncerten gik'],
    ]);
    const missing: Partial<MusicianDebriefInput> = debrief();
    delete missing.howItWent;
    delete missing.wasAnythingHard;
    delete missing.wouldLikeACall;
    expect(problems(missing)).toEqual([
      ['howItWent', 'required', 'Choose how the concert went'],
      ['wasAnythingHard', 'required', 'Choose whether anything was hard'],
      ['wouldLikeACall', 'required', 'Choose whether you would like a call'],
    ]);
    expect(problems(missing, 'da')[1]).toEqual([
      'wasAnythingHard',
      'required',
      'Vælg om noget var svært',
    ]);
  });

  it('keeps the texts short: 500 characters for what was hard, 1000 for the note', () => {
    expect(problems(debrief({ anythingHard: 'x'.repeat(500), note: 'y'.repeat(1000) }))).toEqual(
      [],
    );
    expect(problems(debrief({ anythingHard: 'x'.repeat(501), note: 'y'.repeat(1001) }))).toEqual([
      ['anythingHard', 'too_long', 'Write at most 500 characters about what was hard'],
      ['note', 'too_long', 'The text is too long'],
    ]);
  });

  it('takes a blank text as nothing to say, and refuses a CPR number in either text', () => {
    const result = validate(musicianDebriefSchema, debrief({ note: '   ' }));
    expect(result.ok && result.value.note).toBe('');
    const cpr = debrief({ anythingHard: 'Her CPR is 010170-1234', note: '0101701234' });
    expect(problems(cpr).map(([path, code]) => [path, code])).toEqual([
      ['anythingHard', 'cpr_not_allowed'],
      ['note', 'cpr_not_allowed'],
    ]);
  });

  it('names a peer only with a wish to talk, and only by a musician’s id', () => {
    expect(problems(debrief({ peerId: newId() }))).toEqual([]);
    expect(problems(debrief({ wouldLikeACall: false, peerId: newId() }), 'da')).toEqual([
      ['peerId', 'peer_without_call', 'Vælg en kollega kun, når du gerne vil tale med nogen'],
    ]);
    expect(problems(debrief({ peerId: 'Signe' })).map(([path, code]) => [path, code])).toEqual([
      ['peerId', 'invalid_id'],
    ]);
  });

  it('has no place for anything but the musician’s own account', () => {
    const input = { ...debrief(), hostHealth: 'x', deviceSeq: 0 };
    expect(problems(input).map(([path, code]) => [path, code])).toEqual([
      ['deviceSeq', 'invalid_sequence'],
      ['hostHealth', 'unknown_key'],
    ]);
  });
});

describe('readMusicianDebrief', () => {
  function v1(overrides: Record<string, unknown> = {}) {
    const { wasAnythingHard: _, ...rest } = debrief({ schemaVersion: 1 as 3 });
    return { ...rest, ...overrides };
  }

  it('reads version 3 as it is, with or without a peer', () => {
    const input = debrief({ wasAnythingHard: false, note: ' Fine. ' });
    expect(readMusicianDebrief(input)).toEqual({ ok: true, value: { ...input, note: 'Fine.' } });
    const withPeer = debrief({ peerId: newId() });
    expect(readMusicianDebrief(withPeer)).toEqual({ ok: true, value: withPeer });
  });

  it('upgrades version 2 as it was: a call asked for is the coordinator’s', () => {
    const v2 = { ...debrief(), schemaVersion: 2 };
    expect(readMusicianDebrief(v2)).toEqual({ ok: true, value: { ...v2, schemaVersion: 3 } });
    // Version 2 knew no peers.
    expect(problems2({ ...v2, peerId: newId() })).toEqual([['peerId', 'unknown_key']]);
  });

  it('upgrades version 1: a text about what was hard means yes, and is kept', () => {
    const input = v1({ anythingHard: ' Parking. ', note: 'Coffee' });
    const { schemaVersion: _, ...rest } = input;
    expect(readMusicianDebrief(input)).toEqual({
      ok: true,
      value: {
        ...rest,
        schemaVersion: 3,
        wasAnythingHard: true,
        anythingHard: 'Parking.',
        note: 'Coffee',
      },
    });
  });

  it('upgrades version 1 with no text, or a blank one, to "nothing was hard"', () => {
    for (const input of [v1(), v1({ anythingHard: '   ' })]) {
      const result = readMusicianDebrief(input);
      expect(result.ok && result.value.wasAnythingHard).toBe(false);
      expect(result.ok && 'anythingHard' in result.value).toBe(false);
    }
  });

  it('refuses a version 1 debrief with the yes/no of version 2, and an unknown version', () => {
    expect(problems2(v1({ wasAnythingHard: true }))).toEqual([['wasAnythingHard', 'unknown_key']]);
    expect(problems2({ ...debrief(), schemaVersion: 4 })).toEqual([
      ['schemaVersion', 'unsupported_version'],
    ]);
    // Version 1's own rules still hold for version 1 (CPR numbers, lengths).
    expect(problems2(v1({ anythingHard: '010170-1234' }))).toEqual([
      ['anythingHard', 'cpr_not_allowed'],
    ]);
  });

  function problems2(input: unknown) {
    const result = readMusicianDebrief(input, { lang: 'en' });
    return result.ok ? [] : result.issues.map(({ path, code }) => [path, code]);
  }
});

describe('MUSICIAN_DEBRIEF_TEXTS', () => {
  it('tells the musician, in both languages, not to write about the host’s health', () => {
    for (const field of ['anythingHard', 'note'] as const) {
      expect(MUSICIAN_DEBRIEF_TEXTS[field].help?.da, field).toMatch(/ikke om værtens helbred/);
      expect(MUSICIAN_DEBRIEF_TEXTS[field].help?.en, field).toMatch(
        /not write about the host's health/,
      );
    }
  });

  it('asks "was anything hard" as a yes/no, and "what" as an optional text, in both languages', () => {
    expect(MUSICIAN_DEBRIEF_TEXTS.wasAnythingHard.label).toEqual({
      da: 'Var der noget, der var svært for dig?',
      en: 'Was anything hard for you?',
    });
    expect(MUSICIAN_DEBRIEF_TEXTS.anythingHard.label.da).toMatch(/valgfrit/);
    expect(MUSICIAN_DEBRIEF_TEXTS.anythingHard.label.en).toMatch(/optional/);
  });

  it('asks whom to talk to when the programme names peers, and says the peer reads nothing written', () => {
    expect(MUSICIAN_DEBRIEF_TEXTS.talkTo.label).toEqual({
      da: 'Vil du gerne tale med nogen om koncerten?',
      en: 'Would you like to talk to someone about the concert?',
    });
    expect(MUSICIAN_DEBRIEF_TEXTS.talkTo.help?.da).toMatch(/ikke hvad du har skrevet/);
    expect(MUSICIAN_DEBRIEF_TEXTS.talkTo.help?.en).toMatch(/not what you wrote/);
    expect(MUSICIAN_DEBRIEF_TEXTS.coordinator.label).toEqual({
      da: 'Koordinatoren',
      en: 'The coordinator',
    });
  });

  it('labels every outcome in both languages', () => {
    for (const outcome of DEBRIEF_OUTCOMES) {
      expect(MUSICIAN_DEBRIEF_TEXTS.howItWent.options[outcome].da).toMatch(/\S/);
      expect(MUSICIAN_DEBRIEF_TEXTS.howItWent.options[outcome].en).toMatch(/\S/);
    }
  });
});
