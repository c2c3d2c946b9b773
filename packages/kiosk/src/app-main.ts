// The kiosk app, loaded by the page's entry (main.ts) once it has started reading the tablet's
// state: set the page's title, start the app element, and register the service worker that lets
// it start with no network.
import { defineKioskApp } from './kiosk-app.js';
import { langFromUrl } from './lang.js';
import { registerKioskWorker } from './pwa/register-worker.js';
import { KIOSK_STRINGS } from './strings.js';

document.title = KIOSK_STRINGS[langFromUrl(location.href)].title;
defineKioskApp();

if (import.meta.env.PROD) {
  void registerKioskWorker(new URL('sw.js', document.baseURI), (apply) => {
    const app = document.querySelector('stue-kiosk-app');
    if (app) app.applyUpdate = apply;
  }).catch((error: unknown) => {
    console.error('stue-kiosk: no offline start', error instanceof Error ? error.name : error);
  });
}
