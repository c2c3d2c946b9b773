// `@stue/core/idb`: the browser store. Kept out of the main entry so Node code never loads idb.
export {
  IdbDrafts,
  IdbMeta,
  IdbOutboxStore,
  openStueDb,
  STUE_DB_NAME,
  STUE_DB_VERSION,
  StueDb,
  StueDbVersionChangeEvent,
  type Draft,
  type OpenStueDbOptions,
  type StueDbSchema,
} from './storage/idb-store.js';
export {
  isPersisted,
  requestPersistence,
  storageEstimate,
  type StorageUse,
} from './storage/persistence.js';
