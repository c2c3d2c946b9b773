/**
 * Whether the kiosk runs installed (from the home screen) rather than in a browser tab. Safari
 * keeps an installed web app's storage; a tab's it deletes after 7 days without use.
 *
 * @example
 * if (!isInstalled()) showTabWarning();
 */
export function isInstalled(win: Window = window): boolean {
  const standalone = ['standalone', 'fullscreen', 'minimal-ui'].some(
    (mode) => win.matchMedia?.(`(display-mode: ${mode})`).matches === true,
  );
  // iOS Safari before display-mode support says so on navigator.
  return standalone || (win.navigator as Navigator & { standalone?: boolean }).standalone === true;
}
