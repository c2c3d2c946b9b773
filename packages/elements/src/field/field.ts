import { html, LitElement, nothing, type PropertyValues } from 'lit';

/**
 * A form field: its label, an optional hint, the message when it needs correcting, and the control
 * itself (an `input`, `select` or `textarea` with an `id`, given as the element's child). The
 * field wires them together: the label's `for`, and on the control `aria-invalid` and
 * `aria-describedby` (the hint's id `{id}-hint`, the message's `{id}-error`).
 *
 * It renders into the light DOM, in front of the control: an id reference (`for`,
 * `aria-describedby`) cannot cross a shadow root, and the control must stay in its form's tree so
 * that the form sends it. The form's own styles apply; the pieces carry the classes `hint`,
 * `error-message` and `optional`, and the parts `label`, `hint` and `error` (for a widget that
 * exposes its inside as parts). It brings no styles of its own.
 *
 * @tagname stue-field
 * @summary A labelled form control with its hint and error message.
 *
 * @csspart label - The label.
 * @csspart hint - The hint under the label.
 * @csspart error - The message when the field needs correcting.
 *
 * @example
 * <stue-field label="E-mail" hint="Vi skriver kun om besøget" error="Skriv din e-mail">
 *   <input id="email" name="email" type="email" />
 * </stue-field>
 */
export class StueField extends LitElement {
  static override properties = {
    label: {},
    hint: {},
    error: {},
    errorPrefix: { attribute: 'error-prefix' },
    optional: {},
  };

  /** The label's text. */
  declare label: string;

  /** Help under the label; none when empty or undefined. */
  declare hint: string | undefined;

  /** The message saying what to correct; the field is valid when empty or undefined. */
  declare error: string | undefined;

  /** Said before the message by a screen reader only, e.g. "Fejl:" ("Error:"). */
  declare errorPrefix: string | undefined;

  /** Shown after the label, e.g. " (valgfrit)"; none when empty or undefined. */
  declare optional: string | undefined;

  constructor() {
    super();
    this.label = '';
  }

  // Light DOM, rendered before the control (see the class's comment). LitElement does the same
  // with `renderBefore` for a shadow root; here the children are the user's.
  protected override createRenderRoot() {
    this.renderOptions.renderBefore ??= this.firstChild;
    return this;
  }

  /** The control the field labels: the first `input`, `select` or `textarea` inside it. */
  get control(): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement | null {
    return this.querySelector('input, select, textarea');
  }

  override render() {
    const id = this.control?.id ?? '';
    return html`<label for=${id} part="label"
        >${this.label}${
          this.optional ? html`<span class="optional">${this.optional}</span>` : nothing
        }</label
      >${this.hint ? html`<span class="hint" id="${id}-hint" part="hint">${this.hint}</span>` : nothing}${
        this.error
          ? html`<span class="error-message" id="${id}-error" part="error"
              >${
                this.errorPrefix
                  ? // The space is bound: the CDN build's template minifier would drop a literal one.
                    html`<span class="visually-hidden">${`${this.errorPrefix} `}</span>`
                  : nothing
              }${this.error}</span
            >`
          : nothing
      }`;
  }

  protected override updated(_changed: PropertyValues<this>) {
    const control = this.control;
    if (!control) return;
    const id = control.id;
    const describedBy = [this.hint ? `${id}-hint` : '', this.error ? `${id}-error` : '']
      .filter(Boolean)
      .join(' ');
    control.setAttribute('aria-invalid', this.error ? 'true' : 'false');
    if (describedBy) control.setAttribute('aria-describedby', describedBy);
    else control.removeAttribute('aria-describedby');
  }
}
