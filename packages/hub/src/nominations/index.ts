// What other folders may use of nominations/ besides its routes and service (ADR 0012):
// the rest of the folder is its own.
export { nominationNoteRoutes, nominationNoteSchema } from './notes/routes.js';
export { listNotes } from './notes/store.js';
export {
  listPartnerNominations,
  nominationsWithPartner,
  partnerNominationDetail,
  REFERENCE_PATTERN,
} from './store.js';
