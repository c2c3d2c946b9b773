import type { AccessNeed, Lang, ResponseRole } from '@stue/core';

/** The access needs a booking can carry, as the hub sends them: core's {@link AccessNeed}. */
export type { AccessNeed };

/** Every text the kiosk shows, so that none exists in one language only. */
export interface KioskStrings {
  /** The document title. */
  title: string;
  /** The product's name, shown at the top. */
  brand: string;
  online: string;
  offline: string;
  loading: string;

  // The neutral start screen
  notEnrolledHeading: string;
  notEnrolledHint: string;
  enrolButton: string;
  readyHeading: string;
  readyHint: string;
  unlockButton: string;
  wipedHeading: string;
  wipedHint: string;
  tabWarningHeading: string;
  tabWarningText: string;
  failedHeading: string;
  failedHint: string;
  reloadHeading: string;
  reloadHint: string;
  reloadButton: string;

  // Enrolment
  enrolHeading: string;
  enrolIntro: string;
  codeLabel: string;
  codeHint: string;
  nameLabel: string;
  nameHint: string;
  enrolSubmit: string;
  enrolBusy: string;
  scanCode: string;
  scanHint: string;
  scanStop: string;
  scanRead: (code: string) => string;
  scanFailed: string;
  cancel: string;
  errorSummary: string;
  codeRequired: string;
  nameRequired: string;
  nameHasCpr: string;
  codeRefused: string;
  cannotReachHub: string;
  tooManyTries: string;
  somethingWentWrong: string;
  enrolledHeading: string;
  enrolledFor: (musician: string) => string;
  persisted: string;
  notPersisted: string;
  choosePin: string;

  // PIN
  pinSetHeading: string;
  pinSetHint: string;
  pinConfirmHeading: string;
  pinConfirmHint: string;
  pinMismatch: string;
  pinTooShort: string;
  pinCheckHeading: string;
  pinCheckHint: string;
  pinWrong: string;
  pinChecking: string;
  /** After too many wrong PINs: how long to wait, in words. */
  pinWait: (seconds: number) => string;
  pinDigits: (count: number) => string;
  pinDelete: string;
  pinOk: string;

  // Musician mode
  dayHeading: string;
  musicianLine: (musician: string, device: string) => string;
  noConcerts: string;
  concertsFetchedAt: (time: string) => string;
  concertsNeverFetched: string;
  concertsOffline: string;
  fetchAgain: string;
  fetching: string;
  concertAt: (time: string) => string;
  pairNames: (host: string, friend: string) => string;
  accessHeading: string;
  access: Record<AccessNeed, string>;
  extraGuests: (count: number) => string;
  musicWishes: string;
  /** The concert's programme names feedback questions this tablet does not have. */
  instrumentMissing: string;
  startFeedback: string;
  recordDebrief: string;
  debriefSent: string;
  cancelAtDoor: string;
  cancelAtDoorSend: string;
  cancelAtDoorKeep: string;
  cancelAtDoorChoose: string;
  cancelledAtDoor: (reason: string) => string;
  cancelledByCoordinator: string;
  feedbackCount: (count: number) => string;
  syncHeading: string;
  syncWaiting: (count: number) => string;
  syncSending: (count: number) => string;
  syncAllSent: string;
  syncNothingYet: string;
  syncLastSent: (when: string, count: number) => string;
  today: string;
  yesterday: string;
  syncNeedsAttention: (count: number) => string;
  syncNeedsAttentionHint: string;
  retry: string;
  revokedHeading: string;
  revokedText: string;
  enrolAgain: string;
  storageHeading: string;
  storagePersisted: string;
  storageNotPersisted: string;
  storageUse: (used: string, quota: string) => string;
  languageHeading: string;
  languageNames: Record<Lang, string>;
  lock: string;
  updateReady: string;
  updateNow: string;

  // Feedback session
  handOverHeading: (names: string) => string;
  handOverHint: string;
  handOverStart: string;
  backToMusician: string;
  whoHeading: string;
  roleWord: Record<ResponseRole, string>;
  hasAnswered: string;
  weAreDone: string;
  helpHeading: (together: boolean) => string;
  helpSelf: string;
  helpWith: string;
  questionOf: (index: number, count: number) => string;
  readAloud: string;
  back: string;
  skip: string;
  next: string;
  finishNow: string;
  stopHeading: string;
  stopText: string;
  stopYes: string;
  stopNo: string;
  chooseMany: string;
  chosen: string;
  saveFailed: string;
  thanksHeading: string;
  thanksText: (together: boolean) => string;
  thanksAnother: string;
  thanksDone: string;

