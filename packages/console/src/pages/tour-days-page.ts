import { type Musician, StueHttpError, type TourDay, type TourDayInput } from '@stue/core';
import { html, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  allPages,
  createTourDay,
  deleteTourDay,
  getTourDay,
  listMusicians,
  listTourDays,
  updateTourDay,
} from '../api.js';
import { errorsFromFailure, focusErrorSummary, formText, periodForm } from '../internal/forms.js';
import { RecordsPage, type WithHistory } from '../internal/records-page.js';
import { formatDate } from '../internal/time.js';
import { replaceParams } from '../router.js';
import { tourDaysStrings } from '../strings/tour-days.js';
import { renderEdit } from './tour-days/edit.js';
import { renderForm, renderList } from './tour-days/list.js';
import { dayFields, FIELDS, periodFromParams } from './tour-days/rules.js';
import { tourDaysStyles } from './tour-days/styles.js';

export { periodFromParams } from './tour-days/rules.js';

/** The tag the tour days page is registered under. */
export const TOUR_DAYS_PAGE_TAG = 'stue-tour-days-page';

/**
 * Tour days: the days in a period (date, musician, window, where the day starts, concerts), a
 * form to add one for an active musician, and one to edit or delete a day (with its history).
 * The hub checks the input field by field, and refuses a change or deletion that would strand
 * the day's concerts.
 *
 * @summary The coordinator's page for musicians' tour days.
 */
export class StueTourDaysPage extends RecordsPage<TourDay> {
  static override styles = tourDaysStyles;

  /** The page's texts, and the console's shared ones. */
  override get t() {
    return tourDaysStrings(this.context?.lang ?? 'da');
  }

  /** The address query the page was opened with. */
  @property({ attribute: false }) accessor params = new URLSearchParams();

  @state() accessor period = periodFromParams(new URLSearchParams());
  @state() accessor tourDays: TourDay[] = [];
  @state() accessor musicians: Musician[] = [];
  @state() accessor confirming = false;

  protected readonly fieldPrefix = 'tour-day';
  protected readonly addFields = FIELDS;
  protected readonly editFields = FIELDS;

  override connectedCallback(): void {
    this.period = periodFromParams(this.params);
    super.connectedCallback();
  }

  /** Loads the period's tour days and every musician. */
  async load(): Promise<void> {
    await this.pageState.load(async () => {
      const { api } = this.context;
      const [days, musicians] = await Promise.all([
        allPages((cursor) => listTourDays(api, { ...this.period, cursor })),
        allPages((cursor) => listMusicians(api, { cursor })),
      ]);
      this.tourDays = days;
      this.musicians = musicians;
    });
  }

  private showPeriod(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const params = new URLSearchParams({ from: formText(data, 'from'), to: formText(data, 'to') });
    this.period = periodFromParams(params);
    replaceParams('tour-days', new URLSearchParams(this.period));
    void this.load();
  }

  protected add(data: FormData, id: string): Promise<TourDay> {
    const input = {
      schemaVersion: 1,
      id,
      musicianId: formText(data, 'musicianId'),
      date: formText(data, 'date'),
      ...dayFields(data),
    } as TourDayInput;
    return this.write(createTourDay, input);
  }

  protected addedNotice(day: TourDay): string {
    return this.t.tourDays.created(formatDate(day.date, this.context.lang));
  }

  /** Opens the edit form for a day, then fetches its history. */
  override edit(day: TourDay): Promise<void> {
    this.confirming = false;
    return super.edit(day);
  }

  protected async read(day: TourDay): Promise<WithHistory<TourDay>> {
    const read = await getTourDay(this.context.api, day.id);
    return { ...day, history: read.history ?? [] };
  }

  protected historyFailed(day: TourDay): void {
    this.editing = { ...day, history: [] };
  }

  /** Closes the edit form and gives focus back to the day's Edit button. */
  override closeEdit(): Promise<void> {
    this.confirming = false;
    return super.closeEdit();
  }

  /** The day is gone (someone else deleted it): say so and refresh the list. */
  override gone(): Promise<void> {
    this.confirming = false;
    return super.gone();
  }

  protected change(editing: TourDay, data: FormData): Promise<TourDay> {
    return this.write(updateTourDay, editing.id, dayFields(data));
  }

  protected savedNotice(day: TourDay): string {
    return this.t.tourDays.saved(formatDate(day.date, this.context.lang));
  }

  protected goneNotice(): string {
    return this.t.tourDays.gone;
  }

  protected override saveRefusals(): Record<string, string> {
    return { tour_day_has_bookings: this.t.tourDays.doesNotFit };
  }

  async askDelete(): Promise<void> {
    this.confirming = true;
    this.editErrors = [];
    await this.focusOn('#confirm-heading');
  }

  async cancelDelete(): Promise<void> {
    this.confirming = false;
    await this.focusOn('#delete-button');
  }

  async deleteDay(): Promise<void> {
    const editing = this.editing;
    if (this.busy || !editing) return;
    this.notice = '';
    await this.pageState.run(
      async () => {
        await this.write(deleteTourDay, editing.id);
        this.notice = this.t.tourDays.deleted(formatDate(editing.date, this.context.lang));
        this.editing = undefined;
        this.confirming = false;
        await this.load();
        await this.focusOn('.notice');
      },
      async (error) => {
        if (error instanceof StueHttpError && error.status === 404) return this.gone();
        this.confirming = false;
        this.editErrors = errorsFromFailure(this.t, error, () => undefined, {
          tour_day_has_bookings: this.t.tourDays.keptBookings,
        });
        await focusErrorSummary(this);
      },
    );
  }

  protected override render(): TemplateResult {
    const t = this.t.tourDays;
    return html`
      <h1 tabindex="-1">${t.heading}</h1>
      <p class="lead">${t.intro}</p>
      ${periodForm({
        idPrefix: 'period',
        period: this.period,
        words: { ...t, submit: t.show },
        onSubmit: (event) => this.showPeriod(event),
      })}
      <p class="notice" role="status" tabindex="-1">${this.notice}</p>
      ${this.problemNotice(() => this.load())} ${renderList(this)}
      ${this.editing ? renderEdit(this, this.editing) : renderForm(this)}
    `;
  }
}

/** Registers `<stue-tour-days-page>`; harmless to call twice. */
export function defineTourDaysPage(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(TOUR_DAYS_PAGE_TAG)) registry.define(TOUR_DAYS_PAGE_TAG, StueTourDaysPage);
}

declare global {
  interface HTMLElementTagNameMap {
    [TOUR_DAYS_PAGE_TAG]: StueTourDaysPage;
  }
}
