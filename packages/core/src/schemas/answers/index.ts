// The hub's answers to coordinators, one schema per answer: the console's client is typed by
// them, the hub's stores return them, and the OpenAPI document describes them (ADR 0003).
export * from './common.js';
export * from './data-rights.js';
export * from './feedback.js';
export * from './nominations.js';
export * from './planning.js';
export * from './session.js';
