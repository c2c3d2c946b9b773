/** A partner as shown: its kind, websites, keys and webhook addresses. */
import { html, nothing, type TemplateResult } from 'lit';
import type { PartnerView } from '../../api.js';
import { dataTable } from '../../internal/table.js';
import { formatDateTime } from '../../internal/time.js';
import type { StuePartnersPage } from '../partners-page.js';
import { renderConfirm, renderKeys, renderMade, renderNewKeyForm } from './keys-view.js';
import { openNewKey } from './keys.js';
import { showLogFor } from './log.js';

/** A partner's webhook addresses. */
export function renderEndpoints(page: StuePartnersPage, partner: PartnerView): TemplateResult {
  const t = page.t.partners;
  const { lang } = page.context;
  const endpoints = page.endpoints.filter((e) => e.partnerId === partner.id);
  if (endpoints.length === 0) return html`<p>${t.noEndpoints}</p>`;
  return dataTable({
    caption: t.endpointsCaption(partner.name),
    columns: [
      t.endpointColumns.url,
      t.endpointColumns.events,
      t.endpointColumns.created,
      t.endpointColumns.state,
    ],
    rows: endpoints,
    row: (endpoint) => html`
      <th scope="row" class="url">
        <span class="mono">${endpoint.url}</span>
        ${
          endpoint.description ? html`<span class="detail">${endpoint.description}</span>` : nothing
        }
      </th>
      <td>
        <ul class="plain">
          ${endpoint.events.map((e) => html`<li>${t.events[e] ?? e}</li> `)}
        </ul>
      </td>
      <td class="nowrap">${formatDateTime(endpoint.createdAt, lang)}</td>
      <td>
        ${
          endpoint.disabledAt
            ? html`<span class="tag closed"
                >${t.endpointRemoved(formatDateTime(endpoint.disabledAt, lang))}</span
              >`
            : html`<span class="tag ok">${t.active}</span>`
        }
      </td>
    `,
    label: t.endpointsTableLabel(partner.name),
  });
}

/** A partner: its kind, websites, keys and webhook addresses. */
export function renderPartner(page: StuePartnersPage, partner: PartnerView): TemplateResult {
  const t = page.t.partners;
  const headingId = `partner-${partner.id}`;
  const notice = page.notice?.partnerId === partner.id ? page.notice.text : '';
  return html`
    <section class="panel partner" aria-labelledby=${headingId}>
      <h2 id=${headingId}>${partner.name}</h2>
      <dl class="facts">
        <dt>${t.kind}</dt>
        <dd>${t.kinds[partner.kind] ?? partner.kind}</dd>
        <dt>${t.origins}</dt>
        <dd>
          ${
            partner.allowedOrigins.length === 0
              ? t.noOrigins
              : html`<ul class="origins">
                  ${partner.allowedOrigins.map((o) => html`<li class="mono">${o}</li> `)}
                </ul>`
          }
        </dd>
      </dl>
      <h3>${t.keysHeading}</h3>
      <p class="notice" role="status" tabindex="-1" id="notice-${partner.id}">${notice}</p>
      ${renderKeys(page, partner)}
      ${
        page.confirming?.partner.id === partner.id
          ? renderConfirm(page, page.confirming.key)
          : nothing
      }
      ${page.made?.partnerId === partner.id ? renderMade(page, page.made) : nothing}
      ${
        page.creatingFor?.id === partner.id
          ? renderNewKeyForm(page, partner)
          : html`<div class="actions">
              <button
                type="button"
                class="secondary"
                id="new-key-${partner.id}"
                @click=${() => openNewKey(page, partner)}
              >
                ${t.newKey}<span class="visually-hidden"> – ${partner.name}</span>
              </button>
            </div>`
      }
      <h3>${t.webhooksHeading}</h3>
      ${renderEndpoints(page, partner)}
      <div class="actions">
        <button type="button" class="secondary small" @click=${() => showLogFor(page, partner)}>
          ${t.showLog(partner.name)}
        </button>
      </div>
    </section>
  `;
}
