import { css } from 'lit';
import { sharedStyles } from './internal/styles.js';

// The shell around the pages: header with the product, language and account, the main menu,
// the main area, and a footer with the hub's status. Pages bring their own styles.
export const consoleAppStyles = [
  sharedStyles,
  css`
    :host {
      display: block;
      min-block-size: 100vh;
      background: var(--stue-console-background);
      color: var(--stue-console-text);
      font-family:
        system-ui,
        -apple-system,
        'Segoe UI',
        Roboto,
        'Helvetica Neue',
        sans-serif;
      font-size: 1rem;
      line-height: 1.5;
    }

    .shell {
      display: flex;
      flex-direction: column;
      min-block-size: 100vh;
    }

    .skip-link {
      position: absolute;
      inset-inline-start: 1rem;
      inset-block-start: -5rem;
      z-index: 10;
      padding: 0.5rem 1rem;
      border: 2px solid #0b0c0c;
      border-radius: 0;
      background: var(--stue-console-focus-halo);
      color: #0b0c0c;
      font-weight: 700;
      text-decoration: underline;
    }

    .skip-link:hover {
      background: var(--stue-console-focus-halo);
      border-color: #0b0c0c;
      color: #0b0c0c;
    }

    .skip-link:focus {
      inset-block-start: 0.5rem;
    }

    header {
      background: var(--stue-console-text);
      color: var(--stue-console-surface);
    }

    .bar {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem 1.5rem;
      margin: 0 auto;
      max-inline-size: 76rem;
      padding: 0.75rem 1.5rem;
    }

    .product {
      margin: 0;
      font-size: 1.25rem;
      font-weight: 700;
      letter-spacing: 0.01em;
    }

    .account {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5rem 1.25rem;
    }

    header a {
      color: var(--stue-console-surface);
    }

    header a:hover {
      color: var(--stue-console-surface);
    }

    header a:focus-visible,
    header button:focus-visible {
      outline: 3px solid var(--stue-console-focus-halo);
      outline-offset: 2px;
      box-shadow: none;
    }

    .sign-out {
      min-block-size: 2.5rem;
      padding: 0.25rem 0.875rem;
      background: transparent;
      border-color: var(--stue-console-surface);
      color: var(--stue-console-surface);
    }

    .sign-out:hover {
      background: var(--stue-console-surface);
      border-color: var(--stue-console-surface);
      color: var(--stue-console-text);
    }

    nav {
      background: #2c3e52;
      border-block-start: 1px solid #4a5d72;
    }

    nav ul {
      display: flex;
      flex-wrap: wrap;
      gap: 0 0.25rem;
      margin: 0 auto;
      max-inline-size: 76rem;
      padding: 0 1rem;
      list-style: none;
    }

    nav a {
      display: block;
      padding: 0.75rem 0.75rem 0.625rem;
      border-block-end: 4px solid transparent;
      color: var(--stue-console-surface);
      font-weight: 600;
      text-decoration: none;
    }

    nav a:hover {
      text-decoration: underline;
      text-decoration-thickness: 2px;
    }

    nav a[aria-current='page'] {
      border-block-end-color: var(--stue-console-focus-halo);
    }

    .badge {
      display: inline-block;
      min-inline-size: 1.5em;
      margin-inline-start: 0.375rem;
      padding: 0 0.375rem;
      border-radius: 999px;
      background: var(--stue-console-focus-halo);
      color: #1f2d3d;
      font-size: 0.875em;
      line-height: 1.5;
      text-align: center;
    }

    .visually-hidden {
      position: absolute;
      inline-size: 1px;
      block-size: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }

    main {
      flex: 1;
      inline-size: 100%;
      margin: 0 auto;
      max-inline-size: 76rem;
      padding: 2rem 1.5rem 3rem;
    }

    main:focus {
      outline: none;
    }

    footer {
      border-block-start: 1px solid var(--stue-console-border);
      background: var(--stue-console-surface);
    }

    footer stue-hub-status {
      margin: 0 auto;
      max-inline-size: 76rem;
      padding: 0.75rem 1.5rem;
    }

    .checking {
      font-size: 1.125rem;
    }

    @media (max-width: 32rem) {
      .bar,
      main {
        padding-inline: 1rem;
      }
      nav ul {
        padding-inline: 0.5rem;
      }
      nav a {
        padding-inline: 0.5rem;
      }
    }

    /* On paper only the page itself: a report printed for a funder has no menus or status. */
    @media print {
      :host {
        background: #fff;
      }
      header,
      nav,
      footer,
      .skip-link {
        display: none;
      }
      main {
        padding: 0;
        max-inline-size: none;
      }
    }
  `,
];
