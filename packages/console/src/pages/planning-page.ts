import {
  allowedTransitions,
  BOOKING_MACHINE,
  containsCprNumber,
  newId,
  StueHttpError,
  type BookingAction,
  type Musician,
  type TourDay,
  danishInstant,
} from '@stue/core';
import {
  schedule,
  type ScheduleProposal,
  type ScheduleResult,
  type SchedulerNomination,
  type SchedulerTourDay,
} from '@stue/core/scheduler';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  allPages,
  bookingCalendarUrl,
  createBooking,
  getBooking,
  listBookings,
  listMusicians,
  listNominationItems,
  listTourDays,
  moveBooking,
  rescheduleBooking,
  type AuditEntry,
  type BookingMove,
  type BookingView,
  type NominationItem,
} from '../api.js';
import {
  errorsFromFailure,
  errorSummary,
  failureMessage,
  focusErrorSummary,
  formText,
  inputField,
  type FieldError,
} from '../internal/forms.js';
import { bookingTag, hostAndPlace, municipalityName } from '../internal/labels.js';
import { ConsolePage } from '../internal/page.js';
import { sharedStyles } from '../internal/styles.js';
import {
  danishLocal,
  formatDate,
  formatDateTime,
  formatLocalClock,
  formatShortDate,
} from '../internal/time.js';
import { href, replaceParams } from '../router.js';
import { periodFromParams } from './tour-days-page.js';

/** The tag the planning page is registered under. */
export const PLANNING_PAGE_TAG = 'stue-planning-page';

/** Bookings that hold a place on a tour day and a nomination, as the hub counts them. */
const ACTIVE = new Set(['proposed', 'confirmed']);

/** The endpoint of each booking move that has one. */
const MOVE_PATH: Partial<Record<BookingAction, BookingMove>> = {
  confirm: 'confirm',
  cancel: 'cancel',
  hold: 'held',
  'mark-no-show': 'no-show',
};

/** A nomination as the scheduler needs it. */
export function schedulerNomination(item: NominationItem): SchedulerNomination {
  const n = item.nomination;
  return {
    id: item.id,
    municipalityCode: n.host.municipalityCode,
    weekdays: n.preferences?.weekdays,
    timesOfDay: n.preferences?.timesOfDay,
    earliestDate: n.preferences?.earliestDate,
    waitingSince: item.receivedAt,
    language: n.host.language,
    wantsGenres: n.preferences?.genres,
  };
}

/**
 * A tour day as the scheduler needs it, with its musician's languages and music, and room only
 * for the concerts not yet booked on it; `undefined` when it is full or its musician inactive.
 */
export function schedulerTourDay(
  day: TourDay,
  musician: Musician | undefined,
  alreadyBooked: number,
): SchedulerTourDay | undefined {
  const room = day.maxConcerts - alreadyBooked;
  if (room < 1 || musician?.active === false) return undefined;
  return {
    ...day,
    maxConcerts: room,
    musicianLanguages: musician?.languages,
    musicianGenres: musician?.genres,
  };
}

interface Plan {
  result: ScheduleResult;
  /** Bookings already on each tour day before the plan. */
  booked: Map<string, number>;
}

type BookingForm = { id: string; kind: 'cancel' | 'mark-no-show' | 'reschedule' };

/**
 * The planning view: pick a period, and `schedule()` from @stue/core proposes concerts for the
 * accepted nominations without a booking on the period's tour days — day by day with start times
 * and driving minutes, and why each left-over nomination got no place. Chosen proposals become
 * proposed bookings; each booking can then be confirmed, cancelled, moved, marked held or missed,
 * with its calendar file and its history.
 *
 * @summary The coordinator's planning view.
 */
