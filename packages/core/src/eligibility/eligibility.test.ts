import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROGRAMME,
  SCREENING_ANSWERS,
  type Criterion,
  type ScreeningAnswer,
} from '../programme/programme.js';
import {
  assessEligibility,
  ELIGIBILITY_OUTCOMES,
  type EligibilityOutcome,
  type EligibilityProgramme,
} from './eligibility.js';

type Answers = Record<string, ScreeningAnswer | undefined>;

const criteria = DEFAULT_PROGRAMME.eligibility.criteria;
const allYes = (): Answers => Object.fromEntries(criteria.map((c) => [c.id, 'yes']));
const rank = (outcome: EligibilityOutcome) => ELIGIBILITY_OUTCOMES.indexOf(outcome);

const criterionArb: fc.Arbitrary<Criterion> = fc.record({
  id: fc.stringMatching(/^[a-z]{1,8}(?:-[a-z]{1,8})?$/),
  kind: fc.constantFrom('required', 'supporting'),
  question: fc.record({ da: fc.constant('Spørgsmål?'), en: fc.constant('Question?') }),
});

const programmeArb: fc.Arbitrary<EligibilityProgramme> = fc
  .uniqueArray(criterionArb, { selector: (c) => c.id, maxLength: 8 })
  .map((list) => ({ eligibility: { criteria: list } }));

const answerArb = fc.option(fc.constantFrom(...SCREENING_ANSWERS), { nil: undefined });

// A programme with answers for some of its criteria, plus answers to questions it does not ask.
const caseArb = programmeArb.chain((programme) =>
  fc
    .tuple(
      fc.array(answerArb, {
        minLength: programme.eligibility.criteria.length,
        maxLength: programme.eligibility.criteria.length,
      }),
      fc.dictionary(fc.stringMatching(/^x-[a-z]{1,5}$/), fc.constantFrom(...SCREENING_ANSWERS)),
    )
    .map(([list, extra]) => {
      const answers: Answers = { ...extra };
      programme.eligibility.criteria.forEach((c, i) => {
        if (list[i] !== undefined) answers[c.id] = list[i];
      });
      return { programme, answers };
    }),
);

describe('assessEligibility with the default programme', () => {
  it('fits when every answer is yes, with no reasons', () => {
    expect(assessEligibility(DEFAULT_PROGRAMME, allYes())).toEqual({
      outcome: 'fits',
      reasons: [],
    });
  });

  it('is outside the format when the host does not live at home, and says so kindly', () => {
    const result = assessEligibility(DEFAULT_PROGRAMME, { ...allYes(), 'own-home': 'no' });
    expect(result.outcome).toBe('outside-format');
    expect(result.reasons).toEqual([
      {
        criterionId: 'own-home',
        kind: 'required',
        answer: 'no',
        text: {
          da: 'Værten bor ikke i eget hjem – koncertformatet er lavet til besøg i hjemmet. Tal med besøgsvennen om andre tilbud.',
          en: expect.stringContaining('other offers'),
        },
      },
    ]);
  });

  it('asks to talk first when the friend is not sure, or a supporting question is no', () => {
    const result = assessEligibility(DEFAULT_PROGRAMME, {
      ...allYes(),
      'risk-of-loneliness': 'no',
      'enjoys-music': 'not-sure',
    });
    expect(result.outcome).toBe('talk-first');
    expect(result.reasons.map((r) => [r.criterionId, r.answer])).toEqual([
      ['risk-of-loneliness', 'no'],
      ['enjoys-music', 'not-sure'],
    ]);
    expect(result.reasons[1]!.text.da).toBe(
      'Besøgsvennen er ikke sikker: »Kan den, du besøger, glæde sig over musik – lytte og reagere på den?« Tal med besøgsvennen om det.',
    );
  });

  it('asks to talk first about what was not answered', () => {
    const rest = allYes();
    delete rest['said-yes'];
    const result = assessEligibility(DEFAULT_PROGRAMME, rest);
    expect(result.outcome).toBe('talk-first');
    expect(result.reasons).toMatchObject([
      {
        criterionId: 'said-yes',
        answer: undefined,
        text: { en: expect.stringMatching(/^Not answered/) },
      },
    ]);
  });

  it('keeps every reason when a required no and doubts come together', () => {
    const result = assessEligibility(DEFAULT_PROGRAMME, {
      'own-home': 'not-sure',
      'takes-part-in-conversation': 'no',
    });
    expect(result.outcome).toBe('outside-format');
    expect(result.reasons).toHaveLength(criteria.length);
  });

  it('ignores answers to questions it does not ask, and values that are not answers', () => {
    const answers = { ...allYes(), 'favourite-song': 'no', __proto__: 'no' } as Answers;
    expect(assessEligibility(DEFAULT_PROGRAMME, answers).outcome).toBe('fits');
    const odd = { ...allYes(), 'own-home': 'nej' } as unknown as Answers;
    expect(assessEligibility(DEFAULT_PROGRAMME, odd).reasons).toMatchObject([
      { criterionId: 'own-home', answer: undefined },
    ]);
  });

  it('does not read answers from Object.prototype', () => {
    const programme = {
      eligibility: { criteria: [{ ...criteria[0]!, id: 'constructor' }] },
    };
    expect(assessEligibility(programme, {}).reasons).toMatchObject([{ answer: undefined }]);
  });

  it('writes a general reason for a criterion without its own text', () => {
    const plain = { ...criteria[0]!, whenNo: undefined };
    const result = assessEligibility({ eligibility: { criteria: [plain] } }, { 'own-home': 'no' });
    expect(result.reasons[0]!.text.da).toBe(
      'Besøgsvennen har svaret nej: »Bor den, du besøger, i sit eget hjem?« Det passer ikke til dette koncertformat – tal med besøgsvennen om andre tilbud.',
    );
  });
});

