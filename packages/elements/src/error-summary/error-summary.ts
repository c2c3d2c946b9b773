import { html, LitElement, nothing, type PropertyValues } from 'lit';

/** A problem to list in `<stue-error-summary>`: its message, and the id of the field it is about. */
export interface ErrorSummaryItem {
  /** The id of the field's control; without one the message is listed without a link. */
  field?: string | undefined;
  message: string;
}

/**
 * The GOV.UK error summary: a heading and a link to each field with a problem, shown at the top of
 * a form after a failed submit. It takes focus when problems appear (`errors` goes from empty to
 * not; not on its first render, so a form shown again with its problems does not take focus),
 * `focus()` moves focus to it again (after another failed submit), and a link moves focus to its
 * field instead of changing the page's address.
 *
 * It renders into the light DOM, beside the form's fields: an `#id` link and the field lookup work
 * within the same root (a page's or a widget's shadow root, or the document), and the form's own
 * styles apply. The focusable box carries the class `error-summary` and the part `error-summary`;
 * its heading the id `error-summary-title` (so one summary to a root, as GOV.UK has it).
 * It brings no styles of its own.
 *
 * @tagname stue-error-summary
 * @summary The list of problems at the top of a form, each linked to its field.
 *
 * @csspart error-summary - The focusable box around the heading and the list.
 *
 * @example
 * <stue-error-summary heading="Der er et problem"></stue-error-summary>
 * <script>
 *   document.querySelector('stue-error-summary').errors = [{ field: 'email', message: 'Skriv din e-mail' }];
 * </script>
 */
export class StueErrorSummary extends LitElement {
  static override properties = {
    heading: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
    errors: { attribute: false },
  };

  /** The heading, in the page's language ("Der er et problem", "There is a problem"). */
  declare heading: string;

  /** The heading's level: 2 (default) on a page, 3 inside a form that has its own `h2`. */
  declare headingLevel: 2 | 3;

  /** The problems, in the order of the fields; none renders nothing. */
  declare errors: readonly ErrorSummaryItem[];

  constructor() {
    super();
    this.heading = '';
    this.headingLevel = 2;
    this.errors = [];
  }

  // Light DOM: ids, `for` and `aria-*` references cannot cross a shadow root, and the links must
  // reach fields in the root the summary sits in.
  protected override createRenderRoot() {
    return this;
  }

  /** Moves focus to the summary's box (when it shows problems). */
  override focus(): void {
    this.querySelector<HTMLElement>('.error-summary')?.focus();
  }

  override render() {
    if (this.errors.length === 0) return nothing;
    const title =
      this.headingLevel === 3
        ? html`<h3 id="error-summary-title">${this.heading}</h3>`
        : html`<h2 id="error-summary-title">${this.heading}</h2>`;
    return html`<div
      class="error-summary"
      part="error-summary"
      tabindex="-1"
      aria-labelledby="error-summary-title"
    >
      <div role="alert">
        ${title}
        <ul>
          ${this.errors.map((error) =>
            error.field
              ? html`<li>
                  <a
                    href="#${error.field}"
                    @click=${(event: Event) => this.#jump(event, error.field!)}
                    >${error.message}</a
                  >
                </li>`
              : html`<li>${error.message}</li>`,
          )}
        </ul>
      </div>
    </div>`;
  }

  protected override updated(changed: PropertyValues<this>) {
    // Only when the problems appear: a page re-rendering the same problems (a new array each
    // time) must not pull focus away from a field the person is correcting.
    const before = changed.get('errors');
    if (before?.length === 0 && this.errors.length > 0) this.focus();
  }

  #jump(event: Event, id: string) {
    // A `#id` link cannot reach into a shadow root and would change the address (the console
    // routes by its hash), so the summary moves focus itself, showing the field's label with it.
    event.preventDefault();
    const root = this.getRootNode() as ParentNode;
    const control = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!control) return;
    (control.closest('fieldset, stue-field, .field') ?? control).scrollIntoView({
      block: 'center',
    });
    control.focus({ preventScroll: true });
  }
}
