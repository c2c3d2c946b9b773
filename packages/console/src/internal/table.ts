import { html, type TemplateResult } from 'lit';

/** A column's header: its words, or its words and a class (`number` aligns figures). */
export type Column = string | { label: string; class: string };

/**
 * A table of records: a caption, a header cell per column, and a row per record (`row` renders
 * its cells; the first is the record's `<th scope="row">`). With `label`, the table sits in a
 * focusable, labelled region that scrolls sideways on a narrow screen rather than the page.
 */
export function dataTable<T>(options: {
  caption: string | TemplateResult;
  columns: readonly Column[];
  rows: readonly T[];
  row: (record: T) => TemplateResult;
  /** The scrolling region's name; without it the table stands alone. */
  label?: string;
}): TemplateResult {
  const table = html`
    <table>
      <caption>
        ${options.caption}
      </caption>
      <thead>
        <tr>
          ${options.columns.map((column) =>
            typeof column === 'string'
              ? html`<th scope="col">${column}</th>`
              : html`<th scope="col" class=${column.class}>${column.label}</th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${options.rows.map(
          (record) =>
            html`<tr>
              ${options.row(record)}
            </tr>`,
        )}
      </tbody>
    </table>
  `;
  return options.label === undefined
    ? table
    : html`<div class="table-wrap" role="region" aria-label=${options.label} tabindex="0">
        ${table}
      </div>`;
}