  // Debrief
  debriefHeading: string;
  debriefFor: (time: string, host: string) => string;
  debriefAbout: string;
  yes: string;
  no: string;
  saveAndSend: string;
  saving: string;
  debriefSaved: string;
  chooseHowItWent: string;
  chooseAnythingHard: string;
  chooseCall: string;
  /** Above the choice of the coordinator or a peer, once the musician would like to talk. */
  talkToWhom: string;
  /** Under a peer's first name on the choice. */
  peerRole: string;
}

const da: KioskStrings = {
  title: 'Stue · Kiosk',
  brand: 'Stue',
  online: 'Tabletten er online.',
  offline: 'Tabletten er offline.',
  loading: 'Et øjeblik …',

  notEnrolledHeading: 'Denne tablet er ikke tilmeldt endnu',
  notEnrolledHint: 'Musikeren tilmelder den med en kode fra koordinatoren.',
  enrolButton: 'Tilmeld tabletten',
  readyHeading: 'Tabletten er klar',
  readyHint: 'Musikeren låser op for at begynde.',
  unlockButton: 'Musiker: lås op',
  wipedHeading: 'Tabletten har mistet sine data',
  wipedHint:
    'Browseren har slettet det, tabletten havde gemt. Svar, der ikke var sendt, kan ikke hentes tilbage. Fortæl det til koordinatoren, og tilmeld tabletten igen med en ny kode.',
  tabWarningHeading: 'Stue kører i en almindelig browserfane',
  tabWarningText:
    'Føj Stue til hjemmeskærmen, og åbn den derfra. I en almindelig fane kan Safari slette alle gemte svar, hvis Stue ikke har været brugt i 7 dage.',
  failedHeading: 'Stue kan ikke gemme på denne tablet',
  failedHint:
    'Browseren tillader ikke, at Stue gemmer svar. Luk et eventuelt privat vindue, og åbn Stue fra hjemmeskærmen.',
  reloadHeading: 'Stue er blevet opdateret',
  reloadHint: 'Genindlæs, så bruger tabletten den nye udgave. Intet går tabt.',
  reloadButton: 'Genindlæs',

  enrolHeading: 'Tilmeld tabletten',
  enrolIntro: 'Skriv koden, du har fået af koordinatoren, og giv tabletten et navn.',
  codeLabel: 'Kode fra koordinatoren',
  codeHint: 'Otte tegn, fx ABCD-1234.',
  nameLabel: 'Tablettens navn',
  nameHint: 'Så koordinatoren kan kende den, fx «Signes tablet».',
  enrolSubmit: 'Tilmeld',
  enrolBusy: 'Tilmelder …',
  scanCode: 'Scan QR-koden',
  scanHint: 'Hold QR-koden fra koordinatoren foran kameraet.',
  scanStop: 'Skriv koden i stedet',
  scanRead: (code) => `Koden er læst: ${code}. Skriv nu et navn til tabletten.`,
  scanFailed: 'Kameraet kunne ikke bruges. Skriv koden i stedet.',
  cancel: 'Tilbage',
  errorSummary: 'Der er et problem',
  codeRequired: 'Skriv koden fra koordinatoren.',
  nameRequired: 'Giv tabletten et navn.',
  nameHasCpr: 'Skriv ikke CPR-numre. Stue må ikke gemme dem.',
  codeRefused: 'Koden virker ikke. Den kan være brugt eller udløbet – bed koordinatoren om en ny.',
  cannotReachHub: 'Tabletten kan ikke nå Stue. Tjek internetforbindelsen, og prøv igen.',
  tooManyTries: 'Der har været for mange forsøg. Vent et kvarter, og prøv igen.',
  somethingWentWrong: 'Noget gik galt. Prøv igen om lidt.',
  enrolledHeading: 'Tabletten er tilmeldt',
  enrolledFor: (musician) => `Den hører nu til ${musician}.`,
  persisted: 'Browseren har lovet at passe på de gemte svar, også hvis pladsen bliver trang.',
  notPersisted:
    'Browseren har ikke lovet at passe på de gemte svar. Installer Stue på hjemmeskærmen, så de ikke bliver slettet.',
  choosePin: 'Vælg en PIN-kode',

  pinSetHeading: 'Vælg en PIN-kode til musikeren',
  pinSetHint:
    'Fire til otte cifre. Koden spærrer musikerens sider, så andre ikke kommer ind på dem. Svarene er låst på en anden måde: dem kan ingen på tabletten læse.',
  pinConfirmHeading: 'Skriv PIN-koden igen',
  pinConfirmHint: 'Så er vi sikre på, at den er rigtig.',
  pinMismatch: 'De to koder var ikke ens. Vælg en kode igen.',
  pinTooShort: 'Koden skal have mindst fire cifre.',
  pinCheckHeading: 'Musikerens PIN-kode',
  pinCheckHint: 'Skriv koden for at komme til dagens koncerter.',
  pinWrong: 'Forkert PIN-kode. Prøv igen.',
  pinChecking: 'Tjekker …',
  pinWait: (seconds) =>
    `Der er skrevet forkert PIN-kode for mange gange. Vent ${
      seconds < 60
        ? `${seconds} ${seconds === 1 ? 'sekund' : 'sekunder'}`
        : `${Math.ceil(seconds / 60)} ${Math.ceil(seconds / 60) === 1 ? 'minut' : 'minutter'}`
    }, og prøv igen. Intet er slettet.`,
  pinDigits: (count) =>
    count === 0
      ? 'Ingen cifre skrevet'
      : count === 1
        ? '1 ciffer skrevet'
        : `${count} cifre skrevet`,
  pinDelete: 'Slet',
  pinOk: 'OK',

  dayHeading: 'Dagens koncerter',
  musicianLine: (musician, device) => `${musician} · ${device}`,
  noConcerts: 'Der er ingen koncerter i dag.',
  concertsFetchedAt: (time) => `Hentet kl. ${time}.`,
  concertsNeverFetched: 'Koncerterne er ikke hentet endnu.',
  concertsOffline: 'Uden net viser tabletten det, den hentede sidst.',
  fetchAgain: 'Hent igen',
  fetching: 'Henter …',
  concertAt: (time) => `Kl. ${time}`,
  pairNames: (host, friend) => `${host} og ${friend}`,
  accessHeading: 'Husk',
  access: {
    hearing: 'hører dårligt',
    sight: 'ser dårligt',
    stairs: 'trapper',
    wheelchair: 'kørestol',
    pets: 'kæledyr i hjemmet',
    smokeFree: 'røgfrit',
  },
  extraGuests: (count) => (count === 1 ? '1 gæst mere' : `${count} gæster mere`),
  musicWishes: 'Ønsker',
  instrumentMissing:
    'Programmet beder om spørgsmål, som tabletten ikke har endnu. Parret får de almindelige spørgsmål. Opdatér tabletten, eller sig det til koordinatoren.',
  startFeedback: 'Start feedback',
  recordDebrief: 'Din evaluering',
  debriefSent: 'Din evaluering er gemt.',
  cancelAtDoor: 'Aflyst ved døren',
  cancelAtDoorSend: 'Meld koncerten aflyst',
  cancelAtDoorKeep: 'Fortryd',
  cancelAtDoorChoose: 'Vælg først, hvorfor koncerten blev aflyst.',
  cancelledAtDoor: (reason) => `Meldt aflyst ved døren: ${reason}. Koordinatoren får besked.`,
  cancelledByCoordinator: 'Aflyst. Koordinatoren har aflyst koncerten – du skal ikke køre derhen.',
  feedbackCount: (count) =>
    count === 1 ? '1 person har svaret.' : `${count} personer har svaret.`,
  syncHeading: 'Sendt til Stue',
  syncWaiting: (count) => `${count} svar venter på net.`,
  syncSending: (count) => `Sender ${count} svar …`,
  syncAllSent: 'Alt er sendt.',
  syncNothingYet: 'Der er ingen svar at sende endnu.',
  syncLastSent: (when, count) => `Sidst sendt ${when} — ${count} svar.`,
  today: 'i dag',
  yesterday: 'i går',
  syncNeedsAttention: (count) =>
    count === 1 ? '1 svar kræver opmærksomhed.' : `${count} svar kræver opmærksomhed.`,
  syncNeedsAttentionHint:
    'Stue har ikke taget imod dem. De er gemt på tabletten. Ring til koordinatoren.',
  retry: 'Prøv igen',
  revokedHeading: 'Tabletten er ikke længere tilmeldt',
  revokedText:
    'Koordinatoren har spærret tabletten. Svarene er gemt her og bliver sendt, når den er tilmeldt igen.',
  enrolAgain: 'Tilmeld igen',
  storageHeading: 'Plads på tabletten',
  storagePersisted: 'De gemte svar er beskyttet mod oprydning.',
  storageNotPersisted:
    'De gemte svar er ikke beskyttet mod oprydning. Installer Stue på hjemmeskærmen.',
  storageUse: (used, quota) => `Bruger ${used} af ${quota}.`,
  languageHeading: 'Sprog til feedbacken',
  languageNames: { da: 'Dansk', en: 'English' },
  lock: 'Lås',
  updateReady: 'En ny udgave af Stue er klar.',
  updateNow: 'Opdater nu',

  handOverHeading: (names) => `Giv tabletten til ${names}`,
  handOverHint:
    'Musikeren går lidt væk, mens I svarer. Ingen andre ser jeres svar, heller ikke musikeren.',
  handOverStart: 'Vi er klar',
  backToMusician: 'Tilbage til musikeren',
  whoHeading: 'Hvem svarer nu?',
  roleWord: {
    host: 'Værten',
    // A soft hyphen: on a narrow answer card the word breaks as «Besøgs-vennen», not off the card.
    'visiting-friend': 'Besøgs\u00advennen',
    together: 'Begge sammen',
    guest: 'En gæst',
  },
  hasAnswered: 'Har svaret',
  weAreDone: 'Vi er færdige',
  helpHeading: (together) =>
    together ? 'Svarer I selv, eller får I hjælp?' : 'Svarer du selv, eller får du hjælp?',
  helpSelf: 'Selv',
  helpWith: 'Med hjælp',
  questionOf: (index, count) => `Spørgsmål ${index} af ${count}`,
  readAloud: 'Læs op',
  back: 'Tilbage',
  skip: 'Spring over',
  next: 'Næste',
  finishNow: 'Færdig',
  stopHeading: 'Vil du stoppe her?',
  stopText: 'Dine svar indtil nu er gemt.',
  stopYes: 'Ja, stop her',
  stopNo: 'Nej, fortsæt',
  chooseMany: 'Vælg så mange, du vil.',
  chosen: 'valgt',
  saveFailed: 'Svaret blev ikke gemt. Tryk igen.',
  thanksHeading: 'Tusind tak!',
  thanksText: (together) =>
    together
      ? 'Jeres svar er gemt. De hjælper os med at give flere en god stund med musik.'
      : 'Dine svar er gemt. De hjælper os med at give flere en god stund med musik.',
  thanksAnother: 'En mere vil svare',
  thanksDone: 'Vi er færdige',

  debriefHeading: 'Din evaluering',
  debriefFor: (time, host) => `Koncerten kl. ${time} hos ${host}`,
  debriefAbout:
    'Den handler om din oplevelse. Koordinatoren læser den, og ringer, hvis du ønsker det.',
  yes: 'Ja',
  no: 'Nej',
  saveAndSend: 'Gem og send',
  saving: 'Gemmer …',
  debriefSaved: 'Din evaluering er gemt og bliver sendt, når der er net.',
  chooseHowItWent: 'Vælg, hvordan koncerten gik for dig.',
  chooseAnythingHard: 'Svar, om noget var svært for dig.',
  chooseCall: 'Svar, om du vil ringes op.',
  talkToWhom: 'Hvem vil du tale med?',
  peerRole: 'Erfaren kollega',
};

