// The kiosk page's entry: set the page's language and title, start the app element, and register
// the service worker that lets it start with no network.
import { defineKioskApp } from './kiosk-app.js';
import { langFromUrl } from './lang.js';
import { registerKioskWorker } from './pwa/register-worker.js';
import { KIOSK_STRINGS } from './strings.js';

const lang = langFromUrl(location.href);
document.documentElement.lang = lang;
document.title = KIOSK_STRINGS[lang].title;
defineKioskApp();

if (import.meta.env.PROD) {
  void registerKioskWorker(new URL('sw.js', document.baseURI), (apply) => {
    const app = document.querySelector('stue-kiosk-app');
    if (app) app.applyUpdate = apply;
  }).catch((error: unknown) => {
    console.error('stue-kiosk: no offline start', error instanceof Error ? error.name : error);
  });
}