export class StuePlanningPage extends ConsolePage {
  static override styles = [
    sharedStyles,
    css`
      .day {
        margin-block-end: 1rem;
      }
      .day h3 {
        margin-block-start: 0;
      }
      ol.proposals {
        margin: 0.5rem 0 0;
        padding: 0;
        list-style: none;
      }
      .proposal {
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0 0.75rem;
        padding-block: 0.5rem;
        border-block-start: 1px solid #c9d1d9;
      }
      .proposal input {
        inline-size: 1.5rem;
        block-size: 1.5rem;
        margin: 0.125rem 0 0;
        accent-color: var(--stue-console-accent);
      }
      .proposal label {
        font-weight: 400;
        margin: 0;
      }
      .proposal .time {
        font-weight: 700;
        font-variant-numeric: tabular-nums;
      }
      .proposal .meta {
        grid-column: 2;
        color: var(--stue-console-muted);
      }
      .proposal .outcome {
        grid-column: 2;
        font-weight: 600;
      }
      .proposal .outcome.ok {
        color: var(--stue-console-ok);
      }
      .proposal .outcome.problem {
        color: var(--stue-console-problem);
      }
      .summary {
        font-weight: 600;
      }
      .booking {
        margin-block-end: 0.75rem;
      }
      .booking-head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.75rem;
        margin-block-end: 0.5rem;
      }
      .booking-head h3 {
        margin: 0;
      }
      .booking .actions {
        margin-block-start: 0.75rem;
        gap: 0.5rem;
      }
      .booking-form {
        margin-block-start: 1rem;
        padding: 1rem;
        background: var(--stue-console-background);
        border-radius: 0.375rem;
      }
      .booking-form h4 {
        margin: 0 0 0.75rem;
        font-size: 1.0625rem;
      }
      details {
        margin-block-start: 0.5rem;
      }
      summary {
        cursor: pointer;
        color: var(--stue-console-accent);
        min-block-size: 1.5rem;
      }
    `,
  ];

  /** The address query the page was opened with. */
  @property({ attribute: false }) accessor params = new URLSearchParams();

  @state() accessor period = periodFromParams(new URLSearchParams(), undefined, 13);
  @state() accessor loading = false;
  @state() accessor accepted: NominationItem[] = [];
  @state() accessor tourDays: TourDay[] = [];
  @state() accessor musicians: Musician[] = [];
  @state() accessor bookings: BookingView[] = [];
  @state() accessor plan: Plan | undefined = undefined;
  /** Proposals (by nomination id) left out of the bookings to create. */
  @state() accessor excluded = new Set<string>();
  /** What became of each proposal sent to the hub. */
  @state() accessor created = new Map<string, { ok: boolean; message: string }>();
  @state() accessor creating = false;
  @state() accessor notice = '';
  /** What just happened to a booking, announced beside the bookings. */
  @state() accessor bookingNotice = '';
  @state() accessor bookingForm: BookingForm | undefined = undefined;
  @state() accessor errors: FieldError[] = [];
  @state() accessor busy = false;
  @state() accessor histories = new Map<string, AuditEntry[]>();

  /** Client ids of bookings to create, made once per proposal and reused on a retry. */
  #bookingIds = new Map<string, string>();

