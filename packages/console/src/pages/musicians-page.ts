import { type Musician, type MusicianInput, newId, StueHttpError } from '@stue/core';
import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import {
  allPages,
  type AuditEntry,
  createMusician,
  getMusician,
  listMusicians,
  updateMusician,
} from '../api.js';
import { errorsFromFailure, type FieldError, focusErrorSummary } from '../internal/forms.js';
import { ConsolePage } from '../internal/page.js';
import { musiciansStrings } from '../strings/musicians.js';
import { EDIT_FIELDS, FIELDS, musicianFields } from './musicians/rules.js';
import { musiciansStyles } from './musicians/styles.js';
import { renderEdit, renderForm, renderList } from './musicians/view.js';

/** The tag the musicians page is registered under. */
export const MUSICIANS_PAGE_TAG = 'stue-musicians-page';

/**
 * Musicians: the list (name, how to reach them, where they drive from, languages, music,
 * active), a form to add one, and one to edit a musician (with their history). The hub checks
 * the input and answers field by field; its messages come in the console's language.
 *
 * @summary The coordinator's page for musicians.
 */
export class StueMusiciansPage extends ConsolePage {
  static override styles = musiciansStyles;

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
  pendingId: string | undefined;

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

  async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.pendingId ??= newId();
    const input: MusicianInput = {
      schemaVersion: 1,
      id: this.pendingId,
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
        this.pendingId = undefined;
        this.errors = [];
        form.reset();
        this.notice = this.t.musicians.created(musician.name);
        await this.load();
        await this.focusOn('.notice');
      },
      async (error) => {
        // The same id with other details: the first try reached the hub. Start a new record.
        if (error instanceof StueHttpError && error.code === 'record_conflict') {
          this.pendingId = undefined;
        }
        this.errors = errorsFromFailure(this.t, error, (path) =>
          FIELDS.includes(path) ? `musician-${path}` : undefined,
        );
        await focusErrorSummary(this);
      },
    );
  }

  /** Opens the edit form for a musician, then fetches their history. */
  async edit(musician: Musician): Promise<void> {
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
  async closeEdit(): Promise<void> {
    const id = this.editing?.id;
    this.editing = undefined;
    this.editErrors = [];
    if (id) await this.focusOn(`[data-edit="${id}"]`);
  }

  async save(event: SubmitEvent): Promise<void> {
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

  protected override render(): TemplateResult {
    const t = this.t.musicians;
    return html`
      <h1 tabindex="-1">${t.heading}</h1>
      <p class="lead">${t.intro}</p>
      <p class="notice" role="status" tabindex="-1">${this.notice}</p>
      ${this.problemNotice(() => this.load())} ${renderList(this)}
      ${this.editing ? renderEdit(this, this.editing) : renderForm(this)}
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
