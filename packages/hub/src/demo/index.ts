// What other folders may use of demo/ besides its routes and service (ADR 0012):
// the rest of the folder is its own.
export { seedDemoProgramme } from './programme.js';