  // The page loads when first asked for, so its `params` may arrive with the first update,
  // after it connected: read them there.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('params')) return;
    this.period = periodFromParams(this.params, undefined, 13);
    if (this.params.has('from')) void this.run();
  }

  /** Loads the period's data and plans it. */
  async run(): Promise<void> {
    this.loading = true;
    this.problem = '';
    this.notice = '';
    this.created = new Map();
    this.excluded = new Set();
    try {
      const { api } = this.context;
      const [accepted, tourDays, musicians, bookings] = await Promise.all([
        allPages((cursor) =>
          listNominationItems(api, { status: ['accepted'], limit: 100, cursor }),
        ),
        allPages((cursor) => listTourDays(api, { ...this.period, cursor })),
        allPages((cursor) => listMusicians(api, { cursor })),
        allPages((cursor) => listBookings(api, { cursor })),
      ]);
      for (const item of accepted) this.context.nominations.set(item.id, item);
      this.accepted = accepted;
      this.tourDays = tourDays;
      this.musicians = musicians;
      this.bookings = bookings;
      this.plan = this.makePlan();
    } catch (error) {
      if (this.sessionLost(error)) return;
      this.problem = failureMessage(this.t, error);
    } finally {
      this.loading = false;
    }
  }

  private makePlan(): Plan {
    const active = this.bookings.filter((b) => ACTIVE.has(b.status));
    const booked = new Map<string, number>();
    for (const b of active) booked.set(b.tourDayId, (booked.get(b.tourDayId) ?? 0) + 1);
    const hasBooking = new Set(active.map((b) => b.nominationId));
    const musicians = new Map(this.musicians.map((m) => [m.id, m]));
    const result = schedule({
      nominations: this.accepted
        .filter((item) => !hasBooking.has(item.id))
        .map(schedulerNomination),
      tourDays: this.tourDays
        .map((day) => schedulerTourDay(day, musicians.get(day.musicianId), booked.get(day.id) ?? 0))
        .filter((day): day is SchedulerTourDay => day !== undefined),
    });
    return { result, booked };
  }

  private submitPeriod(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.period = periodFromParams(
      new URLSearchParams({ from: formText(data, 'from'), to: formText(data, 'to') }),
      undefined,
      13,
    );
    replaceParams('planning', new URLSearchParams(this.period));
    void this.run();
  }

  /** The proposals that will become bookings: chosen, and not yet created. */
  get chosen(): ScheduleProposal[] {
    return (this.plan?.result.proposals ?? []).filter(
      (p) => !this.excluded.has(p.nominationId) && !this.created.get(p.nominationId)?.ok,
    );
  }

  private toggle(nominationId: string, include: boolean): void {
    const excluded = new Set(this.excluded);
    if (include) excluded.delete(nominationId);
    else excluded.add(nominationId);
    this.excluded = excluded;
  }

  private async createChosen(): Promise<void> {
    const chosen = this.chosen;
    if (this.creating || chosen.length === 0) return;
    const t = this.t.planning;
    const { api, session } = this.context;
    this.creating = true;
    this.notice = '';
    const created = new Map(this.created);
    let ok = 0;
    let failed = 0;
    for (const proposal of chosen) {
      let id = this.#bookingIds.get(proposal.nominationId);
      if (!id) {
        id = newId();
        this.#bookingIds.set(proposal.nominationId, id);
      }
      try {
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
      } catch (error) {
        if (this.sessionLost(error)) return;
        created.set(proposal.nominationId, {
          ok: false,
          message: failureMessage(this.t, error, t.refusals),
        });
        failed += 1;
      }
      this.created = new Map(created);
    }
    this.creating = false;
    this.notice = [ok > 0 ? t.created(ok) : '', failed > 0 ? t.createFailed(failed) : '']
      .filter(Boolean)
      .join(' ');
    await this.reloadBookings();
    await this.focusOn('#plan-notice');
  }

  private async reloadBookings(): Promise<void> {
    try {
      this.bookings = await allPages((cursor) => listBookings(this.context.api, { cursor }));
    } catch (error) {
      if (this.sessionLost(error)) return;
      this.problem = failureMessage(this.t, error);
    }
  }

  // ------------------------------------------------------------ bookings

  private hostOf(booking: BookingView): string {
    return hostAndPlace(this.t, booking.nomination.host);
  }

  private async moveTo(booking: BookingView, action: BookingAction, reason?: string) {
    const move = MOVE_PATH[action];
    if (!move || this.busy) return;
    this.busy = true;
    try {
      const moved = await moveBooking(
        this.context.api,
        this.context.session.csrfToken,
        booking.id,
        move,
        reason,
      );
      this.afterMove(moved);
    } catch (error) {
      this.moveFailed(error, 'booking-reason');
    } finally {
      this.busy = false;
    }
  }

  private afterMove(moved: BookingView): void {
    this.bookingForm = undefined;
    this.errors = [];
    this.bookings = this.bookings.map((b) => (b.id === moved.id ? { ...b, ...moved } : b));
    if (moved.history) this.histories = new Map(this.histories).set(moved.id, moved.history);
    this.bookingNotice = this.t.planning.bookingMoved(
      this.hostOf(moved),
      this.t.bookingStatuses[moved.status],
    );
    // Focus stays with the booking, so a coordinator can go on to the next one.
    void this.focusOn(`#booking-${CSS.escape(moved.id)}`);
  }

  private moveFailed(error: unknown, field: string): void {
    if (this.sessionLost(error)) return;
    const refusals = this.t.planning.refusals;
    this.errors = errorsFromFailure(
      this.t,
      error,
      (path) => (path === 'reason' ? field : path === 'start' ? 'booking-start' : undefined),
      refusals,
    );
    if (error instanceof StueHttpError && error.code === 'illegal_transition') {
      void this.reloadBookings();
    }
    void focusErrorSummary(this);
  }

  private openForm(booking: BookingView, kind: BookingForm['kind']): void {
    this.bookingForm = { id: booking.id, kind };
    this.errors = [];
    void this.focusOn('#booking-form-heading');
  }

  private closeForm(): void {
    const form = this.bookingForm;
    this.bookingForm = undefined;
    this.errors = [];
    if (form) void this.focusOn(`#${form.kind}-${CSS.escape(form.id)}`);
  }

  private async submitForm(event: SubmitEvent, booking: BookingView): Promise<void> {
    event.preventDefault();
    const form = this.bookingForm;
    if (!form) return;
    const t = this.t;
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
      this.errors = errors;
      return focusErrorSummary(this);
    }
    if (form.kind !== 'reschedule') return this.moveTo(booking, form.kind, reason);
    if (this.busy) return;
    this.busy = true;
    try {
      const moved = await rescheduleBooking(
        this.context.api,
        this.context.session.csrfToken,
        booking.id,
        { start: danishInstant(start), ...(reason ? { reason } : {}) },
      );
      this.afterMove(moved);
    } catch (error) {
      this.moveFailed(error, 'booking-reason');
    } finally {
      this.busy = false;
    }
  }

  private async loadHistory(event: Event, booking: BookingView): Promise<void> {
    if (!(event.target as HTMLDetailsElement).open || this.histories.has(booking.id)) return;
    try {
      const detail = await getBooking(this.context.api, booking.id);
      this.histories = new Map(this.histories).set(booking.id, detail.history ?? []);
    } catch (error) {
      if (this.sessionLost(error)) return;
      this.histories = new Map(this.histories).set(booking.id, []);
    }
  }

  // ------------------------------------------------------------ rendering

  private musicianOfDay(tourDayId: string): string {
    const day = this.tourDays.find((d) => d.id === tourDayId);
    return this.musicians.find((m) => m.id === day?.musicianId)?.name ?? '–';
  }

  private renderProposal(proposal: ScheduleProposal): TemplateResult {
    const t = this.t.planning;
    const { lang } = this.context;
    const item = this.context.nominations.get(proposal.nominationId);
    const host = item?.nomination.host;
    const name = host?.firstName ?? '–';
    const time = `${formatLocalClock(proposal.start.slice(11, 16), lang)}–${formatLocalClock(
      proposal.end.slice(11, 16),
      lang,
    )}`;
    const outcome = this.created.get(proposal.nominationId);
    const id = `proposal-${proposal.nominationId}`;
    return html`
      <li class="proposal">
        <input
          type="checkbox"
          id=${id}
          .checked=${!this.excluded.has(proposal.nominationId)}
          ?disabled=${outcome?.ok === true}
          @change=${(e: Event) =>
            this.toggle(proposal.nominationId, (e.target as HTMLInputElement).checked)}
        />
        <label for=${id}>
          <span class="visually-hidden">${t.includeLabel}</span>
          <span class="time">${time}</span>
          ${name}, ${host ? municipalityName(host.municipalityCode) : ''}
        </label>
        <span class="meta">
          ${t.drive(proposal.driveMinutesBefore)} ·
          <a href=${href('nomination', { id: proposal.nominationId })}>${item?.reference ?? ''}</a>
        </span>
        ${
          outcome
            ? html`<span class="outcome ${outcome.ok ? 'ok' : 'problem'}">${outcome.message}</span>`
            : nothing
        }
      </li>
    `;
  }

  private renderPlan(plan: Plan): TemplateResult {
    const t = this.t.planning;
    const { lang } = this.context;
    const { result } = plan;
    const days = new Map(this.tourDays.map((d) => [d.id, d]));
    const chosen = this.chosen.length;
    return html`
      <section aria-labelledby="proposals-heading">
        <h2 id="proposals-heading">${t.proposalsHeading}</h2>
        ${result.stats.tourDays.map((stats) => {
          const day = days.get(stats.tourDayId);
          if (!day) return nothing;
          const proposals = result.proposals.filter((p) => p.tourDayId === day.id);
          const booked = plan.booked.get(day.id) ?? 0;
          return html`
            <section class="panel day" aria-labelledby="day-${day.id}">
              <h3 id="day-${day.id}">
                ${t.dayHeading(formatDate(day.date, lang), this.musicianOfDay(day.id))}
              </h3>
              <p>
                ${t.startsFrom(
                  municipalityName(day.baseMunicipalityCode),
                  `${formatLocalClock(day.windowStart, lang)}–${formatLocalClock(day.windowEnd, lang)}`,
                )}
                ${proposals.length > 0 ? t.dayStats(stats.concerts, stats.driveMinutes) : ''}
              </p>
              ${booked > 0 ? html`<p class="muted">${t.alreadyBooked(booked)}</p>` : nothing}
              ${
                proposals.length > 0
                  ? html`<ol class="proposals">
                      ${proposals.map((p) => this.renderProposal(p))}
                    </ol>`
                  : html`<p class="muted">${t.dayEmpty}</p>`
              }
            </section>
          `;
        })}
        ${
          result.proposals.some((p) => !this.created.get(p.nominationId)?.ok)
            ? html`<div class="actions">
                <button
                  type="button"
                  aria-disabled=${this.creating || chosen === 0 ? 'true' : 'false'}
                  @click=${() => void this.createChosen()}
                >
                  ${this.creating ? t.creating : t.createBookings(chosen)}
                </button>
              </div>`
            : nothing
        }
      </section>
      ${
        result.leftOver.length > 0
          ? html`<section aria-labelledby="left-over-heading">
              <h2 id="left-over-heading">${t.leftOverHeading}</h2>
              <p>${t.leftOverIntro}</p>
              <ul class="panel">
                ${result.leftOver.map((left) => {
                  const item = this.context.nominations.get(left.nominationId);
                  const host = item?.nomination.host;
                  return html`<li>
                    <a href=${href('nomination', { id: left.nominationId })}
                      >${item?.reference ?? left.nominationId}</a
                    >
                    ${host ? `${host.firstName}, ${municipalityName(host.municipalityCode)}` : ''}:
                    ${left.reason[lang]}
                  </li>`;
                })}
              </ul>
            </section>`
          : nothing
      }
    `;
  }

  private renderBookingForm(booking: BookingView, form: BookingForm): TemplateResult {
    const t = this.t.planning;
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
        @submit=${(e: SubmitEvent) => void this.submitForm(e, booking)}
      >
        <h4 id="booking-form-heading" tabindex="-1">
          ${t.actionFor(action, this.hostOf(booking))}
        </h4>
        ${errorSummary(this.t, this.errors, this.renderRoot as ShadowRoot)}
        ${
          form.kind === 'reschedule'
            ? inputField({
                id: 'booking-start',
                name: 'start',
                type: 'datetime-local',
                label: t.newStart,
                value: danishLocal(booking.start),
                errors: this.errors,
              })
            : nothing
        }
        ${inputField({ id: 'booking-reason', name: 'reason', label, errors: this.errors })}
        <div class="actions">
          <button
            type="submit"
            class=${form.kind === 'reschedule' ? '' : 'warning'}
            aria-disabled=${this.busy ? 'true' : 'false'}
          >
            ${form.kind === 'reschedule' ? t.save : action}
          </button>
          <button type="button" class="secondary" @click=${this.closeForm}>${this.t.cancel}</button>
        </div>
      </form>
    `;
  }

  /** The moves to offer: the lifecycle's, but "held" and "nobody opened" only once it began. */
  private movesFor(booking: BookingView): BookingAction[] {
    const begun = Date.parse(booking.start) <= Date.now();
    return allowedTransitions(BOOKING_MACHINE, booking.status)
      .map((m) => m.action)
      .filter((action) => begun || (action !== 'hold' && action !== 'mark-no-show'));
  }

  private renderBooking(booking: BookingView): TemplateResult {
    const t = this.t.planning;
    const { lang, session } = this.context;
    const who = this.hostOf(booking);
    const history = this.histories.get(booking.id);
    const form = this.bookingForm?.id === booking.id ? this.bookingForm : undefined;
    return html`
      <li class="panel booking" aria-labelledby="booking-${booking.id}">
        <div class="booking-head">
          <h3 id="booking-${booking.id}" tabindex="-1">
            ${t.bookingHeading(formatDateTime(booking.start, lang), who)}
          </h3>
          ${bookingTag(this.t, booking.status)}
        </div>
        <dl class="facts">
          <dt>${t.musician}</dt>
          <dd>${this.musicianOfDay(booking.tourDayId)}</dd>
          <dt>${t.contact}</dt>
          <dd>
            ${
              booking.contactCoordinatorId === session.coordinator.id
                ? t.you(session.coordinator.name)
                : t.otherCoordinator
            }
          </dd>
          <dt>${t.reference}</dt>
          <dd>
            <a href=${href('nomination', { id: booking.nominationId })}
              >${booking.nomination.reference}</a
            >
          </dd>
        </dl>
        <div class="actions">
          ${this.movesFor(booking).map((action) => {
            const label = t.actions[action] ?? action;
            const direct = action === 'confirm' || action === 'hold';
            return html`<button
              type="button"
              id="${action}-${booking.id}"
              class="small ${action === 'confirm' ? '' : 'secondary'}"
              aria-label=${t.actionFor(label.replace(' …', ''), who)}
              aria-expanded=${direct ? nothing : form?.kind === action ? 'true' : 'false'}
              aria-disabled=${this.busy ? 'true' : 'false'}
              @click=${() =>
                direct
                  ? void this.moveTo(booking, action)
                  : this.openForm(booking, action as BookingForm['kind'])}
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
            href=${bookingCalendarUrl(this.context.api, booking.id)}
            download="stue-koncert-${booking.id}.ics"
            aria-label=${t.icsFor(who)}
            >${t.ics}</a
          >
        </div>
        ${form ? this.renderBookingForm(booking, form) : nothing}
        <details @toggle=${(e: Event) => void this.loadHistory(e, booking)}>
          <summary>${this.t.nomination.historyHeading}</summary>
          ${
            history === undefined
              ? html`<p>${this.t.loading}</p>`
              : html`<ol>
                  ${history.map(
                    (entry) =>
                      html`<li>
                        ${formatDateTime(entry.at, lang)}:
                        ${t.historyActions[entry.action] ?? entry.action}
                        ${
                          entry.actor === `coordinator:${session.coordinator.id}`
                            ? this.t.nomination.by(session.coordinator.name)
                            : ''
                        }
                        ${entry.reason ? ` – »${entry.reason}«` : ''}
                      </li>`,
                  )}
                </ol>`
          }
        </details>
      </li>
    `;
  }

  private renderBookings(): TemplateResult {
    const t = this.t.planning;
    const days = new Set(this.tourDays.map((d) => d.id));
    const inPeriod = this.bookings
      .filter((b) => days.has(b.tourDayId))
      .sort((a, b) => a.start.localeCompare(b.start));
    return html`
      <section aria-labelledby="bookings-heading">
        <h2 id="bookings-heading">${t.bookingsHeading}</h2>
        <p class="notice" id="bookings-notice" role="status">${this.bookingNotice}</p>
        ${
          inPeriod.length === 0
            ? html`<p>${t.noBookings}</p>`
            : html`<ol class="plain bookings">
                ${inPeriod.map((b) => this.renderBooking(b))}
              </ol>`
        }
      </section>
    `;
  }

  protected override render(): TemplateResult {
    const t = this.t.planning;
    const { lang } = this.context;
    const plan = this.plan;
    const summary = this.loading
      ? t.running
      : plan
        ? this.tourDays.length === 0
          ? t.noTourDays
          : plan.result.proposals.length === 0 && plan.result.leftOver.length === 0
            ? t.nothingToPlan
            : t.summary(
                plan.result.stats.concerts,
                plan.result.leftOver.length,
                plan.result.stats.driveMinutes,
              )
        : '';
    return html`
      <h1 tabindex="-1">${t.heading}</h1>
      <p class="lead">${t.intro}</p>
      <form class="panel" @submit=${this.submitPeriod} aria-labelledby="period-heading">
        <h2 id="period-heading" class="visually-hidden">${t.periodHeading}</h2>
        <div class="row">
          ${inputField({
            id: 'plan-from',
            name: 'from',
            type: 'date',
            label: t.from,
            value: this.period.from,
            errors: [],
          })}
          ${inputField({
            id: 'plan-to',
            name: 'to',
            type: 'date',
            label: t.to,
            value: this.period.to,
            errors: [],
          })}
          <div class="field">
            <button type="submit" aria-disabled=${this.loading ? 'true' : 'false'}>${t.run}</button>
          </div>
        </div>
      </form>
      <p class="summary" role="status">
        ${summary}
        ${
          plan && !this.loading
            ? html`<span class="visually-hidden">
                (${formatShortDate(this.period.from, lang)} –
                ${formatShortDate(this.period.to, lang)})</span
              >`
            : nothing
        }
      </p>
      <p class="notice" id="plan-notice" role="status" tabindex="-1">${this.notice}</p>
      ${this.problemNotice(() => this.run())}
      ${plan && !this.loading ? this.renderPlan(plan) : nothing}
      ${plan && !this.loading ? this.renderBookings() : nothing}
    `;
  }
}

/** Registers `<stue-planning-page>`; harmless to call twice. */
export function definePlanningPage(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(PLANNING_PAGE_TAG)) registry.define(PLANNING_PAGE_TAG, StuePlanningPage);
}

declare global {
  interface HTMLElementTagNameMap {
    [PLANNING_PAGE_TAG]: StuePlanningPage;
  }
}
