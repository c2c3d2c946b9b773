import { css } from 'lit';
import { sharedStyles } from './styles/shared.styles.js';

// The frame around every screen: the brand at the top and the connection at the bottom (both
// left out while a household answers, to keep that screen calm), the screen in between.
export const kioskAppStyles = [
  sharedStyles,
  css`
    :host {
      min-block-size: 100vh;
      min-block-size: 100dvh;
      background: var(--stue-kiosk-background);
    }

    .screen {
      display: grid;
      grid-template-rows: auto 1fr auto;
      gap: 1.5rem;
      min-block-size: inherit;
      padding-block: max(2rem, env(safe-area-inset-top)) max(2rem, env(safe-area-inset-bottom));
      padding-inline: max(2.5rem, env(safe-area-inset-left)) max(2.5rem, env(safe-area-inset-right));
    }

    .screen.session {
      grid-template-rows: 1fr;
      padding-block: max(1.5rem, env(safe-area-inset-top)) max(1.5rem, env(safe-area-inset-bottom));
    }

    main {
      display: grid;
      min-inline-size: 0;
    }

    main > * {
      min-block-size: 100%;
    }

    .brand {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      font-weight: 700;
      letter-spacing: 0.02em;
    }

    .mark {
      inline-size: 1.5em;
      block-size: 1.5em;
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }

    .centre {
      align-self: center;
      justify-self: center;
      text-align: center;
      max-inline-size: 34em;
    }

    .stack {
      display: grid;
      justify-items: center;
      align-content: center;
      gap: 1.5rem;
    }

    .stack .notice {
      text-align: start;
    }

    .connection {
      display: flex;
      align-items: center;
      gap: 0.75rem;
      justify-content: center;
    }

    /* Shape as well as colour: a filled dot when online, a ring when offline. */
    .dot {
      flex: none;
      inline-size: 0.75em;
      block-size: 0.75em;
      border-radius: 50%;
      border: 0.15em solid var(--stue-kiosk-online);
      background: var(--stue-kiosk-online);
    }

    [data-state='offline'] .dot {
      border-color: var(--stue-kiosk-offline);
      background: transparent;
    }

    @media (max-width: 40rem) {
      .screen {
        padding-inline: max(1.25rem, env(safe-area-inset-left))
          max(1.25rem, env(safe-area-inset-right));
      }
    }
  `,
];
