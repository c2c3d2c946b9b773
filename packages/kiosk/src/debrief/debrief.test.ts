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

  it('builds a valid version 3 record, with a yes that has no words still saying yes', () => {
    const draft = {
      ...newDebrief(newId(), newId()),
      howItWent: 'hard' as const,
      anythingHard: true,
      wouldLikeACall: true,
      note: '  ',
    };
    const debrief = buildDebrief(draft, { deviceId: 'device-1', deviceSeq: 4 });
    expect(debrief).toMatchObject({
      schemaVersion: 3,
      wasAnythingHard: true,
      wouldLikeACall: true,
      deviceSeq: 4,
    });
    expect(debrief).not.toHaveProperty('anythingHard');
    expect(debrief).not.toHaveProperty('note');
    const said = buildDebrief(
      { ...draft, whatWasHard: '  The stairs. ' },
      { deviceId: 'device-1', deviceSeq: 5 },
    );
    expect(said).toMatchObject({ wasAnythingHard: true, anythingHard: 'The stairs.' });
    expect(validate(musicianDebriefSchema, debrief).ok).toBe(true);
  });

  it('names the peer chosen only with a yes to talking; no peer is the coordinator', () => {
    const peerId = newId();
    const draft = {
      ...newDebrief(newId(), newId()),
      howItWent: 'hard' as const,
      anythingHard: false,
      wouldLikeACall: true,
      peerId,
    };
    const device = { deviceId: 'device-1', deviceSeq: 2 };
    const toPeer = buildDebrief(draft, device);
    expect(toPeer).toMatchObject({ wouldLikeACall: true, peerId });
    expect(validate(musicianDebriefSchema, toPeer).ok).toBe(true);
    expect(buildDebrief({ ...draft, peerId: null }, device)).not.toHaveProperty('peerId');
    const changedMind = buildDebrief({ ...draft, wouldLikeACall: false }, device);
    expect(changedMind).not.toHaveProperty('peerId');
    expect(validate(musicianDebriefSchema, changedMind).ok).toBe(true);
  });

  it('leaves the hard text out when nothing was hard', () => {
    const draft = {
      ...newDebrief(newId(), newId()),
      howItWent: 'good' as const,
      anythingHard: false,
      whatWasHard: 'typed, then changed mind',
      wouldLikeACall: false,
    };
    const debrief = buildDebrief(draft, { deviceId: 'device-1', deviceSeq: 1 });
    expect(debrief).not.toHaveProperty('anythingHard');
    expect(debrief).toMatchObject({ wasAnythingHard: false });
    expect(validate(musicianDebriefSchema, debrief).ok).toBe(true);
  });
});
