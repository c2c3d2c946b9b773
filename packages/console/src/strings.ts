import type { Lang } from '@stue/core';

/** Every text the console shows, so that none exists in one language only. */
export interface ConsoleStrings {
  /** The document title, and the name in the header. */
  title: string;
  heading: string;
  serverHeading: string;
  checking: string;
  answers: string;
  silent: string;
  silentHint: string;
  checkedAt: (time: Date) => string;
  checkAgain: string;
}

const clock = (locale: string) =>
  new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** The console's texts in Danish and English. */
export const CONSOLE_STRINGS: Readonly<Record<Lang, ConsoleStrings>> = {
  da: {
    title: 'Stue · Koordinator',
    heading: 'Status',
    serverHeading: 'Forbindelse',
    checking: 'Spørger Stue-serveren …',
    answers: 'Stue-serveren svarer.',
    silent: 'Stue-serveren svarer ikke.',
    silentHint: 'Tjek internetforbindelsen, og prøv igen.',
    checkedAt: (time) => `Tjekket kl. ${clock('da-DK').format(time)}`,
    checkAgain: 'Tjek igen',
  },
  en: {
    title: 'Stue · Coordinator',
    heading: 'Status',
    serverHeading: 'Connection',
    checking: 'Asking the Stue server …',
    answers: 'The Stue server answers.',
    silent: 'The Stue server does not answer.',
    silentHint: 'Check the internet connection and try again.',
    checkedAt: (time) => `Checked at ${clock('en-GB').format(time)}`,
    checkAgain: 'Check again',
  },
};
