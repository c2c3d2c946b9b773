/** The tour days as listed, and the form to add one. */
import {
  DEFAULT_BUFFER_MINUTES,
  DEFAULT_CONCERT_MINUTES,
  DEFAULT_MAX_CONCERTS,
  type TourDay,
} from '@stue/core';
import { html, type TemplateResult } from 'lit';
import { errorSummary, type FieldError, inputField, selectField } from '../../internal/forms.js';
import { municipalityChoices, municipalityName } from '../../internal/labels.js';
import { editButton } from '../../internal/records-page.js';
import { formatDate, formatLocalClock, formatShortDate } from '../../internal/time.js';
import { dataTable } from '../../internal/table.js';
import type { StueTourDaysPage } from '../tour-days-page.js';

/** A musician's name by id. */
export function musicianName(page: StueTourDaysPage, id: string): string {
  return page.musicians.find((m) => m.id === id)?.name ?? '–';
}

/** The period's tour days, or a word while none is loaded. */
export function renderList(page: StueTourDaysPage): TemplateResult {
  const t = page.t.tourDays;
  const { lang } = page.context;
  if (page.tourDays.length === 0) {
    return page.loading ? html`<p>${page.t.loading}</p>` : html`<p>${t.none}</p>`;
  }
  return dataTable({
    label: t.tableLabel,
    caption: t.caption(
      formatShortDate(page.period.from, lang),
      formatShortDate(page.period.to, lang),
    ),
    columns: [
      t.columns.date,
      t.columns.musician,
      t.columns.window,
      t.columns.base,
      t.columns.concerts,
      t.columns.length,
      t.actionsColumn,
    ],
    rows: page.tourDays,
    row: (day) => html`
      <th scope="row">${formatDate(day.date, lang)}</th>
      <td>${musicianName(page, day.musicianId)}</td>
      <td class="nowrap">
        ${formatLocalClock(day.windowStart, lang)}–${formatLocalClock(day.windowEnd, lang)}
      </td>
      <td>${municipalityName(day.baseMunicipalityCode)}</td>
      <td>${t.upTo(day.maxConcerts)}</td>
      <td class="nowrap">${t.lengthText(day.concertMinutes, day.bufferMinutes)}</td>
      <td>
        ${editButton(page, day, {
          ariaLabel: t.editLabel(formatDate(day.date, lang), musicianName(page, day.musicianId)),
        })}
      </td>
    `,
  });
}

/** The form to add a tour day. */
export function renderForm(page: StueTourDaysPage): TemplateResult {
  const t = page.t.tourDays;
  const errors = page.errors;
  const active = page.musicians.filter((m) => m.active);
  const fields = renderDayFields(page, 'tour-day-', errors);
  return html`
    <section class="panel" aria-labelledby="create-heading">
      <h2 id="create-heading">${t.createHeading}</h2>
      ${errorSummary(page.t, errors)}
      <form novalidate @submit=${page.submit}>
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
        <button type="submit" aria-disabled=${page.busy ? 'true' : 'false'}>${t.submit}</button>
      </form>
    </section>
  `;
}

/** Window, base, concerts and lengths: what both forms ask, for a prefix and a day. */
export function renderDayFields(
  page: StueTourDaysPage,
  prefix: string,
  errors: readonly FieldError[],
  day?: TourDay,
): { window: TemplateResult; rest: TemplateResult } {
  const t = page.t.tourDays;
  const { lang } = page.context;
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
  const time = (name: 'windowStart' | 'windowEnd', fallback: string) =>
    inputField({
      id: `${prefix}${name}`,
      name,
      type: 'time',
      label: t[name],
      value: day?.[name] ?? fallback,
      errors,
    });
  return {
    window: html` ${time('windowStart', '10:00')} ${time('windowEnd', '16:00')} `,
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
