import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { validate } from '../validation/validate.js';
import {
  DEFAULT_PROGRAMME,
  programmeSchema,
  SCREENING_ANSWERS,
  screeningAnswerSchema,
  type Programme,
} from './programme.js';

// A fresh deep copy, so a test can change it without touching the shared default.
const programme = (): Programme => structuredClone(DEFAULT_PROGRAMME);

describe('screeningAnswerSchema', () => {
  it('accepts yes, no and not sure, and nothing else', () => {
    for (const answer of SCREENING_ANSWERS) {
      expect(z.safeParse(screeningAnswerSchema, answer).success).toBe(true);
    }
    expect(validate(screeningAnswerSchema, 'maybe').ok).toBe(false);
    expect(validate(screeningAnswerSchema, 'maybe')).toMatchObject({
      issues: [{ code: 'invalid_choice' }],
    });
    expect(validate(screeningAnswerSchema, undefined)).toMatchObject({
      issues: [{ code: 'required' }],
    });
  });
});

describe('DEFAULT_PROGRAMME', () => {
  it('is a valid programme, unchanged by validation', () => {
    const result = validate(programmeSchema, DEFAULT_PROGRAMME);
    expect(result).toEqual({ ok: true, value: DEFAULT_PROGRAMME });
  });

  it('is Musikalske Besøgsvenner: home concerts for host and visiting friend', () => {
    expect(DEFAULT_PROGRAMME).toMatchObject({
      schemaVersion: 1,
      id: 'musikalske-besoegsvenner',
      name: { da: 'Musikalske Besøgsvenner' },
      format: { kind: 'home-concert', hostAndVisitingFriend: true, guestsAllowed: true },
      feedbackInstrumentId: 'stue-home-concert',
      languages: ['da', 'en'],
    });
  });

  it('asks about home, concerts, loneliness, music, conversation and consent', () => {
    expect(DEFAULT_PROGRAMME.eligibility.criteria.map((c) => [c.id, c.kind])).toEqual([
      ['own-home', 'required'],
      ['little-access-to-concerts', 'supporting'],
      ['risk-of-loneliness', 'supporting'],
      ['enjoys-music', 'required'],
      ['takes-part-in-conversation', 'required'],
      ['said-yes', 'required'],
    ]);
  });

  it('asks short questions in both languages, with help and a text for a no', () => {
    for (const criterion of DEFAULT_PROGRAMME.eligibility.criteria) {
      for (const lang of ['da', 'en'] as const) {
        expect(criterion.question[lang]).toMatch(/\?$/);
        expect(criterion.question[lang].length).toBeLessThan(110);
        expect(criterion.help?.[lang]).toBeTruthy();
        expect(criterion.whenNo?.[lang]).toBeTruthy();
      }
    }
  });
});

describe('programmeSchema', () => {
  it('refuses unknown keys, at any depth', () => {
    const withExtra = { ...programme(), owner: 'x' };
    expect(validate(programmeSchema, withExtra)).toMatchObject({
      ok: false,
      issues: [{ path: 'owner', code: 'unknown_key' }],
    });
    const deep = programme();
    Object.assign(deep.eligibility.criteria[0]!, { weight: 2 });
    expect(validate(programmeSchema, deep)).toMatchObject({
      issues: [{ path: 'eligibility.criteria.0.weight', code: 'unknown_key' }],
    });
  });

  it('refuses another schema version with the "update the app" code', () => {
    expect(validate(programmeSchema, { ...programme(), schemaVersion: 2 })).toMatchObject({
      issues: [{ path: 'schemaVersion', code: 'unsupported_version' }],
    });
  });

  it('wants slugs for ids', () => {
    for (const id of ['Musik', 'musik besøg', '-musik', 'musik--besøg', 'musik_1']) {
      expect(validate(programmeSchema, { ...programme(), id })).toMatchObject({
        issues: [{ path: 'id', code: 'invalid_id' }],
      });
    }
    expect(validate(programmeSchema, { ...programme(), id: '' })).toMatchObject({
      issues: [{ path: 'id', code: 'required' }],
    });
  });

  it('refuses two criteria with the same id', () => {
    const twice = programme();
    twice.eligibility.criteria.push({ ...twice.eligibility.criteria[0]! });
    expect(validate(programmeSchema, twice)).toMatchObject({
      issues: [{ path: 'eligibility.criteria', code: 'invalid' }],
    });
  });

  it('wants every text in Danish and English', () => {
    const missing = programme();
    missing.eligibility.criteria[1]!.question = { da: 'Spørgsmål?' } as never;
    expect(validate(programmeSchema, missing)).toMatchObject({
      issues: [{ path: 'eligibility.criteria.1.question.en', code: 'required' }],
    });
  });

  it('wants at least one language, each once', () => {
    expect(validate(programmeSchema, { ...programme(), languages: [] })).toMatchObject({
      issues: [{ path: 'languages', code: 'required' }],
    });
    expect(validate(programmeSchema, { ...programme(), languages: ['da', 'da'] })).toMatchObject({
      issues: [{ path: 'languages', code: 'invalid' }],
    });
    expect(validate(programmeSchema, { ...programme(), languages: ['sv'] })).toMatchObject({
      issues: [{ path: 'languages.0', code: 'invalid_choice' }],
    });
  });

  it('keeps the concert length sensible', () => {
    for (const concertMinutes of [0, 10, 181, 45.5]) {
      const odd = programme();
      odd.format.concertMinutes = concertMinutes;
      expect(validate(programmeSchema, odd)).toMatchObject({
        issues: [{ path: 'format.concertMinutes', code: 'invalid' }],
      });
    }
  });
});
