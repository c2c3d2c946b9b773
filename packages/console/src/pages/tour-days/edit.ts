/** The form to edit or delete a tour day, with its history. */
import type { TourDay } from '@stue/core';
import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { AuditEntry } from '../../api.js';
import { errorSummary, warningActions } from '../../internal/forms.js';
import { recordHistory } from '../../internal/history.js';
import { formatDate } from '../../internal/time.js';
import type { StueTourDaysPage } from '../tour-days-page.js';
import { musicianName, renderDayFields } from './list.js';

/** The form to edit or delete a tour day, with its history. */
export function renderEdit(
  page: StueTourDaysPage,
  day: TourDay & { history?: AuditEntry[] },
): TemplateResult {
  const t = page.t.tourDays;
  const { lang } = page.context;
  const date = formatDate(day.date, lang);
  const fields = renderDayFields(page, 'edit-tour-day-', page.editErrors, day);
  return html`
    <section class="panel" aria-labelledby="edit-heading">
      <h2 id="edit-heading" tabindex="-1">
        ${t.editHeading(date, musicianName(page, day.musicianId))}
      </h2>
      ${errorSummary(page.t, page.editErrors)}
      ${keyed(
        day.id,
        html`<form novalidate @submit=${page.save}>
          <div class="row">${fields.window}</div>
          ${fields.rest}
          <div class="actions">
            <button type="submit" aria-disabled=${page.busy ? 'true' : 'false'}>${t.save}</button>
            <button type="button" class="secondary" @click=${() => void page.closeEdit()}>
              ${page.t.cancel}
            </button>
            <button
              type="button"
              id="delete-button"
              class="warning"
              aria-expanded=${page.confirming ? 'true' : 'false'}
              @click=${() => void page.askDelete()}
            >
              ${t.delete}
            </button>
          </div>
        </form>`,
      )}
      ${
        page.confirming
          ? html`<div class="confirm" role="group" aria-labelledby="confirm-heading">
              <h3 id="confirm-heading" tabindex="-1">${t.confirmHeading}</h3>
              <p>${t.confirmText(date)}</p>
              ${warningActions({
                confirm: t.confirmDelete,
                cancel: page.t.cancel,
                busy: page.busy,
                onConfirm: () => void page.deleteDay(),
                onCancel: () => void page.cancelDelete(),
              })}
            </div>`
          : nothing
      }
      ${
        day.history
          ? recordHistory(
              page.t,
              page.context,
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
          : html`<p>${page.t.loading}</p>`
      }
    </section>
  `;
}
