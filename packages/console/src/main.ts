// The console page's entry: start the first requests, set the page's language and title, then
// start the app element. `start-early.js` comes first, so that its requests start before the rest
// of the entry is evaluated.
import './start-early.js';
import { defineConsoleApp } from './console-app.js';
import { langFromUrl } from './lang.js';
import { CONSOLE_STRINGS } from './strings.js';

const lang = langFromUrl(location.href);
document.documentElement.lang = lang;
document.title = CONSOLE_STRINGS[lang].title;
defineConsoleApp();
