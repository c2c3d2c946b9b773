// What the services need only when a record is made or the hub is asked: validation (zod and the
// schemas), sealing and the HTTP client. Imported on first use, so a cold start does not load and
// evaluate them before the first screen (docs/adr/0023-kiosk-first-screen.md); the service
// worker precaches this chunk with the rest, so it loads offline too.
export {
  bookingCancelledAtDoorSchema,
  checkResponse,
  feedbackResponseSchema,
  musicianDebriefSchema,
  validate,
} from '@stue/core';
export { enrolDevice, getDeviceBookings } from '@stue/core/client';
export { seal, SEAL_CONTEXTS } from '@stue/core/sealing';
