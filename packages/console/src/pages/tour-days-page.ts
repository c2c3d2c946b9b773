import {
  DEFAULT_BUFFER_MINUTES,
  DEFAULT_CONCERT_MINUTES,
  DEFAULT_MAX_CONCERTS,
  newId,
  StueHttpError,
  type Musician,
  type TourDay,
  type TourDayInput,
  addDays,
  danishToday,
} from '@stue/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import {
  allPages,
  createTourDay,
  deleteTourDay,
  getTourDay,
  listMusicians,
  listTourDays,
  updateTourDay,
  type AuditEntry,
} from '../api.js';
import {
  errorsFromFailure,
  errorSummary,
  focusErrorSummary,
  formText,
  inputField,
  selectField,
  type FieldError,
  warningActions,
} from '../internal/forms.js';
import { recordHistory } from '../internal/history.js';
import { municipalityChoices, municipalityName } from '../internal/labels.js';
import { ConsolePage } from '../internal/page.js';
import { sharedStyles } from '../internal/styles.js';
import { formatDate, formatLocalClock, formatShortDate } from '../internal/time.js';
import { replaceParams } from '../router.js';
import { tourDaysStrings } from '../strings/tour-days.js';

/** The tag the tour days page is registered under. */
export const TOUR_DAYS_PAGE_TAG = 'stue-tour-days-page';

const FIELDS = [
  'musicianId',
  'date',
  'windowStart',
  'windowEnd',
  'baseMunicipalityCode',
  'maxConcerts',
  'concertMinutes',
  'bufferMinutes',
];

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period an address asks for (`from`, `to`); four weeks from today by default. */
export function periodFromParams(
  params: URLSearchParams,
  today = danishToday(),
  days = 27,
): { from: string; to: string } {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const start = DATE.test(from) ? from : today;
  return { from: start, to: DATE.test(to) && to >= start ? to : addDays(start, days) };
}

const wholeOrText = (text: string): number | string => {
  const value = Number(text);
  return text !== '' && Number.isFinite(value) ? value : text;
};

/**
 * Tour days: the days in a period (date, musician, window, where the day starts, concerts), a
 * form to add one for an active musician, and one to edit or delete a day (with its history).
 * The hub checks the input field by field, and refuses a change or deletion that would strand
 * the day's concerts.
 *
 * @summary The coordinator's page for musicians' tour days.
 */
export class StueTourDaysPage extends ConsolePage {
  static override styles = [
    sharedStyles,
    css`
      td.nowrap {
        white-space: nowrap;
      }
      input.short,
      select.short {
        max-inline-size: 10rem;
      }
      .confirm {
        margin-block-start: 1.5rem;
        padding: 1rem;
        border: 3px solid var(--stue-console-problem);
      }
      .confirm h3 {
        margin-block-start: 0;
      }
    `,
  ];

  /** The page's texts, and the console's shared ones. */
  override get t() {
    return tourDaysStrings(this.context?.lang ?? 'da');
  }

  /** The address query the page was opened with. */
  @property({ attribute: false }) accessor params = new URLSearchParams();

  @state() accessor period = periodFromParams(new URLSearchParams());
  @state() accessor tourDays: TourDay[] = [];
  @state() accessor musicians: Musician[] = [];
  @state() accessor errors: FieldError[] = [];
  @state() accessor notice = '';
  /** The tour day being edited, with its history once the hub has sent it. */
  @state() accessor editing: (TourDay & { history?: AuditEntry[] }) | undefined;
  @state() accessor editErrors: FieldError[] = [];
  @state() accessor confirming = false;

