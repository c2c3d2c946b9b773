import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INSTRUMENT, DEFAULT_PICTOGRAMS } from './default-instrument.js';
import { feedbackInstrumentSchema, type FeedbackQuestion } from './instrument.js';
import { questionsFor, RESPONSE_ROLES } from './roles.js';
import { expectAcceptedAsIs } from '../validation/validate.test-support.js';

function get(id: string): FeedbackQuestion {
  const found = DEFAULT_INSTRUMENT.questions.find((q) => q.id === id);
  if (found === undefined) throw new Error(`no question ${id}`);
  return found;
}

const optionIds = (id: string) => get(id).options.map((o) => o.id);

describe('DEFAULT_INSTRUMENT', () => {
  it('is a valid instrument that validation leaves exactly as it is', () => {
    expectAcceptedAsIs(feedbackInstrumentSchema, DEFAULT_INSTRUMENT);
    expect([DEFAULT_INSTRUMENT.id, DEFAULT_INSTRUMENT.version]).toEqual(['stue-home-concert', 1]);
  });

  // A published id and version name one text forever: responses are read against it. If this
  // fails, you changed version 1; make the change a new version instead.
  it('is unchanged since it was published as version 1', () => {
    const digest = createHash('sha256').update(JSON.stringify(DEFAULT_INSTRUMENT)).digest('hex');
    expect(digest).toBe('e9b8be8d59c44435b3f678df2b0d776172d321a9444a7e0103e739556cae8814');
  });

  it('is for the host, the visiting friend and guests, and the pair together', () => {
    expect(DEFAULT_INSTRUMENT.respondentRoles).toEqual(['host', 'visiting-friend', 'guest']);
    for (const role of RESPONSE_ROLES) {
      expect(questionsFor(DEFAULT_INSTRUMENT, role).length, role).toBeGreaterThanOrEqual(5);
    }
  });

  it('asks about the visit on a three-point picture scale, with a way to decline', () => {
    const visit = get('visit');
    expect(visit.kind).toBe('single');
    expect(optionIds('visit')).toEqual(['good', 'in-between', 'not-good', 'rather-not-say']);
    expect(visit.options.map((o) => o.pictogram)).toEqual([
      'face-happy',
      'face-neutral',
      'face-unhappy',
      'rather-not-say',
    ]);
  });

  it('asks what was felt across the whole range, pleasant and unpleasant alike', () => {
    const feelings = get('feelings');
    expect(feelings.kind).toBe('multi');
    expect(feelings.maxChoices).toBeUndefined();
    expect(feelings.options.length).toBeGreaterThanOrEqual(6);
    expect(feelings.options.length).toBeLessThanOrEqual(9);
    expect(optionIds('feelings')).toEqual(
      expect.arrayContaining(['happy', 'moved', 'calm', 'reminded', 'sad', 'tired', 'energised']),
    );
    // No feeling is framed as a wrong or regrettable answer.
    const words = feelings.options.flatMap((o) => [
      o.label.da,
      o.label.en,
      o.readAloud.da,
      o.readAloud.en,
    ]);
    for (const word of words) {
      expect(word).not.toMatch(/dårlig|desværre|forkert|undskyld|bad|unfortunately|wrong|sorry/i);
    }
    expect(feelings.readAloud.en).toMatch(/every one of them is a good answer/);
    expect(feelings.readAloud.da).toMatch(/alle lige gode svar/);
  });

  it('asks about being seen, sharing it, something to talk about and another visit', () => {
    for (const id of ['seen', 'something-to-talk-about']) {
      expect(optionIds(id), id).toEqual(['yes', 'a-little', 'no', 'rather-not-say']);
    }
    expect(optionIds('another-visit')).toEqual(['yes', 'maybe', 'no', 'rather-not-say']);
  });

  it('asks each member of the pair about sharing it in words for them, and not guests', () => {
    const sharing = (role: (typeof RESPONSE_ROLES)[number]) =>
      questionsFor(DEFAULT_INSTRUMENT, role)
        .map((q) => q.id)
        .filter((id) => id.startsWith('shared'));
    expect(sharing('host')).toEqual(['shared-with-friend']);
    expect(sharing('visiting-friend')).toEqual(['shared-with-host']);
    expect(sharing('together')).toEqual(['shared-together']);
    expect(sharing('guest')).toEqual([]);
    expect(get('shared-with-friend').prompt.da).toContain('besøgsven');
    expect(get('shared-together').prompt.da).toMatch(/\bI\b/);
  });

  it('lets a person decline every single-choice question, and skip any question', () => {
    for (const question of DEFAULT_INSTRUMENT.questions) {
      expect(question.allowSkip).toBe(true);
      if (question.kind === 'single') {
        expect(question.options.at(-1)?.id, question.id).toBe('rather-not-say');
      }
    }
  });

  it('speaks whole sentences and shows short labels, in Danish and English', () => {
    for (const question of DEFAULT_INSTRUMENT.questions) {
      for (const lang of ['da', 'en'] as const) {
        expect(question.readAloud[lang], question.id).toMatch(/[.?!]$/);
        expect(question.prompt[lang], question.id).toMatch(/\?$/);
        for (const option of question.options) {
          expect(option.readAloud[lang], `${question.id}.${option.id}`).toMatch(/^\p{Lu}.*[.!]$/u);
          expect(option.label[lang].length, `${question.id}.${option.id}`).toBeLessThanOrEqual(22);
        }
      }
    }
  });

  it('records what it is based on, and that its pictorial form is an adaptation', () => {
    const { basedOn, adaptation } = DEFAULT_INSTRUMENT.provenance;
    expect(basedOn.map((b) => b.name)).toEqual([
      'Talking Mats',
      'Canterbury Wellbeing Scales',
      'PrEmo (Product Emotion Measurement Instrument)',
      'Geneva Emotion Wheel',
    ]);
    for (const source of basedOn) expect(source.reference).toMatch(/https:\/\/\S+/);
    expect(adaptation.da).toMatch(/tilpasning.*ikke de offentliggjorte instrumenter/);
    expect(adaptation.en).toMatch(/adaptation.*not the published instruments/);
  });
});

describe('DEFAULT_PICTOGRAMS', () => {
  it('lists each pictogram the default instrument uses, once, and no others', () => {
    const used = new Set(
      DEFAULT_INSTRUMENT.questions.flatMap((q) => q.options.map((o) => o.pictogram)),
    );
    expect(new Set(DEFAULT_PICTOGRAMS).size).toBe(DEFAULT_PICTOGRAMS.length);
    expect([...DEFAULT_PICTOGRAMS].sort()).toEqual([...used].sort());
  });
});
