// What other folders may use of programmes/ besides its routes (ADR 0012): the rest of the
// folder is its own.
export { checkNominationProgramme, currentVersion, programmePeers } from './store.js';
export { DEMO_DEFAULT_PROGRAMME, seedDemoProgrammes } from './demo.js';
