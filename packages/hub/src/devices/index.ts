// What other folders may use of devices/ besides its routes and service (ADR 0012):
// the rest of the folder is its own.
export { type HubKey, loadOrCreateHubKey } from './hub-key.js';
export { createEnrolmentCode } from './store.js';
