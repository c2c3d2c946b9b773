/** The webhook delivery log: its filter, its rows and paging. */
import { html, nothing, type TemplateResult } from 'lit';
import type { DeliveryStatus, PartnerView, WebhookDelivery } from '../../api.js';
import { formText } from '../../internal/forms.js';
import { dataTable } from '../../internal/table.js';
import { danishLocal, formatClock, formatDateTime } from '../../internal/time.js';
import type { StuePartnersPage } from '../partners-page.js';
import { DELIVERY_STATUSES } from './rules.js';

/** Applies the delivery log's filter and reads it afresh. */
export function filterLog(page: StuePartnersPage, event: SubmitEvent): void {
  event.preventDefault();
  const data = new FormData(event.target as HTMLFormElement);
  const status = formText(data, 'status');
  page.logFilter = {
    partner: formText(data, 'partner'),
    status: DELIVERY_STATUSES.includes(status as DeliveryStatus) ? (status as DeliveryStatus) : '',
  };
  void page.loadLog();
}

/** Filters the delivery log to one partner, moves focus to it and reads it. */
export async function showLogFor(page: StuePartnersPage, partner: PartnerView): Promise<void> {
  page.logFilter = { partner: partner.id, status: '' };
  await page.updateComplete;
  const select = page.renderRoot.querySelector<HTMLSelectElement>('#log-partner');
  if (select) select.value = partner.id;
  const status = page.renderRoot.querySelector<HTMLSelectElement>('#log-status');
  if (status) status.value = '';
  await page.focusOn('#log-heading');
  await page.loadLog();
}

/** An instant after a delivery was made: its clock time alone when on the same Danish day. */
export function laterTime(
  page: StuePartnersPage,
  delivery: WebhookDelivery,
  instant: string,
): string {
  const { lang } = page.context;
  return danishLocal(instant).slice(0, 10) === danishLocal(delivery.createdAt).slice(0, 10)
    ? page.t.partners.atClock(formatClock(instant, lang))
    : formatDateTime(instant, lang);
}

/** A delivery's status as a tag. */
export function statusOf(page: StuePartnersPage, delivery: WebhookDelivery): TemplateResult {
  const t = page.t.partners;
  switch (delivery.status) {
    case 'delivered':
      return html`<span class="tag ok">${t.deliveryStatuses.delivered}</span>`;
    case 'failed':
      return html`<span class="tag problem">${t.deliveryStatuses.failed}</span>`;
    case 'pending': {
      const next = delivery.nextAttemptAt
        ? html`<span class="detail"
            >${t.nextAttempt(laterTime(page, delivery, delivery.nextAttemptAt))}</span
          >`
        : nothing;
      return delivery.attemptCount > 0
        ? html`<span class="tag attention">${t.retrying}</span> ${next}`
        : html`<span class="tag">${t.deliveryStatuses.pending}</span>`;
    }
  }
}

/** The receiver's last answer to a delivery. */
export function lastAnswer(page: StuePartnersPage, delivery: WebhookDelivery): TemplateResult {
  const t = page.t.partners;
  const last = delivery.attempts.at(-1);
  if (!last) return html`<span class="muted">${t.noAttempt}</span>`;
  const what =
    last.statusCode !== null && (last.error === null || last.error === 'http_status')
      ? t.answered(last.statusCode)
      : (t.attemptErrors[last.error ?? ''] ?? last.error ?? '');
  return html`${what} <span class="detail">${laterTime(page, delivery, last.at)}</span>`;
}

/** The event a delivery carried. */
export function eventOf(page: StuePartnersPage, delivery: WebhookDelivery): TemplateResult {
  const t = page.t.partners;
  const { payload } = delivery;
  const detail =
    payload.type === 'nomination.status_changed'
      ? `${payload.data.reference}: ${t.statusChange(
          page.t.statuses[payload.data.from] ?? payload.data.from,
          page.t.statuses[payload.data.to] ?? payload.data.to,
        )}`
      : payload.data?.reference;
  return html`${t.events[delivery.eventType] ?? delivery.eventType}
  ${detail ? html`<span class="detail">${detail}</span>` : nothing}`;
}

