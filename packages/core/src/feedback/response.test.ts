import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newId } from '../ids.js';
import { validate } from '../validation/validate.js';
import { DEFAULT_INSTRUMENT } from './default-instrument.js';
import { MAX_RECORD_INTEGER } from './fields.js';
import {
  feedbackInstrumentSchema,
  type FeedbackInstrument,
  type FeedbackQuestion,
} from './instrument.js';
import {
  isRespondent,
  questionsFor,
  RESPONDENT_ROLES,
  RESPONSE_ROLES,
  type ResponseRole,
} from './roles.js';
import {
  checkResponse,
  feedbackResponseSchema,
  type FeedbackAnswer,
  type FeedbackResponse,
} from './response.js';
import { expectAcceptedAsIs, issueCodes } from '../validation/validate.test-support.js';
import { tabletRecord } from './records.test-support.js';

function response(overrides: Partial<FeedbackResponse> = {}): FeedbackResponse {
  return {
    ...tabletRecord(1, 42),
    instrument: { id: 'stue-home-concert', version: 1 },
    role: 'host',
    answeredWithHelp: true,
    startedAt: '2025-05-14T14:02:10Z',
    finishedAt: '2025-05-14T16:06:45+02:00',
    answers: {
      visit: { choices: ['good'] },
      feelings: { choices: ['moved', 'sad', 'reminded'] },
      seen: { skipped: true },
      'shared-with-friend': { choices: ['yes'] },
    },
    ...overrides,
  };
}

function schemaProblems(input: unknown): [string, string][] {
  return issueCodes(feedbackResponseSchema, input);
}

const fit = (input: Partial<FeedbackResponse>) =>
  checkResponse(DEFAULT_INSTRUMENT, response(input)).map((issue) => [issue.path, issue.code]);

