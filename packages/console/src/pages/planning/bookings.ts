/** What a coordinator does with a booking: confirm, cancel, reschedule, mark held or missed; its history. */
import { type BookingAction, containsCprNumber, danishInstant, StueHttpError } from '@stue/core';
import { type BookingView, getBooking, moveBooking, rescheduleBooking } from '../../api.js';
import {
  errorsFromFailure,
  type FieldError,
  focusErrorSummary,
  formText,
} from '../../internal/forms.js';
import { hostAndPlace } from '../../internal/labels.js';
import type { StuePlanningPage } from '../planning-page.js';
import { reloadBookings } from './plan.js';
import { type BookingForm, MOVE_PATH } from './rules.js';

/** The booking's host and place, in words. */
export function hostOf(page: StuePlanningPage, booking: BookingView): string {
  return hostAndPlace(page.t, booking.nomination.host);
}

/** Makes a booking move on the hub. */
export async function moveTo(
  page: StuePlanningPage,
  booking: BookingView,
  action: BookingAction,
  reason?: string,
) {
  const move = MOVE_PATH[action];
  if (!move || page.busy) return;
  await page.pageState.run(
    async () => {
      const moved = await page.write(moveBooking, booking.id, move, reason);
      afterMove(page, moved);
    },
    (error) => moveFailed(page, error, 'booking-reason'),
  );
}

/** Shows a booking's new state, and keeps focus with it. */
export function afterMove(page: StuePlanningPage, moved: BookingView): void {
  page.bookingForm = undefined;
  page.errors = [];
  page.bookings = page.bookings.map((b) => (b.id === moved.id ? { ...b, ...moved } : b));
  if (moved.history) page.histories = new Map(page.histories).set(moved.id, moved.history);
  page.bookingNotice = page.t.planning.bookingMoved(
    hostOf(page, moved),
    page.t.bookingStatuses[moved.status],
  );
  // Focus stays with the booking, so a coordinator can go on to the next one.
  void page.focusOn(`#booking-${CSS.escape(moved.id)}`);
}

/** Says why a move failed, field by field; reloads when the booking changed meanwhile. */
export function moveFailed(page: StuePlanningPage, error: unknown, field: string): void {
  const refusals = page.t.planning.refusals;
  page.errors = errorsFromFailure(
    page.t,
    error,
    (path) => (path === 'reason' ? field : path === 'start' ? 'booking-start' : undefined),
    refusals,
  );
  if (error instanceof StueHttpError && error.code === 'illegal_transition') {
    void reloadBookings(page);
  }
  void focusErrorSummary(page);
}

/** Opens a booking's move form and moves focus to it. */
export function openForm(
  page: StuePlanningPage,
  booking: BookingView,
  kind: BookingForm['kind'],
): void {
  page.bookingForm = { id: booking.id, kind };
  page.errors = [];
  void page.focusOn('#booking-form-heading');
}

/** Closes the move form and gives focus back to its button. */
export function closeForm(page: StuePlanningPage): void {
  const form = page.bookingForm;
  page.bookingForm = undefined;
  page.errors = [];
  if (form) void page.focusOn(`#${form.kind}-${CSS.escape(form.id)}`);
}

/** Checks and sends a move form (cancel, no-show, reschedule). */
export async function submitForm(
  page: StuePlanningPage,
  event: SubmitEvent,
  booking: BookingView,
): Promise<void> {
  event.preventDefault();
  const form = page.bookingForm;
  if (!form) return;
  const t = page.t;
  const data = new FormData(event.target as HTMLFormElement);
  const reason = formText(data, 'reason');
  const errors: FieldError[] = [];
  if (form.kind !== 'reschedule' && !reason) {
    errors.push({ field: 'booking-reason', message: t.planning.reasonRequired });
  }
  if (reason.length > 300) errors.push({ field: 'booking-reason', message: t.tooLong(300) });
  else if (containsCprNumber(reason)) {
    errors.push({ field: 'booking-reason', message: t.cprNotAllowed });
  }
  const start = formText(data, 'start');
  if (form.kind === 'reschedule' && !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(start)) {
    errors.push({ field: 'booking-start', message: t.planning.newStartRequired });
  }
  if (errors.length > 0) {
    page.errors = errors;
    return focusErrorSummary(page);
  }
  if (form.kind !== 'reschedule') return moveTo(page, booking, form.kind, reason);
  if (page.busy) return;
  await page.pageState.run(
    async () => {
      const moved = await page.write(rescheduleBooking, booking.id, {
        start: danishInstant(start),
        ...(reason ? { reason } : {}),
      });
      afterMove(page, moved);
    },
    (error) => moveFailed(page, error, 'booking-reason'),
  );
}

/** Reads a booking's history when its details are first opened. */
export async function loadHistory(
  page: StuePlanningPage,
  event: Event,
  booking: BookingView,
): Promise<void> {
  if (!(event.target as HTMLDetailsElement).open || page.histories.has(booking.id)) return;
  await page.pageState.guard(
    async () => {
      const detail = await getBooking(page.context.api, booking.id);
      page.histories = new Map(page.histories).set(booking.id, detail.history ?? []);
    },
    () => {
      page.histories = new Map(page.histories).set(booking.id, []);
    },
  );
}
