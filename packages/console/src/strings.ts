import type {
  AccessNeeds,
  BookingStatus,
  EligibilityOutcome,
  Lang,
  MusicGenre,
  NominationStatus,
} from '@stue/core';

/**
 * The browser's local time as `HH.MM.SS` (Danish) or `HH:MM:SS` (English), as `Intl` writes it for
 * `da-DK` and `en-GB` with two-digit hours, minutes and seconds; without `Intl`, whose first
 * formatter costs the console's first screen tens of milliseconds on a slow machine.
 */
export const clock = (time: Date, separator: '.' | ':') =>
  [time.getHours(), time.getMinutes(), time.getSeconds()]
    .map((n) => String(n).padStart(2, '0'))
    .join(separator);

export const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

export type AccessKey = keyof AccessNeeds;

const da = {
  /** The document title, and the name in the header. */
  title: 'Stue · Koordinator',
  skipLink: 'Gå til indhold',
  navLabel: 'Hovedmenu',
  nav: {
    inbox: 'Indbakke',
    tasks: 'Opgaver',
    planning: 'Planlægning',
    musicians: 'Musikere',
    tourDays: 'Turnédage',
    devices: 'Tablets',
    reports: 'Rapporter',
    partners: 'Partnere',
    programmes: 'Programmer',
  },
  signedInAs: (name: string) => `Logget ind som ${name}`,
  signOut: 'Log ud',
  otherLanguage: { label: 'English', lang: 'en' as Lang, title: 'Show the console in English' },
  errorSummaryTitle: 'Der er et problem',
  loading: 'Henter …',
  networkError: 'Stue-serveren svarer ikke. Tjek internetforbindelsen, og prøv igen.',
  unexpected: 'Noget gik galt. Prøv igen – og kontakt support, hvis det bliver ved.',
  tryAgain: 'Prøv igen',
  sessionEnded: 'Du er blevet logget ud. Log ind igen for at fortsætte.',
  notFoundHeading: 'Siden findes ikke',
  notFound: 'Adressen passer ikke til en side i konsollen.',
  backToInbox: 'Tilbage til indbakken',
  days: (n: number) => `${n} ${plural(n, 'dag', 'dage')}`,
  minutes: (n: number) => `${n} min.`,
  none: 'Ingen',
  notGiven: 'Ikke oplyst',
  hostWithdrawn: 'Værten har trukket sit samtykke tilbage',
  cancel: 'Fortryd',
  edit: 'Redigér',
  history: {
    heading: 'Historik',
    empty: 'Ingen ændringer endnu.',
    someone: 'en koordinator',
    by: (who: string) => `af ${who}`,
    changed: (fields: string) => `Ændret: ${fields}`,
    actions: { created: 'Oprettet', updated: 'Ændret', deleted: 'Slettet' } as Record<
      string,
      string
    >,
  },
  /** A booking's history and contact person, on the planning and booking pages. */
  bookings: {
    you: (name: string) => `${name} (dig)`,
    otherCoordinator: 'En anden koordinator',
    historyActions: {
      created: 'Foreslået',
      confirm: 'Bekræftet',
      cancel: 'Aflyst',
      hold: 'Afholdt',
      'mark-no-show': 'Ingen åbnede',
      reschedule: 'Flyttet',
      deleted: 'Slettet',
    } as Record<string, string>,
  },
  yes: 'Ja',
  no: 'Nej',
  tooLong: (max: number) => `Skriv højst ${max} tegn`,
  cprNotAllowed: 'Skriv ikke CPR-numre. Stue må ikke gemme dem.',
  pageTitle: (page: string) => `${page} · Stue · Koordinator`,

  openTasks: (n: number) => `${n} ${plural(n, 'åben opgave', 'åbne opgaver')}`,
  /** How a concert went for the musician, as their debrief says. */
  debriefOutcomes: { good: 'Godt', mixed: 'Både og', hard: 'Svært' },
  statuses: {
    received: 'Modtaget',
    'in-review': 'Under vurdering',
    accepted: 'Godkendt',
    declined: 'Afslået',
    withdrawn: 'Trukket tilbage',
    booked: 'Booket',
    completed: 'Gennemført',
  } satisfies Record<NominationStatus, string>,
  bookingStatuses: {
    proposed: 'Foreslået',
    confirmed: 'Bekræftet',
    held: 'Afholdt',
    cancelled: 'Aflyst',
    'no-show': 'Ingen åbnede',
  } satisfies Record<BookingStatus, string>,
  outcomes: {
    fits: 'Passer til formatet',
    'talk-first': 'Tal sammen først',
    'outside-format': 'Uden for formatet',
  } satisfies Record<EligibilityOutcome, string>,
  genres: {
    'danish-songs': 'Danske sange',
    hymns: 'Salmer',
    evergreens: 'Evergreens og schlagere',
    classical: 'Klassisk',
    jazz: 'Jazz',
    folk: 'Folkemusik',
    'pop-rock': 'Pop og rock',
    world: 'Musik fra hele verden',
  } satisfies Record<MusicGenre, string>,

  health: {
    heading: 'Forbindelse',
    checking: 'Spørger Stue-serveren …',
    answers: 'Stue-serveren svarer.',
    silent: 'Stue-serveren svarer ikke.',
    silentHint: 'Tjek internetforbindelsen, og prøv igen.',
    cannotSave: 'Stue-serveren svarer, men kan ikke gemme lige nu.',
    cannotSaveHint:
      'Serveren har ikke mere plads, så intet nyt bliver gemt. Sig det til den, der driver serveren.',
    checkedAt: (time: Date) => `Tjekket kl. ${clock(time, '.')}`,
    checkAgain: 'Tjek igen',
  },

  signIn: {
    heading: 'Log ind',
    intro: 'Koordinatorkonsollen til Musikalske Besøgsvenner.',
    checking: 'Tjekker, om du er logget ind …',
    email: 'E-mailadresse',
    password: 'Adgangskode',
    submit: 'Log ind',
    submitting: 'Logger ind …',
    emailRequired: 'Skriv din e-mailadresse',
    passwordRequired: 'Skriv din adgangskode',
    wrong: 'E-mailadressen eller adgangskoden er forkert. Tjek dem, og prøv igen.',
    tooMany: (minutes: number) =>
      `Der er prøvet at logge ind for mange gange. Vent ${minutes} ${plural(minutes, 'minut', 'minutter')}, og prøv igen.`,
    tooManySeconds: (seconds: number) =>
      `Der er prøvet at logge ind for mange gange. Vent ${seconds} ${plural(seconds, 'sekund', 'sekunder')}, og prøv igen.`,
  },
};

