// What other folders may use of accounts/ besides its routes and service (ADR 0012):
// the rest of the folder is its own.
export { type Coordinator, createCoordinator } from './coordinators.js';
