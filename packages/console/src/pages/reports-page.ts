import {
  type Report,
  REPORT_GROUPINGS,
  REPORT_PERIOD_PATTERN,
  type ReportGrouping,
  type ReportPeriodKind,
} from '@stue/core/reports';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { getReport, hubBase } from '../api.js';
import { failureMessage, formText, inputField, selectField } from '../internal/forms.js';
import { ConsolePage } from '../internal/page.js';
import { replaceParams } from '../router.js';
import { reportsStrings } from '../strings/reports.js';
import { lastMonth, periodOf, periodParts } from './reports/rules.js';
import { reportsStyles } from './reports/styles.js';
import { renderReport } from './reports/view.js';

export { lastMonth } from './reports/rules.js';

/** The tag the reports page is registered under. */
export const REPORTS_PAGE_TAG = 'stue-reports-page';

/**
 * A month's, quarter's or year's report for funders and municipalities: filters (a month, how far
 * the period reaches from it, and the grouping), the figures in
 * the order a funder reads them — the intervention (concerts), the people (nominations and
 * respondents), the setting (by group) and the outcomes (the feelings spectrum and each
 * question's answers) — as accessible charts with their numbers as tables, downloads as CSV
 * (for Excel) and JSON, and a print layout for A4. Small counts come suppressed from the hub and
 * are shown as such; a chart whose every count is hidden becomes one sentence that suggests a
 * longer period.
 *
 * @summary The coordinator's reports page.
 */
export class StueReportsPage extends ConsolePage {
  static override styles = reportsStyles;

  /** The page's texts, and the console's shared ones. */
  override get t() {
    return reportsStrings(this.context?.lang ?? 'da');
  }

  /** The address query the page was opened with (`period`, `grouping`). */
  @property({ attribute: false }) accessor params = new URLSearchParams();

  @state() accessor period = lastMonth();
  @state() accessor grouping: ReportGrouping = 'all';
  @state() accessor report: Report | undefined;

  // The page loads when first asked for, so its `params` may arrive with the first update,
  // after it connected: read them there.
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('params')) return;
    const period = this.params.get('period');
    if (period && REPORT_PERIOD_PATTERN.test(period)) this.period = period;
    const grouping = this.params.get('grouping');
    if (grouping && (REPORT_GROUPINGS as readonly string[]).includes(grouping)) {
      this.grouping = grouping as ReportGrouping;
    }
    void this.load();
  }

  /** Asks the hub for the month's report. */
  async load(): Promise<void> {
    await this.pageState.load(
      async () => {
        this.report = await getReport(this.context.api, {
          period: this.period,
          grouping: this.grouping,
          lang: this.context.lang,
        });
      },
      (error) => {
        this.report = undefined;
        return failureMessage(this.t, error);
      },
    );
  }

  private show(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const month = formText(data, 'period') || periodParts(this.period).month;
    this.period = periodOf(month, (formText(data, 'span') || 'month') as ReportPeriodKind);
    this.grouping = formText(data, 'grouping') as ReportGrouping;
    replaceParams('reports', new URLSearchParams({ period: this.period, grouping: this.grouping }));
    void this.load();
  }

  download(format: 'csv' | 'json'): string {
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
            value: periodParts(this.period).month,
            errors: [],
          })}
          ${selectField({
            id: 'report-span',
            name: 'span',
            label: t.span,
            value: periodParts(this.period).kind,
            choices: (['month', 'quarter', 'year'] as const).map((kind) => ({
              value: kind,
              label: t.spans[kind],
            })),
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
      ${this.report ? renderReport(this, this.report, lang) : nothing}
    `;
  }
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
