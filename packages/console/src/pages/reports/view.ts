/** A month's report as shown: the figures in a funder's order, as charts with their tables. */
import { DEFAULT_INSTRUMENT, type Lang, REGIONS } from '@stue/core';
import { feelingsSpectrum, type Report, type ReportRow } from '@stue/core/reports';
import { html, nothing, type TemplateResult } from 'lit';
import { type Bar, barChart } from '../../internal/charts.js';
import { municipalityName } from '../../internal/labels.js';
import type { StueReportsPage } from '../reports-page.js';
import { ALL, cell, MEASURES, periodParts, shortLabel } from './rules.js';

/** The month's report, in the order a funder reads it. */
export function renderReport(page: StueReportsPage, report: Report, lang: Lang): TemplateResult {
  const t = page.t.reports;
  const rows = report.rows;
  const bars = (ids: readonly string[], grouping: ReportRow['grouping'] = ALL): Bar[] =>
    ids
      .filter((id) => cell(rows, grouping, id) !== undefined)
      .map((id) => ({
        label: shortLabel(labelOf(page, id)),
        value: cell(rows, grouping, id) ?? null,
      }));
  const chartTexts = {
    labelHeading: t.answer,
    valueHeading: t.count,
    suppressed: t.suppressed,
    tableSummary: t.asTable,
  };
  const { month: first, kind } = periodParts(report.period);
  const chart = (id: string, caption: string, data: Bar[]) =>
    data.length === 0
      ? html`<p>${caption}: ${t.nothing}</p>`
      : data.every((bar) => bar.value === 0)
        ? // Nothing happened: a zero is a figure, said in one sentence.
          html`<p class="none" id=${`${id}-none`}><strong>${caption}</strong> ${t.none}</p>`
        : data.every((bar) => !bar.value)
          ? // Nothing to draw but hidden counts (and zeros): one sentence, and how to get figures.
            html`<p class="all-suppressed" id=${`${id}-hidden`}>
              <strong>${caption}</strong> ${t.allSuppressed(kind)}
            </p>`
          : barChart({ id, caption, bars: data, texts: chartTexts });
  const spectrum = feelingsSpectrum(rows, ALL);
  const month =
    kind === 'year'
      ? report.period
      : kind === 'quarter'
        ? t.quarterName(Number(report.period.slice(6)), Number(report.period.slice(0, 4)))
        : new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'da-DK', {
            month: 'long',
            year: 'numeric',
            timeZone: 'UTC',
          }).format(new Date(`${first}-15T12:00:00Z`));

  return html`
    <div class="downloads">
      <a class="button secondary" href=${page.download('csv')} download>${t.csv}</a>
      <a class="button secondary" href=${page.download('json')} target="_blank" rel="noopener"
        >${t.json}</a
      >
      <button type="button" class="secondary" @click=${() => window.print()}>${t.print}</button>
    </div>
    <section class="report" aria-labelledby="report-heading">
      <h2 id="report-heading">${t.reportHeading(month)}</h2>
      <p>${t.suppressionNote(report.minCellSize)}</p>

      <section aria-labelledby="intervention-heading">
        <h2 id="intervention-heading">${t.intervention}</h2>
        ${figures(page, rows, [
          'concerts-held',
          'concerts-cancelled',
          'concerts-no-show',
          'waiting-days-median',
        ])}
      </section>

      <section aria-labelledby="population-heading">
        <h2 id="population-heading">${t.population}</h2>
        ${figures(page, rows, ['nominations-received', 'respondents'])}
        ${chart(
          'nominations',
          t.nominationsChart,
          bars(MEASURES.filter((m) => /^nominations-(?!received)/.test(m.id)).map((m) => m.id)),
        )}
        ${chart(
          'respondents',
          t.respondentsChart,
          bars(MEASURES.filter((m) => m.id.startsWith('respondents-')).map((m) => m.id)),
        )}
      </section>

      ${report.grouping === 'all' ? nothing : renderSetting(page, report, lang)}

      <section aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">${t.outcomes}</h2>
        <p>${t.spectrumNote}</p>
        ${chart(
          'feelings',
          // "(0 svarede)" would only repeat the sentence that says nobody did.
          t.feelingsChart(spectrum.respondents || null),
          spectrum.feelings.map((f) => ({ label: f.label[lang], value: f.count })),
        )}
        ${DEFAULT_INSTRUMENT.questions
          .filter((q) => q.kind === 'single')
          .map((q) =>
            chart(
              `question-${q.id}`,
              q.prompt[lang],
              bars([...q.options.map((o) => `answers-${q.id}-${o.id}`), `answers-${q.id}-skipped`]),
            ),
          )}
        ${chart(
          'debriefs',
          t.debriefsChart,
          bars(['debriefs-good', 'debriefs-mixed', 'debriefs-hard', 'debriefs-would-like-a-call']),
        )}
      </section>

      <section aria-labelledby="limits-heading">
        <h2 id="limits-heading">${t.limitsHeading}</h2>
        <p>${t.limits}</p>
      </section>
    </section>
  `;
}

