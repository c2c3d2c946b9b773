// The kiosk page's entry: set the page's language and title, then start the app element.
import { defineKioskApp } from './kiosk-app.js';
import { langFromUrl } from './lang.js';
import { KIOSK_STRINGS } from './strings.js';

const lang = langFromUrl(location.href);
document.documentElement.lang = lang;
document.title = KIOSK_STRINGS[lang].title;
defineKioskApp();
