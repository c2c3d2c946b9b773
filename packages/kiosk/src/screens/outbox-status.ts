import type { OutboxStatus } from '@stue/core/sync';

/** The outbox before it has said anything: nothing waiting, nothing wrong. */
export const EMPTY_OUTBOX_STATUS: OutboxStatus = {
  pending: 0,
  sending: false,
  needsAttention: 0,
  lastSuccessAt: null,
  lastError: null,
};
