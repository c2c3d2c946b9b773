import { describe, expect, it } from 'vitest';
import { BOOKING_MACHINE, BOOKING_STATUSES, type BookingStatus } from './booking.js';
import { allowedTransitions, transition, type TransitionContext } from './machine.js';

const context: TransitionContext = {
  actor: { kind: 'coordinator', id: 'c-1' },
  at: '2025-03-04T09:30:00.000Z',
};

const targets = (from: BookingStatus) =>
  allowedTransitions(BOOKING_MACHINE, from).map((t) => `${t.action}→${t.to}`);

describe('BOOKING_MACHINE', () => {
  it('has the documented table, starting at proposed', () => {
    expect(BOOKING_MACHINE.initial).toBe('proposed');
    expect(Object.fromEntries(BOOKING_STATUSES.map((s) => [s, targets(s)]))).toEqual({
      proposed: ['confirm→confirmed', 'cancel→cancelled', 'reschedule→proposed'],
      confirmed: ['cancel→cancelled', 'hold→held', 'mark-no-show→no-show', 'reschedule→confirmed'],
      held: [],
      cancelled: [],
      'no-show': [],
    });
  });

  it('wants a reason to cancel or record a no-show', () => {
    expect(() => transition(BOOKING_MACHINE, 'confirmed', 'cancel', context)).toThrow(
      expect.objectContaining({ code: 'reason_required', to: 'cancelled' }),
    );
    expect(() => transition(BOOKING_MACHINE, 'confirmed', 'no-show', context)).toThrow(
      expect.objectContaining({ code: 'reason_required', action: 'mark-no-show' }),
    );
    const cancelled = transition(BOOKING_MACHINE, 'proposed', 'cancel', {
      ...context,
      actor: { kind: 'partner', id: 'p-1' },
      reason: '  Afbud fra besøgsvennen  ',
    });
    expect(cancelled.event).toMatchObject({
      from: 'proposed',
      to: 'cancelled',
      actor: { kind: 'partner', id: 'p-1' },
      reason: 'Afbud fra besøgsvennen',
    });
  });

  it('reschedules without changing the status, and records it', () => {
    for (const from of ['proposed', 'confirmed'] as const) {
      const { status, event } = transition(BOOKING_MACHINE, from, 'reschedule', {
        ...context,
        details: { previousStart: '2025-05-06T10:00', start: '2025-05-13T10:00' },
      });
      expect(status).toBe(from);
      expect(event).toMatchObject({ action: 'reschedule', from, to: from });
      expect(event.details).toEqual({
        previousStart: '2025-05-06T10:00',
        start: '2025-05-13T10:00',
      });
    }
    expect(() => transition(BOOKING_MACHINE, 'held', 'reschedule', context)).toThrow(
      expect.objectContaining({ code: 'illegal_transition' }),
    );
  });
});
