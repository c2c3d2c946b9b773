/** The nomination's history and the coordinator's notes. */
import { newId } from '@stue/core';
import { html, nothing, type TemplateResult } from 'lit';
import {
  addNominationNote,
  type AuditEntry,
  type NominationDetail,
  type NominationItem,
} from '../../api.js';
import {
  errorsFromFailure,
  type FieldError,
  formText,
  textareaField,
} from '../../internal/forms.js';
import { formatDateTime } from '../../internal/time.js';
import type { StueNominationPage } from '../nomination-page.js';
import { checkText } from './decision.js';
import { isErasedError, MAX_NOTE } from './rules.js';

/** Who made a change, in words (the coordinator's name, the partner, someone). */
export function actorName(page: StueNominationPage, actor: string, item: NominationDetail): string {
  const { session } = page.context;
  if (actor === `coordinator:${session.coordinator.id}`) return session.coordinator.name;
  if (actor.startsWith('partner-key:')) return item.partner.name;
  return page.context.lang === 'en' ? 'a coordinator' : 'en koordinator';
}

/** The nomination's history, oldest first. */
export function renderHistory(page: StueNominationPage, item: NominationDetail): TemplateResult {
  const t = page.t.nomination;
  const { lang } = page.context;
  const entries: AuditEntry[] = item.history ?? [
    { at: item.receivedAt, actor: `partner-key:`, action: 'received' },
    ...page.madeHere,
  ];
  return html`
    <section class="panel" aria-labelledby="history-heading">
      <h2 id="history-heading">${t.historyHeading}</h2>
      <ol class="history">
        ${entries.map((entry) => {
          const referral = entry.details?.['referral'];
          return html`<li>
            <time datetime=${entry.at}>${formatDateTime(entry.at, lang)}</time>:
            ${
              entry.action === 'received'
                ? t.historyReceived(item.partner.name)
                : html`${t.historyActions[entry.action] ?? entry.action}
                  ${t.by(actorName(page, entry.actor, item))}`
            }
            ${entry.reason ? html`<br /><span class="muted">»${entry.reason}«</span>` : nothing}
            ${
              typeof referral === 'string'
                ? html`<br /><span class="muted">${t.historyReferral(referral)}</span>`
                : nothing
            }
          </li>`;
        })}
      </ol>
    </section>
  `;
}

/** Checks and saves a note; a resend reuses its id, so it is one note. */
export async function submitNote(page: StueNominationPage, event: SubmitEvent): Promise<void> {
  event.preventDefault();
  const item = page.item;
  if (!item || page.busy) return;
  const form = event.target as HTMLFormElement;
  const text = formText(new FormData(form), 'text');
  const t = page.t;
  const errors: FieldError[] = [];
  if (!text) errors.push({ field: 'note-text', message: t.notes.required });
  else checkText(page, errors, 'note-text', text, MAX_NOTE, false);
  page.noteNotice = '';
  page.noteErrors = errors;
  if (errors.length > 0) return page.focusOn('#note-text');
  await page.pageState.run(
    async () => {
      const note = await page.write(addNominationNote, item.id, { id: page.noteId, text });
      const notes = [...(item.notes ?? []).filter((n) => n.id !== note.id), note];
      // The history says a note was written (never what it says), as the hub's audit trail does.
      const entry: AuditEntry = {
        at: note.createdAt,
        actor: `coordinator:${page.context.session.coordinator.id}`,
        action: 'noted',
      };
      page.item = {
        ...item,
        notes,
        ...(item.history ? { history: [...item.history, entry] } : {}),
      };
      if (!item.history) page.madeHere = [...page.madeHere, entry];
      page.remember(page.item);
      page.noteId = newId();
      form.reset();
      page.noteNotice = t.notes.saved;
    },
    async (error) => {
      page.noteErrors = errorsFromFailure(t, error, (path) =>
        path === 'text' ? 'note-text' : undefined,
      ).map((e) => ({
        field: 'note-text',
        message: isErasedError(error) ? t.pairData.personErased : e.message,
      }));
      await page.focusOn('#note-text');
    },
  );
}

/** The coordinator's notes, and the form to write one. */
export function renderNotes(page: StueNominationPage, item: NominationItem): TemplateResult {
  const t = page.t.notes;
  const { lang } = page.context;
  const notes = item.notes ?? [];
  const error = page.noteErrors[0];
  return html`
    <section class="panel" aria-labelledby="notes-heading">
      <h2 id="notes-heading">${t.heading}</h2>
      <p>${t.intro}</p>
      ${
        notes.length === 0
          ? html`<p class="muted">${t.none}</p>`
          : html`<ol class="plain notes">
              ${notes.map(
                (note) =>
                  html`<li>
                    <p class="note-text">${note.text}</p>
                    <p class="muted">
                      ${note.author.name},
                      <time datetime=${note.createdAt}
                        >${formatDateTime(note.createdAt, lang)}</time
                      >
                    </p>
                  </li>`,
              )}
            </ol>`
      }
      <form
        novalidate
        @submit=${(event: SubmitEvent) => submitNote(page, event)}
        aria-labelledby="notes-heading"
      >
        ${textareaField({
          id: 'note-text',
          name: 'text',
          label: t.label,
          hint: t.hint,
          rows: 3,
          errors: error ? [error] : [],
        })}
        <div class="actions">
          <button type="submit" aria-disabled=${page.busy ? 'true' : 'false'}>${t.submit}</button>
          <p class="note-notice" role="status">${page.noteNotice}</p>
        </div>
      </form>
    </section>
  `;
}
