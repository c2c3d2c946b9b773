import type { Musician, TourDay } from '@stue/core';
import type { ScheduleProposal } from '@stue/core/scheduler';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  allPages,
  type AuditEntry,
  type BookingView,
  listBookings,
  listMusicians,
  listNominationItems,
  listTourDays,
  type NominationItem,
} from '../api.js';
import { type FieldError, periodForm } from '../internal/forms.js';
import { ConsolePage } from '../internal/page.js';
import { formatShortDate } from '../internal/time.js';
import { renderBookings } from './planning/bookings-view.js';
import { renderPlan } from './planning/plan-view.js';
import { makePlan, submitPeriod } from './planning/plan.js';
import type { BookingForm, Plan } from './planning/rules.js';
import { planningStyles } from './planning/styles.js';
import { periodFromParams } from './tour-days/rules.js';
import { planningStrings } from '../strings/planning.js';

export { schedulerNomination, schedulerTourDay } from './planning/rules.js';

/** The tag the planning page is registered under. */
export const PLANNING_PAGE_TAG = 'stue-planning-page';

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
  static override styles = planningStyles;

  /** The page's texts, and the console's shared ones. */
  override get t() {
    return planningStrings(this.context?.lang ?? 'da');
  }

  /** The address query the page was opened with. */
  @property({ attribute: false }) accessor params = new URLSearchParams();

  @state() accessor period = periodFromParams(new URLSearchParams(), undefined, 13);
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
  @state() accessor histories = new Map<string, AuditEntry[]>();

  /** Client ids of bookings to create, made once per proposal and reused on a retry. */
  bookingIds = new Map<string, string>();

  // The page loads when first asked for, so its `params` may arrive with the first update,
  // after it connected: read them there.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('params')) return;
    this.period = periodFromParams(this.params, undefined, 13);
    if (this.params.has('from')) void this.run();
  }

  /** Loads the period's data and plans it. */
  async run(): Promise<void> {
    this.notice = '';
    this.created = new Map();
    this.excluded = new Set();
    await this.pageState.load(async () => {
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
      this.plan = makePlan(this);
    });
  }

  /** The proposals that will become bookings: chosen, and not yet created. */
  get chosen(): ScheduleProposal[] {
    return (this.plan?.result.proposals ?? []).filter(
      (p) => !this.excluded.has(p.nominationId) && !this.created.get(p.nominationId)?.ok,
    );
  }

  // ------------------------------------------------------------ bookings

  // ------------------------------------------------------------ rendering

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
      ${periodForm({
        idPrefix: 'plan',
        period: this.period,
        words: { ...t, submit: t.run },
        onSubmit: (event) => submitPeriod(this, event),
        busy: this.loading,
      })}
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
      ${plan && !this.loading ? renderPlan(this, plan) : nothing}
      ${plan && !this.loading ? renderBookings(this) : nothing}
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
