import { describe, expect, it } from 'vitest';
import { validate } from '../validation/validate.js';
import {
  feedbackInstrumentSchema,
  type FeedbackInstrument,
  type FeedbackQuestion,
} from './instrument.js';
import { isRespondent, questionsFor } from './roles.js';
import { issueCodes } from '../validation/validate.test-support.js';

const text = (en: string) => ({ da: `${en} (da)`, en });

const option = (id: string) => ({
  id,
  pictogram: `picture-${id}`,
  label: text(id),
  readAloud: text(`I choose ${id}.`),
});

function question(id: string, overrides: Partial<FeedbackQuestion> = {}): FeedbackQuestion {
  return {
    id,
    kind: 'single',
    prompt: text(`Question ${id}?`),
    readAloud: text(`This is question ${id}.`),
    allowSkip: true,
    options: [option('yes'), option('no')],
    ...overrides,
  };
}

function instrument(overrides: Partial<FeedbackInstrument> = {}): FeedbackInstrument {
  return {
    schemaVersion: 1,
    id: 'test-instrument',
    version: 1,
    title: text('A test'),
    respondentRoles: ['host', 'visiting-friend'],
    questions: [question('first'), question('second', { kind: 'multi', maxChoices: 2 })],
    provenance: {
      basedOn: [{ name: 'Talking Mats', reference: 'https://www.talkingmats.com/' }],
      adaptation: text('An adaptation.'),
    },
    ...overrides,
  };
}

function problems(input: unknown): [string, string][] {
  return issueCodes(feedbackInstrumentSchema, input, { lang: 'en' });
}

describe('feedbackInstrumentSchema', () => {
  it('accepts a valid instrument as it is', () => {
    const result = validate(feedbackInstrumentSchema, instrument());
    expect(result).toEqual({ ok: true, value: instrument() });
  });

  it('names a duplicate question id where the second one is, in Danish and English', () => {
    const input = instrument({
      questions: [question('same'), question('other'), question('same')],
    });
    expect(validate(feedbackInstrumentSchema, input)).toEqual({
      ok: false,
      issues: [
        {
          path: 'questions.2.id',
          code: 'duplicate_question',
          message: 'Et andet spørgsmål har allerede dette id',
        },
      ],
    });
    expect(validate(feedbackInstrumentSchema, input, { lang: 'en' })).toMatchObject({
      issues: [{ message: 'Another question already has this id' }],
    });
  });

  it('names a duplicate option id within a question, but allows the same id in two questions', () => {
    const input = instrument({
      questions: [
        question('a', { options: [option('yes'), option('no'), option('yes')] }),
        question('b', { options: [option('yes'), option('no')] }),
      ],
    });
    expect(problems(input)).toEqual([['questions.0.options.2.id', 'duplicate_option']]);
  });

  it('needs at least two options, and at most twelve', () => {
    const many = Array.from({ length: 13 }, (_, i) => option(`o${i}`));
    const input = instrument({
      questions: [
        question('one', { options: [option('only')] }),
        question('lots', { options: many }),
      ],
    });
    expect(problems(input)).toEqual([
      ['questions.0.options', 'too_few_options'],
      ['questions.1.options', 'too_many_options'],
    ]);
  });

  it('allows maxChoices only on multi questions, from 1 to the number of options', () => {
    const input = instrument({
      questions: [
        question('single', { maxChoices: 1 }),
        question('over', { kind: 'multi', maxChoices: 3 }),
        question('zero', { kind: 'multi', maxChoices: 0 }),
        question('half', { kind: 'multi', maxChoices: 1.5 }),
        question('fine', { kind: 'multi', maxChoices: 2 }),
      ],
    });
    expect(problems(input)).toEqual([
      ['questions.2.maxChoices', 'invalid_max_choices'],
      ['questions.3.maxChoices', 'invalid_max_choices'],
    ]);
    // The cross-field rules run once every field has its own shape.
    const shaped = instrument({ questions: input.questions.slice(0, 2) });
    expect(problems(shaped)).toEqual([
      ['questions.0.maxChoices', 'max_choices_single'],
      ['questions.1.maxChoices', 'invalid_max_choices'],
    ]);
  });

  it('insists that every question can be skipped', () => {
    const input = instrument({
      questions: [{ ...question('must'), allowSkip: false as unknown as true }],
    });
    expect(problems(input)).toEqual([['questions.0.allowSkip', 'skip_required']]);
  });

  it('asks questions only of its own respondents; together needs host and visiting friend', () => {
    const hostOnly = instrument({
      respondentRoles: ['host', 'host'],
      questions: [
        question('guests', { roles: ['guest'] }),
        question('pair', { roles: ['host', 'together', 'host'] }),
      ],
    });
    expect(problems(hostOnly)).toEqual([
      ['respondentRoles.1', 'duplicate_role'],
      ['questions.0.roles.0', 'unknown_role'],
      ['questions.1.roles.2', 'duplicate_role'],
      ['questions.1.roles.1', 'unknown_role'],
    ]);
    expect(
      problems(instrument({ questions: [question('pair', { roles: ['together'] })] })),
    ).toEqual([]);
  });

  it('refuses slugs with capitals, spaces or Danish letters, and versions below 1', () => {
    const input = {
      ...instrument({ id: 'Stue Home', version: 0 }),
      questions: [question('hvordan-var-besøget')],
    };
    expect(problems(input)).toEqual([
      ['id', 'invalid_id'],
      ['version', 'invalid_version'],
      ['questions.0.id', 'invalid_id'],
    ]);
  });

  it('refuses unknown keys, a missing translation, empty provenance and unknown versions', () => {
    const input = {
      ...instrument(),
      schemaVersion: 2,
      screens: [],
      title: { da: 'Kun dansk' },
      provenance: { basedOn: [], adaptation: text('x') },
    };
    expect(problems(input)).toEqual([
      ['schemaVersion', 'unsupported_version'],
      ['title.en', 'required'],
      ['provenance.basedOn', 'required'],
      ['screens', 'unknown_key'],
    ]);
  });

  it('keeps option labels short enough for a large picture button', () => {
    const long = {
      ...option('long'),
      label: text('A label far too long for a button under a picture'),
    };
    expect(
      problems(instrument({ questions: [question('q', { options: [long, option('b')] })] })),
    ).toEqual([
      ['questions.0.options.0.label.da', 'too_long'],
      ['questions.0.options.0.label.en', 'too_long'],
    ]);
  });
});

describe('questionsFor and isRespondent', () => {
  const roles = instrument({
    respondentRoles: ['host', 'visiting-friend', 'guest'],
    questions: [
      question('everyone'),
      question('host-only', { roles: ['host'] }),
      question('pair', { roles: ['together', 'visiting-friend'] }),
    ],
  });

  it('gives each role the questions without roles and those naming it, in order', () => {
    const ids = (role: Parameters<typeof questionsFor>[1]) =>
      questionsFor(roles, role).map((q) => q.id);
    expect(ids('host')).toEqual(['everyone', 'host-only']);
    expect(ids('visiting-friend')).toEqual(['everyone', 'pair']);
    expect(ids('together')).toEqual(['everyone', 'pair']);
    expect(ids('guest')).toEqual(['everyone']);
  });

  it('gives a role that does not answer the instrument no questions', () => {
    const hostOnly = instrument({ respondentRoles: ['host'] });
    expect(isRespondent(hostOnly, 'together')).toBe(false);
    expect(isRespondent(hostOnly, 'guest')).toBe(false);
    expect(questionsFor(hostOnly, 'guest')).toEqual([]);
    expect(isRespondent(instrument(), 'together')).toBe(true);
  });
});
