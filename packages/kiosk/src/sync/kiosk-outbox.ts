import { httpTransport, Outbox, type OutboxOptions } from '@stue/core/sync';
import type { StueDb } from '@stue/core/idb';

/** The record kinds the kiosk sends, and the hub endpoint (under `api/v1/`) of each. */
export const KIOSK_RECORD_PATHS = {
  'feedback-response': 'feedback',
  'musician-debrief': 'debriefs',
  'booking-cancelled-at-door': 'door-cancellations',
} as const;

/**
 * The kiosk's outbox: records in IndexedDB (`db.outbox`), sent to the hub at `api` with the
 * device token `token()` reads before each send. A revoked token (401) keeps every record queued.
 *
 * @example
 * const outbox = kioskOutbox(db, new URL('/', location.href), () => enrolment.token);
 * outbox.start({ window, document });
 */
export function kioskOutbox(
  db: StueDb,
  api: URL,
  token: () => string,
  options: Partial<Omit<OutboxOptions, 'store' | 'transport'>> = {},
): Outbox {
  return new Outbox({
    ...options,
    store: db.outbox,
    transport: httpTransport({ api, token, paths: KIOSK_RECORD_PATHS }),
  });
}
