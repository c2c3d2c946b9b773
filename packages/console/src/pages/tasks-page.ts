import { containsCprNumber, danishInstant, TEXT_LIMITS } from '@stue/core';
import { css, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  listCallTasks,
  markCallDone,
  type CallState,
  type CallTask,
  type CallTaskFor,
} from '../api.js';
import {
  errorsFromFailure,
  errorSummary,
  focusErrorSummary,
  formText,
  textareaField,
  type FieldError,
} from '../internal/forms.js';
import { formatPhone, municipalityName } from '../internal/labels.js';
import { ConsolePage, TasksChangeEvent } from '../internal/page.js';
import { sharedStyles } from '../internal/styles.js';
import { dataTable } from '../internal/table.js';
import { formatDate, formatDateTime } from '../internal/time.js';
import { href } from '../router.js';
import { tasksStrings } from '../strings/tasks.js';

/** The tag the tasks page is registered under. */
export const TASKS_PAGE_TAG = 'stue-tasks-page';

/** The longest note from a call the hub keeps. */
const MAX_NOTE = TEXT_LIMITS.callNote;

/**
 * Musicians who asked in a debrief for a call: open ones longest waiting first, or the calls
 * made (`?state=done`); all, or only those for the coordinator or for a peer (`?for=`). Each
 * says whom it is for: the coordinator (with the musician's phone) or the peer the musician
 * chose, with what to pass on to them — only that the musician would like to talk after the
 * concert on that date, and how to reach them. A call is marked done with an optional short note
 * after a confirmation form; the concert links to its booking page.
 *
 * @summary The coordinator's page of call tasks.
 */
export class StueTasksPage extends ConsolePage {
  static override styles = [
    sharedStyles,
    css`
      nav ul {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        margin: 0 0 1rem;
        padding: 0;
        list-style: none;
      }
      nav a {
        display: inline-block;
        padding: 0.5rem 1rem;
        border: 2px solid var(--stue-console-accent);
        border-radius: 999px;
        text-decoration: none;
        font-weight: 600;
      }
      nav a[aria-current='page'] {
        background: var(--stue-console-accent);
        color: #fff;
      }
      .call-form {
        border-inline-start: 6px solid var(--stue-console-accent);
      }
      .written {
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      .for .how {
        display: block;
        max-inline-size: 32rem;
      }
    `,
  ];

  /** The page's texts, and the console's shared ones. */
  override get t() {
    return tasksStrings(this.context?.lang ?? 'da');
  }

  /** The page's query: `state=done` shows the calls made. */
  @property({ attribute: false }) accessor params: URLSearchParams = new URLSearchParams();

  @state() accessor tasks: CallTask[] = [];
  @state() accessor nextCursor: string | null = null;
  /** The task whose "call done" form is open. */
  @state() accessor marking: CallTask | undefined = undefined;
  @state() accessor errors: FieldError[] = [];
  @state() accessor notice = '';

  /** Which tasks the page shows. */
  get callState(): CallState {
    return this.params.get('state') === 'done' ? 'done' : 'open';
  }

