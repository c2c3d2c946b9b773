// What the planning and booking pages both show of a booking.
import { html, type TemplateResult } from 'lit';
import type { BookingView } from '../api.js';
import { href } from '../router.js';
import type { ConsoleStrings } from '../strings.js';
import type { ConsoleContext } from './page.js';
import { formatDateTime } from './time.js';

/** Who is the booking's contact person, in words: the signed-in coordinator, or another one. */
export function bookingContact(
  t: ConsoleStrings,
  context: Pick<ConsoleContext, 'session'>,
  booking: BookingView,
): string {
  const { coordinator } = context.session;
  return booking.contactCoordinatorId === coordinator.id
    ? t.bookings.you(coordinator.name)
    : t.bookings.otherCoordinator;
}

/** The link from a booking to its nomination, named by the nomination's reference. */
export const nominationLink = (booking: BookingView): TemplateResult =>
  html`<a href=${href('nomination', { id: booking.nominationId })}
    >${booking.nomination.reference}</a
  >`;

/**
 * One entry of a booking's history, as the planning and booking pages list it: when, the move in
 * words, by whom when it was the signed-in coordinator, and the reason given.
 */
export function bookingHistoryEntry(
  t: ConsoleStrings,
  context: Pick<ConsoleContext, 'lang' | 'session'>,
  entry: NonNullable<BookingView['history']>[number],
): TemplateResult {
  const { lang, session } = context;
  return html`<li>
    ${formatDateTime(entry.at, lang)}: ${t.bookings.historyActions[entry.action] ?? entry.action}
    ${
      entry.actor === `coordinator:${session.coordinator.id}`
        ? t.history.by(session.coordinator.name)
        : ''
    }
    ${entry.reason ? ` – »${entry.reason}«` : ''}
  </li>`;
}
