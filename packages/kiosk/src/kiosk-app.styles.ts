import { css } from 'lit';

// Sizes are in rem so that the tablet's own text-size setting scales them: body 28 px, heading
// 40 px at the default size. Every colour pair here is at least 7:1 (WCAG 1.4.6).
export const kioskAppStyles = css`
  :host {
    --stue-kiosk-background: #f6f1e8;
    --stue-kiosk-text: #1c1a17;
    --stue-kiosk-muted: #4a443c;
    --stue-kiosk-online: #175a30;
    --stue-kiosk-offline: #8f2f16;

    display: block;
    min-block-size: 100vh;
    min-block-size: 100dvh;
    background: var(--stue-kiosk-background);
    color: var(--stue-kiosk-text);
    font-family:
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      sans-serif;
    font-size: 1.75rem;
    line-height: 1.4;
    -webkit-user-select: none;
    user-select: none;
    touch-action: manipulation;
  }

  .screen {
    box-sizing: border-box;
    display: grid;
    grid-template-rows: auto 1fr auto;
    min-block-size: inherit;
    padding-block: max(2.5rem, env(safe-area-inset-top)) max(2.5rem, env(safe-area-inset-bottom));
    padding-inline: max(3rem, env(safe-area-inset-left)) max(3rem, env(safe-area-inset-right));
  }

  .screen > * {
    justify-self: center;
    text-align: center;
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

  main {
    align-self: center;
    max-inline-size: 24em;
    padding-block: 2rem;
  }

  h1 {
    margin: 0 0 1.5rem;
    font-size: 2.5rem;
    line-height: 1.2;
    font-weight: 700;
    text-wrap: balance;
  }

  p {
    margin: 0;
  }

  main p {
    color: var(--stue-kiosk-muted);
    text-wrap: pretty;
  }

  .connection {
    display: flex;
    align-items: center;
    gap: 0.75rem;
  }

  /* Shape as well as colour: a filled dot when online, a ring when offline. */
  .dot {
    flex: none;
    inline-size: 0.75em;
    block-size: 0.75em;
    box-sizing: border-box;
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
      padding-inline: max(1.5rem, env(safe-area-inset-left)) max(1.5rem, env(safe-area-inset-right));
    }
  }
`;
