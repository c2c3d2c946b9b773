import { NOMINATION_STATUSES, type NominationStatus } from '@stue/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { listNominationItems, type NominationItem } from '../api.js';
import { formText, selectField } from '../internal/forms.js';
import {
  eligibilityOf,
  municipalityChoices,
  municipalityName,
  outcomeTag,
  statusTag,
} from '../internal/labels.js';
import { ConsolePage } from '../internal/page.js';
import { sharedStyles } from '../internal/styles.js';
import { dataTable } from '../internal/table.js';
import { waitingDays } from '../internal/time.js';
import { href, replaceParams } from '../router.js';
import { inboxStrings } from '../strings/inbox.js';
import { DEFAULT_INBOX_STATUSES, INBOX_PAGE_SIZE } from './inbox-query.js';

/** The tag the inbox is registered under. */
export const INBOX_PAGE_TAG = 'stue-inbox-page';

/** The waiting-time choices, in days. */
export const WAITING_CHOICES = [7, 14, 30, 60, 90] as const;

/** The inbox's filters, as they stand in the address (`#/inbox?status=…&partner=…`). */
export interface InboxFilter {
  statuses: NominationStatus[];
  partner: string;
  municipality: string;
  waitingDays: number | undefined;
}

/** The filters an address asks for; an address without any asks for the defaults. */
export function filterFromParams(params: URLSearchParams): InboxFilter {
  const explicit = params.has('f');
  const statuses = params
    .getAll('status')
    .filter((s): s is NominationStatus => (NOMINATION_STATUSES as readonly string[]).includes(s));
  const waiting = Number(params.get('waiting'));
  return {
    statuses: explicit ? statuses : [...DEFAULT_INBOX_STATUSES],
    partner: params.get('partner') ?? '',
    municipality: params.get('municipality') ?? '',
    waitingDays: Number.isInteger(waiting) && waiting > 0 ? waiting : undefined,
  };
}

/** The address query for a filter. `f=1` marks it as chosen (no status ticked means all). */
export function paramsFromFilter(filter: InboxFilter): URLSearchParams {
  const params = new URLSearchParams({ f: '1' });
  for (const status of filter.statuses) params.append('status', status);
  if (filter.partner) params.set('partner', filter.partner);
  if (filter.municipality) params.set('municipality', filter.municipality);
  if (filter.waitingDays) params.set('waiting', String(filter.waitingDays));
  return params;
}

/**
 * The inbox: nominations longest-waiting first, filterable by status (several), partner,
 * municipality (on the page's records) and waiting time, a page at a time with the hub's cursor.
 * The count of what is shown is announced in a live region.
 *
 * @summary The coordinator's inbox of nominations.
 */
export class StueInboxPage extends ConsolePage {
  static override styles = [
    sharedStyles,
    css`
      .filters {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
        gap: 0 1.5rem;
        align-items: start;
      }
      .filters fieldset {
        grid-column: 1 / -1;
      }
      .filters .field {
        margin-block-end: 1rem;
      }
      .filters select {
        max-inline-size: 100%;
      }
      .count {
        font-weight: 600;
        margin-block: 1.25rem 0.75rem;
      }
      td.reference a {
        font-weight: 600;
        white-space: nowrap;
      }
    `,
  ];

  /** The page's texts, and the console's shared ones. */
  override get t() {
    return inboxStrings(this.context?.lang ?? 'da');
  }

  /** The address query the page was opened with. */
  @property({ attribute: false }) accessor params = new URLSearchParams();

  @state() accessor filter: InboxFilter = filterFromParams(new URLSearchParams());
  @state() accessor items: NominationItem[] = [];
  @state() accessor nextCursor: string | null = null;
  /** Partners seen so far, for the partner filter: the hub has no list of them for coordinators. */
  @state() accessor partners = new Map<string, string>();

