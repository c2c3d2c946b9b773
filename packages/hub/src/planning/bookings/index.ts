// What other folders may use of planning/bookings/ besides its routes and service (ADR 0012):
// the rest of the folder is its own.
export { bookingsOnTourDay, lockedNominationStatus, takenSlots } from './store.js';
