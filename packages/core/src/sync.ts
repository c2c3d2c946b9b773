// `@stue/core/sync`: the offline outbox, its in-memory store and its HTTP transport. The browser's
// durable store is `@stue/core/idb`.
export {
  Outbox,
  OUTBOX_DEFAULTS,
  OutboxChangeEvent,
  OutboxRecordEvent,
  type NewOutboxRecord,
  type OutboxErrorInfo,
  type OutboxEventMap,
  type OutboxOptions,
  type OutboxRecord,
  type OutboxRecordState,
  type OutboxRecordSummary,
  type OutboxStatus,
  type OutboxStore,
  type OutboxTriggerTarget,
  type QueueOptions,
  type SendOptions,
  type SendOutcome,
  type StoreQueueOptions,
  type Transport,
} from './sync/outbox.js';
export { MemoryOutboxStore } from './sync/memory-store.js';
export { httpTransport, type HttpTransportOptions } from './sync/http-transport.js';