  #request = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.filter = filterFromParams(this.params);
    void this.load();
  }

  /** Loads the first page for the current filter, or the next page with `more`. */
  async load(more = false): Promise<void> {
    const request = ++this.#request;
    const { statuses, partner, waitingDays: waiting } = this.filter;
    // Only the latest load's outcome shows: the page state ignores an older one's failure.
    await this.pageState.load(async () => {
      const page = await listNominationItems(this.context.api, {
        status: statuses,
        partner: partner || undefined,
        waitingDays: waiting,
        limit: INBOX_PAGE_SIZE,
        cursor: more ? (this.nextCursor ?? undefined) : undefined,
      });
      if (request !== this.#request) return;
      const partners = new Map(this.partners);
      for (const item of page.items) {
        this.context.nominations.set(item.id, item);
        partners.set(item.partner.id, item.partner.name);
      }
      this.partners = partners;
      this.items = more ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
    });
  }

  private apply(event: SubmitEvent): void {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const waiting = Number(formText(data, 'waiting'));
    this.filter = {
      statuses: data
        .getAll('status')
        .map(String)
        .filter((s): s is NominationStatus =>
          (NOMINATION_STATUSES as readonly string[]).includes(s),
        ),
      partner: formText(data, 'partner'),
      municipality: formText(data, 'municipality'),
      waitingDays: waiting > 0 ? waiting : undefined,
    };
    replaceParams('inbox', paramsFromFilter(this.filter));
    void this.load();
  }

  private reset(): void {
    this.filter = filterFromParams(new URLSearchParams());
    replaceParams('inbox', new URLSearchParams());
    // The form's fields follow `filter` only until touched; a new form shows the defaults.
    this.renderRoot.querySelector('form')?.reset();
    void this.load();
  }

  /** The page's records that match the municipality filter (the hub filters the rest). */
  get shown(): NominationItem[] {
    const { municipality } = this.filter;
    return municipality
      ? this.items.filter((item) => item.nomination.host?.municipalityCode === municipality)
      : this.items;
  }

  private renderFilters(): TemplateResult {
    const t = this.t.inbox;
    const { lang } = this.context;
    const partners = new Map(this.partners);
    if (this.filter.partner && !partners.has(this.filter.partner)) {
      partners.set(this.filter.partner, this.filter.partner);
    }
    return html`
      <form class="panel" @submit=${this.apply} aria-labelledby="filters-heading">
        <h2 id="filters-heading" class="visually-hidden">${t.filtersHeading}</h2>
        <div class="filters">
          <fieldset class="field">
            <legend>${t.status}</legend>
            <div class="choices">
              ${NOMINATION_STATUSES.map(
                (status) => html`
                  <label class="choice">
                    <input
                      type="checkbox"
                      name="status"
                      value=${status}
                      .defaultChecked=${this.filter.statuses.includes(status)}
                    />
                    ${this.t.statuses[status]}
                  </label>
                `,
              )}
            </div>
          </fieldset>
          ${selectField({
            id: 'filter-partner',
            name: 'partner',
            label: t.partner,
            errors: [],
            placeholder: t.allPartners,
            value: this.filter.partner,
            choices: [...partners].map(([value, label]) => ({ value, label })),
          })}
          ${selectField({
            id: 'filter-municipality',
            name: 'municipality',
            label: t.municipality,
            errors: [],
            placeholder: t.allMunicipalities,
            value: this.filter.municipality,
            choices: municipalityChoices(lang),
          })}
          ${selectField({
            id: 'filter-waiting',
            name: 'waiting',
            label: t.waiting,
            errors: [],
            placeholder: t.waitingAny,
            value: this.filter.waitingDays ? String(this.filter.waitingDays) : '',
            choices: WAITING_CHOICES.map((days) => ({
              value: String(days),
              label: t.waitingAtLeast(days),
            })),
          })}
        </div>
        <div class="actions">
          <button type="submit">${t.apply}</button>
          <button type="button" class="secondary" @click=${this.reset}>${t.reset}</button>
        </div>
      </form>
    `;
  }

  /** A nomination's cells in the inbox's table. */
  private renderRow(item: NominationItem): TemplateResult {
    const t = this.t;
    const host = item.nomination.host;
    const days = waitingDays(item.receivedAt);
    return html`
      <td class="reference">
        <a href=${href('nomination', { id: item.id })}>${item.reference}</a>
      </td>
      <td>${host?.firstName ?? t.notGiven}</td>
      <td>${host ? municipalityName(host.municipalityCode) : t.notGiven}</td>
      <td>${item.partner.name}</td>
      <td class="number">${t.days(days)}</td>
      <td>${statusTag(t, item.status)}</td>
      <td>${outcomeTag(t, eligibilityOf(item.nomination).outcome)}</td>
    `;
  }

  protected override render(): TemplateResult {
    const t = this.t.inbox;
    const shown = this.shown;
    const count = this.loading
      ? this.t.loading
      : this.problem
        ? ''
        : t.count(shown.length, this.nextCursor !== null);
    return html`
      <h1 tabindex="-1">${t.heading}</h1>
      <p class="lead">${t.intro}</p>
      ${this.renderFilters()}
      <p class="count" role="status">${count}</p>
      ${this.problemNotice(() => this.load())}
      ${
        shown.length > 0
          ? dataTable({
              caption: t.caption,
              columns: [
                t.columns.reference,
                t.columns.host,
                t.columns.municipality,
                t.columns.partner,
                { label: t.columns.waiting, class: 'number' },
                t.columns.status,
                t.columns.screening,
              ],
              rows: shown,
              row: (item) => this.renderRow(item),
              label: t.tableLabel,
            })
          : !this.loading && !this.problem
            ? html`<p>${t.empty}</p>`
            : nothing
      }
      ${
        this.nextCursor && !this.problem
          ? html`<button
              type="button"
              class="secondary"
              aria-disabled=${this.loading ? 'true' : 'false'}
              @click=${() => !this.loading && void this.load(true)}
            >
              ${t.more}
            </button>`
          : nothing
      }
    `;
  }
}

/** Registers `<stue-inbox-page>`; harmless to call twice. */
export function defineInboxPage(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(INBOX_PAGE_TAG)) registry.define(INBOX_PAGE_TAG, StueInboxPage);
}

declare global {
  interface HTMLElementTagNameMap {
    [INBOX_PAGE_TAG]: StueInboxPage;
  }
}