/** Every text the console shows, so that none exists in one language only. */
export type ConsoleStrings = typeof da;

const en: ConsoleStrings = {
  title: 'Stue · Coordinator',
  skipLink: 'Skip to content',
  navLabel: 'Main menu',
  nav: {
    inbox: 'Inbox',
    tasks: 'Tasks',
    planning: 'Planning',
    musicians: 'Musicians',
    tourDays: 'Tour days',
    devices: 'Tablets',
    reports: 'Reports',
    partners: 'Partners',
    programmes: 'Programmes',
  },
  signedInAs: (name) => `Signed in as ${name}`,
  signOut: 'Sign out',
  otherLanguage: { label: 'Dansk', lang: 'da', title: 'Vis konsollen på dansk' },
  errorSummaryTitle: 'There is a problem',
  loading: 'Loading …',
  networkError: 'The Stue server does not answer. Check the internet connection and try again.',
  unexpected: 'Something went wrong. Try again – and contact support if it keeps happening.',
  tryAgain: 'Try again',
  sessionEnded: 'You have been signed out. Sign in again to continue.',
  notFoundHeading: 'Page not found',
  notFound: 'The address does not match a page in the console.',
  backToInbox: 'Back to the inbox',
  days: (n) => `${n} ${plural(n, 'day', 'days')}`,
  minutes: (n) => `${n} min`,
  none: 'None',
  notGiven: 'Not given',
  hostWithdrawn: 'The host has withdrawn consent',
  cancel: 'Cancel',
  edit: 'Edit',
  history: {
    heading: 'History',
    empty: 'No changes yet.',
    someone: 'a coordinator',
    by: (who) => `by ${who}`,
    changed: (fields) => `Changed: ${fields}`,
    actions: { created: 'Created', updated: 'Changed', deleted: 'Deleted' },
  },
  /** A booking's history and contact person, on the planning and booking pages. */
  bookings: {
    you: (name) => `${name} (you)`,
    otherCoordinator: 'Another coordinator',
    historyActions: {
      created: 'Proposed',
      confirm: 'Confirmed',
      cancel: 'Cancelled',
      hold: 'Held',
      'mark-no-show': 'Nobody opened',
      reschedule: 'Moved',
      deleted: 'Deleted',
    },
  },
  yes: 'Yes',
  no: 'No',
  tooLong: (max) => `Write at most ${max} characters`,
  cprNotAllowed: 'Do not write CPR numbers. Stue must not store them.',
  pageTitle: (page) => `${page} · Stue · Coordinator`,

  openTasks: (n) => `${n} open ${plural(n, 'task', 'tasks')}`,
  debriefOutcomes: { good: 'Good', mixed: 'Mixed', hard: 'Hard' },
  statuses: {
    received: 'Received',
    'in-review': 'In review',
    accepted: 'Accepted',
    declined: 'Declined',
    withdrawn: 'Withdrawn',
    booked: 'Booked',
    completed: 'Completed',
  },
  bookingStatuses: {
    proposed: 'Proposed',
    confirmed: 'Confirmed',
    held: 'Held',
    cancelled: 'Cancelled',
    'no-show': 'Nobody opened',
  },
  outcomes: {
    fits: 'Fits the format',
    'talk-first': 'Talk first',
    'outside-format': 'Outside the format',
  },
  genres: {
    'danish-songs': 'Danish songs',
    hymns: 'Hymns',
    evergreens: 'Evergreens and schlager',
    classical: 'Classical',
    jazz: 'Jazz',
    folk: 'Folk',
    'pop-rock': 'Pop and rock',
    world: 'Music from around the world',
  },

  health: {
    heading: 'Connection',
    checking: 'Asking the Stue server …',
    answers: 'The Stue server answers.',
    silent: 'The Stue server does not answer.',
    silentHint: 'Check the internet connection and try again.',
    cannotSave: 'The Stue server answers but cannot save right now.',
    cannotSaveHint:
      'The server has run out of space, so nothing new is saved. Tell whoever runs the server.',
    checkedAt: (time) => `Checked at ${clock(time, ':')}`,
    checkAgain: 'Check again',
  },

  signIn: {
    heading: 'Sign in',
    intro: 'The coordinator console of Musical Visiting Friends.',
    checking: 'Checking whether you are signed in …',
    email: 'E-mail address',
    password: 'Password',
    submit: 'Sign in',
    submitting: 'Signing in …',
    emailRequired: 'Enter your e-mail address',
    passwordRequired: 'Enter your password',
    wrong: 'The e-mail address or password is wrong. Check them and try again.',
    tooMany: (minutes) =>
      `There have been too many sign-in attempts. Wait ${minutes} ${plural(minutes, 'minute', 'minutes')} and try again.`,
    tooManySeconds: (seconds) =>
      `There have been too many sign-in attempts. Wait ${seconds} ${plural(seconds, 'second', 'seconds')} and try again.`,
  },
};

/** The console's texts in Danish and English. */
export const CONSOLE_STRINGS: Readonly<Record<Lang, ConsoleStrings>> = { da, en };

/**
 * A page's texts with the console's shared ones, in Danish or English: each page's words live
 * beside it, so its chunk (loaded on its first visit) carries only its own. `en` is typed by `da`,
 * so a text missing in English fails to compile. Merged once per language, on first use.
 */
export function pageStrings<P extends object>(da: P, en: P): (lang: Lang) => ConsoleStrings & P {
  const made: Partial<Record<Lang, ConsoleStrings & P>> = {};
  return (lang) => (made[lang] ??= { ...CONSOLE_STRINGS[lang], ...(lang === 'en' ? en : da) });
}
