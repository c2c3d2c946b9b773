import {
  MUSIC_GENRES,
  newId,
  StueHttpError,
  VISIT_LANGUAGES,
  type Musician,
  type MusicianInput,
} from '@stue/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { allPages, createMusician, listMusicians } from '../api.js';
import {
  checkboxesField,
  errorsFromFailure,
  errorSummary,
  failureMessage,
  focusErrorSummary,
  formText,
  inputField,
  selectField,
  type FieldError,
} from '../internal/forms.js';
import {
  formatPhone,
  languageName,
  listInWords,
  municipalityChoices,
  municipalityName,
} from '../internal/labels.js';
import { ConsolePage } from '../internal/page.js';
import { sharedStyles } from '../internal/styles.js';

/** The tag the musicians page is registered under. */
export const MUSICIANS_PAGE_TAG = 'stue-musicians-page';

const FIELDS = ['name', 'phone', 'email', 'homeMunicipalityCode', 'languages', 'genres'];

/**
 * Musicians: the list (name, how to reach them, where they drive from, languages, music,
 * active), and a form to add one. The hub checks the input and answers field by field; its
 * messages come in the console's language.
 *
 * @summary The coordinator's page for musicians.
 */
export class StueMusiciansPage extends ConsolePage {
  static override styles = [
    sharedStyles,
    css`
      td.nowrap {
        white-space: nowrap;
      }
    `,
  ];

  @state() accessor musicians: Musician[] = [];
  @state() accessor loading = false;
  @state() accessor problem = '';
  @state() accessor errors: FieldError[] = [];
  @state() accessor busy = false;
  @state() accessor notice = '';

  /** The new musician's id, made once and reused until the hub has the record. */
  #pendingId: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Loads every musician. */
  async load(): Promise<void> {
    this.loading = true;
    this.problem = '';
    try {
      this.musicians = await allPages((cursor) => listMusicians(this.context.api, { cursor }));
    } catch (error) {
      if (this.sessionLost(error)) return;
      this.problem = failureMessage(this.t, error);
    } finally {
      this.loading = false;
    }
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.#pendingId ??= newId();
    const input: MusicianInput = {
      schemaVersion: 1,
      id: this.#pendingId,
      name: formText(data, 'name'),
      phone: formText(data, 'phone'),
      email: formText(data, 'email'),
      homeMunicipalityCode: formText(
        data,
        'homeMunicipalityCode',
      ) as MusicianInput['homeMunicipalityCode'],
      languages: data.getAll('languages').map(String) as MusicianInput['languages'],
      genres: data.getAll('genres').map(String) as MusicianInput['genres'],
      active: true,
    };
    this.busy = true;
    this.notice = '';
    try {
      const musician = await createMusician(
        this.context.api,
        this.context.session.csrfToken,
        input,
      );
      this.#pendingId = undefined;
      this.errors = [];
      form.reset();
      this.notice = this.t.musicians.created(musician.name);
      await this.load();
      await this.focusOn('.notice');
    } catch (error) {
      if (this.sessionLost(error)) return;
      // The same id with other details: the first try reached the hub. Start a new record.
      if (error instanceof StueHttpError && error.code === 'record_conflict') {
        this.#pendingId = undefined;
      }
      this.errors = errorsFromFailure(this.t, error, (path) =>
        FIELDS.includes(path) ? `musician-${path}` : undefined,
      );
      await focusErrorSummary(this);
    } finally {
      this.busy = false;
    }
  }

  private renderList(): TemplateResult {
    const t = this.t.musicians;
    const { lang } = this.context;
    if (this.musicians.length === 0) {
      return this.loading ? html`<p>${this.t.loading}</p>` : html`<p>${t.none}</p>`;
    }
    return html`
      <div class="table-wrap" role="region" aria-label=${t.tableLabel} tabindex="0">
        <table>
          <caption>
            ${t.caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.columns.name}</th>
              <th scope="col">${t.columns.phone}</th>
              <th scope="col">${t.columns.email}</th>
              <th scope="col">${t.columns.home}</th>
              <th scope="col">${t.columns.languages}</th>
              <th scope="col">${t.columns.genres}</th>
              <th scope="col">${t.columns.active}</th>
            </tr>
          </thead>
          <tbody>
            ${this.musicians.map(
              (m) => html`
                <tr>
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
                            m.genres.map((g) => this.t.genres[g]),
                            lang,
                          )
                        : this.t.notGiven
                    }
                  </td>
                  <td>${m.active ? this.t.yes : this.t.no}</td>
                </tr>
              `,
            )}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderForm(): TemplateResult {
    const t = this.t.musicians;
    const { lang } = this.context;
    const errors = this.errors;
    return html`
      <section class="panel" aria-labelledby="create-heading">
        <h2 id="create-heading">${t.createHeading}</h2>
        ${errorSummary(this.t, errors, this.renderRoot as ShadowRoot)}
        <form novalidate @submit=${this.submit}>
          ${inputField({ id: 'musician-name', name: 'name', label: t.name, autocomplete: 'off', errors })}
          <div class="row">
            ${inputField({
              id: 'musician-phone',
              name: 'phone',
              type: 'tel',
              label: t.phone,
              hint: t.phoneHint,
              autocomplete: 'off',
              errors,
            })}
            ${inputField({
              id: 'musician-email',
              name: 'email',
              type: 'email',
              label: t.email,
              autocomplete: 'off',
              errors,
            })}
          </div>
          ${selectField({
            id: 'musician-homeMunicipalityCode',
            name: 'homeMunicipalityCode',
            label: t.home,
            placeholder: t.chooseMunicipality,
            choices: municipalityChoices(lang),
            errors,
          })}
          ${checkboxesField({
            id: 'musician-languages',
            name: 'languages',
            label: t.languages,
            choices: VISIT_LANGUAGES.map((code) => ({
              value: code,
              label: languageName(code, lang),
            })),
            checked: ['da'],
            errors,
          })}
          ${checkboxesField({
            id: 'musician-genres',
            name: 'genres',
            label: t.genres,
            choices: MUSIC_GENRES.map((genre) => ({ value: genre, label: this.t.genres[genre] })),
            checked: [],
            errors,
          })}
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t.submit}</button>
        </form>
      </section>
    `;
  }

  protected override render(): TemplateResult {
    const t = this.t.musicians;
    return html`
      <h1 tabindex="-1">${t.heading}</h1>
      <p class="lead">${t.intro}</p>
      <p class="notice" role="status" tabindex="-1">${this.notice}</p>
      ${
        this.problem
          ? html`<div class="notice problem">
              <p>${this.problem}</p>
              <button type="button" class="secondary small" @click=${() => void this.load()}>
                ${this.t.tryAgain}
              </button>
            </div>`
          : nothing
      }
      ${this.renderList()} ${this.renderForm()}
    `;
  }
}

/** Registers `<stue-musicians-page>`; harmless to call twice. */
export function defineMusiciansPage(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(MUSICIANS_PAGE_TAG)) registry.define(MUSICIANS_PAGE_TAG, StueMusiciansPage);
}

declare global {
  interface HTMLElementTagNameMap {
    [MUSICIANS_PAGE_TAG]: StueMusiciansPage;
  }
}
