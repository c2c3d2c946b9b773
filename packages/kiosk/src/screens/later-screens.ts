// The screens a start does not show first: enrolment, the PIN pad, the day, the debrief, and the
// session's question about keeping the answers (shown after the hand-over, not at it). The
// app imports this module after its first screen is drawn (and before it shows one of these), so
// a cold start does not load and evaluate them first (docs/adr/0023-kiosk-first-screen.md).
import { defineConsentScreen } from './consent-screen.js';
import { defineDayScreen } from './day-screen.js';
import { defineDebriefScreen } from './debrief-screen.js';
import { defineEnrolScreen } from './enrol-screen.js';
import { definePinScreen } from './pin-screen.js';

/**
 * Registers `<stue-kiosk-pin>`, `<stue-kiosk-enrol>`, `<stue-kiosk-day>`, `<stue-kiosk-debrief>`
 * and `<stue-kiosk-consent>`.
 */
export function defineLaterScreens(): void {
  defineConsentScreen();
  definePinScreen();
  defineEnrolScreen();
  defineDayScreen();
  defineDebriefScreen();
}
