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
