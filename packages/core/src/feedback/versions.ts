// The versions of the records a device writes: plain numbers with no schema behind them, so that
// an app can use them before it loads validation (see `feedback/roles.ts`).

/** The version of the feedback response payload this SDK writes. */
export const FEEDBACK_RESPONSE_SCHEMA_VERSION = 1;

/** The version of the musician debrief payload this SDK writes. */
export const MUSICIAN_DEBRIEF_SCHEMA_VERSION = 3;

/** The version of the "cancelled at the door" record this SDK writes. */
export const CANCELLED_AT_DOOR_SCHEMA_VERSION = 1;