  #pendingId: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.period = periodFromParams(this.params);
    void this.load();
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

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.#pendingId ??= newId();
    const input = {
      schemaVersion: 1,
      id: this.#pendingId,
      musicianId: formText(data, 'musicianId'),
      date: formText(data, 'date'),
      windowStart: formText(data, 'windowStart'),
      windowEnd: formText(data, 'windowEnd'),
      baseMunicipalityCode: formText(data, 'baseMunicipalityCode'),
      maxConcerts: wholeOrText(formText(data, 'maxConcerts')),
      concertMinutes: wholeOrText(formText(data, 'concertMinutes')),
      bufferMinutes: wholeOrText(formText(data, 'bufferMinutes')),
    } as TourDayInput;
    this.notice = '';
    await this.pageState.run(
      async () => {
        const day = await createTourDay(this.context.api, this.context.session.csrfToken, input);
        this.#pendingId = undefined;
        this.errors = [];
        form.reset();
        this.notice = this.t.tourDays.created(formatDate(day.date, this.context.lang));
        await this.load();
        await this.focusOn('.notice');
      },
      async (error) => {
        if (error instanceof StueHttpError && error.code === 'record_conflict') {
          this.#pendingId = undefined;
        }
        this.errors = errorsFromFailure(this.t, error, (path) =>
          FIELDS.includes(path) ? `tour-day-${path}` : undefined,
        );
        await focusErrorSummary(this);
      },
    );
  }

  /** Opens the edit form for a day, then fetches its history. */
  private async edit(day: TourDay): Promise<void> {
    this.editing = day;
    this.editErrors = [];
    this.confirming = false;
    this.notice = '';
    await this.focusOn('#edit-heading');
    await this.pageState.guard(
      async () => {
        const read = await getTourDay(this.context.api, day.id);
        if (this.editing?.id === day.id) this.editing = { ...day, history: read.history ?? [] };
      },
      () => {
        if (this.editing?.id === day.id) this.editing = { ...day, history: [] };
      },
    );
  }

  /** Closes the edit form and gives focus back to the day's Edit button. */
  private async closeEdit(): Promise<void> {
    const id = this.editing?.id;
    this.editing = undefined;
    this.editErrors = [];
    this.confirming = false;
    if (id) await this.focusOn(`[data-edit="${id}"]`);
  }

  /** The day is gone (someone else deleted it): say so and refresh the list. */
  private async gone(): Promise<void> {
    this.editing = undefined;
    this.confirming = false;
    this.notice = this.t.tourDays.gone;
    await this.load();
    await this.focusOn('.notice');
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const editing = this.editing;
    if (this.busy || !editing) return;
    const data = new FormData(event.target as HTMLFormElement);
    const patch = {
      windowStart: formText(data, 'windowStart'),
      windowEnd: formText(data, 'windowEnd'),
      baseMunicipalityCode: formText(data, 'baseMunicipalityCode'),
      maxConcerts: wholeOrText(formText(data, 'maxConcerts')),
      concertMinutes: wholeOrText(formText(data, 'concertMinutes')),
      bufferMinutes: wholeOrText(formText(data, 'bufferMinutes')),
    };
    this.notice = '';
    await this.pageState.run(
      async () => {
        const day = await updateTourDay(
          this.context.api,
          this.context.session.csrfToken,
          editing.id,
          patch,
        );
        this.notice = this.t.tourDays.saved(formatDate(day.date, this.context.lang));
        this.editing = undefined;
        this.editErrors = [];
        await this.load();
        await this.focusOn('.notice');
      },
      async (error) => {
        if (error instanceof StueHttpError && error.status === 404) return this.gone();
        this.editErrors = errorsFromFailure(
          this.t,
          error,
          (path) => (FIELDS.includes(path) ? `edit-tour-day-${path}` : undefined),
          { tour_day_has_bookings: this.t.tourDays.doesNotFit },
        );
        await focusErrorSummary(this);
      },
    );
  }

  private async askDelete(): Promise<void> {
    this.confirming = true;
    this.editErrors = [];
    await this.focusOn('#confirm-heading');
  }

  private async cancelDelete(): Promise<void> {
    this.confirming = false;
    await this.focusOn('#delete-button');
  }

  private async deleteDay(): Promise<void> {
    const editing = this.editing;
    if (this.busy || !editing) return;
    this.notice = '';
    await this.pageState.run(
      async () => {
        await deleteTourDay(this.context.api, this.context.session.csrfToken, editing.id);
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

  private musicianName(id: string): string {
    return this.musicians.find((m) => m.id === id)?.name ?? '–';
  }

  private renderList(): TemplateResult {
    const t = this.t.tourDays;
    const { lang } = this.context;
    if (this.tourDays.length === 0) {
      return this.loading ? html`<p>${this.t.loading}</p>` : html`<p>${t.none}</p>`;
    }
    return html`
      <div class="table-wrap" role="region" aria-label=${t.tableLabel} tabindex="0">
        <table>
          <caption>
            ${t.caption(formatShortDate(this.period.from, lang), formatShortDate(this.period.to, lang))}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.columns.date}</th>
              <th scope="col">${t.columns.musician}</th>
              <th scope="col">${t.columns.window}</th>
              <th scope="col">${t.columns.base}</th>
              <th scope="col">${t.columns.concerts}</th>
              <th scope="col">${t.columns.length}</th>
              <th scope="col">${t.actionsColumn}</th>
            </tr>
          </thead>
          <tbody>
            ${this.tourDays.map(
              (day) => html`
                <tr>
                  <th scope="row">${formatDate(day.date, lang)}</th>
                  <td>${this.musicianName(day.musicianId)}</td>
                  <td class="nowrap">
                    ${formatLocalClock(day.windowStart, lang)}–${formatLocalClock(
                      day.windowEnd,
                      lang,
                    )}
                  </td>
                  <td>${municipalityName(day.baseMunicipalityCode)}</td>
                  <td>${t.upTo(day.maxConcerts)}</td>
                  <td class="nowrap">${t.lengthText(day.concertMinutes, day.bufferMinutes)}</td>
                  <td>
                    <button
                      type="button"
                      class="secondary small"
                      data-edit=${day.id}
                      aria-expanded=${this.editing?.id === day.id ? 'true' : 'false'}
                      aria-label=${t.editLabel(formatDate(day.date, lang), this.musicianName(day.musicianId))}
                      @click=${() => void this.edit(day)}
                    >
                      ${this.t.edit}
                    </button>
                  </td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderForm(): TemplateResult {
    const t = this.t.tourDays;
    const errors = this.errors;
    const active = this.musicians.filter((m) => m.active);
    const fields = this.renderDayFields('tour-day-', errors);
    return html`
      <section class="panel" aria-labelledby="create-heading">
        <h2 id="create-heading">${t.createHeading}</h2>
        ${errorSummary(this.t, errors, this.renderRoot as ShadowRoot)}
        <form novalidate @submit=${this.submit}>
          ${selectField({
            id: 'tour-day-musicianId',
            name: 'musicianId',
            label: t.musician,
            placeholder: t.chooseMusician,
            choices: active.map((m) => ({ value: m.id, label: m.name })),
            errors,
          })}
          <div class="row">
            ${inputField({
              id: 'tour-day-date',
              name: 'date',
              type: 'date',
              label: t.date,
              errors,
            })}
            ${fields.window}
          </div>
          ${fields.rest}
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t.submit}</button>
        </form>
      </section>
    `;
  }

  /** Window, base, concerts and lengths: what both forms ask, for a prefix and a day. */
  private renderDayFields(
    prefix: string,
    errors: readonly FieldError[],
    day?: TourDay,
  ): { window: TemplateResult; rest: TemplateResult } {
    const t = this.t.tourDays;
    const { lang } = this.context;
    const number = (
      name: 'maxConcerts' | 'concertMinutes' | 'bufferMinutes',
      min: string,
      max: string,
      fallback: number,
    ) =>
      inputField({
        id: `${prefix}${name}`,
        name,
        type: 'number',
        inputmode: 'numeric',
        min,
        max,
        label: t[name],
        value: String(day?.[name] ?? fallback),
        inputClass: 'short',
        errors,
      });
    return {
      window: html`
        ${inputField({
          id: `${prefix}windowStart`,
          name: 'windowStart',
          type: 'time',
          label: t.windowStart,
          value: day?.windowStart ?? '10:00',
          errors,
        })}
        ${inputField({
          id: `${prefix}windowEnd`,
          name: 'windowEnd',
          type: 'time',
          label: t.windowEnd,
          value: day?.windowEnd ?? '16:00',
          errors,
        })}
      `,
      rest: html`
        ${selectField({
          id: `${prefix}baseMunicipalityCode`,
          name: 'baseMunicipalityCode',
          label: t.base,
          placeholder: t.chooseMunicipality,
          choices: municipalityChoices(lang),
          value: day?.baseMunicipalityCode,
          errors,
        })}
        <div class="row">
          ${number('maxConcerts', '1', '6', DEFAULT_MAX_CONCERTS)}
          ${number('concertMinutes', '15', '180', DEFAULT_CONCERT_MINUTES)}
          ${number('bufferMinutes', '0', '240', DEFAULT_BUFFER_MINUTES)}
        </div>
      `,
    };
  }

  private renderEdit(day: TourDay & { history?: AuditEntry[] }): TemplateResult {
    const t = this.t.tourDays;
    const { lang } = this.context;
    const date = formatDate(day.date, lang);
    const fields = this.renderDayFields('edit-tour-day-', this.editErrors, day);
    return html`
      <section class="panel" aria-labelledby="edit-heading">
        <h2 id="edit-heading" tabindex="-1">
          ${t.editHeading(date, this.musicianName(day.musicianId))}
        </h2>
        ${errorSummary(this.t, this.editErrors, this.renderRoot as ShadowRoot)}
        ${keyed(
          day.id,
          html`<form novalidate @submit=${this.save}>
            <div class="row">${fields.window}</div>
            ${fields.rest}
            <div class="actions">
              <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t.save}</button>
              <button type="button" class="secondary" @click=${() => void this.closeEdit()}>
                ${this.t.cancel}
              </button>
              <button
                type="button"
                id="delete-button"
                class="warning"
                aria-expanded=${this.confirming ? 'true' : 'false'}
                @click=${() => void this.askDelete()}
              >
                ${t.delete}
              </button>
            </div>
          </form>`,
        )}
        ${
          this.confirming
            ? html`<div class="confirm" role="group" aria-labelledby="confirm-heading">
                <h3 id="confirm-heading" tabindex="-1">${t.confirmHeading}</h3>
                <p>${t.confirmText(date)}</p>
                ${warningActions({
                  confirm: t.confirmDelete,
                  cancel: this.t.cancel,
                  busy: this.busy,
                  onConfirm: () => void this.deleteDay(),
                  onCancel: () => void this.cancelDelete(),
                })}
              </div>`
            : nothing
        }
        ${
          day.history
            ? recordHistory(
                this.t,
                this.context,
                day.history,
                {
                  musicianId: t.musician,
                  date: t.date,
                  windowStart: t.windowStart,
                  windowEnd: t.windowEnd,
                  baseMunicipalityCode: t.columns.base,
                  maxConcerts: t.maxConcerts,
                  concertMinutes: t.concertMinutes,
                  bufferMinutes: t.bufferMinutes,
                },
                'history-heading',
              )
            : html`<p>${this.t.loading}</p>`
        }
      </section>
    `;
  }

  protected override render(): TemplateResult {
    const t = this.t.tourDays;
    return html`
      <h1 tabindex="-1">${t.heading}</h1>
      <p class="lead">${t.intro}</p>
      <form class="panel" @submit=${this.showPeriod} aria-labelledby="period-heading">
        <h2 id="period-heading" class="visually-hidden">${t.periodHeading}</h2>
        <div class="row">
          ${inputField({
            id: 'period-from',
            name: 'from',
            type: 'date',
            label: t.from,
            value: this.period.from,
            errors: [],
          })}
          ${inputField({
            id: 'period-to',
            name: 'to',
            type: 'date',
            label: t.to,
            value: this.period.to,
            errors: [],
          })}
          <div class="field"><button type="submit">${t.show}</button></div>
        </div>
      </form>
      <p class="notice" role="status" tabindex="-1">${this.notice}</p>
      ${this.problemNotice(() => this.load())} ${this.renderList()}
      ${this.editing ? this.renderEdit(this.editing) : this.renderForm()}
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
