// What other folders may use of reports/ besides its routes and service (ADR 0012):
// the rest of the folder is its own.
export { partnerReport, reportNames } from './store.js';
