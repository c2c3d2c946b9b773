/** The bookings as shown, each with its moves, its form and its history. */
import { allowedTransitions, BOOKING_MACHINE, type BookingAction } from '@stue/core';
import { html, nothing, type TemplateResult } from 'lit';
import { bookingCalendarUrl, type BookingView } from '../../api.js';
import { errorSummary, inputField } from '../../internal/forms.js';
import { bookingContact, bookingHistoryEntry, nominationLink } from '../../internal/bookings.js';
import { bookingTag } from '../../internal/labels.js';
import { danishLocal, formatDateTime } from '../../internal/time.js';
import { href } from '../../router.js';
import type { StuePlanningPage } from '../planning-page.js';
import { closeForm, hostOf, loadHistory, moveTo, openForm, submitForm } from './bookings.js';
import { musicianOfDay } from './plan-view.js';
import type { BookingForm } from './rules.js';

/** The form for a booking move that needs a reason or a new time. */
export function renderBookingForm(
  page: StuePlanningPage,
  booking: BookingView,
  form: BookingForm,
): TemplateResult {
  const t = page.t.planning;
  const label =
    form.kind === 'cancel'
      ? t.cancelReason
      : form.kind === 'mark-no-show'
        ? t.noShowReason
        : t.rescheduleReason;
  const action = t.actions[form.kind]!.replace(' …', '');
  return html`
    <form
      class="booking-form"
      novalidate
      @submit=${(e: SubmitEvent) => void submitForm(page, e, booking)}
    >
      <h4 id="booking-form-heading" tabindex="-1">${t.actionFor(action, hostOf(page, booking))}</h4>
      ${errorSummary(page.t, page.errors)}
      ${
        form.kind === 'reschedule'
          ? inputField({
              id: 'booking-start',
              name: 'start',
              type: 'datetime-local',
              label: t.newStart,
              value: danishLocal(booking.start),
              errors: page.errors,
            })
          : nothing
      }
      ${inputField({ id: 'booking-reason', name: 'reason', label, errors: page.errors })}
      <div class="actions">
        <button
          type="submit"
          class=${form.kind === 'reschedule' ? '' : 'warning'}
          aria-disabled=${page.busy ? 'true' : 'false'}
        >
          ${form.kind === 'reschedule' ? t.save : action}
        </button>
        <button type="button" class="secondary" @click=${() => closeForm(page)}>
          ${page.t.cancel}
        </button>
      </div>
    </form>
  `;
}

/** The moves to offer: the lifecycle's, but "held" and "nobody opened" only once it began. */
export function movesFor(page: StuePlanningPage, booking: BookingView): BookingAction[] {
  const begun = Date.parse(booking.start) <= Date.now();
  return allowedTransitions(BOOKING_MACHINE, booking.status)
    .map((m) => m.action)
    .filter((action) => begun || (action !== 'hold' && action !== 'mark-no-show'));
}

/** A booking with its moves, calendar file and history. */
export function renderBooking(page: StuePlanningPage, booking: BookingView): TemplateResult {
  const t = page.t.planning;
  const { lang } = page.context;
  const who = hostOf(page, booking);
  const history = page.histories.get(booking.id);
  const form = page.bookingForm?.id === booking.id ? page.bookingForm : undefined;
  return html`
    <li class="panel booking" aria-labelledby="booking-${booking.id}">
      <div class="booking-head">
        <h3 id="booking-${booking.id}" tabindex="-1">
          ${t.bookingHeading(formatDateTime(booking.start, lang), who)}
        </h3>
        ${bookingTag(page.t, booking.status)}
      </div>
      <dl class="facts">
        <dt>${t.musician}</dt>
        <dd>${musicianOfDay(page, booking.tourDayId)}</dd>
        <dt>${t.contact}</dt>
        <dd>${bookingContact(page.t, page.context, booking)}</dd>
        <dt>${t.reference}</dt>
        <dd>${nominationLink(booking)}</dd>
      </dl>
      <div class="actions">
        ${movesFor(page, booking).map((action) => {
          const label = t.actions[action] ?? action;
          const direct = action === 'confirm' || action === 'hold';
          return html`<button
            type="button"
            id="${action}-${booking.id}"
            class="small ${action === 'confirm' ? '' : 'secondary'}"
            aria-label=${t.actionFor(label.replace(' …', ''), who)}
            aria-expanded=${direct ? nothing : form?.kind === action ? 'true' : 'false'}
            aria-disabled=${page.busy ? 'true' : 'false'}
            @click=${() =>
              direct
                ? void moveTo(page, booking, action)
                : openForm(page, booking, action as BookingForm['kind'])}
          >
            ${label}
          </button>`;
        })}
        <a
          class="button secondary small"
          href=${href('booking', { id: booking.id })}
          aria-label=${t.openBookingFor(who)}
          >${t.openBooking}</a
        >
        <a
          class="button secondary small"
          href="${bookingCalendarUrl(page.context.api, booking.id)}?lang=${page.context.lang}"
          download="stue-koncert-${booking.id}.ics"
          aria-label=${t.icsFor(who)}
          >${t.ics}</a
        >
      </div>
      ${form ? renderBookingForm(page, booking, form) : nothing}
      <details @toggle=${(e: Event) => void loadHistory(page, e, booking)}>
        <summary>${page.t.history.heading}</summary>
        ${
          history === undefined
            ? html`<p>${page.t.loading}</p>`
            : html`<ol>
                ${history.map((entry) => bookingHistoryEntry(page.t, page.context, entry))}
              </ol>`
        }
      </details>
    </li>
  `;
}

/** The period's bookings. */
export function renderBookings(page: StuePlanningPage): TemplateResult {
  const t = page.t.planning;
  const days = new Set(page.tourDays.map((d) => d.id));
  const inPeriod = page.bookings
    .filter((b) => days.has(b.tourDayId))
    .sort((a, b) => a.start.localeCompare(b.start));
  return html`
    <section aria-labelledby="bookings-heading">
      <h2 id="bookings-heading">${t.bookingsHeading}</h2>
      <p class="notice" id="bookings-notice" role="status">${page.bookingNotice}</p>
      ${
        inPeriod.length === 0
          ? html`<p>${t.noBookings}</p>`
          : html`<ol class="plain bookings">
              ${inPeriod.map((b) => renderBooking(page, b))}
            </ol>`
      }
    </section>
  `;
}
