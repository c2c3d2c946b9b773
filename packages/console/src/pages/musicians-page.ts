import {
  MUSIC_GENRES,
  newId,
  StueHttpError,
  VISIT_LANGUAGES,
  type Musician,
  type MusicianInput,
} from '@stue/core';
import { css, html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import {
  allPages,
  createMusician,
  getMusician,
  listMusicians,
  updateMusician,
  type AuditEntry,
} from '../api.js';
import {
  checkboxesField,
  errorsFromFailure,
  errorSummary,
  focusErrorSummary,
  formText,
  inputField,
  selectField,
  type FieldError,
} from '../internal/forms.js';
import { recordHistory } from '../internal/history.js';
import {
  formatPhone,
  languageName,
  listInWords,
  municipalityChoices,
  municipalityName,
} from '../internal/labels.js';
import { ConsolePage } from '../internal/page.js';
import { sharedStyles } from '../internal/styles.js';
import { musiciansStrings } from '../strings/musicians.js';

/** The tag the musicians page is registered under. */
export const MUSICIANS_PAGE_TAG = 'stue-musicians-page';

const FIELDS = ['name', 'phone', 'email', 'homeMunicipalityCode', 'languages', 'genres'];
const EDIT_FIELDS = [...FIELDS, 'active'];

/** What a form says about a musician, as the hub takes it. */
function musicianFields(data: FormData) {
  return {
    name: formText(data, 'name'),
    phone: formText(data, 'phone'),
    email: formText(data, 'email'),
    homeMunicipalityCode: formText(
      data,
      'homeMunicipalityCode',
    ) as MusicianInput['homeMunicipalityCode'],
    languages: data.getAll('languages').map(String) as MusicianInput['languages'],
    genres: data.getAll('genres').map(String) as MusicianInput['genres'],
  };
}

/**
 * Musicians: the list (name, how to reach them, where they drive from, languages, music,
 * active), a form to add one, and one to edit a musician (with their history). The hub checks
 * the input and answers field by field; its messages come in the console's language.
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

  /** The page's texts, and the console's shared ones. */
  override get t() {
    return musiciansStrings(this.context?.lang ?? 'da');
  }

  @state() accessor musicians: Musician[] = [];
  @state() accessor errors: FieldError[] = [];
  @state() accessor notice = '';
  /** The musician being edited, with their history once the hub has sent it. */
  @state() accessor editing: (Musician & { history?: AuditEntry[] }) | undefined;
  @state() accessor editErrors: FieldError[] = [];
  @state() accessor historyProblem = false;

  /** The new musician's id, made once and reused until the hub has the record. */
  #pendingId: string | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Loads every musician. */
  async load(): Promise<void> {
    await this.pageState.load(async () => {
      this.musicians = await allPages((cursor) => listMusicians(this.context.api, { cursor }));
    });
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
      ...musicianFields(data),
      active: true,
    };
    this.notice = '';
    await this.pageState.run(
      async () => {
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
      },
      async (error) => {
        // The same id with other details: the first try reached the hub. Start a new record.
        if (error instanceof StueHttpError && error.code === 'record_conflict') {
          this.#pendingId = undefined;
        }
        this.errors = errorsFromFailure(this.t, error, (path) =>
          FIELDS.includes(path) ? `musician-${path}` : undefined,
        );
        await focusErrorSummary(this);
      },
    );
  }

  /** Opens the edit form for a musician, then fetches their history. */
  private async edit(musician: Musician): Promise<void> {
    this.editing = musician;
    this.editErrors = [];
    this.historyProblem = false;
    this.notice = '';
    await this.focusOn('#edit-heading');
    await this.pageState.guard(
      async () => {
        const read = await getMusician(this.context.api, musician.id);
        if (this.editing?.id === musician.id) this.editing = read;
      },
      () => {
        if (this.editing?.id === musician.id) this.historyProblem = true;
      },
    );
  }

  /** Closes the edit form and gives focus back to the musician's Edit button. */
  private async closeEdit(): Promise<void> {
    const id = this.editing?.id;
    this.editing = undefined;
    this.editErrors = [];
    if (id) await this.focusOn(`[data-edit="${id}"]`);
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const editing = this.editing;
    if (this.busy || !editing) return;
    const data = new FormData(event.target as HTMLFormElement);
    const patch = { ...musicianFields(data), active: data.get('active') === 'true' };
    this.notice = '';
    await this.pageState.run(
      async () => {
        const saved = await updateMusician(
          this.context.api,
          this.context.session.csrfToken,
          editing.id,
          patch,
        );
        this.notice =
          saved.updatedAt === editing.updatedAt
            ? this.t.musicians.unchanged(saved.name)
            : this.t.musicians.saved(saved.name);
        this.editing = undefined;
        this.editErrors = [];
        await this.load();
        await this.focusOn('.notice');
      },
      async (error) => {
        if (error instanceof StueHttpError && error.status === 404) {
          this.editing = undefined;
          this.notice = this.t.musicians.gone;
          await this.load();
          await this.focusOn('.notice');
          return;
        }
        this.editErrors = errorsFromFailure(this.t, error, (path) =>
          EDIT_FIELDS.includes(path) ? `edit-musician-${path}` : undefined,
        );
        await focusErrorSummary(this);
      },
    );
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
              <th scope="col">${t.actionsColumn}</th>
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
                  <td>
                    <button
                      type="button"
                      class="secondary small"
                      data-edit=${m.id}
                      aria-expanded=${this.editing?.id === m.id ? 'true' : 'false'}
                      @click=${() => void this.edit(m)}
                    >
                      ${this.t.edit}<span class="visually-hidden"> ${m.name}</span>
                    </button>
                  </td>
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
    const errors = this.errors;
    return html`
      <section class="panel" aria-labelledby="create-heading">
        <h2 id="create-heading">${t.createHeading}</h2>
        ${errorSummary(this.t, errors, this.renderRoot as ShadowRoot)}
        <form novalidate @submit=${this.submit}>
          ${this.renderFields('musician-', errors)}
          <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t.submit}</button>
        </form>
      </section>
    `;
  }

  /** The fields both forms share, for the create form (`musician-`) or the edit form. */
  private renderFields(
    prefix: string,
    errors: readonly FieldError[],
    musician?: Musician,
  ): TemplateResult {
    const t = this.t.musicians;
    const { lang } = this.context;
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
        choices: MUSIC_GENRES.map((genre) => ({ value: genre, label: this.t.genres[genre] })),
        checked: musician?.genres ?? [],
        errors,
      })}
    `;
  }

  private renderEdit(musician: Musician & { history?: AuditEntry[] }): TemplateResult {
    const t = this.t.musicians;
    const errors = this.editErrors;
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
        ${errorSummary(this.t, errors, this.renderRoot as ShadowRoot)}
        ${keyed(
          musician.id,
          html`<form novalidate @submit=${this.save}>
            ${this.renderFields('edit-musician-', errors, musician)}
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
              <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t.save}</button>
              <button type="button" class="secondary" @click=${() => void this.closeEdit()}>
                ${this.t.cancel}
              </button>
            </div>
          </form>`,
        )}
        ${
          this.historyProblem
            ? html`<p>${t.historyProblem}</p>`
            : musician.history
              ? recordHistory(this.t, this.context, musician.history, labels, 'history-heading')
              : html`<p>${this.t.loading}</p>`
        }
      </section>
    `;
  }

  protected override render(): TemplateResult {
    const t = this.t.musicians;
    return html`
      <h1 tabindex="-1">${t.heading}</h1>
      <p class="lead">${t.intro}</p>
      <p class="notice" role="status" tabindex="-1">${this.notice}</p>
      ${this.problemNotice(() => this.load())} ${this.renderList()}
      ${this.editing ? this.renderEdit(this.editing) : this.renderForm()}
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
