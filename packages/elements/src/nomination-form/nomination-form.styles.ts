import { css } from '../internal/static-css.js';

// Sizes are in px, never rem or em against the page: a partner page that sets
// `html { font-size: 62.5% }` must not shrink the form. Everything sits in one layer so a later
// shared base layer can sit under it, and page authors theme through `--stue-*` and `::part`.
// The private copies of the theme (`--_*`) are made on `.base`, which the page cannot select: on
// `:host` a page rule such as `* { --_text: red }` would win over them.
export const nominationFormStyles = css`
  @layer stue.component {
    :host {
      display: block;
      /* Danish and English run left to right, on a right-to-left page too (the wrapper's dir). */
      direction: ltr;
      /* Narrow layouts follow the space the page gives the form, not the window. */
      container-type: inline-size;
    }

    :host([hidden]) {
      display: none;
    }

    /*
     * The page's rules (even "* { letter-spacing: 3px }") reach the host element and win over
     * :host, so inherited properties are reset one level in, on the wrapper the page cannot select.
     */
    .base {
      /* Private copies of the theme, so the rest of the sheet reads one name per colour. */
      --_accent: var(--stue-accent, #1c5a48);
      --_accent-text: var(--stue-accent-text, #ffffff);
      --_text: var(--stue-text, #1f1f1f);
      --_muted: var(--stue-muted, #4d4d4d);
      --_background: var(--stue-background, #ffffff);
      --_border: var(--stue-border, #6b6b6b);
      --_error: var(--stue-error, #b0231a);
      --_focus: var(--stue-focus, #1d4ed8);
      --_radius: var(--stue-radius, 6px);
      --_padding: var(--stue-padding, 24px);
      --_font: var(
        --stue-font-family,
        system-ui,
        -apple-system,
        'Segoe UI',
        Roboto,
        'Helvetica Neue',
        Arial,
        sans-serif
      );
      box-sizing: border-box;
      max-width: 680px;
      padding: var(--_padding);
      border-radius: var(--_radius);
      color: var(--_text);
      background: var(--_background);
      font-family: var(--_font);
      font-size: 18px;
      font-style: normal;
      font-weight: 400;
      font-variant: normal;
      font-stretch: normal;
      font-kerning: auto;
      font-feature-settings: normal;
      font-variation-settings: normal;
      line-height: 1.5;
      letter-spacing: normal;
      word-spacing: normal;
      text-align: start;
      text-indent: 0;
      text-transform: none;
      text-shadow: none;
      white-space: normal;
      word-break: normal;
      overflow-wrap: break-word;
      hyphens: manual;
      font-synthesis: weight style;
      list-style: disc outside;
      visibility: inherit;
      cursor: auto;
      caret-color: auto;
      color-scheme: light;
      -webkit-text-size-adjust: 100%;
      text-size-adjust: 100%;
    }

    *,
    *::before,
    *::after {
      box-sizing: inherit;
    }

    h2,
    h3 {
      margin: 0 0 12px;
      font-weight: 700;
      line-height: 1.25;
    }

    h2 {
      font-size: 26px;
    }

    h3 {
      font-size: 21px;
    }

    p {
      margin: 0 0 16px;
    }

    .intro {
      max-width: 620px;
      margin-bottom: 28px;
    }

    .intro p:last-child {
      margin-bottom: 0;
    }

    .languages {
      display: flex;
      justify-content: flex-end;
      align-items: center;
      gap: 4px;
      margin: 0 0 4px;
      color: var(--_muted);
    }

    .languages button[aria-pressed='true'] {
      color: var(--_text);
      text-decoration: none;
    }

    .progress {
      margin: 0 0 12px;
      color: var(--_muted);
    }

    .progress p {
      margin: 0 0 6px;
      font-size: 16px;
    }

    .progress ol {
      display: flex;
      gap: 4px;
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .progress li {
      flex: 1;
      height: 6px;
      border-radius: 3px;
      background: #d6d6d6;
    }

    .progress li.done {
      background: var(--_accent);
    }

    .illustration {
      display: block;
      width: 100%;
      max-width: 420px;
      height: auto;
      margin: 0 0 20px;
    }

    /* The drawing's place until it is drawn: the same box as its viewBox gives it. */
    div.illustration {
      aspect-ratio: 320 / 150;
    }

    .optional {
      font-weight: 400;
    }

    .locked-value {
      margin: 0 0 4px;
    }

    input[readonly] {
      border-style: dashed;
      background: #f2f2f2;
    }

    .note {
      max-width: 620px;
      margin: 0 0 24px;
      padding: 12px 16px;
      border-left: 6px solid var(--_accent);
      background: #f2f2f2;
      background: color-mix(in srgb, var(--_accent) 8%, #ffffff);
    }

    .review {
      margin: 0 0 28px;
    }

    .review-head {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 8px;
      border-bottom: 1px solid #c8c8c8;
    }

    .review h3 {
      margin: 0;
      font-size: 20px;
    }

    .review dl {
      margin: 0;
    }

    .review dl > div {
      display: grid;
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
      gap: 4px 16px;
      padding: 10px 0;
      border-bottom: 1px solid #e3e3e3;
    }

    .review dt {
      font-weight: 700;
    }

    .review dd {
      margin: 0;
      white-space: pre-line;
    }

    .review dd.empty {
      color: var(--_muted);
    }

    button.link {
      min-height: 44px;
      padding: 0 4px;
      border: 0;
      background: transparent;
      color: var(--_accent);
      font-weight: 700;
      text-decoration: underline;
      text-underline-offset: 3px;
    }

    form {
      margin: 0;
    }

    fieldset {
      margin: 0;
      padding: 0;
      border: 0;
      min-width: 0;
    }

    legend.label {
      padding: 0;
    }

    .field {
      display: block;
      margin: 0 0 24px;
    }

    fieldset.field > .field:last-child {
      margin-bottom: 0;
    }

    .field.invalid,
    fieldset.invalid {
      padding-left: 14px;
      border-left: 4px solid var(--_error);
    }

    label,
    .label {
      display: block;
      margin: 0 0 4px;
      font-weight: 700;
    }

    .hint {
      display: block;
      margin: 0 0 8px;
      color: var(--_muted);
    }

    .error-message {
      display: block;
      margin: 0 0 8px;
      color: var(--_error);
      font-weight: 700;
    }

    input[type='text'],
    input[type='tel'],
    input[type='email'],
    textarea,
    select {
      display: block;
      width: 100%;
      max-width: 420px;
      min-height: 48px;
      margin: 0;
      padding: 8px 12px;
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
      background: #ffffff;
      color: #1f1f1f;
      font: inherit;
      letter-spacing: inherit;
    }

    input.short {
      max-width: 260px;
    }

    select {
      max-width: 320px;
    }

    textarea {
      max-width: 560px;
      resize: vertical;
    }

    /* The municipality list opens in the flow, under its field, so it reflows and zooms with the
       form and never covers the next field. */
    .combo {
      max-width: 320px;
    }

    [role='listbox'] {
      max-height: 300px;
      margin: 4px 0 0;
      padding: 4px 0;
      overflow-y: auto;
      border: 2px solid var(--_border);
      border-radius: var(--_radius);
      background: #ffffff;
      color: #1f1f1f;
      list-style: none;
    }

    [role='listbox'][hidden] {
      display: none;
    }

    /* Always in the page, so a screen reader hears it when it starts to say something. */
    .combo-status {
      margin: 0;
    }

    .combo-status:not(:empty) {
      margin-top: 8px;
    }

    [role='option'] {
      display: flex;
      align-items: center;
      min-height: 44px;
      padding: 0 12px;
      cursor: pointer;
    }

    [role='option']:hover {
      background: #f2f2f2;
    }

    [role='option'][aria-selected='true'] {
      background: var(--_accent);
      color: var(--_accent-text);
    }

    input[aria-invalid='true'],
    textarea[aria-invalid='true'],
    select[aria-invalid='true'] {
      border-color: var(--_error);
    }

    .choices {
      display: grid;
      gap: 4px;
      margin-top: 8px;
    }

    .choices.inline {
      grid-template-columns: repeat(auto-fit, minmax(120px, max-content));
      column-gap: 28px;
    }

    .choice {
      display: flex;
      align-items: center;
      gap: 12px;
      min-height: 48px;
      margin: 0;
      padding: 4px 0;
      font-weight: 400;
      cursor: pointer;
    }

    /* Drawn rather than native: a firm 2px outline reads better for older eyes than the thin
       default, and the control grows with the rest of the form. */
    .choice input {
      display: grid;
      place-content: center;
      flex: none;
      width: 32px;
      height: 32px;
      margin: 0;
      border: 2px solid var(--_text);
      background: #ffffff;
      appearance: none;
      cursor: pointer;
    }

    .choice input[type='radio'] {
      border-radius: 50%;
    }

    .choice input[type='radio']::before {
      content: '';
      width: 16px;
      height: 16px;
      border-radius: 50%;
      background: var(--_accent);
      transform: scale(0);
    }

    .choice input[type='checkbox'] {
      border-radius: 4px;
    }

    .choice input[type='checkbox']::before {
      content: '';
      width: 18px;
      height: 10px;
      margin-top: -5px;
      border: solid var(--_accent);
      border-width: 0 0 4px 4px;
      transform: rotate(-45deg) scale(0);
    }

    .choice input[type='radio']:checked::before {
      transform: scale(1);
    }

    .choice input[type='checkbox']:checked::before {
      transform: rotate(-45deg) scale(1);
    }

    .choice input[aria-invalid='true'] {
      border-color: var(--_error);
    }

    .visually-hidden {
      position: absolute !important;
      width: 1px !important;
      height: 1px !important;
      margin: 0 !important;
      padding: 0 !important;
      overflow: hidden !important;
      clip-path: inset(50%) !important;
      border: 0 !important;
      white-space: nowrap !important;
    }

    button {
      display: inline-flex;
      align-items: center;
      justify-content: center;
      min-height: 48px;
      min-width: 44px;
      margin: 0;
      padding: 10px 24px;
      border: 2px solid var(--_accent);
      border-radius: var(--_radius);
      background: var(--_accent);
      color: var(--_accent-text);
      font: inherit;
      font-weight: 700;
      letter-spacing: inherit;
      text-transform: none;
      cursor: pointer;
    }

    button:hover {
      filter: brightness(0.9);
    }

    button[aria-disabled='true'] {
      cursor: progress;
      opacity: 0.75;
      filter: none;
    }

    button.secondary {
      background: transparent;
      color: var(--_accent);
    }

    a {
      display: inline-flex;
      align-items: center;
      min-height: 44px;
      color: var(--_error);
      font-weight: 700;
      text-decoration: underline;
      text-underline-offset: 3px;
    }

    :focus-visible,
    input:focus,
    textarea:focus,
    select:focus,
    a:focus {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }

    [tabindex='-1']:focus {
      outline: none;
    }

    .error-summary,
    .notice {
      margin: 0 0 32px;
      padding: 16px 20px;
      border: 4px solid var(--_error);
      border-radius: var(--_radius);
    }

    .error-summary:focus,
    .notice:focus {
      outline: 3px solid var(--_focus);
      outline-offset: 2px;
    }

    .error-summary ul {
      margin: 0;
      padding: 0;
      list-style: none;
    }

    .error-summary li {
      margin: 0;
    }

    .error-summary h3,
    .notice h3 {
      margin: 0 0 8px;
      font-size: 21px;
    }

    .error-summary li:last-child,
    .notice p:last-child {
      margin-bottom: 0;
    }

    .code {
      color: var(--_muted);
      font-size: 16px;
    }

    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 16px;
      margin-top: 32px;
    }

    .status {
      margin: 0;
      font-weight: 700;
    }

    .receipt {
      padding: 20px;
      border: 4px solid var(--_accent);
      border-radius: var(--_radius);
    }

    .reference {
      display: inline-block;
      margin-top: 4px;
      font-size: 24px;
      font-weight: 700;
      letter-spacing: 0.05em;
      overflow-wrap: anywhere;
    }

    .receipt ul {
      margin: 0 0 20px;
      padding-left: 24px;
    }

    .receipt li {
      margin: 0 0 8px;
    }

    .receipt .receipt-actions {
      margin: 0 0 24px;
    }

    @media print {
      .receipt button {
        display: none;
      }
    }

    @container (max-width: 480px) {
      .base {
        padding: min(var(--_padding), 16px);
        font-size: 17px;
      }

      h2 {
        font-size: 23px;
      }

      .error-summary,
      .notice,
      .receipt {
        padding: 12px 14px;
      }

      .actions button {
        width: 100%;
      }

      .review dl > div {
        grid-template-columns: minmax(0, 1fr);
      }
    }

    @media (forced-colors: active) {
      .choice input {
        appearance: auto;
      }

      .choice input::before {
        display: none;
      }

      [role='option'][aria-selected='true'] {
        forced-color-adjust: none;
        background: Highlight;
        color: HighlightText;
      }

      button {
        border-color: ButtonText;
      }

      .error-summary,
      .notice,
      .receipt,
      .field.invalid,
      fieldset.invalid {
        border-color: CanvasText;
      }
    }
  }
`;
