import type { Musician, MusicianInput } from '@stue/core';
import { html, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { allPages, createMusician, getMusician, listMusicians, updateMusician } from '../api.js';
import { RecordsPage, type WithHistory } from '../internal/records-page.js';
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
export class StueMusiciansPage extends RecordsPage<Musician> {
  static override styles = musiciansStyles;

  /** The page's texts, and the console's shared ones. */
  override get t() {
    return musiciansStrings(this.context?.lang ?? 'da');
  }

  @state() accessor musicians: Musician[] = [];
  @state() accessor historyProblem = false;

  protected readonly fieldPrefix = 'musician';
  protected readonly addFields = FIELDS;
  protected readonly editFields = EDIT_FIELDS;

  /** Loads every musician. */
  async load(): Promise<void> {
    await this.pageState.load(async () => {
      this.musicians = await allPages((cursor) => listMusicians(this.context.api, { cursor }));
    });
  }

  protected add(data: FormData, id: string): Promise<Musician> {
    const input: MusicianInput = { schemaVersion: 1, id, ...musicianFields(data), active: true };
    return this.write(createMusician, input);
  }

  protected addedNotice(musician: Musician): string {
    return this.t.musicians.created(musician.name);
  }

  /** Opens the edit form for a musician, then fetches their history. */
  override edit(musician: Musician): Promise<void> {
    this.historyProblem = false;
    return super.edit(musician);
  }

  protected read(musician: Musician): Promise<WithHistory<Musician>> {
    return getMusician(this.context.api, musician.id);
  }

  protected historyFailed(): void {
    this.historyProblem = true;
  }

  protected change(editing: Musician, data: FormData): Promise<Musician> {
    const patch = { ...musicianFields(data), active: data.get('active') === 'true' };
    return this.write(updateMusician, editing.id, patch);
  }

  protected savedNotice(saved: Musician, before: Musician): string {
    return saved.updatedAt === before.updatedAt
      ? this.t.musicians.unchanged(saved.name)
      : this.t.musicians.saved(saved.name);
  }

  protected goneNotice(): string {
    return this.t.musicians.gone;
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
