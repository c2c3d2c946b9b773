import {
  DEFAULT_BUFFER_MINUTES,
  DEFAULT_CONCERT_MINUTES,
  DEFAULT_MAX_CONCERTS,
  newId,
  StueHttpError,
  type Musician,
  type TourDay,
  type TourDayInput,
} from '@stue/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { allPages, createTourDay, listMusicians, listTourDays } from '../api.js';
import {
  errorsFromFailure,
  errorSummary,
  failureMessage,
  focusErrorSummary,
  formText,
  inputField,
  selectField,
  type FieldError,
} from '../internal/forms.js';
import { municipalityChoices, municipalityName } from '../internal/labels.js';
import { ConsolePage } from '../internal/page.js';
import { sharedStyles } from '../internal/styles.js';
import {
  addDays,
  danishToday,
  formatDate,
  formatLocalClock,
  formatShortDate,
} from '../internal/time.js';
import { replaceParams } from '../router.js';

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
 * Tour days: the days in a period (date, musician, window, where the day starts, concerts), and a
 * form to add one for an active musician. The hub checks the input field by field.
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
    `,
  ];

  /** The address query the page was opened with. */
  @property({ attribute: false }) accessor params = new URLSearchParams();

  @state() accessor period = periodFromParams(new URLSearchParams());
  @state() accessor tourDays: TourDay[] = [];
  @state() accessor musicians: Musician[] = [];
  @state() accessor loading = false;
  @state() accessor problem = '';
  @state() accessor errors: FieldError[] = [];
  @state() accessor busy = false;
  @state() accessor notice = '';

  #pendingId: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.period = periodFromParams(this.params);
    void this.load();
  }

  /** Loads the period's tour days and every musician. */
  async load(): Promise<void> {
    this.loading = true;
    this.problem = '';
    try {
      const { api } = this.context;
      const [days, musicians] = await Promise.all([
        allPages((cursor) => listTourDays(api, { ...this.period, cursor })),
        allPages((cursor) => listMusicians(api, { cursor })),
      ]);
      this.tourDays = days;
      this.musicians = musicians;
    } catch (error) {
      if (this.sessionLost(error)) return;
      this.problem = failureMessage(this.t, error);
    } finally {
      this.loading = false;
    }
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
    this.busy = true;
    this.notice = '';
    try {
      const day = await createTourDay(this.context.api, this.context.session.csrfToken, input);
      this.#pendingId = undefined;
      this.errors = [];
      form.reset();
      this.notice = this.t.tourDays.created(formatDate(day.date, this.context.lang));
      await this.load();
      await this.focusOn('.notice');
    } catch (error) {
      if (this.sessionLost(error)) return;
      if (error instanceof StueHttpError && error.code === 'record_conflict') {
        this.#pendingId = undefined;
      }
      this.errors = errorsFromFailure(this.t, error, (path) =>
        FIELDS.includes(path) ? `tour-day-${path}` : undefined,
      );
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
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
    const { lang } = this.context;
    const errors = this.errors;
    const active = this.musicians.filter((m) => m.active);
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
            ${inputField({
              id: 'tour-day-windowStart',
              name: 'windowStart',
              type: 'time',
              label: t.windowStart,
              value: '10:00',
              errors,
            })}
            ${inputField({
              id: 'tour-day-windowEnd',
              name: 'windowEnd',
              type: 'time',
              label: t.windowEnd,
              value: '16:00',
              errors,
            })}
          </div>
          ${selectField({
            id: 'tour-day-baseMunicipalityCode',
            name: 'baseMunicipalityCode',
            label: t.base,
            placeholder: t.chooseMunicipality,
            choices: municipalityChoices(lang),
            errors,
          })}
          <div class="row">
            ${inputField({
              id: 'tour-day-maxConcerts',
              name: 'maxConcerts',
              type: 'number',
              inputmode: 'numeric',
              min: '1',
              max: '6',
              label: t.maxConcerts,
              value: String(DEFAULT_MAX_CONCERTS),
              inputClass: 'short',
              errors,
            })}
            ${inputField({
              id: 'tour-day-concertMinutes',
              name: 'concertMinutes',
              type: 'number',
              inputmode: 'numeric',
              min: '15',
              max: '180',
              label: t.concertMinutes,
              value: String(DEFAULT_CONCERT_MINUTES),
              inputClass: 'short',
              errors,
            })}
            ${inputField({
              id: 'tour-day-bufferMinutes',
              name: 'bufferMinutes',
              type: 'number',
              inputmode: 'numeric',
              min: '0',
              max: '240',
              label: t.bufferMinutes,
              value: String(DEFAULT_BUFFER_MINUTES),
              inputClass: 'short',
              errors,
            })}
          </div>
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t.submit}</button>
        </form>
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
      ${
        this.problem
          ? html`<div class="notice problem">
              <p>${this.problem}</p>
              <button type="button" class="secondary small" @click=${() => void this.load()}>
                ${this.t.tryAgain}
              </button>
            </div>`
          : nothing
      }
      ${this.renderList()} ${this.renderForm()}
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
