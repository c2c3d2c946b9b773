import type { Machine } from './machine.js';

/**
 * Where a nomination is in its life: received → in review → accepted | declined | withdrawn →
 * booked → completed.
 */
export const NOMINATION_STATUSES = [
  'received',
  'in-review',
  'accepted',
  'declined',
  'withdrawn',
  'booked',
  'completed',
] as const;
export type NominationStatus = (typeof NOMINATION_STATUSES)[number];

/** What can happen to a nomination; see {@link NOMINATION_MACHINE}. */
export const NOMINATION_ACTIONS = [
  'review',
  'accept',
  'decline',
  'withdraw',
  'book',
  'unbook',
  'complete',
] as const;
export type NominationAction = (typeof NOMINATION_ACTIONS)[number];

/**
 * The nomination lifecycle as a pure table:
 *
 * - `review`: received → in-review (a coordinator starts screening);
 * - `accept`: in-review → accepted (waiting for a concert);
 * - `decline`: in-review → declined, with a reason (a referral goes on the nomination);
 * - `withdraw`: received | in-review | accepted | booked → withdrawn, with a reason (the pair or
 *   the partner said no thanks);
 * - `book`: accepted → booked (a booking was proposed on a tour day);
 * - `unbook`: booked → accepted, with a reason (the booking was cancelled; the pair waits again);
 * - `complete`: booked → completed (the concert was held).
 *
 * declined, withdrawn and completed are final.
 *
 * @example
 * transition(NOMINATION_MACHINE, 'received', 'review', { actor, at }).status; // 'in-review'
 */
export const NOMINATION_MACHINE: Machine<NominationStatus, NominationAction> = {
  entity: 'nomination',
  statuses: NOMINATION_STATUSES,
  initial: 'received',
  transitions: [
    { action: 'review', from: ['received'], to: 'in-review' },
    { action: 'accept', from: ['in-review'], to: 'accepted' },
    { action: 'decline', from: ['in-review'], to: 'declined', reasonRequired: true },
    {
      action: 'withdraw',
      from: ['received', 'in-review', 'accepted', 'booked'],
      to: 'withdrawn',
      reasonRequired: true,
    },
    { action: 'book', from: ['accepted'], to: 'booked' },
    { action: 'unbook', from: ['booked'], to: 'accepted', reasonRequired: true },
    { action: 'complete', from: ['booked'], to: 'completed' },
  ],
};
