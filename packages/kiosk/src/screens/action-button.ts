import { html, type TemplateResult } from 'lit';

/**
 * A kiosk button that names what it does in `data-action` (the tests and journeys find it so):
 * a large outlined target, or filled with the accent when `primary`.
 *
 * @example
 * actionButton('done', () => this.finish(), t.done, { primary: true });
 */
export function actionButton(
  action: string,
  onClick: () => unknown,
  content: unknown,
  { primary = false } = {},
): TemplateResult {
  return html`<button
    class=${primary ? 'button primary' : 'button'}
    type="button"
    data-action=${action}
    @click=${onClick}
  >
    ${content}
  </button>`;
}