describe('feedbackResponseSchema', () => {
  it('accepts a response and leaves it as it is', () => {
    const valid = response();
    expectAcceptedAsIs(feedbackResponseSchema, valid);
  });

  it('accepts any tablet clock, even years off: the times are informative only', () => {
    expect(
      schemaProblems(
        response({ startedAt: '1999-12-31T23:59:59Z', finishedAt: '2091-01-01T00:00:00.123Z' }),
      ),
    ).toEqual([]);
  });

  it('refuses times without a zone, sequence numbers below 1 and unknown roles', () => {
    const input = {
      ...response(),
      startedAt: '2025-05-14 14:02',
      finishedAt: '2025-05-14T14:02:10',
      deviceSeq: 0,
      role: 'musician',
    };
    expect(schemaProblems(input)).toEqual([
      ['deviceSeq', 'invalid_sequence'],
      ['role', 'invalid_choice'],
      ['startedAt', 'invalid_datetime'],
      ['finishedAt', 'invalid_datetime'],
    ]);
  });

  it('takes an answer as skipped or as at least one option id, nothing in between', () => {
    const input = {
      ...response(),
      answers: {
        a: { skipped: false },
        b: { choices: [] },
        c: { choices: ['good'], skipped: true },
        d: { choices: ['Not A Slug'] },
        'Bad Key': { skipped: true },
      },
    };
    expect(schemaProblems(input)).toEqual([
      ['answers.a', 'invalid_answer'],
      ['answers.b.choices', 'invalid_answer'],
      ['answers.c', 'invalid_answer'],
      ['answers.d.choices.0', 'invalid_id'],
      ['answers.Bad Key', 'invalid_id'],
    ]);
  });

  it('refuses unknown keys and ids that are not UUIDv7, and a newer payload version', () => {
    const input = { ...response(), id: crypto.randomUUID(), schemaVersion: 2, musician: 'x' };
    expect(schemaProblems(input)).toEqual([
      ['schemaVersion', 'unsupported_version'],
      ['id', 'invalid_id'],
      ['musician', 'unknown_key'],
    ]);
  });

  it('never lets an answer key reach the prototype', () => {
    const input = JSON.parse(
      JSON.stringify(response()).replace('"visit":', '"__proto__":{"polluted":true},"visit":'),
    );
    const result = validate(feedbackResponseSchema, input);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(Object.getPrototypeOf(result.value.answers)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('checkResponse', () => {
  it('finds nothing wrong with a response that fits its instrument', () => {
    expect(checkResponse(DEFAULT_INSTRUMENT, response())).toEqual([]);
    expect(fit({ answers: {} })).toEqual([]);
  });

  it('checks nothing else when the response is for another instrument or version', () => {
    const other = { answers: { nope: { skipped: true as const } } };
    expect(fit({ ...other, instrument: { id: 'stue-home-concert', version: 2 } })).toEqual([
      ['instrument.version', 'instrument_mismatch'],
    ]);
    expect(fit({ ...other, instrument: { id: 'other', version: 1 } })).toEqual([
      ['instrument.id', 'instrument_mismatch'],
    ]);
  });

  it('names unknown questions, questions not asked of the role, and unknown options', () => {
    expect(
      fit({
        role: 'visiting-friend',
        answers: {
          visit: { choices: ['good', 'great'] },
          mood: { skipped: true },
          'shared-with-friend': { skipped: true },
        },
      }),
    ).toEqual([
      ['answers.visit.choices.1', 'unknown_option'],
      ['answers.visit.choices', 'single_choice'],
      ['answers.mood', 'unknown_question'],
      ['answers.shared-with-friend', 'not_asked'],
    ]);
  });

  it('refuses several choices on a single question and the same choice twice', () => {
    expect(
      fit({
        answers: {
          seen: { choices: ['yes', 'no'] },
          feelings: { choices: ['sad', 'calm', 'sad'] },
        },
      }),
    ).toEqual([
      ['answers.seen.choices', 'single_choice'],
      ['answers.feelings.choices.2', 'duplicate_choice'],
    ]);
  });

  it('refuses more choices than maxChoices allows', () => {
    const limited: FeedbackInstrument = {
      ...DEFAULT_INSTRUMENT,
      questions: DEFAULT_INSTRUMENT.questions.map((q) =>
        q.id === 'feelings' ? { ...q, maxChoices: 2 } : q,
      ),
    };
    const issues = checkResponse(
      limited,
      response({ answers: { feelings: { choices: ['sad', 'calm', 'tired'] } } }),
      { lang: 'en' },
    );
    expect(issues).toEqual([
      {
        path: 'answers.feelings.choices',
        code: 'too_many_choices',
        message: 'More options are chosen than the question allows',
      },
    ]);
  });

  it('refuses a role the instrument does not ask', () => {
    const hostOnly: FeedbackInstrument = { ...DEFAULT_INSTRUMENT, respondentRoles: ['host'] };
    expect(checkResponse(hostOnly, response({ role: 'together' }))).toMatchObject([
      { path: 'role', code: 'role_not_respondent', message: expect.stringMatching(/\S/) },
    ]);
  });
});

// At most one digit per part: a slug shaped like a CPR number is rightly refused.
const slugArbitrary = fc.stringMatching(/^[a-z]{1,5}\d?(?:-[a-z]{1,5}\d?){0,2}$/);

const questionArbitrary = (id: string, roles: readonly ResponseRole[]) =>
  fc
    .record({
      kind: fc.constantFrom('single' as const, 'multi' as const),
      optionIds: fc.uniqueArray(slugArbitrary, { minLength: 2, maxLength: 12 }),
      roles: fc.option(fc.subarray([...roles], { minLength: 1 }), { nil: undefined }),
      limit: fc.option(fc.integer({ min: 1, max: 12 }), { nil: undefined }),
    })
    .map(({ kind, optionIds, roles, limit }): FeedbackQuestion => {
      const question: FeedbackQuestion = {
        id,
        kind,
        prompt: { da: 'Spørgsmål?', en: 'Question?' },
        readAloud: { da: 'Spørgsmål.', en: 'Question.' },
        allowSkip: true,
        options: optionIds.map((optionId) => ({
          id: optionId,
          pictogram: 'picture',
          label: { da: optionId, en: optionId },
          readAloud: { da: 'Svar.', en: 'Answer.' },
        })),
      };
      if (roles !== undefined) question.roles = roles;
      if (kind === 'multi' && limit !== undefined) {
        question.maxChoices = Math.min(limit, optionIds.length);
      }
      return question;
    });

/** Any valid instrument: unique question ids, 2–12 options each, roles among its respondents. */
const instrumentArbitrary: fc.Arbitrary<FeedbackInstrument> = fc
  .record({
    respondentRoles: fc.subarray([...RESPONDENT_ROLES], { minLength: 1 }),
    questionIds: fc.uniqueArray(slugArbitrary, { minLength: 1, maxLength: 8 }),
    version: fc.integer({ min: 1, max: 1000 }),
  })
  .chain(({ respondentRoles, questionIds, version }) => {
    const askable = RESPONSE_ROLES.filter((role) => isRespondent({ respondentRoles }, role));
    return fc
      .tuple(...questionIds.map((id) => questionArbitrary(id, askable)))
      .map((questions) => ({
        schemaVersion: 1 as const,
        id: 'generated',
        version,
        title: { da: 'Spørgeskema', en: 'Instrument' },
        respondentRoles,
        questions,
        provenance: {
          basedOn: [{ name: 'Test', reference: 'https://example.org/' }],
          adaptation: { da: 'En tilpasning.', en: 'An adaptation.' },
        },
      }));
  });

function answerArbitrary(question: FeedbackQuestion): fc.Arbitrary<FeedbackAnswer> {
  const ids = question.options.map((o) => o.id);
  const choices =
    question.kind === 'single'
      ? fc.constantFrom(...ids).map((id) => [id])
      : fc.shuffledSubarray(ids, { minLength: 1, maxLength: question.maxChoices ?? ids.length });
  return fc.oneof(
    fc.constant({ skipped: true as const }),
    choices.map((chosen) => ({ choices: chosen })),
  );
}

/** A response made only of the instrument's own questions and options, for a role it asks. */
function responseArbitrary(instrument: FeedbackInstrument): fc.Arbitrary<FeedbackResponse> {
  const roles = RESPONSE_ROLES.filter((role) => isRespondent(instrument, role));
  return fc.constantFrom(...roles).chain((role) => {
    const asked = questionsFor(instrument, role);
    const answers = Object.fromEntries(
      asked.map((q) => [q.id, fc.option(answerArbitrary(q), { nil: undefined })]),
    );
    return fc
      .record({
        answers: fc.record(answers),
        deviceSeq: fc.integer({ min: 1, max: MAX_RECORD_INTEGER }),
        answeredWithHelp: fc.boolean(),
        startedAt: fc.date({
          min: new Date('1970-01-01T00:00:00Z'),
          max: new Date('2200-01-01T00:00:00Z'),
          noInvalidDate: true,
        }),
      })
      .map(({ answers, deviceSeq, answeredWithHelp, startedAt }) => ({
        schemaVersion: 1 as const,
        id: newId(),
        bookingId: newId(),
        deviceId: 'device',
        deviceSeq,
        instrument: { id: instrument.id, version: instrument.version },
        role,
        answeredWithHelp,
        startedAt: startedAt.toISOString(),
        finishedAt: startedAt.toISOString(),
        // An unreached question is absent, not undefined.
        answers: Object.fromEntries(
          Object.entries(answers).filter(([, answer]) => answer !== undefined),
        ) as FeedbackResponse['answers'],
      }));
  });
}

const withResponse = (instruments: fc.Arbitrary<FeedbackInstrument>) =>
  instruments.chain((instrument) =>
    responseArbitrary(instrument).map((generated) => ({ instrument, response: generated })),
  );

describe('checkResponse, for any instrument and any response', () => {
  const cases = [
    ['the default instrument', fc.constant(DEFAULT_INSTRUMENT)],
    ['generated instruments', instrumentArbitrary],
  ] as const;

  it.each(cases)('generated instruments are valid (%s)', (_, instruments) => {
    fc.assert(
      fc.property(instruments, (instrument) => {
        expect(validate(feedbackInstrumentSchema, instrument).ok).toBe(true);
      }),
    );
  });

  it.each(cases)(
    'passes a response made of the instrument’s own options (%s)',
    (_, instruments) => {
      fc.assert(
        fc.property(withResponse(instruments), ({ instrument, response: generated }) => {
          expectAcceptedAsIs(feedbackResponseSchema, generated);
          expect(checkResponse(instrument, generated)).toEqual([]);
        }),
      );
    },
  );

  it.each(cases)('names a foreign option id at its own path (%s)', (_, instruments) => {
    fc.assert(
      fc.property(
        withResponse(instruments),
        fc.nat(),
        fc.nat(),
        slugArbitrary,
        ({ instrument, response: generated }, pickQuestion, pickChoice, foreign) => {
          const answered = Object.entries(generated.answers).flatMap(([id, answer]) =>
            'choices' in answer ? [{ id, choices: answer.choices }] : [],
          );
          fc.pre(answered.length > 0);
          const { id, choices } = answered[pickQuestion % answered.length]!;
          const question = instrument.questions.find((q) => q.id === id)!;
          fc.pre(!question.options.some((o) => o.id === foreign));
          const index = pickChoice % choices.length;
          const tampered: FeedbackResponse = {
            ...generated,
            answers: { ...generated.answers, [id]: { choices: choices.with(index, foreign) } },
          };
          expect(checkResponse(instrument, tampered, { lang: 'en' })).toEqual([
            {
              path: `answers.${id}.choices.${index}`,
              code: 'unknown_option',
              message: 'This option is not one of the question’s options',
            },
          ]);
        },
      ),
    );
  });
});

describe('record numbers', () => {
  it('refuses a sequence number beyond what a database column holds', () => {
    const response = {
      schemaVersion: 1,
      id: newId(),
      bookingId: newId(),
      deviceId: 'device',
      deviceSeq: MAX_RECORD_INTEGER + 1,
      instrument: { id: 'stue-home-concert', version: 1 },
      role: 'host',
      answeredWithHelp: false,
      startedAt: '2026-11-26T10:00:00.000Z',
      finishedAt: '2026-11-26T10:05:00.000Z',
      answers: {},
    };
    const result = validate(feedbackResponseSchema, response);
    expect(result.ok ? [] : result.issues.map((i) => i.path)).toEqual(['deviceSeq']);
  });
});
