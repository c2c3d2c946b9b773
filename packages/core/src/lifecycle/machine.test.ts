import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StueError } from '../errors.js';
import { BOOKING_ACTIONS, BOOKING_MACHINE } from './booking.js';
import {
  ACTOR_KINDS,
  allowedTransitions,
  StueLifecycleError,
  transition,
  type Machine,
  type TransitionContext,
} from './machine.js';
import { NOMINATION_ACTIONS, NOMINATION_MACHINE } from './nomination.js';

const context: TransitionContext = {
  actor: { kind: 'coordinator', id: 'c-1' },
  at: '2025-03-04T09:30:00.000Z',
  reason: 'Afbud: værten er syg',
};

const actorArb = fc.record({
  kind: fc.constantFrom(...ACTOR_KINDS),
  id: fc.string({ minLength: 1, maxLength: 12 }),
});
const contextArb: fc.Arbitrary<TransitionContext> = fc.record({
  actor: actorArb,
  at: fc.date({
    min: new Date('2020-01-01T00:00:00Z'),
    max: new Date('2040-01-01T00:00:00Z'),
    noInvalidDate: true,
  }),
  reason: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim() !== ''),
});

const machines = [
  ['nomination', NOMINATION_MACHINE, NOMINATION_ACTIONS],
  ['booking', BOOKING_MACHINE, BOOKING_ACTIONS],
] as const;

describe.each(machines)('the %s lifecycle', (_, machineIn, actions) => {
  const machine = machineIn as Machine<string, string>;
  const statusArb = fc.constantFrom(...machine.statuses);
  const moveArb = fc.constantFrom<string>(...actions, ...machine.statuses);

  it('starts at a known status and names actions and statuses apart', () => {
    expect(machine.statuses).toContain(machine.initial);
    expect(new Set(machine.statuses).size).toBe(machine.statuses.length);
    for (const action of actions) expect(machine.statuses).not.toContain(action);
    expect(new Set(machine.transitions.map((t) => t.action))).toEqual(new Set(actions));
  });

  it('never leaves its set of statuses', () => {
    fc.assert(
      fc.property(statusArb, moveArb, contextArb, (from, move, ctx) => {
        try {
          const { status, event } = transition(machine, from, move, ctx);
          expect(machine.statuses).toContain(status);
          expect(event.to).toBe(status);
          expect(event.from).toBe(from);
        } catch (error) {
          expect(error).toBeInstanceOf(StueLifecycleError);
        }
      }),
    );
  });

  it('can reach every status from the initial one', () => {
    const reached = new Set([machine.initial]);
    const queue = [machine.initial];
    while (queue.length > 0) {
      const from = queue.shift()!;
      for (const { action, to } of allowedTransitions(machine, from)) {
        expect(transition(machine, from, action, context).status).toBe(to);
        if (!reached.has(to)) {
          reached.add(to);
          queue.push(to);
        }
      }
    }
    expect([...reached].sort()).toEqual([...machine.statuses].sort());
  });

  it('lets nothing out of a final status', () => {
    const terminal = machine.statuses.filter(
      (status) => !machine.transitions.some((rule) => rule.from.includes(status)),
    );
    expect(terminal.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.constantFrom(...terminal), moveArb, contextArb, (from, move, ctx) => {
        expect(allowedTransitions(machine, from)).toEqual([]);
        expect(() => transition(machine, from, move, ctx)).toThrow(StueLifecycleError);
      }),
    );
  });

  it('throws illegal_transition for every move the table does not allow', () => {
    fc.assert(
      fc.property(statusArb, moveArb, contextArb, (from, move, ctx) => {
        const allowed = allowedTransitions(machine, from).some(
          (t) => t.action === move || t.to === move,
        );
        fc.pre(!allowed);
        try {
          transition(machine, from, move, ctx);
          expect.unreachable(`${from} → ${move} should throw`);
        } catch (error) {
          expect(error).toBeInstanceOf(StueLifecycleError);
          expect(error).toBeInstanceOf(StueError);
          expect(error).toMatchObject({ code: 'illegal_transition', entity: machine.entity, from });
        }
      }),
    );
  });

  it('allows every move allowedTransitions offers, by action and by target', () => {
    fc.assert(
      fc.property(statusArb, contextArb, (from, ctx) => {
        for (const { action, to } of allowedTransitions(machine, from)) {
          expect(transition(machine, from, action, ctx).status).toBe(to);
          expect(transition(machine, from, to, ctx).event.action).toBe(action);
        }
      }),
    );
  });

  it('refuses a move that needs a reason without one, and allows the others without', () => {
    for (const from of machine.statuses) {
      for (const { action, reasonRequired } of allowedTransitions(machine, from)) {
        for (const reason of [undefined, '', '   ']) {
          const attempt = () => transition(machine, from, action, { ...context, reason });
          if (reasonRequired) {
            expect(attempt).toThrow(expect.objectContaining({ code: 'reason_required', action }));
          } else {
            expect(attempt().event).not.toHaveProperty('reason');
          }
        }
      }
    }
  });

  it('records who, when and why in the audit event', () => {
    fc.assert(
      fc.property(statusArb, contextArb, (from, ctx) => {
        for (const { action, to } of allowedTransitions(machine, from)) {
          const { event } = transition(machine, from, action, { ...ctx, entityId: 'e-1' });
          expect(event).toEqual({
            entity: machine.entity,
            entityId: 'e-1',
            action,
            from,
            to,
            actor: ctx.actor,
            at: (ctx.at as Date).toISOString(),
            reason: ctx.reason!.trim(),
          });
        }
      }),
    );
  });
});

describe('transition', () => {
  it('takes the time as an ISO string or a Date, and stores it in UTC', () => {
    const at = '2025-03-04T10:30:00+01:00';
    const { event } = transition(NOMINATION_MACHINE, 'received', 'review', { ...context, at });
    expect(event.at).toBe('2025-03-04T09:30:00.000Z');
  });

  it('refuses a time that is not a time', () => {
    expect(() =>
      transition(NOMINATION_MACHINE, 'received', 'review', { ...context, at: 'soon' }),
    ).toThrow(expect.objectContaining({ code: 'invalid_time' }));
  });

  it('names what was asked for in the error', () => {
    const byTarget = () => transition(NOMINATION_MACHINE, 'received', 'completed', context);
    expect(byTarget).toThrow(
      expect.objectContaining({
        name: 'StueLifecycleError',
        code: 'illegal_transition',
        from: 'received',
        to: 'completed',
        action: undefined,
      }),
    );
    const byAction = () => transition(NOMINATION_MACHINE, 'received', 'complete', context);
    expect(byAction).toThrow(expect.objectContaining({ to: undefined, action: 'complete' }));
  });

  it('throws for an unknown status or action', () => {
    const machine = NOMINATION_MACHINE as Machine<string, string>;
    expect(() => transition(machine, 'lost', 'review', context)).toThrow(StueLifecycleError);
    expect(() => transition(machine, 'received', 'teleport', context)).toThrow(StueLifecycleError);
    expect(allowedTransitions(machine, 'lost')).toEqual([]);
  });

  it('copies details into the event, and does not share the caller’s objects', () => {
    const details = { previousStart: '2025-05-06T10:00', start: '2025-05-13T10:00' };
    const { event } = transition(BOOKING_MACHINE, 'confirmed', 'reschedule', {
      ...context,
      details,
    });
    expect(event.details).toEqual(details);
    expect(event.details).not.toBe(details);
    expect(event.actor).not.toBe(context.actor);
  });
});
