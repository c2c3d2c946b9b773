/** The partners page's rules and shapes, shared by its sections. */
import type { DeliveryStatus, PartnerKey } from '../../api.js';

export const KEY_KINDS = ['publishable', 'secret'] as const;
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['delivered', 'pending', 'failed'];

/** A key just made: shown this once, until the coordinator closes it or leaves the page. */
export interface MadeKey {
  partnerId: string;
  partnerName: string;
  key: string;
  summary: PartnerKey;
}