  /** Whom the tasks shown are for: everyone (`undefined`), the coordinator or a peer. */
  get taskFor(): CallTaskFor | undefined {
    const taskFor = this.params.get('for');
    return taskFor === 'coordinator' || taskFor === 'peer' ? taskFor : undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  /** Loads the first page of tasks (or the next one, when `more`). */
  async load(more = false): Promise<void> {
    await this.pageState.load(async () => {
      const page = await listCallTasks(this.context.api, {
        state: this.callState,
        ...(this.taskFor ? { for: this.taskFor } : {}),
        ...(more && this.nextCursor ? { cursor: this.nextCursor } : {}),
      });
      this.tasks = more ? [...this.tasks, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
    });
  }

  private openForm(task: CallTask): void {
    this.marking = task;
    this.errors = [];
    this.notice = '';
    void this.focusOn('#call-form-heading');
  }

  private closeForm(): void {
    const task = this.marking;
    this.marking = undefined;
    this.errors = [];
    if (task) void this.focusOn(`#done-${CSS.escape(task.id)}`);
  }

  private async save(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const task = this.marking;
    if (!task || this.busy) return;
    const t = this.t;
    const note = formText(new FormData(event.target as HTMLFormElement), 'note');
    const problem =
      note.length > MAX_NOTE ? t.tooLong(MAX_NOTE) : containsCprNumber(note) ? t.cprNotAllowed : '';
    if (problem) {
      this.errors = [{ field: 'call-note', message: problem }];
      return focusErrorSummary(this);
    }
    await this.pageState.run(
      async () => {
        await this.write(markCallDone, task.id, note);
        this.marking = undefined;
        this.errors = [];
        this.notice = t.tasks.marked(task.musician.name);
        this.dispatchEvent(new TasksChangeEvent());
        await this.load();
        await this.focusOn('#tasks-notice');
      },
      async (error) => {
        this.errors = errorsFromFailure(t, error, (path) =>
          path === 'note' ? 'call-note' : undefined,
        );
        await focusErrorSummary(this);
      },
    );
  }

  private concertOf(task: CallTask): TemplateResult {
    const t = this.t.tasks;
    const booking = task.booking;
    if (!booking) return html`<span class="muted">${t.unknownConcert}</span>`;
    const when = formatDateTime(danishInstant(booking.start), this.context.lang);
    const { host } = booking;
    const text = host
      ? t.concert(when, host.firstName, municipalityName(host.municipalityCode))
      : t.concertWithdrawn(when);
    return html`<a href=${href('booking', { id: booking.id })}>${text}</a>`;
  }

  /**
   * Whom the task is for. The coordinator calls the musician; a peer is called by the
   * coordinator, who passes on only the wish to talk, the concert's date and the musician's phone.
   */
  private forWhom(task: CallTask): TemplateResult {
    const t = this.t.tasks;
    const musicianPhone = formatPhone(task.musician.phone);
    if (!task.peer) {
      return html`<strong>${t.coordinator}</strong>
        <span class="muted how">${t.callMusician(task.musician.name, musicianPhone)}</span>`;
    }
    const date = task.booking ? formatDate(task.booking.date, this.context.lang) : undefined;
    return html`<strong>${task.peer.name}</strong>
      <span class="muted how"
        >${t.passOn(task.peer.name, formatPhone(task.peer.phone))}
        <q>${t.message(task.musician.name, date, musicianPhone)}</q></span
      >`;
  }

  private outcomeOf(task: CallTask): string {
    return task.howItWent ? this.t.debriefOutcomes[task.howItWent] : this.t.notGiven;
  }

  private renderForm(task: CallTask): TemplateResult {
    const t = this.t.tasks;
    return html`
      <section class="panel call-form" aria-labelledby="call-form-heading">
        <h2 id="call-form-heading" tabindex="-1">${t.formHeading(task.musician.name)}</h2>
        ${errorSummary(this.t, this.errors)}
        <form novalidate @submit=${this.save}>
          ${textareaField({
            id: 'call-note',
            name: 'note',
            label: t.noteLabel,
            hint: t.noteHint,
            rows: 3,
            errors: this.errors,
          })}
          <div class="actions">
            <button type="submit" aria-disabled=${this.busy ? 'true' : 'false'}>${t.save}</button>
            <button type="button" class="secondary" @click=${this.closeForm}>
              ${this.t.cancel}
            </button>
          </div>
        </form>
      </section>
    `;
  }

  private renderOpen(): TemplateResult {
    const t = this.t.tasks;
    const { lang } = this.context;
    return dataTable({
      caption: t.caption(this.tasks.length),
      columns: [
        t.columns.musician,
        t.columns.for,
        t.columns.concert,
        t.columns.received,
        t.columns.howItWent,
        t.columns.action,
      ],
      rows: this.tasks,
      row: (task) => html`
        <th scope="row">${task.musician.name}</th>
        <td class="for">${this.forWhom(task)}</td>
        <td>${this.concertOf(task)}</td>
        <td>${formatDateTime(task.receivedAt, lang)}</td>
        <td>${this.outcomeOf(task)}</td>
        <td>
          <button
            type="button"
            class="small"
            id="done-${task.id}"
            aria-label=${t.markDoneFor(task.musician.name)}
            aria-expanded=${this.marking?.id === task.id ? 'true' : 'false'}
            @click=${() => this.openForm(task)}
          >
            ${t.markDone}
          </button>
        </td>
      `,
    });
  }

  private renderDone(): TemplateResult {
    const t = this.t.tasks;
    const { lang } = this.context;
    return dataTable({
      caption: t.doneCaption,
      columns: [
        t.columns.musician,
        t.columns.for,
        t.columns.concert,
        t.columns.howItWent,
        t.columns.done,
        t.columns.note,
      ],
      rows: this.tasks,
      row: (task) => html`
        <th scope="row">${task.musician.name}</th>
        <td>${task.peer ? task.peer.name : t.coordinator}</td>
        <td>${this.concertOf(task)}</td>
        <td>${this.outcomeOf(task)}</td>
        <td>
          ${
            task.done
              ? t.doneBy(
                  formatDateTime(task.done.at, lang),
                  task.done.by.name ?? this.t.history.someone,
                )
              : ''
          }
        </td>
        <td class="written">${task.done?.note ?? ''}</td>
      `,
    });
  }

  private renderList(): TemplateResult {
    const t = this.t.tasks;
    if (this.tasks.length === 0) {
      if (this.loading) return html`<p>${this.t.loading}</p>`;
      return html`<p>${this.callState === 'open' ? t.noneOpen : t.noneDone}</p>`;
    }
    return html`
      <div class="table-wrap" role="region" aria-label=${t.tableLabel} tabindex="0">
        ${this.callState === 'open' ? this.renderOpen() : this.renderDone()}
      </div>
      ${
        this.nextCursor
          ? html`<p>
              <button type="button" class="secondary" @click=${() => void this.load(true)}>
                ${t.more}
              </button>
            </p>`
          : nothing
      }
    `;
  }

  /** A filter link: this page with `change` laid over its query, current when it matches. */
  private filterLink(change: Record<string, string | undefined>, label: string): TemplateResult {
    const params = new URLSearchParams(this.params);
    for (const [key, value] of Object.entries(change)) {
      if (value === undefined) params.delete(key);
      else params.set(key, value);
    }
    const current = Object.entries(change).every(([key, value]) =>
      key === 'state' ? (value ?? 'open') === this.callState : value === this.taskFor,
    );
    return html`<li>
      <a href=${href('tasks', { params })} aria-current=${current ? 'page' : nothing}>${label}</a>
    </li>`;
  }

  protected override render(): TemplateResult {
    const t = this.t.tasks;
    return html`
      <h1 tabindex="-1">${t.heading}</h1>
      <p class="lead">${t.intro}</p>
      <nav aria-label=${t.filterLabel}>
        <ul>
          ${this.filterLink({ state: undefined }, t.open)}
          ${this.filterLink({ state: 'done' }, t.done)}
        </ul>
      </nav>
      <nav aria-label=${t.forLabel}>
        <ul>
          ${this.filterLink({ for: undefined }, t.forAll)}
          ${this.filterLink({ for: 'coordinator' }, t.forCoordinator)}
          ${this.filterLink({ for: 'peer' }, t.forPeer)}
        </ul>
      </nav>
      ${this.problemNotice(() => this.load())}
      <p class="notice" id="tasks-notice" role="status" tabindex="-1">${this.notice}</p>
      ${this.marking ? this.renderForm(this.marking) : nothing} ${this.renderList()}
    `;
  }
}

/** Registers `<stue-tasks-page>`; harmless to call twice. */
export function defineTasksPage(registry: CustomElementRegistry = customElements): void {
  if (!registry.get(TASKS_PAGE_TAG)) registry.define(TASKS_PAGE_TAG, StueTasksPage);
}

declare global {
  interface HTMLElementTagNameMap {
    [TASKS_PAGE_TAG]: StueTasksPage;
  }
}
