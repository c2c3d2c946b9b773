/** Planning a period: the scheduler's plan, choosing proposals, and making them bookings. */
import { danishInstant, newId } from '@stue/core';
import { schedule, type SchedulerTourDay } from '@stue/core/scheduler';
import { allPages, createBooking, listBookings } from '../../api.js';
import { failureMessage, formText } from '../../internal/forms.js';
import { replaceParams } from '../../router.js';
import { periodFromParams } from '../tour-days/rules.js';
import type { StuePlanningPage } from '../planning-page.js';
import { ACTIVE, type Plan, schedulerNomination, schedulerTourDay } from './rules.js';

/** Runs the scheduler on the loaded period's nominations and tour days. */
export function makePlan(page: StuePlanningPage): Plan {
  const active = page.bookings.filter((b) => ACTIVE.has(b.status));
  const booked = new Map<string, number>();
  for (const b of active) booked.set(b.tourDayId, (booked.get(b.tourDayId) ?? 0) + 1);
  const hasBooking = new Set(active.map((b) => b.nominationId));
  const musicians = new Map(page.musicians.map((m) => [m.id, m]));
  const result = schedule({
    nominations: page.accepted.filter((item) => !hasBooking.has(item.id)).map(schedulerNomination),
    tourDays: page.tourDays
      .map((day) => schedulerTourDay(day, musicians.get(day.musicianId), booked.get(day.id) ?? 0))
      .filter((day): day is SchedulerTourDay => day !== undefined),
  });
  return { result, booked };
}

/** Shows the plan for the period the form asks for. */
export function submitPeriod(page: StuePlanningPage, event: SubmitEvent): void {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  page.period = periodFromParams(
    new URLSearchParams({ from: formText(data, 'from'), to: formText(data, 'to') }),
    undefined,
    13,
  );
  replaceParams('planning', new URLSearchParams(page.period));
  void page.run();
}

/** Includes a proposal in the bookings to create, or leaves it out. */
export function toggle(page: StuePlanningPage, nominationId: string, include: boolean): void {
  const excluded = new Set(page.excluded);
  if (include) excluded.delete(nominationId);
  else excluded.add(nominationId);
  page.excluded = excluded;
}

/** Creates the chosen proposals as proposed bookings, and says how many did. */
export async function createChosen(page: StuePlanningPage): Promise<void> {
  const chosen = page.chosen;
  if (page.creating || chosen.length === 0) return;
  const t = page.t.planning;
  const { api, session } = page.context;
  page.creating = true;
  page.notice = '';
  const created = new Map(page.created);
  let ok = 0;
  let failed = 0;
  for (const proposal of chosen) {
    let id = page.bookingIds.get(proposal.nominationId);
    if (!id) {
      id = newId();
      page.bookingIds.set(proposal.nominationId, id);
    }
    await page.pageState.guard(
      async () => {
        await createBooking(api, session.csrfToken, {
          schemaVersion: 1,
          id,
          nominationId: proposal.nominationId,
          tourDayId: proposal.tourDayId,
          start: danishInstant(proposal.start),
          contactCoordinatorId: session.coordinator.id,
        });
        created.set(proposal.nominationId, { ok: true, message: t.bookingCreated });
        ok += 1;
      },
      (error) => {
        created.set(proposal.nominationId, {
          ok: false,
          message: failureMessage(page.t, error, t.refusals),
        });
        failed += 1;
      },
    );
    if (page.pageState.ended) return;
    page.created = new Map(created);
  }
  page.creating = false;
  page.notice = [ok > 0 ? t.created(ok) : '', failed > 0 ? t.createFailed(failed) : '']
    .filter(Boolean)
    .join(' ');
  await reloadBookings(page);
  await page.focusOn('#plan-notice');
}

/** Reads the bookings afresh. */
export async function reloadBookings(page: StuePlanningPage): Promise<void> {
  await page.pageState.guard(
    async () => {
      page.bookings = await allPages((cursor) => listBookings(page.context.api, { cursor }));
    },
    (error) => {
      page.problem = failureMessage(page.t, error);
    },
  );
}
