import { DEFAULT_INSTRUMENT, REGIONS, type Lang, danishToday } from '@stue/core';
import {
  feelingsSpectrum,
  REPORT_GROUPINGS,
  reportMeasures,
  type Report,
  type ReportGrouping,
  type ReportRow,
} from '@stue/core/reports';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { getReport, hubBase } from '../api.js';
import { barChart, chartStyles, type Bar } from '../internal/charts.js';
import { failureMessage, formText, inputField, selectField } from '../internal/forms.js';
import { municipalityName } from '../internal/labels.js';
import { ConsolePage } from '../internal/page.js';
import { sharedStyles } from '../internal/styles.js';
import { replaceParams } from '../router.js';

/** The tag the reports page is registered under. */
export const REPORTS_PAGE_TAG = 'stue-reports-page';

const MEASURES = reportMeasures(DEFAULT_INSTRUMENT).measures;
const ALL = { kind: 'all', key: 'all' } as const;

/** The month before `today`'s, `YYYY-MM`: the month a report is usually made for. */
export function lastMonth(today: string = danishToday()): string {
  const [year, month] = today.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** The value of one cell: a number, `null` when suppressed, `undefined` when there is none. */
function cell(rows: readonly ReportRow[], grouping: ReportRow['grouping'], measure: string) {
  const row = rows.find(
    (r) =>
      r.measure === measure && r.grouping.kind === grouping.kind && r.grouping.key === grouping.key,
  );
  if (!row) return undefined;
  return row.suppressed ? null : row.value;
}

/**
 * A month's report for funders and municipalities: filters (month and grouping), the figures in
 * the order a funder reads them — the intervention (concerts), the people (nominations and
 * respondents), the setting (by group) and the outcomes (the feelings spectrum and each
 * question's answers) — as accessible charts with their numbers as tables, downloads as CSV
 * (for Excel) and JSON, and a print layout for A4. Small counts come suppressed from the hub and
 * are shown as such.
 *
 * @summary The coordinator's reports page.
 */
export class StueReportsPage extends ConsolePage {
  static override styles = [
    sharedStyles,
    chartStyles,
    css`
      .filters form {
        display: flex;
        flex-wrap: wrap;
        gap: 0 1.5rem;
        align-items: end;
      }
      .filters .field {
        min-inline-size: 12rem;
      }
      .downloads {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        margin-block: 1rem 2rem;
      }
      .downloads a,
      .downloads button {
        display: inline-flex;
        align-items: center;
        min-block-size: 44px;
      }
      dl.figures {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
        gap: 1rem;
        margin: 0 0 1.5rem;
      }
      dl.figures div {
        border: 1px solid var(--stue-console-border);
        border-radius: 6px;
        padding: 0.75rem 1rem;
        background: var(--stue-console-surface);
      }
      dl.figures dt {
        font-size: 0.95rem;
      }
      dl.figures dd {
        margin: 0.25rem 0 0;
        font-size: 1.75rem;
        font-weight: 700;
      }
      dl.figures dd.suppressed {
        font-size: 1.1rem;
        font-weight: 600;
      }
      section.report > section {
        margin-block-end: 2rem;
      }
      @media print {
        @page {
          size: A4;
          margin: 18mm 16mm;
        }
        :host {
          font-size: 11pt;
        }
        .filters,
        .downloads,
        .screen-only,
        [role='status'] {
          display: none;
        }
        .panel,
        dl.figures div {
          background: #fff;
        }
        .table-wrap {
          overflow: visible;
        }
        table {
          inline-size: 100%;
          font-size: 9.5pt;
        }
        section.report > section {
          break-inside: avoid-page;
        }
        h2 {
          break-after: avoid;
        }
      }
    `,
  ];

  /** The address query the page was opened with (`period`, `grouping`). */
  @property({ attribute: false }) accessor params = new URLSearchParams();

  @state() accessor period = lastMonth();
  @state() accessor grouping: ReportGrouping = 'all';
  @state() accessor report: Report | undefined;
  @state() accessor loading = false;

  // The page loads when first asked for, so its `params` may arrive with the first update,
  // after it connected: read them there.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('params')) return;
    const period = this.params.get('period');
    if (period && /^\d{4}-(0[1-9]|1[0-2])$/.test(period)) this.period = period;
    const grouping = this.params.get('grouping');
    if (grouping && (REPORT_GROUPINGS as readonly string[]).includes(grouping)) {
      this.grouping = grouping as ReportGrouping;
    }
    void this.load();
  }

  /** Asks the hub for the month's report. */
  async load(): Promise<void> {
    this.loading = true;
    this.problem = '';
    try {
      this.report = await getReport(this.context.api, {
        period: this.period,
        grouping: this.grouping,
        lang: this.context.lang,
      });
    } catch (error) {
      if (this.sessionLost(error)) return;
      this.report = undefined;
      this.problem = failureMessage(this.t, error);
    } finally {
      this.loading = false;
    }
  }

  private show(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    this.period = formText(data, 'period') || this.period;
    this.grouping = formText(data, 'grouping') as ReportGrouping;
    replaceParams('reports', new URLSearchParams({ period: this.period, grouping: this.grouping }));
    void this.load();
  }

  private download(format: 'csv' | 'json'): string {
    const { lang } = this.context;
    const query = new URLSearchParams({ period: this.period, grouping: this.grouping, lang });
    // Danish Excel opens semicolon-separated files in columns; English Excel wants commas.
    if (format === 'csv' && lang === 'da') query.set('separator', 'semicolon');
    return new URL(`api/v1/reports${format === 'csv' ? '.csv' : ''}?${query}`, hubBase()).href;
  }

  override render(): TemplateResult {
    const t = this.t.reports;
    const { lang } = this.context;
    return html`
      <h1 tabindex="-1" class="screen-only">${t.heading}</h1>
      <p class="lead screen-only">${t.intro}</p>
      <section class="panel filters" aria-labelledby="filters-heading">
        <h2 id="filters-heading" class="visually-hidden">${t.filtersHeading}</h2>
        <form novalidate @submit=${this.show}>
          ${inputField({
            id: 'report-period',
            name: 'period',
            type: 'month',
            label: t.period,
            value: this.period,
            errors: [],
          })}
          ${selectField({
            id: 'report-grouping',
            name: 'grouping',
            label: t.grouping,
            value: this.grouping,
            choices: REPORT_GROUPINGS.map((g) => ({ value: g, label: t.groupings[g] })),
            errors: [],
          })}
          <div class="field">
            <button type="submit">${t.show}</button>
          </div>
        </form>
      </section>
      ${this.problemNotice(() => this.load())}
      <p role="status" class="screen-only">${this.loading ? this.t.loading : ''}</p>
      ${this.report ? this.renderReport(this.report, lang) : nothing}
    `;
  }

  private renderReport(report: Report, lang: Lang): TemplateResult {
    const t = this.t.reports;
    const rows = report.rows;
    const bars = (ids: readonly string[], grouping: ReportRow['grouping'] = ALL): Bar[] =>
      ids
        .filter((id) => cell(rows, grouping, id) !== undefined)
        .map((id) => ({
          label: shortLabel(this.labelOf(id)),
          value: cell(rows, grouping, id) ?? null,
        }));
    const chartTexts = {
      labelHeading: t.answer,
      valueHeading: t.count,
      suppressed: t.suppressed,
      tableSummary: t.asTable,
    };
    const chart = (id: string, caption: string, data: Bar[]) =>
      data.length === 0
        ? html`<p>${caption}: ${t.nothing}</p>`
        : barChart({ id, caption, bars: data, texts: chartTexts });
    const spectrum = feelingsSpectrum(rows, ALL);
    const month = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'da-DK', {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${report.period}-15T12:00:00Z`));

    return html`
      <div class="downloads">
        <a class="button secondary" href=${this.download('csv')} download>${t.csv}</a>
        <a class="button secondary" href=${this.download('json')} target="_blank" rel="noopener"
          >${t.json}</a
        >
        <button type="button" class="secondary" @click=${() => window.print()}>${t.print}</button>
      </div>
      <section class="report" aria-labelledby="report-heading">
        <h2 id="report-heading">${t.reportHeading(month)}</h2>
        <p>${t.suppressionNote(report.minCellSize)}</p>

        <section aria-labelledby="intervention-heading">
          <h2 id="intervention-heading">${t.intervention}</h2>
          ${this.figures(rows, [
            'concerts-held',
            'concerts-cancelled',
            'concerts-no-show',
            'waiting-days-median',
          ])}
        </section>

        <section aria-labelledby="population-heading">
          <h2 id="population-heading">${t.population}</h2>
          ${this.figures(rows, ['nominations-received', 'respondents'])}
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

        ${report.grouping === 'all' ? nothing : this.renderSetting(report, lang)}

        <section aria-labelledby="outcomes-heading">
          <h2 id="outcomes-heading">${t.outcomes}</h2>
          <p>${t.spectrumNote}</p>
          ${chart(
            'feelings',
            t.feelingsChart(spectrum.respondents),
            spectrum.feelings.map((f) => ({ label: f.label[lang], value: f.count })),
          )}
          ${DEFAULT_INSTRUMENT.questions
            .filter((q) => q.kind === 'single')
            .map((q) =>
              chart(
                `question-${q.id}`,
                q.prompt[lang],
                bars([
                  ...q.options.map((o) => `answers-${q.id}-${o.id}`),
                  `answers-${q.id}-skipped`,
                ]),
              ),
            )}
          ${chart(
            'debriefs',
            t.debriefsChart,
            bars([
              'debriefs-good',
              'debriefs-mixed',
              'debriefs-hard',
              'debriefs-would-like-a-call',
            ]),
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
  private labelOf(id: string): string {
    return MEASURES.find((m) => m.id === id)?.label[this.context.lang] ?? id;
  }

  private figures(rows: readonly ReportRow[], ids: readonly string[]): TemplateResult {
    const t = this.t.reports;
    return html`<dl class="figures">
      ${ids.map((id) => {
        const value = cell(rows, ALL, id);
        return html`<div>
          <dt>${this.labelOf(id)}</dt>
          ${
            value === null
              ? html`<dd class="suppressed">${t.suppressed}</dd>`
              : html`<dd>${value ?? '–'}</dd>`
          }
        </div>`;
      })}
    </dl>`;
  }

  private groupName(report: Report, key: string): string {
    switch (report.grouping) {
      case 'municipality':
        return municipalityName(key);
      case 'region':
        return REGIONS.find((r) => r.code === key)?.name ?? key;
      default:
        return report.names?.[key] ?? key;
    }
  }

  private renderSetting(report: Report, lang: Lang): TemplateResult {
    const t = this.t.reports;
    const columns = ['concerts-held', 'nominations-received', 'respondents', 'debriefs'];
    const keys = [
      ...new Set(
        report.rows.filter((r) => r.grouping.kind === report.grouping).map((r) => r.grouping.key),
      ),
    ].sort((a, b) => this.groupName(report, a).localeCompare(this.groupName(report, b), lang));
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
                ${columns.map((id) => html`<th scope="col" class="number">${this.labelOf(id)}</th>`)}
              </tr>
            </thead>
            <tbody>
              ${keys.map(
                (key) =>
                  html`<tr>
                    <th scope="row">${this.groupName(report, key)}</th>
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
}

/** The part of a measure's label after its question ("Hvordan var besøget? – Godt" → "Godt"). */
function shortLabel(label: string): string {
  const dash = label.lastIndexOf(' – ');
  const colon = label.indexOf(': ');
  if (dash >= 0) return label.slice(dash + 3);
  if (colon >= 0) return label.slice(colon + 2);
  return label.replace(/^Indstillinger modtaget, |^Nominations received, /, '');
}

/** Registers `<stue-reports-page>` once. */
export function defineReportsPage(): void {
  if (!customElements.get(REPORTS_PAGE_TAG)) {
    customElements.define(REPORTS_PAGE_TAG, StueReportsPage);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    [REPORTS_PAGE_TAG]: StueReportsPage;
  }
}
