// What other folders may use of openapi/ besides its routes and service (ADR 0012):
// the rest of the folder is its own.
export { exampleNomination, openApiDocument } from './document.js';
