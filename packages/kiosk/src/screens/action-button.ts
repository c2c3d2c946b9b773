import { html, type TemplateResult } from 'lit';

/**
 * A kiosk button that names what it does in `data-action` (the tests and journeys find it so):
 * a large outlined target, filled with the accent when `primary`, or without a frame when `quiet`
 * (a way out that should not look like one of the answers).
 *
 * @example
 * actionButton('done', () => this.finish(), t.done, { primary: true });
 */
export function actionButton(
  action: string,
  onClick: () => unknown,
  content: unknown,
  { primary = false, quiet = false } = {},
): TemplateResult {
  return html`<button
    class=${primary ? 'button primary' : quiet ? 'button quiet' : 'button'}
    type="button"
    data-action=${action}
    @click=${onClick}
  >
    ${content}
  </button>`;
}
