// What other folders may use of partners/ besides its routes and service (ADR 0012):
// the rest of the folder is its own.
export { createKey, type KeySummary, newKey, originAllowed, revokeKey } from './keys.js';
export {
  DEMO_COORDINATOR,
  DEMO_PARTNER_KEY,
  DEMO_SECRET_KEY,
  ensurePartner,
  type NewPartner,
  seedDemo,
} from './partners.js';