/** A measure's label in the coordinator's language; its id when the instrument lacks it. */
export function labelOf(page: StueReportsPage, id: string): string {
  return MEASURES.find((m) => m.id === id)?.label[page.context.lang] ?? id;
}

/** Measures as a list of label and figure (a suppressed small count said as such). */
export function figures(
  page: StueReportsPage,
  rows: readonly ReportRow[],
  ids: readonly string[],
): TemplateResult {
  const t = page.t.reports;
  return html`<dl class="figures">
    ${ids.map((id) => {
      const value = cell(rows, ALL, id);
      return html`<div>
        <dt>${labelOf(page, id)}</dt>
        ${
          value === null
            ? html`<dd class="suppressed">${t.suppressed}</dd>`
            : html`<dd>${value ?? '–'}</dd>`
        }
      </div>`;
    })}
  </dl>`;
}

/** A group's name in words. */
export function groupName(page: StueReportsPage, report: Report, key: string): string {
  switch (report.grouping) {
    case 'municipality':
      return municipalityName(key);
    case 'region':
      return REGIONS.find((r) => r.code === key)?.name ?? key;
    default:
      return report.names?.[key] ?? key;
  }
}

/** The setting: the main figures per group (partner, municipality, …) as a table. */
export function renderSetting(page: StueReportsPage, report: Report, lang: Lang): TemplateResult {
  const t = page.t.reports;
  const columns = ['concerts-held', 'nominations-received', 'respondents', 'debriefs'];
  const keys = [
    ...new Set(
      report.rows.filter((r) => r.grouping.kind === report.grouping).map((r) => r.grouping.key),
    ),
  ].sort((a, b) => groupName(page, report, a).localeCompare(groupName(page, report, b), lang));
  const show = (value: number | null | undefined) =>
    value === null ? t.suppressed : (value ?? '–');
  return html`
    <section aria-labelledby="setting-heading">
      <h2 id="setting-heading">${t.setting}</h2>
      <div class="table-wrap" role="region" aria-labelledby="setting-caption" tabindex="0">
        <table>
          <caption id="setting-caption">
            ${t.settingCaption(t.groupings[report.grouping])}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.groupings[report.grouping]}</th>
              ${columns.map((id) => html`<th scope="col" class="number">${labelOf(page, id)}</th>`)}
            </tr>
          </thead>
          <tbody>
            ${keys.map(
              (key) =>
                html`<tr>
                  <th scope="row">${groupName(page, report, key)}</th>
                  ${columns.map(
                    (id) =>
                      html`<td class="number">
                        ${show(cell(report.rows, { kind: report.grouping, key }, id))}
                      </td>`,
                  )}
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>
  `;
}
