import { StueError } from '../errors.js';

/** Who can cause a transition: a coordinator, a partner system, a kiosk device, or Stue itself. */
export const ACTOR_KINDS = ['coordinator', 'partner', 'device', 'system'] as const;

/** `'coordinator' | 'partner' | 'device' | 'system'`. */
export type ActorKind = (typeof ACTOR_KINDS)[number];

/** Who did something: a kind and that kind's id (a coordinator's user id, a partner id, …). */
export interface Actor {
  readonly kind: ActorKind;
  readonly id: string;
}

/**
 * One named move in a lifecycle: `action` takes a record from any status in `from` to `to`.
 * `to` may be one of the `from` statuses (rescheduling keeps a booking confirmed, but is still
 * recorded). `reasonRequired` marks moves a person must explain: declining, withdrawing,
 * cancelling, a no-show.
 */
export interface TransitionRule<S extends string, A extends string> {
  readonly action: A;
  readonly from: readonly S[];
  readonly to: S;
  readonly reasonRequired?: boolean;
}

/**
 * A lifecycle as a pure table: the entity it describes (for audit events), its statuses, where a
 * new record starts, and the allowed moves. Action names and status names are kept distinct, so
 * {@link transition} can take either.
 */
export interface Machine<S extends string, A extends string> {
  readonly entity: string;
  readonly statuses: readonly S[];
  readonly initial: S;
  readonly transitions: readonly TransitionRule<S, A>[];
}

/**
 * The record of one transition: what changed, from what to what, by which action, who did it,
 * when, and why. Stored beside the record, it is the record's history.
 */
export interface AuditEvent<S extends string = string, A extends string = string> {
  entity: string;
  entityId?: string;
  action: A;
  from: S;
  to: S;
  actor: Actor;
  /** ISO 8601 time, UTC. */
  at: string;
  reason?: string;
  /** Facts a move needs to keep, e.g. a rescheduled booking's old and new start. */
  details?: Readonly<Record<string, string>>;
}

/** Who makes a transition, when, and why. */
export interface TransitionContext {
  actor: Actor;
  /** When it happened: a `Date` or an ISO 8601 string; stored as ISO in UTC. */
  at: Date | string;
  /** Why; required (non-blank) where the rule says so, kept trimmed where given. */
  reason?: string;
  entityId?: string;
  details?: Readonly<Record<string, string>>;
}

/** The new status and the audit event that records the move. */
export interface TransitionResult<S extends string, A extends string> {
  status: S;
  event: AuditEvent<S, A>;
}

/** A move a UI may offer from the current status. */
export interface AllowedTransition<S extends string, A extends string> {
  action: A;
  to: S;
  reasonRequired: boolean;
}

/** Stable codes of {@link StueLifecycleError}. */
export const LIFECYCLE_ERROR_CODES = [
  'illegal_transition',
  'reason_required',
  'invalid_time',
] as const;

/** `'illegal_transition' | 'reason_required' | 'invalid_time'`. */
export type LifecycleErrorCode = (typeof LIFECYCLE_ERROR_CODES)[number];

/**
 * A transition that may not happen: not allowed from the current status (`illegal_transition`),
 * missing the reason it needs (`reason_required`), or with a time that is not a time
 * (`invalid_time`). `to` and `action` are set when they are known.
 */
export class StueLifecycleError extends StueError {
  override name = 'StueLifecycleError';
  constructor(
    override readonly code: LifecycleErrorCode,
    readonly entity: string,
    readonly from: string,
    readonly to: string | undefined,
    readonly action: string | undefined,
    message: string,
  ) {
    super(code, message);
  }
}

/**
 * The moves possible from `from`, in table order, for a UI that shows only allowed actions.
 * An unknown status has none.
 *
 * @example
 * allowedTransitions(BOOKING_MACHINE, 'proposed').map((t) => t.action);
 * // ['confirm', 'cancel', 'reschedule']
 */
export function allowedTransitions<S extends string, A extends string>(
  machine: Machine<S, A>,
  from: S,
): AllowedTransition<S, A>[] {
  return machine.transitions
    .filter((rule) => rule.from.includes(from))
    .map((rule) => ({
      action: rule.action,
      to: rule.to,
      reasonRequired: rule.reasonRequired === true,
    }));
}

function findRule<S extends string, A extends string>(
  machine: Machine<S, A>,
  from: S,
  actionOrTarget: A | S,
): TransitionRule<S, A> | undefined {
  const possible = machine.transitions.filter((rule) => rule.from.includes(from));
  return (
    possible.find((rule) => rule.action === actionOrTarget) ??
    possible.find((rule) => rule.to === actionOrTarget)
  );
}

/**
 * Moves a record from `from` by an action (`'decline'`) or to a status (`'declined'`), and returns
 * the new status with the audit event that records it. Pure: nothing is stored.
 *
 * Throws a {@link StueLifecycleError}: `illegal_transition` when the move is not in the table from
 * `from`, `reason_required` when the move needs a reason and none (or only blanks) was given,
 * `invalid_time` when `at` is not a valid time.
 *
 * @example
 * const { status, event } = transition(NOMINATION_MACHINE, 'in-review', 'decline', {
 *   actor: { kind: 'coordinator', id: 'c-17' },
 *   at: new Date(),
 *   reason: 'Værten bor på plejehjem; henvist til plejehjemmets musiktilbud',
 *   entityId: nomination.id,
 * });
 * status; // 'declined'
 */
export function transition<S extends string, A extends string>(
  machine: Machine<S, A>,
  from: S,
  actionOrTarget: A | S,
  context: TransitionContext,
): TransitionResult<S, A> {
  const rule = findRule(machine, from, actionOrTarget);
  if (rule === undefined) {
    const isStatus = (machine.statuses as readonly string[]).includes(actionOrTarget);
    throw new StueLifecycleError(
      'illegal_transition',
      machine.entity,
      from,
      isStatus ? actionOrTarget : undefined,
      isStatus ? undefined : actionOrTarget,
      `A ${machine.entity} cannot go from "${from}" by "${actionOrTarget}"`,
    );
  }
  const reason = context.reason?.trim();
  if (rule.reasonRequired && !reason) {
    throw new StueLifecycleError(
      'reason_required',
      machine.entity,
      from,
      rule.to,
      rule.action,
      `"${rule.action}" needs a reason`,
    );
  }
  const time = new Date(context.at);
  if (Number.isNaN(time.getTime())) {
    throw new StueLifecycleError(
      'invalid_time',
      machine.entity,
      from,
      rule.to,
      rule.action,
      'The time of a transition must be a valid date',
    );
  }
  const event: AuditEvent<S, A> = {
    entity: machine.entity,
    ...(context.entityId === undefined ? {} : { entityId: context.entityId }),
    action: rule.action,
    from,
    to: rule.to,
    actor: { kind: context.actor.kind, id: context.actor.id },
    at: time.toISOString(),
    ...(reason ? { reason } : {}),
    ...(context.details === undefined ? {} : { details: { ...context.details } }),
  };
  return { status: rule.to, event };
}