describe('assessEligibility, for any programme and answers', () => {
  it('fits if and only if every criterion is answered yes', () => {
    fc.assert(
      fc.property(caseArb, ({ programme, answers }) => {
        const everyYes = programme.eligibility.criteria.every((c) => answers[c.id] === 'yes');
        expect(assessEligibility(programme, answers).outcome === 'fits').toBe(everyYes);
      }),
    );
  });

  it('is outside the format whenever a required criterion is no', () => {
    fc.assert(
      fc.property(caseArb, ({ programme, answers }) => {
        const requiredNo = programme.eligibility.criteria.some(
          (c) => c.kind === 'required' && answers[c.id] === 'no',
        );
        const { outcome } = assessEligibility(programme, answers);
        expect(outcome === 'outside-format').toBe(requiredNo);
      }),
    );
  });

  it('never improves when an answer becomes not sure', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ({ programme, answers }, pick) => {
        const list = programme.eligibility.criteria;
        fc.pre(list.length > 0);
        const criterion = list[pick % list.length]!;
        // Replacing a required "no" is the one change that can lift outside-format.
        fc.pre(!(answers[criterion.id] === 'no' && criterion.kind === 'required'));
        const before = assessEligibility(programme, answers).outcome;
        const after = assessEligibility(programme, { ...answers, [criterion.id]: 'not-sure' });
        expect(rank(after.outcome)).toBeGreaterThanOrEqual(rank(before));
      }),
    );
  });

  it('never improves when a not-sure answer is added for an unanswered criterion', () => {
    fc.assert(
      fc.property(caseArb, ({ programme, answers }) => {
        const before = assessEligibility(programme, answers).outcome;
        const unanswered = programme.eligibility.criteria.filter(
          (c) => answers[c.id] === undefined,
        );
        const filled = { ...answers };
        for (const c of unanswered) filled[c.id] = 'not-sure';
        expect(assessEligibility(programme, filled).outcome).toBe(before);
      }),
    );
  });

  it('gives exactly one reason per criterion that is not a plain yes, in order', () => {
    fc.assert(
      fc.property(caseArb, ({ programme, answers }) => {
        const { reasons } = assessEligibility(programme, answers);
        const notYes = programme.eligibility.criteria.filter((c) => answers[c.id] !== 'yes');
        expect(reasons.map((r) => r.criterionId)).toEqual(notYes.map((c) => c.id));
        for (const reason of reasons) {
          expect(reason.answer).toBe(answers[reason.criterionId]);
          expect(reason.text.da.length).toBeGreaterThan(0);
          expect(reason.text.en.length).toBeGreaterThan(0);
        }
      }),
    );
  });

  it('is a pure function of its inputs', () => {
    fc.assert(
      fc.property(caseArb, ({ programme, answers }) => {
        const copy = structuredClone(answers);
        expect(assessEligibility(programme, answers)).toEqual(assessEligibility(programme, copy));
        expect(answers).toEqual(copy);
      }),
    );
  });
});
