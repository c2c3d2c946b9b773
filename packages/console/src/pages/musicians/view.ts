/** The musicians as listed, and the forms to add and edit one. */
import { MUSIC_GENRES, type Musician, VISIT_LANGUAGES } from '@stue/core';
import { html, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { AuditEntry } from '../../api.js';
import {
  checkboxesField,
  errorSummary,
  type FieldError,
  inputField,
  selectField,
} from '../../internal/forms.js';
import { recordHistory } from '../../internal/history.js';
import { editButton } from '../../internal/records-page.js';
import {
  formatPhone,
  languageName,
  listInWords,
  municipalityChoices,
  municipalityName,
} from '../../internal/labels.js';
import { dataTable } from '../../internal/table.js';
import type { StueMusiciansPage } from '../musicians-page.js';

/** The table of musicians, or a word while none is loaded. */
export function renderList(page: StueMusiciansPage): TemplateResult {
  const t = page.t.musicians;
  const { lang } = page.context;
  if (page.musicians.length === 0) {
    return page.loading ? html`<p>${page.t.loading}</p>` : html`<p>${t.none}</p>`;
  }
  return html`
    ${dataTable({
      label: t.tableLabel,
      caption: t.caption,
      columns: [
        t.columns.name,
        t.columns.phone,
        t.columns.email,
        t.columns.home,
        t.columns.languages,
        t.columns.genres,
        t.columns.active,
        t.actionsColumn,
      ],
      rows: page.musicians,
      row: (m) => html`
        <th scope="row">${m.name}</th>
        <td class="nowrap"><a href="tel:${m.phone}">${formatPhone(m.phone)}</a></td>
        <td><a href="mailto:${m.email}">${m.email}</a></td>
        <td>${municipalityName(m.homeMunicipalityCode)}</td>
        <td>
          ${listInWords(
            m.languages.map((code) => languageName(code, lang)),
            lang,
          )}
        </td>
        <td>
          ${
            m.genres.length
              ? listInWords(
                  m.genres.map((g) => page.t.genres[g]),
                  lang,
                )
              : page.t.notGiven
          }
        </td>
        <td>${m.active ? page.t.yes : page.t.no}</td>
        <td>${editButton(page, m, { hidden: m.name })}</td>
      `,
    })}
  `;
}

/** The form to add a musician. */
export function renderForm(page: StueMusiciansPage): TemplateResult {
  const t = page.t.musicians;
  const errors = page.errors;
  return html`
    <section class="panel" aria-labelledby="create-heading">
      <h2 id="create-heading">${t.createHeading}</h2>
      ${errorSummary(page.t, errors)}
      <form novalidate @submit=${page.submit}>
        ${renderFields(page, 'musician-', errors)}
        <button type="submit" aria-disabled=${page.busy ? 'true' : 'false'}>${t.submit}</button>
      </form>
    </section>
  `;
}

/** The fields both forms share, for the create form (`musician-`) or the edit form. */
export function renderFields(
  page: StueMusiciansPage,
  prefix: string,
  errors: readonly FieldError[],
  musician?: Musician,
): TemplateResult {
  const t = page.t.musicians;
  const { lang } = page.context;
  return html`
    ${inputField({ id: `${prefix}name`, name: 'name', label: t.name, autocomplete: 'off', value: musician?.name, errors })}
    <div class="row">
      ${inputField({
        id: `${prefix}phone`,
        name: 'phone',
        type: 'tel',
        label: t.phone,
        hint: t.phoneHint,
        autocomplete: 'off',
        value: musician && formatPhone(musician.phone),
        errors,
      })}
      ${inputField({
        id: `${prefix}email`,
        name: 'email',
        type: 'email',
        label: t.email,
        autocomplete: 'off',
        value: musician?.email,
        errors,
      })}
    </div>
    ${selectField({
      id: `${prefix}homeMunicipalityCode`,
      name: 'homeMunicipalityCode',
      label: t.home,
      placeholder: t.chooseMunicipality,
      choices: municipalityChoices(lang),
      value: musician?.homeMunicipalityCode,
      errors,
    })}
    ${checkboxesField({
      id: `${prefix}languages`,
      name: 'languages',
      label: t.languages,
      choices: VISIT_LANGUAGES.map((code) => ({
        value: code,
        label: languageName(code, lang),
      })),
      checked: musician?.languages ?? ['da'],
      errors,
    })}
    ${checkboxesField({
      id: `${prefix}genres`,
      name: 'genres',
      label: t.genres,
      choices: MUSIC_GENRES.map((genre) => ({ value: genre, label: page.t.genres[genre] })),
      checked: musician?.genres ?? [],
      errors,
    })}
  `;
}

/** The form to edit a musician, with their history. */
export function renderEdit(
  page: StueMusiciansPage,
  musician: Musician & { history?: AuditEntry[] },
): TemplateResult {
  const t = page.t.musicians;
  const errors = page.editErrors;
  const activeError = errors.find((e) => e.field === 'edit-musician-active');
  const labels: Record<string, string> = {
    name: t.name,
    phone: t.phone,
    email: t.email,
    homeMunicipalityCode: t.columns.home,
    languages: t.columns.languages,
    genres: t.columns.genres,
    active: t.active,
  };
  return html`
    <section class="panel" aria-labelledby="edit-heading">
      <h2 id="edit-heading" tabindex="-1">${t.editHeading(musician.name)}</h2>
      ${errorSummary(page.t, errors)}
      ${keyed(
        musician.id,
        html`<form novalidate @submit=${page.save}>
          ${renderFields(page, 'edit-musician-', errors, musician)}
          <div class="field ${activeError ? 'has-error' : ''}">
            <label class="choice">
              <input
                type="checkbox"
                id="edit-musician-active"
                name="active"
                value="true"
                .defaultChecked=${musician.active}
                aria-describedby="edit-musician-active-hint"
              />
              <span>${t.activeLabel}</span>
            </label>
            <span class="hint" id="edit-musician-active-hint">${t.activeHint}</span>
          </div>
          <div class="actions">
            <button type="submit" aria-disabled=${page.busy ? 'true' : 'false'}>${t.save}</button>
            <button type="button" class="secondary" @click=${() => void page.closeEdit()}>
              ${page.t.cancel}
            </button>
          </div>
        </form>`,
      )}
      ${
        page.historyProblem
          ? html`<p>${t.historyProblem}</p>`
          : musician.history
            ? recordHistory(page.t, page.context, musician.history, labels, 'history-heading')
            : html`<p>${page.t.loading}</p>`
      }
    </section>
  `;
}
