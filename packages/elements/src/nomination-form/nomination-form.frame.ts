import { html, nothing, type TemplateResult } from 'lit';

/** What one step shows around its fields. */
export interface StepFrame {
  /** "Trin 2 af 8". */
  progress: string;
  /** The step's place, from 0, and how many steps there are: the bar under the progress. */
  index: number;
  total: number;
  title: string;
  /** Shown between the title and the form: the error summary, a notice. */
  before?: TemplateResult;
  fields: TemplateResult;
  /** The main button's words. */
  submit: string;
  /** The back button's words; none on the first step. */
  back?: string;
  onBack?: () => void;
  /** The words said while sending; the main button is then aria-disabled. */
  sending?: string;
  onSubmit: (event: SubmitEvent) => void;
  onInput?: (event: Event) => void;
}

/**
 * A step: its progress, title and form with the main and back buttons. The first step (in the
 * element) and the later ones (in the journey) are drawn by this one function.
 */
export function stepFrame(frame: StepFrame): TemplateResult {
  return html`
    <div class="progress" part="progress">
      <p>${frame.progress}</p>
      <ol aria-hidden="true">
        ${Array.from(
          { length: frame.total },
          (_, i) => html`<li class=${i <= frame.index ? 'done' : ''}></li>`,
        )}
      </ol>
    </div>
    <h2 class="step-heading" part="heading" tabindex="-1">${frame.title}</h2>
    ${frame.before ?? nothing}
    <!-- method="dialog": should a submit ever slip past the handler, the browser goes nowhere,
         so nothing typed can end up in the page's URL or on the partner's server. -->
    <form
      method="dialog"
      novalidate
      @submit=${frame.onSubmit}
      @input=${frame.onInput}
      @change=${frame.onInput}
    >
      ${frame.fields}
      <div class="actions">
        <button type="submit" part="button" aria-disabled=${frame.sending ? 'true' : nothing}>
          ${frame.submit}
        </button>
        ${
          frame.back
            ? html`<button type="button" class="secondary" part="back" @click=${frame.onBack}>
                ${frame.back}
              </button>`
            : nothing
        }
        <p class="status" part="status" role="status">${frame.sending ?? ''}</p>
      </div>
    </form>
  `;
}
