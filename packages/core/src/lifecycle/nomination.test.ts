import { describe, expect, it } from 'vitest';
import { allowedTransitions, transition, type TransitionContext } from './machine.js';
import { NOMINATION_MACHINE, NOMINATION_STATUSES, type NominationStatus } from './nomination.js';

const context: TransitionContext = {
  actor: { kind: 'coordinator', id: 'c-1' },
  at: new Date('2025-03-04T09:30:00Z'),
  reason: 'Besøgsvennen ringede',
};

const targets = (from: NominationStatus) =>
  allowedTransitions(NOMINATION_MACHINE, from).map((t) => `${t.action}→${t.to}`);

describe('NOMINATION_MACHINE', () => {
  it('uses the statuses the schemas use, starting at received', () => {
    expect(NOMINATION_MACHINE.statuses).toBe(NOMINATION_STATUSES);
    expect(NOMINATION_MACHINE.initial).toBe('received');
  });

  it('has the documented table', () => {
    expect(Object.fromEntries(NOMINATION_STATUSES.map((s) => [s, targets(s)]))).toEqual({
      received: ['review→in-review', 'withdraw→withdrawn'],
      'in-review': ['accept→accepted', 'decline→declined', 'withdraw→withdrawn'],
      accepted: ['withdraw→withdrawn', 'book→booked'],
      booked: ['withdraw→withdrawn', 'unbook→accepted', 'complete→completed'],
      declined: [],
      withdrawn: [],
      completed: [],
    });
  });

  it('wants a reason to decline, withdraw or return a booked nomination to waiting', () => {
    const needsReason = NOMINATION_MACHINE.transitions
      .filter((t) => t.reasonRequired)
      .map((t) => t.action);
    expect(needsReason).toEqual(['decline', 'withdraw', 'unbook']);
  });

  it('walks a nomination from received to completed, with an event for every step', () => {
    let status: NominationStatus = NOMINATION_MACHINE.initial;
    const history = [];
    for (const action of ['review', 'accept', 'book', 'unbook', 'book', 'complete'] as const) {
      const result = transition(NOMINATION_MACHINE, status, action, context);
      status = result.status;
      history.push(result.event);
    }
    expect(status).toBe('completed');
    expect(history.map((e) => `${e.from}→${e.to}`)).toEqual([
      'received→in-review',
      'in-review→accepted',
      'accepted→booked',
      'booked→accepted',
      'accepted→booked',
      'booked→completed',
    ]);
  });
});
