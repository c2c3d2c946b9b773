import { html, type TemplateResult } from 'lit';
import type { AuditEntry } from '../api.js';
import type { ConsoleStrings } from '../strings.js';
import { listInWords } from './labels.js';
import type { ConsoleContext } from './page.js';
import { formatDateTime } from './time.js';

/**
 * A record's history as a short list, oldest first: when, what and who. A change names the
 * fields it touched (the audit trail keeps names, never values), in the words of the form.
 */
export function recordHistory(
  t: ConsoleStrings,
  context: Pick<ConsoleContext, 'lang' | 'session'>,
  entries: readonly AuditEntry[] | undefined,
  fieldLabels: Readonly<Record<string, string>>,
  headingId: string,
): TemplateResult {
  const { lang, session } = context;
  const words = t.history;
  const who = (actor: string) =>
    actor === `coordinator:${session.coordinator.id}` ? session.coordinator.name : words.someone;
  const what = (entry: AuditEntry): string => {
    const changed = entry.details?.['changed'];
    const action = words.actions[entry.action] ?? entry.action;
    if (!Array.isArray(changed) || changed.length === 0) return action;
    const fields = changed.map((field) => fieldLabels[String(field)] ?? String(field));
    return words.changed(listInWords(fields, lang));
  };
  return html`
    <section class="record-history" aria-labelledby=${headingId}>
      <h3 id=${headingId}>${words.heading}</h3>
      ${
        !entries || entries.length === 0
          ? html`<p>${words.empty}</p>`
          : html`<ol class="history">
              ${entries.map(
                (entry) =>
                  html`<li>
                    ${formatDateTime(entry.at, lang)}: ${what(entry)} ${words.by(who(entry.actor))}
                  </li>`,
              )}
            </ol>`
      }
    </section>
  `;
}
