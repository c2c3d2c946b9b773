// What other folders may use of cli/ besides its routes and service (ADR 0012):
// the rest of the folder is its own.
export { backupDatabase, createPartner, restoreDatabase } from './operations.js';
