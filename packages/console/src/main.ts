// The console page's entry: set the page's language and title, then start the app element.
import { defineConsoleApp } from './console-app.js';
import { langFromUrl } from './lang.js';
import { CONSOLE_STRINGS } from './strings.js';

const lang = langFromUrl(location.href);
document.documentElement.lang = lang;
document.title = CONSOLE_STRINGS[lang].title;
defineConsoleApp();
