/** The data-rights section: the consents, the export, and the forms to record, withdraw and erase. */
import { CONSENT_PERSONS, CONSENT_SCOPES, CONSENT_VIA } from '@stue/core';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { exportUrl, type NominationDetail } from '../../api.js';
import {
  errorSummary,
  inputField,
  radiosField,
  textareaField,
  warningForm,
} from '../../internal/forms.js';
import { formatDateTime } from '../../internal/time.js';
import type { StueNominationPage } from '../nomination-page.js';
import {
  closeRights,
  hostContactWithdrawn,
  openRights,
  submitConsentRecord,
  submitConsentWithdrawal,
  submitErase,
} from './rights-actions.js';
import { type RightsForm, WITHDRAWN_ERASURE_DAYS } from './rules.js';

/** The consents as a table, or why they are missing. */
export function renderConsentRows(page: StueNominationPage): TemplateResult {
  const t = page.t.pairData;
  const { lang } = page.context;
  if (page.consentsProblem) return html`<p class="notice problem">${page.consentsProblem}</p>`;
  if (!page.consents) return html`<p class="muted">${page.t.loading}</p>`;
  if (page.consents.length === 0) return html`<p>${t.none}</p>`;
  return html`
    <div class="table-wrap">
      <table class="consents">
        <caption>
          ${t.caption}
        </caption>
        <thead>
          <tr>
            <th scope="col">${t.person}</th>
            <th scope="col">${t.scope}</th>
            <th scope="col">${t.via}</th>
            <th scope="col">${t.givenAt}</th>
            <th scope="col">${t.notice}</th>
            <th scope="col">${t.withdrawn}</th>
          </tr>
        </thead>
        <tbody>
          ${page.consents.map(
            (consent) =>
              html`<tr>
                <td>${t.persons[consent.person] ?? consent.person}</td>
                <td>${t.scopes[consent.scope] ?? consent.scope}</td>
                <td>
                  ${page.t.consentVia[consent.via as keyof typeof page.t.consentVia] ?? consent.via}
                </td>
                <td>${formatDateTime(consent.givenAt, lang)}</td>
                <td>${consent.noticeVersion}</td>
                <td>
                  ${consent.withdrawnAt ? formatDateTime(consent.withdrawnAt, lang) : t.notWithdrawn}
                </td>
              </tr>`,
          )}
        </tbody>
      </table>
    </div>
  `;
}

/** The consent-and-data section: consents, export, and what can be done. */
export function renderRights(page: StueNominationPage, item: NominationDetail): TemplateResult {
  const t = page.t.pairData;
  return html`
    <section class="panel rights" aria-labelledby="rights-heading">
      <h2 id="rights-heading">${t.heading}</h2>
      <p>${t.intro}</p>
      ${renderConsentRows(page)}
      <p class="rights-notice notice" role="status" tabindex="-1">${page.rightsNotice}</p>
      ${renderRightsForm(page, item)}
    </section>
  `;
}

/** The open form of the "consent and data" section, or the buttons that open one. */
export function renderRightsForm(page: StueNominationPage, item: NominationDetail): TemplateResult {
  switch (page.rightsForm) {
    case 'consent-record':
      return renderConsentRecordForm(page, item);
    case 'consent-withdraw':
      return renderConsentWithdrawForm(page);
    case 'erase':
      return renderEraseForm(page, item);
    default:
      return renderRightsActions(page, item);
  }
}

/** The buttons of the section (record, withdraw, export, erase) allowed now. */
export function renderRightsActions(
  page: StueNominationPage,
  item: NominationDetail,
): TemplateResult {
  const t = page.t.pairData;
  const open = (
    form: Exclude<RightsForm, undefined>,
    label: string,
    style: 'secondary' | 'warning',
    hint?: string,
  ) => html`
    <div class="action">
      <button
        type="button"
        class=${style}
        id="open-${form}"
        aria-describedby=${ifDefined(hint ? `${form}-hint` : undefined)}
        @click=${() => openRights(page, form)}
      >
        ${label}
      </button>
      ${hint ? html`<p class="hint" id="${form}-hint">${hint}</p>` : nothing}
    </div>
  `;
  return html`
    ${open('consent-record', t.record, 'secondary', t.recordHint)}
    ${hostContactWithdrawn(page) ? nothing : open('consent-withdraw', t.withdraw, 'secondary')}
    <div class="action">
      <a
        class="button secondary"
        id="export-link"
        href=${exportUrl(page.context.api, item.id)}
        download="stue-${item.reference}.json"
        aria-describedby="export-hint"
        >${t.exportLink}</a
      >
      <p class="hint" id="export-hint">${t.exportHint}</p>
    </div>
    ${open('erase', t.erase, 'warning', t.eraseHint)}
  `;
}

