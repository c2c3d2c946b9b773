import { musicianDebriefSchema, newId, validate } from '@stue/core';
import { describe, expect, it } from 'vitest';
import { buildDebrief, missingAnswers, newDebrief } from './debrief.js';

describe('the musician’s debrief', () => {
  it('lists what is not answered yet', () => {
    const draft = newDebrief(newId(), newId());
    expect(missingAnswers(draft)).toEqual(['howItWent', 'anythingHard', 'wouldLikeACall']);
    expect(
      missingAnswers({ ...draft, howItWent: 'good', anythingHard: false, wouldLikeACall: false }),
    ).toEqual([]);
  });

  it('builds a valid record, with a yes that has no words still saying yes', () => {
    const draft = {
      ...newDebrief(newId(), newId()),
      howItWent: 'hard' as const,
      anythingHard: true,
      wouldLikeACall: true,
      note: '  ',
    };
    const debrief = buildDebrief(draft, { deviceId: 'device-1', deviceSeq: 4, yesWord: 'Ja' });
    expect(debrief).toMatchObject({ anythingHard: 'Ja', wouldLikeACall: true, deviceSeq: 4 });
    expect(debrief).not.toHaveProperty('note');
    expect(validate(musicianDebriefSchema, debrief).ok).toBe(true);
  });

  it('leaves the hard text out when nothing was hard', () => {
    const draft = {
      ...newDebrief(newId(), newId()),
      howItWent: 'good' as const,
      anythingHard: false,
      whatWasHard: 'typed, then changed mind',
      wouldLikeACall: false,
    };
    const debrief = buildDebrief(draft, { deviceId: 'device-1', deviceSeq: 1, yesWord: 'Ja' });
    expect(debrief).not.toHaveProperty('anythingHard');
  });
});
