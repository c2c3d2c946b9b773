import { newId, StueHttpError } from '@stue/core';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { AuditEntry } from '../api.js';
import { errorsFromFailure, type FieldError, focusErrorSummary } from './forms.js';
import { ConsolePage } from './page.js';

/** A record as the edit form shows it: with its history once the hub has sent it. */
export type WithHistory<R> = R & { history?: AuditEntry[] };

/**
 * What the pages that keep a list of records have in common (musicians, tour days): a form that
 * adds one under an id made once and kept until the hub has it (so a retry cannot make two), and
 * an edit form that opens on a record, fetches its history, saves a change, and says so when the
 * record was deleted meanwhile. The hub checks the input and answers field by field; its
 * messages are linked to the fields `${fieldPrefix}-…` (adding) and `edit-${fieldPrefix}-…`.
 *
 * A page says how its records are sent, read and named in the hooks below, and renders them.
 */
export abstract class RecordsPage<R extends { id: string }> extends ConsolePage {
  @state() accessor errors: FieldError[] = [];
  @state() accessor notice = '';
  /** The record being edited, with its history once the hub has sent it. */
  @state() accessor editing: WithHistory<R> | undefined;
  @state() accessor editErrors: FieldError[] = [];

  /** The new record's id, made once and reused until the hub has the record. */
  pendingId: string | undefined;

  /** What the ids of the page's fields start with (`musician` for `#musician-name`). */
  protected abstract readonly fieldPrefix: string;
  /** The fields of the add form the hub's messages can be about. */
  protected abstract readonly addFields: readonly string[];
  /** The fields of the edit form the hub's messages can be about. */
  protected abstract readonly editFields: readonly string[];

  /** Loads the page's records (and what their forms choose from). */
  abstract load(): Promise<void>;
  /** Sends the add form's record to the hub under `id`; answers with what the hub stored. */
  protected abstract add(data: FormData, id: string): Promise<R>;
  /** The notice once a record is added. */
  protected abstract addedNotice(record: R): string;
  /** Reads a record with its history, for the edit form. */
  protected abstract read(record: R): Promise<WithHistory<R>>;
  /** Shows that the record's history could not be read. */
  protected abstract historyFailed(record: R): void;
  /** Sends the edit form's change to the hub; answers with what the hub stored. */
  protected abstract change(editing: R, data: FormData): Promise<R>;
  /** The notice once a change is saved (`before` is the record as it was). */
  protected abstract savedNotice(saved: R, before: R): string;
  /** The notice when the record turns out to be deleted meanwhile. */
  protected abstract goneNotice(): string;
  /** The page's words for the hub's refusals of a change, by their code. */
  protected saveRefusals(): Record<string, string> {
    return {};
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** The id of the field a message of the hub's is about, if the form has it. */
  private fieldId(fields: readonly string[], prefix: string) {
    return (path: string) => (fields.includes(path) ? `${prefix}${path}` : undefined);
  }

  /** Adds the record the add form describes, or shows the hub's objections field by field. */
  async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    this.pendingId ??= newId();
    const id = this.pendingId;
    this.notice = '';
    await this.pageState.run(
      async () => {
        const record = await this.add(data, id);
        this.pendingId = undefined;
        this.errors = [];
        form.reset();
        this.notice = this.addedNotice(record);
        await this.load();
        await this.focusOn('.notice');
      },
      async (error) => {
        // The same id with other details: the first try reached the hub. Start a new record.
        if (error instanceof StueHttpError && error.code === 'record_conflict') {
          this.pendingId = undefined;
        }
        this.errors = errorsFromFailure(
          this.t,
          error,
          this.fieldId(this.addFields, `${this.fieldPrefix}-`),
        );
        await focusErrorSummary(this);
      },
    );
  }

  /** Opens the edit form for a record, then fetches its history. */
  async edit(record: R): Promise<void> {
    this.editing = record;
    this.editErrors = [];
    this.notice = '';
    await this.focusOn('#edit-heading');
    await this.pageState.guard(
      async () => {
        const read = await this.read(record);
        if (this.editing?.id === record.id) this.editing = read;
      },
      () => {
        if (this.editing?.id === record.id) this.historyFailed(record);
      },
    );
  }

  /** Closes the edit form and gives focus back to the record's Edit button. */
  async closeEdit(): Promise<void> {
    const id = this.editing?.id;
    this.editing = undefined;
    this.editErrors = [];
    if (id) await this.focusOn(`[data-edit="${id}"]`);
  }

  /** The record is gone (someone else deleted it): say so and refresh the list. */
  async gone(): Promise<void> {
    this.editing = undefined;
    this.notice = this.goneNotice();
    await this.load();
    await this.focusOn('.notice');
  }

  /** Saves the edit form's change, or shows the hub's objections field by field. */
  async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const editing = this.editing;
    if (this.busy || !editing) return;
    const data = new FormData(event.target as HTMLFormElement);
    this.notice = '';
    await this.pageState.run(
      async () => {
        const saved = await this.change(editing, data);
        this.notice = this.savedNotice(saved, editing);
        this.editing = undefined;
        this.editErrors = [];
        await this.load();
        await this.focusOn('.notice');
      },
      async (error) => {
        if (error instanceof StueHttpError && error.status === 404) return this.gone();
        this.editErrors = errorsFromFailure(
          this.t,
          error,
          this.fieldId(this.editFields, `edit-${this.fieldPrefix}-`),
          this.saveRefusals(),
        );
        await focusErrorSummary(this);
      },
    );
  }
}

/**
 * A record's Edit button in its page's list: it opens the edit form, says whether that is open,
 * and is where {@link RecordsPage.closeEdit} gives focus back (`data-edit`). It names the record
 * for screen readers either as its `ariaLabel` or as `hidden` text after "Edit".
 */
export function editButton<R extends { id: string }>(
  page: RecordsPage<R>,
  record: R,
  name: { ariaLabel?: string; hidden?: string },
): TemplateResult {
  return html`<button
    type="button"
    class="secondary small"
    data-edit=${record.id}
    aria-expanded=${page.editing?.id === record.id ? 'true' : 'false'}
    aria-label=${ifDefined(name.ariaLabel)}
    @click=${() => void page.edit(record)}
  >
    ${page.t.edit}${
      name.hidden === undefined
        ? nothing
        : html`<span class="visually-hidden"> ${name.hidden}</span>`
    }
  </button>`;
}