/** The form to record a further consent. */
export function renderConsentRecordForm(
  page: StueNominationPage,
  item: NominationDetail,
): TemplateResult {
  const t = page.t.pairData;
  // The record's consent, or — when the hub no longer sends the record (consent withdrawn) —
  // the host's last consent to be contacted, which names the same notice.
  const version =
    item.nomination?.consent?.noticeVersion ??
    (page.consents ?? [])
      .filter((c) => c.person === 'host' && c.scope === 'nomination-contact')
      .at(-1)?.noticeVersion ??
    '';
  return html`
    <form
      novalidate
      class="record"
      @submit=${(event: SubmitEvent) => submitConsentRecord(page, event)}
      aria-labelledby="consent-record-heading"
    >
      <h3 id="consent-record-heading" tabindex="-1">${t.record}</h3>
      ${errorSummary(page.t, page.rightsErrors)}
      ${radiosField({
        id: 'consent-person',
        name: 'person',
        label: t.recordPerson,
        choices: CONSENT_PERSONS.map((value) => ({ value, label: t.persons[value]! })),
        checked: 'host',
        errors: page.rightsErrors,
      })}
      ${radiosField({
        id: 'consent-scope',
        name: 'scope',
        label: t.recordScope,
        choices: CONSENT_SCOPES.map((value) => ({
          value,
          label: t.scopes[value]!,
          hint: t.recordScopeHints[value]!,
        })),
        stack: true,
        errors: page.rightsErrors,
      })}
      ${radiosField({
        id: 'consent-via',
        name: 'via',
        label: t.recordVia,
        choices: CONSENT_VIA.map((value) => ({ value, label: t.recordViaChoices[value] })),
        checked: 'visiting-friend',
        errors: page.rightsErrors,
      })}
      ${inputField({
        id: 'consent-at',
        name: 'at',
        type: 'datetime-local',
        label: t.recordAt,
        hint: t.recordAtHint,
        value: page.consentFormOpenedAt,
        errors: page.rightsErrors,
      })}
      ${inputField({
        id: 'consent-notice',
        name: 'noticeVersion',
        label: t.recordNotice,
        hint: t.recordNoticeHint(version),
        value: version,
        autocomplete: 'off',
        inputClass: 'short',
        errors: page.rightsErrors,
      })}
      <div class="actions">
        <button type="submit" aria-disabled=${page.busy ? 'true' : 'false'}>
          ${t.recordSubmit}
        </button>
        <button type="button" class="secondary" @click=${() => closeRights(page)}>
          ${page.t.cancel}
        </button>
      </div>
    </form>
  `;
}

/**
 * The confirmation of a step on the pair's data that cannot be undone (withdraw consent, erase)
 * in the warning frame, with what the step will do and the field it asks for: its heading is where `openRights` puts focus, it shows the section's
 * errors, and Cancel closes it.
 */
function rightsWarningForm(
  page: StueNominationPage,
  form: Exclude<RightsForm, undefined>,
  words: { heading: string; confirm: string; effects: readonly string[] },
  onSubmit: (event: SubmitEvent) => unknown,
  field: TemplateResult,
): TemplateResult {
  return warningForm(
    {
      id: `${form}-heading`,
      heading: words.heading,
      t: page.t,
      errors: page.rightsErrors,
      class: 'confirm',
      onSubmit,
      confirm: words.confirm,
      busy: page.busy,
      onCancel: () => closeRights(page),
    },
    html`
      <ul>
        ${words.effects.map((line) => html`<li>${line}</li>`)}
      </ul>
      ${field}
    `,
  );
}

/** The confirmation of a consent withdrawal, with its reason. */
export function renderConsentWithdrawForm(page: StueNominationPage): TemplateResult {
  const t = page.t.pairData;
  return rightsWarningForm(
    page,
    'consent-withdraw',
    {
      heading: t.withdrawHeading,
      confirm: t.withdrawConfirm,
      effects: t.withdrawEffects(WITHDRAWN_ERASURE_DAYS),
    },
    (event) => submitConsentWithdrawal(page, event),
    textareaField({
      id: 'consent-withdraw-reason',
      name: 'reason',
      label: t.withdrawReason,
      hint: page.t.nomination.reasonHint,
      rows: 2,
      errors: page.rightsErrors,
    }),
  );
}

/** The confirmation of an erasure: the reference typed to confirm. */
export function renderEraseForm(page: StueNominationPage, item: NominationDetail): TemplateResult {
  const t = page.t.pairData;
  return rightsWarningForm(
    page,
    'erase',
    { heading: t.eraseHeading, confirm: t.eraseConfirm, effects: t.eraseEffects },
    (event) => submitErase(page, event),
    inputField({
      id: 'erase-reference',
      name: 'reference',
      label: t.eraseReference(item.reference),
      autocomplete: 'off',
      inputClass: 'reference',
      errors: page.rightsErrors,
    }),
  );
}
