// What other folders may use of privacy/ besides its routes and service (ADR 0012):
// the rest of the folder is its own.
export {
  erasePerson,
  type ErasureEntry,
  erasureList,
  reapplyErasures,
  resolveNominationId,
} from './erasure.js';
export { exportPerson } from './export.js';
export {
  RETENTION_ENV,
  retentionFromEnv,
  type RetentionPolicy,
  runRetention,
} from './retention.js';