const en: KioskStrings = {
  title: 'Stue · Kiosk',
  brand: 'Stue',
  online: 'The tablet is online.',
  offline: 'The tablet is offline.',
  loading: 'One moment …',

  notEnrolledHeading: 'This tablet is not enrolled yet',
  notEnrolledHint: 'The musician enrols it with a code from the coordinator.',
  enrolButton: 'Enrol this tablet',
  readyHeading: 'The tablet is ready',
  readyHint: 'The musician unlocks it to begin.',
  unlockButton: 'Musician: unlock',
  wipedHeading: 'This tablet has lost its data',
  wipedHint:
    'The browser has deleted what the tablet had saved. Answers that were not sent cannot be brought back. Tell the coordinator, and enrol the tablet again with a new code.',
  tabWarningHeading: 'Stue is running in an ordinary browser tab',
  tabWarningText:
    'Add Stue to the home screen and open it from there. In an ordinary tab Safari may delete every saved answer when Stue has not been used for 7 days.',
  failedHeading: 'Stue cannot save on this tablet',
  failedHint:
    'The browser does not let Stue save answers. Close any private window and open Stue from the home screen.',
  reloadHeading: 'Stue has been updated',
  reloadHint: 'Reload to use the new version. Nothing is lost.',
  reloadButton: 'Reload',

  enrolHeading: 'Enrol this tablet',
  enrolIntro: 'Type the code the coordinator gave you, and give the tablet a name.',
  codeLabel: 'Code from the coordinator',
  codeHint: 'Eight characters, e.g. ABCD-1234.',
  nameLabel: 'Name for this tablet',
  nameHint: 'So the coordinator can tell it apart, e.g. “Signe’s tablet”.',
  enrolSubmit: 'Enrol',
  enrolBusy: 'Enrolling …',
  scanCode: 'Scan the QR code',
  scanHint: 'Hold the QR code from the coordinator in front of the camera.',
  scanStop: 'Type the code instead',
  scanRead: (code) => `The code is read: ${code}. Now give the tablet a name.`,
  scanFailed: 'The camera could not be used. Type the code instead.',
  cancel: 'Back',
  errorSummary: 'There is a problem',
  codeRequired: 'Type the code from the coordinator.',
  nameRequired: 'Give the tablet a name.',
  nameHasCpr: 'Do not enter CPR numbers. Stue must not store them.',
  codeRefused:
    'The code does not work. It may be used or expired – ask the coordinator for a new one.',
  cannotReachHub: 'The tablet cannot reach Stue. Check the internet connection and try again.',
  tooManyTries: 'There have been too many tries. Wait a quarter of an hour and try again.',
  somethingWentWrong: 'Something went wrong. Try again in a moment.',
  enrolledHeading: 'The tablet is enrolled',
  enrolledFor: (musician) => `It now belongs to ${musician}.`,
  persisted: 'The browser has promised to keep the saved answers, even when space runs low.',
  notPersisted:
    'The browser has not promised to keep the saved answers. Install Stue on the home screen so they are not deleted.',
  choosePin: 'Choose a PIN',

  pinSetHeading: 'Choose a PIN for the musician',
  pinSetHint:
    'Four to eight digits. The PIN closes the musician’s pages to others. The answers are locked another way: nobody on the tablet can read them.',
  pinConfirmHeading: 'Type the PIN again',
  pinConfirmHint: 'So we know it is right.',
  pinMismatch: 'The two PINs were not the same. Choose a PIN again.',
  pinTooShort: 'The PIN needs at least four digits.',
  pinCheckHeading: 'The musician’s PIN',
  pinCheckHint: 'Type the PIN to see today’s concerts.',
  pinWrong: 'Wrong PIN. Try again.',
  pinChecking: 'Checking …',
  pinWait: (seconds) =>
    `A wrong PIN has been typed too many times. Wait ${
      seconds < 60
        ? `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`
        : `${Math.ceil(seconds / 60)} ${Math.ceil(seconds / 60) === 1 ? 'minute' : 'minutes'}`
    } and try again. Nothing has been deleted.`,
  pinDigits: (count) =>
    count === 0 ? 'No digits typed' : count === 1 ? '1 digit typed' : `${count} digits typed`,
  pinDelete: 'Delete',
  pinOk: 'OK',

  dayHeading: 'Today’s concerts',
  musicianLine: (musician, device) => `${musician} · ${device}`,
  noConcerts: 'There are no concerts today.',
  concertsFetchedAt: (time) => `Fetched at ${time}.`,
  concertsNeverFetched: 'The concerts have not been fetched yet.',
  concertsOffline: 'Without a connection the tablet shows what it fetched last.',
  fetchAgain: 'Fetch again',
  fetching: 'Fetching …',
  concertAt: (time) => `At ${time}`,
  pairNames: (host, friend) => `${host} and ${friend}`,
  accessHeading: 'Remember',
  access: {
    hearing: 'hard of hearing',
    sight: 'poor sight',
    stairs: 'stairs',
    wheelchair: 'wheelchair',
    pets: 'pets in the home',
    smokeFree: 'smoke-free',
  },
  extraGuests: (count) => (count === 1 ? '1 more guest' : `${count} more guests`),
  musicWishes: 'Wishes',
  instrumentMissing:
    'The programme asks for questions this tablet does not have yet. The pair get the usual questions. Update the tablet, or tell the coordinator.',
  startFeedback: 'Start feedback',
  recordDebrief: 'Your debrief',
  debriefSent: 'Your debrief is saved.',
  cancelAtDoor: 'Cancelled at the door',
  cancelAtDoorSend: 'Report it cancelled',
  cancelAtDoorKeep: 'Go back',
  cancelAtDoorChoose: 'First choose why the concert was cancelled.',
  cancelledAtDoor: (reason) =>
    `Reported cancelled at the door: ${reason}. The coordinator is told.`,
  cancelledByCoordinator: 'Cancelled. The coordinator has cancelled this concert – no need to go.',
  feedbackCount: (count) =>
    count === 1 ? '1 person has answered.' : `${count} people have answered.`,
  syncHeading: 'Sent to Stue',
  syncWaiting: (count) =>
    count === 1
      ? '1 answer waiting for a connection.'
      : `${count} answers waiting for a connection.`,
  syncSending: (count) => (count === 1 ? 'Sending 1 answer …' : `Sending ${count} answers …`),
  syncAllSent: 'Everything has been sent.',
  syncNothingYet: 'There are no answers to send yet.',
  syncLastSent: (when, count) =>
    `Last sent ${when} — ${count} ${count === 1 ? 'answer' : 'answers'}.`,
  today: 'today',
  yesterday: 'yesterday',
  syncNeedsAttention: (count) =>
    count === 1 ? '1 answer needs attention.' : `${count} answers need attention.`,
  syncNeedsAttentionHint:
    'Stue has not accepted them. They are kept on the tablet. Call the coordinator.',
  retry: 'Try again',
  revokedHeading: 'This tablet is no longer enrolled',
  revokedText:
    'The coordinator has revoked the tablet. The answers are kept here and will be sent once it is enrolled again.',
  enrolAgain: 'Enrol again',
  storageHeading: 'Space on the tablet',
  storagePersisted: 'The saved answers are protected from clean-up.',
  storageNotPersisted:
    'The saved answers are not protected from clean-up. Install Stue on the home screen.',
  storageUse: (used, quota) => `Using ${used} of ${quota}.`,
  languageHeading: 'Language for the feedback',
  languageNames: { da: 'Dansk', en: 'English' },
  lock: 'Lock',
  updateReady: 'A new version of Stue is ready.',
  updateNow: 'Update now',

  handOverHeading: (names) => `Hand the tablet to ${names}`,
  handOverHint:
    'The musician steps away while you answer. Nobody else sees your answers, not even the musician.',
  handOverStart: 'We are ready',
  backToMusician: 'Back to the musician',
  whoHeading: 'Who is answering now?',
  roleWord: {
    host: 'The host',
    'visiting-friend': 'The visiting friend',
    together: 'Both together',
    guest: 'A guest',
  },
  hasAnswered: 'Has answered',
  weAreDone: 'We are done',
  helpHeading: (together) =>
    together
      ? 'Are you answering on your own, or with help?'
      : 'Are you answering on your own, or with help?',
  helpSelf: 'On our own',
  helpWith: 'With help',
  questionOf: (index, count) => `Question ${index} of ${count}`,
  readAloud: 'Read aloud',
  back: 'Back',
  skip: 'Skip',
  next: 'Next',
  finishNow: 'Done',
  stopHeading: 'Do you want to stop here?',
  stopText: 'Your answers so far are saved.',
  stopYes: 'Yes, stop here',
  stopNo: 'No, go on',
  chooseMany: 'Choose as many as you like.',
  chosen: 'chosen',
  saveFailed: 'The answer was not saved. Tap again.',
  thanksHeading: 'Thank you so much!',
  thanksText: (together) =>
    together
      ? 'Your answers are saved. They help us give more people a good time with music.'
      : 'Your answers are saved. They help us give more people a good time with music.',
  thanksAnother: 'Someone else will answer',
  thanksDone: 'We are done',

  debriefHeading: 'Your debrief',
  debriefFor: (time, host) => `The concert at ${time} with ${host}`,
  debriefAbout:
    'It is about your experience. A coordinator reads it, and calls if you would like that.',
  yes: 'Yes',
  no: 'No',
  saveAndSend: 'Save and send',
  saving: 'Saving …',
  debriefSaved: 'Your debrief is saved and will be sent when there is a connection.',
  chooseHowItWent: 'Choose how the concert went for you.',
  chooseAnythingHard: 'Say whether anything was hard for you.',
  chooseCall: 'Say whether you would like a call.',
  talkToWhom: 'Who would you like to talk to?',
  peerRole: 'Experienced peer',
};

/** The kiosk's texts in Danish and English. */
export const KIOSK_STRINGS: Readonly<Record<Lang, KioskStrings>> = { da, en };