/** The delivery log: its filter, its rows and "show more". */
export function renderLog(page: StuePartnersPage): TemplateResult {
  const t = page.t.partners;
  const { lang } = page.context;
  const endpoints = new Map(page.endpoints.map((e) => [e.id, e]));
  const partners = new Map(page.partners.map((p) => [p.id, p.name]));
  const { partner, status } = page.logFilter;
  return html`
    <section aria-labelledby="log-heading">
      <h2 id="log-heading" tabindex="-1">${t.logHeading}</h2>
      <p class="lead">${t.logIntro}</p>
      <form class="filters" novalidate @submit=${(event: SubmitEvent) => filterLog(page, event)}>
        <div class="field">
          <label for="log-partner">${t.partnerFilter}</label>
          <select id="log-partner" name="partner">
            <option value="" ?selected=${partner === ''}>${t.allPartners}</option>
            ${page.partners.map(
              (p) => html`<option value=${p.id} ?selected=${partner === p.id}>${p.name}</option>`,
            )}
          </select>
        </div>
        <div class="field">
          <label for="log-status">${t.statusFilter}</label>
          <select id="log-status" name="status">
            <option value="" ?selected=${status === ''}>${t.allStatuses}</option>
            ${DELIVERY_STATUSES.map(
              (s) =>
                html`<option value=${s} ?selected=${status === s}>${t.statusChoices[s]}</option>`,
            )}
          </select>
        </div>
        <button type="submit" aria-disabled=${page.logLoading ? 'true' : 'false'}>${t.show}</button>
      </form>
      ${
        page.logProblem
          ? html`<div class="notice problem" id="log-problem">
              <p>${t.logFailed} ${page.logProblem}</p>
              <button
                type="button"
                class="secondary small"
                @click=${() => void page.loadLog(page.deliveries.length > 0)}
              >
                ${page.t.tryAgain}
              </button>
            </div>`
          : nothing
      }
      ${
        page.deliveries.length === 0
          ? page.logLoading
            ? html`<p>${page.t.loading}</p>`
            : page.logProblem
              ? nothing
              : html`<p class="empty">
                  ${status ? t.noDeliveriesWith(t.statusChoices[status]) : t.noDeliveries}
                </p>`
          : html`
              ${dataTable({
                caption: t.logCaption(page.deliveries.length),
                columns: [
                  t.logColumns.when,
                  t.logColumns.event,
                  t.logColumns.endpoint,
                  t.logColumns.status,
                  { label: t.logColumns.attempts, class: 'number' },
                  t.logColumns.last,
                ],
                rows: page.deliveries,
                row: (delivery) => {
                  const endpoint = endpoints.get(delivery.endpointId);
                  return html`
                    <th scope="row" class="nowrap" id="delivery-${delivery.id}" tabindex="-1">
                      ${formatDateTime(delivery.createdAt, lang)}
                    </th>
                    <td>${eventOf(page, delivery)}</td>
                    <td class="url">
                      ${
                        endpoint
                          ? html`<span class="mono">${endpoint.url}</span>`
                          : html`<span class="muted">${t.removedEndpoint}</span>`
                      }
                      ${
                        partner
                          ? nothing
                          : html`<span class="detail"
                              >${partners.get(delivery.partnerId) ?? delivery.partnerId}</span
                            >`
                      }
                    </td>
                    <td>${statusOf(page, delivery)}</td>
                    <td class="number">${delivery.attemptCount}</td>
                    <td>${lastAnswer(page, delivery)}</td>
                  `;
                },
                label: t.logTableLabel,
              })}
              ${
                page.nextCursor
                  ? html`<div class="actions">
                      <button
                        type="button"
                        class="secondary"
                        aria-disabled=${page.logLoading ? 'true' : 'false'}
                        @click=${() => void page.loadLog(true)}
                      >
                        ${t.more}
                      </button>
                    </div>`
                  : nothing
              }
            `
      }
    </section>
  `;
}
