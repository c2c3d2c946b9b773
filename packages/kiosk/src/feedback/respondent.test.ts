import {
  checkResponse,
  DEFAULT_INSTRUMENT,
  feedbackResponseSchema,
  newId,
  questionsFor,
  validate,
} from '@stue/core';
import { describe, expect, it } from 'vitest';
import {
  buildResponse,
  chooseOne,
  HELP_STEP,
  moveOn,
  skip,
  startRespondent,
  stepBack,
  toggleChoice,
  withHelp,
} from './respondent.js';

const start = (role: 'host' | 'visiting-friend' | 'together' | 'guest' = 'host') =>
  startRespondent(DEFAULT_INSTRUMENT, {
    responseId: newId(),
    bookingId: newId(),
    role,
    lang: 'da',
    now: new Date('2030-05-07T12:00:00Z'),
  });

describe('a respondent’s draft', () => {
  it('starts at the help question with nothing answered', () => {
    const draft = start();
    expect(draft.step).toBe(HELP_STEP);
    expect(draft.answers).toEqual({});
    expect(draft.answeredWithHelp).toBeNull();
    expect(draft.instrument).toEqual({ id: 'stue-home-concert', version: 1 });
  });

  it('moves one step per single choice, and keeps answers when going back', () => {
    let draft = withHelp(start(), true);
    expect(draft.step).toBe(0);
    draft = chooseOne(draft, 'visit', 'good');
    expect(draft.step).toBe(1);
    draft = stepBack(draft);
    expect(draft.step).toBe(0);
    expect(draft.answers['visit']).toEqual({ choices: ['good'] });
    expect(stepBack(stepBack(draft)).step).toBe(HELP_STEP);
  });

  it('toggles feelings, and counts an empty multi-choice as skipped when moving on', () => {
    let draft = withHelp(start(), false);
    draft = toggleChoice(draft, 'feelings', 'moved');
    draft = toggleChoice(draft, 'feelings', 'sad');
    expect(draft.answers['feelings']).toEqual({ choices: ['moved', 'sad'] });
    draft = toggleChoice(draft, 'feelings', 'moved');
    draft = toggleChoice(draft, 'feelings', 'sad');
    expect(draft.answers['feelings']).toBeUndefined();
    draft = moveOn(draft, 'feelings');
    expect(draft.answers['feelings']).toEqual({ skipped: true });
    expect(skip(draft, 'seen').answers['seen']).toEqual({ skipped: true });
  });

  it('builds a response the instrument accepts, for every role', () => {
    for (const role of ['host', 'visiting-friend', 'together', 'guest'] as const) {
      let draft = withHelp(start(role), null);
      for (const question of questionsFor(DEFAULT_INSTRUMENT, role)) {
        draft =
          question.kind === 'multi'
            ? moveOn(toggleChoice(draft, question.id, question.options[1]!.id), question.id)
            : chooseOne(draft, question.id, question.options[0]!.id);
      }
      const response = buildResponse(draft, { deviceId: 'device-1', deviceSeq: 3 });
      const checked = validate(feedbackResponseSchema, response);
      expect(checked.ok, role).toBe(true);
      if (checked.ok) expect(checkResponse(DEFAULT_INSTRUMENT, checked.value)).toEqual([]);
      expect(response.answeredWithHelp).toBe(false);
      expect(response.deviceSeq).toBe(3);
      expect(response.id).toBe(draft.responseId);
    }
  });

  it('keeps a stopped-early response to the questions reached', () => {
    const draft = chooseOne(withHelp(start('guest'), true), 'visit', 'not-good');
    const response = buildResponse(draft, { deviceId: 'device-1', deviceSeq: 1 });
    expect(response.answers).toEqual({ visit: { choices: ['not-good'] } });
    expect(response.answeredWithHelp).toBe(true);
  });
});
