/** A partner's keys as shown, with the forms to make and revoke one. */
import { html, nothing, type TemplateResult } from 'lit';
import type { PartnerKey, PartnerView } from '../../api.js';
import { errorSummary, warningActions } from '../../internal/forms.js';
import { dataTable } from '../../internal/table.js';
import { formatDateTime } from '../../internal/time.js';
import type { StuePartnersPage } from '../partners-page.js';
import {
  askRevoke,
  cancelRevoke,
  closeMade,
  closeNewKey,
  copyKey,
  keyName,
  makeKey,
  revoke,
} from './keys.js';
import { KEY_KINDS, type MadeKey } from './rules.js';

/** A partner's keys, each with its revoke button. */
export function renderKeys(page: StuePartnersPage, partner: PartnerView): TemplateResult {
  const t = page.t.partners;
  const { lang } = page.context;
  if (partner.keys.length === 0) return html`<p>${t.noKeys}</p>`;
  return dataTable({
    label: t.keysTableLabel(partner.name),
    caption: t.keysCaption(partner.name),
    columns: [
      t.keyColumns.key,
      t.keyColumns.kind,
      t.keyColumns.made,
      t.keyColumns.state,
      t.keyColumns.action,
    ],
    rows: partner.keys,
    row: (key) => html`
      <th scope="row">
        ${
          key.prefix
            ? html`<span class="mono">${key.prefix}…</span>`
            : html`<span class="muted">${t.olderKey}</span>`
        }
      </th>
      <td>${t.keyKinds[key.kind]}</td>
      <td class="nowrap">${formatDateTime(key.createdAt, lang)}</td>
      <td>
        ${
          key.revokedAt
            ? html`<span class="tag closed"
                >${t.revokedOn(formatDateTime(key.revokedAt, lang))}</span
              >`
            : html`<span class="tag ok">${t.active}</span>`
        }
      </td>
      <td>
        ${
          key.revokedAt
            ? nothing
            : html`<button
                type="button"
                class="secondary small"
                id="revoke-${key.id}"
                @click=${() => askRevoke(page, partner, key)}
              >
                ${t.revoke}<span class="visually-hidden"> ${keyName(page, key)}</span>
              </button>`
        }
      </td>
    `,
  });
}

/** The confirmation that names the key to revoke. */
export function renderConfirm(page: StuePartnersPage, key: PartnerKey): TemplateResult {
  const t = page.t.partners;
  return html`
    <div class="panel confirm" role="group" aria-labelledby="confirm-question">
      <p id="confirm-question" tabindex="-1">
        <strong>${t.revokeQuestion(keyName(page, key))}</strong>
      </p>
      ${
        page.revokeProblem
          ? html`<p class="error-message" id="revoke-problem" tabindex="-1" role="alert">
              ${page.revokeProblem}
            </p>`
          : nothing
      }
      ${warningActions({
        confirm: t.revokeYes,
        cancel: page.t.cancel,
        busy: page.busy,
        onConfirm: () => revoke(page),
        onCancel: () => cancelRevoke(page),
      })}
    </div>
  `;
}

/** The form to make a key of a kind. */
export function renderNewKeyForm(page: StuePartnersPage, partner: PartnerView): TemplateResult {
  const t = page.t.partners;
  const error = page.errors.find((e) => e.field === 'new-key-kind');
  return html`
    <section class="panel new-key" aria-labelledby="new-key-heading">
      <h4 id="new-key-heading" tabindex="-1">${t.newKeyFor(partner.name)}</h4>
      ${errorSummary(page.t, page.errors)}
      <form novalidate @submit=${(event: SubmitEvent) => makeKey(page, event)}>
        <fieldset
          class="field ${error ? 'has-error' : ''}"
          aria-describedby=${error ? 'new-key-kind-error' : nothing}
        >
          <legend>${t.kindLegend}</legend>
          ${
            error
              ? html`<span class="error-message" id="new-key-kind-error">${error.message}</span>`
              : nothing
          }
          <div class="choices stack">
            ${KEY_KINDS.map(
              (kind, index) => html`
                <label class="choice">
                  <input
                    type="radio"
                    name="kind"
                    value=${kind}
                    id=${index === 0 ? 'new-key-kind' : `new-key-kind-${kind}`}
                    aria-describedby="new-key-hint-${kind}"
                  />
                  <span>${t.kindChoices[kind]}</span>
                </label>
                <span class="choice-hint" id="new-key-hint-${kind}">${t.kindHints[kind]}</span>
              `,
            )}
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" aria-disabled=${page.busy ? 'true' : 'false'}>${t.make}</button>
          <button type="button" class="secondary" @click=${() => closeNewKey(page)}>
            ${page.t.cancel}
          </button>
        </div>
      </form>
    </section>
  `;
}

/** A key just made, shown this once, with a copy button. */
export function renderMade(page: StuePartnersPage, made: MadeKey): TemplateResult {
  const t = page.t.partners;
  const { kind } = made.summary;
  return html`
    <section class="panel made" aria-labelledby="made-heading">
      <h4 id="made-heading" tabindex="-1">${t.madeHeading(kind)}</h4>
      <p>${t.madeFor(made.partnerName)}</p>
      <p class="warning-text" id="made-warning">${t.onceWarning}</p>
      ${kind === 'secret' ? html`<p>${t.secretWarning}</p>` : nothing}
      <p class="label" id="made-key-label">${t.keyLabel}</p>
      <p class="key" id="made-key" tabindex="-1">${made.key}</p>
      <p role="status" class=${page.copyState === 'failed' ? 'error-message' : ''}>
        ${page.copyState === 'copied' ? t.copied : page.copyState === 'failed' ? t.copyFailed : ''}
      </p>
      <div class="actions">
        <button type="button" @click=${() => copyKey(page)}>${t.copy}</button>
        <button type="button" class="secondary" @click=${() => closeMade(page)}>
          ${t.closeKey}
        </button>
      </div>
    </section>
  `;
}
