import type {
  AccessNeed,
  Lang,
  MusicGenre,
  NominatorRole,
  ScreeningAnswer,
  TimeOfDay,
} from '@stue/core';

/**
 * The version of the built-in privacy notice and consent wording below, shown when the form
 * cannot read its programme from the hub. It is sent as `consent.noticeVersion`, so a consent
 * record can always be matched with the words the person read: change the version whenever
 * `consent.notice` or a consent label changes in either language. With the programme, the form
 * records the programme's own notice version instead.
 */
export const NOTICE_VERSION = 'stue-nomination-form/3';

/** The nominators who can answer for the host's yes to keeping feedback themselves. */
export type FeedbackAsker = 'visiting-friend' | 'self';

/**
 * Every text the nomination form shows, in one language. Weekday and language names come from
 * the browser (`Intl`), so they are not here.
 */
export interface NominationFormText {
  /** The name of the language switch's group. */
  language: string;
  step: (index: number, total: number) => string;
  next: string;
  back: string;
  optional: string;
  errorPrefix: string;
  summaryTitle: string;
  about: {
    title: string;
    lines: string[];
    picture: string;
    start: string;
    programme: string;
    titleFor: (name: string) => string;
  };
  nominator: {
    title: string;
    role: string;
    roles: Record<NominatorRole, string>;
    name: string;
    organisation: string;
    organisationHint: string;
    contact: string;
    contactHint: string;
    phone: string;
    email: string;
    locked: string;
  };
  host: {
    title: string;
    intro: string;
    firstName: string;
    firstNameHint: string;
    municipality: string;
    municipalityHint: string;
    municipalityNone: (typed: string) => string;
    postcode: string;
    language: string;
    languageHint: string;
  };
  friend: { title: string; why: string; firstName: string; phone: string };
  screening: {
    title: string;
    /** The title when the host nominates themself. */
    titleSelf: string;
    intro: string;
    answers: Record<ScreeningAnswer, string>;
    talkFirst: string;
  };
  wishes: {
    title: string;
    intro: string;
    weekdays: string;
    anyHint: string;
    times: string;
    timesOfDay: Record<TimeOfDay, string>;
    genres: string;
    genreNames: Record<MusicGenre, string>;
    musicWishes: string;
    musicWishesHint: string;
    extraGuests: string;
    extraGuestsHint: string;
    access: string;
    accessHint: string;
    accessNeeds: Record<AccessNeed, string>;
  };
  consent: {
    title: string;
    notice: string[];
    label: string;
    /** The tick box in the words of the nominator (the host, the visiting friend, others). */
    labels: Record<NominatorRole, string>;
    controller: (name: string, address: string, contact: string) => string;
    ask: string;
    feedbackTitle: string;
    feedbackHint: string;
    feedbackLabels: Record<FeedbackAsker, string>;
  };
  review: {
    title: string;
    intro: string;
    change: string;
    notGiven: string;
    any: string;
    none: string;
    yes: string;
    send: string;
  };
  retry: string;
  sending: string;
  notSent: {
    title: string;
    setupTitle: string;
    retryable: string;
    rateLimited: string;
    setup: string;
    conflict: string;
    code: string;
  };
  receipt: {
    title: string;
    reference: string;
    copy: string;
    copied: string;
    print: string;
    nextTitle: string;
    next: string[];
    ask: string;
    sentTitle: string;
    consents: string;
    again: string;
  };
}

const da: NominationFormText = {
  language: 'Sprog',
  step: (index, total) => `Trin ${index} af ${total}`,
  next: 'Fortsæt',
  back: 'Tilbage',
  optional: '(valgfrit)',
  errorPrefix: 'Fejl:',
  summaryTitle: 'Der er et problem',
  about: {
    title: 'Indstil en vært og besøgsven til en koncert i stuen',
    lines: [
      'En koncert i stuen er et besøg af én professionel musiker. Musikeren spiller sine egne sange akustisk – uden højttalere – i værtens egen stue.',
      'Besøgsvennen er med. Besøget varer omkring en time, og der er tid til en kop kaffe og en snak.',
      'Det tager omkring 10 minutter at indstille. Du kan gå tilbage og rette undervejs.',
    ],
    picture: 'En musiker med guitar spiller for to personer, der sidder i lænestole med kaffe.',
    start: 'Start indstillingen',
    programme: 'Program',
    titleFor: (name) => `Indstil en vært og besøgsven til ${name}`,
  },
  nominator: {
    title: 'Om dig, der indstiller',
    role: 'Hvem er du?',
    roles: {
      'local-expert': 'Jeg arbejder i en besøgstjeneste eller kommune',
      'visiting-friend': 'Jeg er besøgsven',
      relative: 'Jeg er pårørende',
      self: 'Jeg er selv værten',
    },
    name: 'Dit navn',
    organisation: 'Organisation',
    organisationHint: 'Fx den besøgstjeneste, du er en del af.',
    contact: 'Hvordan kan vi kontakte dig?',
    contactHint: 'Skriv dit telefonnummer, din e-mail eller begge dele.',
    phone: 'Telefonnummer',
    email: 'E-mail',
    locked: 'Udfyldt af hjemmesiden.',
  },
  host: {
    title: 'Værten',
    intro: 'Værten er den person, der får koncerten i sin stue.',
    firstName: 'Værtens fornavn',
    firstNameHint: 'Kun fornavnet. Resten får koordinatoren at vide gennem besøgsvennen.',
    municipality: 'Kommune',
    municipalityHint: 'Skriv de første bogstaver, og vælg kommunen på listen.',
    municipalityNone: (typed) =>
      `Ingen kommune passer til »${typed}«. Prøv med færre bogstaver eller en anden stavemåde.`,
    postcode: 'Postnummer',
    language: 'Sprog under besøget',
    languageHint: 'Det sprog, musikeren skal tale med værten.',
  },
  friend: {
    title: 'Besøgsvennen',
    why: 'Koordinatoren kontakter altid besøgsvennen og aldrig værten direkte. Så bliver værten ikke ringet op af en fremmed, og besøgsvennen kan tale med værten om besøget i ro og mag.',
    firstName: 'Besøgsvennens fornavn',
    phone: 'Besøgsvennens telefonnummer',
  },
  screening: {
    title: 'Et par spørgsmål om værten',
    titleSelf: 'Et par spørgsmål om dig',
    intro:
      'Svar ud fra det, du ved. Ingen svar udelukker en koncert – de hjælper koordinatoren med at forberede samtalen.',
    answers: { yes: 'Ja', no: 'Nej', 'not-sure': 'Ved ikke' },
    talkFirst:
      'Tak for svarene. En koordinator taler dem igennem med besøgsvennen, før der bliver aftalt noget. Du kan sagtens sende indstillingen.',
  },
  wishes: {
    title: 'Ønsker og praktiske forhold',
    intro: 'Alt her er valgfrit. Det hjælper os med at finde en dag og en musiker, der passer.',
    weekdays: 'Hvilke dage passer?',
    anyHint: 'Sæt ingen kryds, hvis alle passer.',
    times: 'Hvilket tidspunkt passer?',
    timesOfDay: {
      morning: 'Formiddag (før kl. 12)',
      afternoon: 'Eftermiddag (kl. 12–17)',
      evening: 'Aften (efter kl. 17)',
    },
    genres: 'Hvilken slags musik holder værten af?',
    genreNames: {
      'danish-songs': 'Danske sange og viser',
      hymns: 'Salmer',
      evergreens: 'Evergreens og slagere',
      classical: 'Klassisk',
      jazz: 'Jazz',
      folk: 'Folkemusik',
      'pop-rock': 'Pop og rock',
      world: 'Musik fra andre dele af verden',
    },
    musicWishes: 'Særlige musikønsker',
    musicWishesHint: 'Fx en sang eller en kunstner, værten holder af.',
    extraGuests: 'Ekstra gæster',
    extraGuestsHint: 'Ud over værten og besøgsvennen. Der er plads til få i en stue.',
    access: 'Praktiske forhold',
    accessHint: 'Sæt kryds ved det, musikeren bør vide. Skriv ikke om sygdomme.',
    accessNeeds: {
      hearing: 'Værten hører dårligt',
      sight: 'Værten ser dårligt',
      stairs: 'Der er trapper og ingen elevator',
      wheelchair: 'Værten bruger kørestol',
      pets: 'Der er dyr i hjemmet',
      smokeFree: 'Ingen rygning under besøget',
    },
  },
  consent: {
    title: 'Værtens ja',
    notice: [
      'Vi bruger oplysningerne til at planlægge og følge op på en koncert i stuen. Kun programmets koordinatorer ser dem, og musikeren får kun det, der er brug for til besøget. Vi gemmer ikke CPR-numre eller oplysninger om sygdom.',
      'Værten kan altid sige nej og bede os slette oplysningerne – gennem besøgsvennen eller koordinatoren. Intet gemmes på denne hjemmeside.',
    ],
    label: 'Værten har sagt ja til besøget gennem sin besøgsven',
    labels: {
      'local-expert': 'Værten har sagt ja til besøget gennem sin besøgsven',
      relative: 'Værten har sagt ja til besøget gennem sin besøgsven',
      'visiting-friend': 'Værten har sagt ja til besøget, da jeg spurgte',
      self: 'Jeg siger ja til besøget',
    },
    controller: (name, address, contact) =>
      `Dataansvarlig: ${name}, ${address}. Spørgsmål om oplysningerne: ${contact}.`,
    ask: 'Spørgsmål om indstillingen:',
    feedbackTitle: 'Svar efter besøget (valgfrit)',
    feedbackHint:
      'Efter besøget kan I svare på et par spørgsmål på musikerens tablet. Svarene bruges kun samlet og uden navne.',
    feedbackLabels: {
      'visiting-friend': 'Værten siger også ja til, at vi gemmer svarene fra tabletten',
      self: 'Jeg siger også ja til, at I gemmer mine svar fra tabletten',
    },
  },
  review: {
    title: 'Tjek indstillingen',
    intro: 'Se svarene igennem, før du sender.',
    change: 'Ret',
    notGiven: 'Ikke oplyst',
    any: 'Alle passer',
    none: 'Ingen',
    yes: 'Ja',
    send: 'Send indstillingen',
  },
  retry: 'Prøv at sende igen',
  sending: 'Sender…',
  notSent: {
    title: 'Ikke sendt – prøv igen',
    setupTitle: 'Formularen kan ikke sendes fra denne side lige nu',
    retryable:
      'Indstillingen nåede ikke frem. Det, du har skrevet, er her stadig. Prøv at sende igen om lidt.',
    rateLimited:
      'Der bliver sendt mange indstillinger lige nu. Det, du har skrevet, er her stadig. Vent et øjeblik, og prøv så igen.',
    setup:
      'Formularen er ikke sat rigtigt op på denne side, så indstillingen kan ikke sendes. Det er ikke din fejl. Giv gerne hjemmesidens ejer besked.',
    conflict:
      'Indstillingen er allerede modtaget, men med lidt andre oplysninger end dem, der står nu. Den først modtagne er gemt, og koordinatoren kan rette resten, når de ringer til besøgsvennen.',
    code: 'Fejlkode',
  },
  receipt: {
    title: 'Tak – indstillingen er sendt',
    reference: 'Reference:',
    copy: 'Kopiér referencen',
    copied: 'Referencen er kopieret',
    print: 'Udskriv kvitteringen',
    nextTitle: 'Det sker nu',
    next: [
      'En koordinator ringer til besøgsvennen for at tale om besøget og finde en dag, der passer.',
      'Værten bliver ikke ringet op af os. Alt går gennem besøgsvennen.',
      'Skriv gerne referencen ned, hvis I vil spørge til indstillingen senere.',
    ],
    ask: 'Spørgsmål? Kontakt',
    sentTitle: 'Det har du sendt',
    consents: 'Samtykker',
    again: 'Indstil et andet par',
  },
};

const en: NominationFormText = {
  language: 'Language',
  step: (index, total) => `Step ${index} of ${total}`,
  next: 'Continue',
  back: 'Back',
  optional: '(optional)',
  errorPrefix: 'Error:',
  summaryTitle: 'There is a problem',
  about: {
    title: 'Nominate a host and visiting friend for a living-room concert',
    lines: [
      "A living-room concert is a visit from one professional musician. The musician plays their own songs acoustically – no speakers – in the host's own living room.",
      'The visiting friend is there too. The visit lasts about an hour, with time for a cup of coffee and a chat.',
      'Nominating takes about 10 minutes. You can go back and make changes along the way.',
    ],
    picture: 'A musician with a guitar plays for two people sitting in armchairs with coffee.',
    start: 'Start the nomination',
    programme: 'Programme',
    titleFor: (name) => `Nominate a host and visiting friend for ${name}`,
  },
  nominator: {
    title: 'About you',
    role: 'Who are you?',
    roles: {
      'local-expert': 'I work for a visit service or a municipality',
      'visiting-friend': 'I am the visiting friend',
      relative: 'I am a relative',
      self: 'I am the host',
    },
    name: 'Your name',
    organisation: 'Organisation',
    organisationHint: 'For example the visit service you are part of.',
    contact: 'How can we contact you?',
    contactHint: 'Enter your phone number, your email address or both.',
    phone: 'Phone number',
    email: 'Email',
    locked: 'Filled in by the website.',
  },
  host: {
    title: 'The host',
    intro: 'The host is the person who has the concert in their living room.',
    firstName: "Host's first name",
    firstNameHint: 'First name only. The coordinator learns the rest through the visiting friend.',
    municipality: 'Municipality',
    municipalityHint: 'Type the first letters, then choose the municipality from the list.',
    municipalityNone: (typed) =>
      `No municipality matches “${typed}”. Try fewer letters or another spelling.`,
    postcode: 'Postcode',
    language: 'Language of the visit',
    languageHint: 'The language the musician should speak with the host.',
  },
  friend: {
    title: 'The visiting friend',
    why: 'The coordinator always contacts the visiting friend, never the host directly. That way the host is not phoned by a stranger, and the visiting friend can talk the visit over with the host in their own time.',
    firstName: "Visiting friend's first name",
    phone: "Visiting friend's phone number",
  },
  screening: {
    title: 'A few questions about the host',
    titleSelf: 'A few questions about you',
    intro:
      'Answer from what you know. No answer rules out a concert – they help the coordinator prepare the conversation.',
    answers: { yes: 'Yes', no: 'No', 'not-sure': 'Not sure' },
    talkFirst:
      'Thank you for the answers. A coordinator will talk them through with the visiting friend before anything is arranged. You are welcome to send the nomination.',
  },
  wishes: {
    title: 'Wishes and practical matters',
    intro: 'Everything here is optional. It helps us find a day and a musician that suit.',
    weekdays: 'Which days suit?',
    anyHint: 'Tick none if all of them suit.',
    times: 'Which time of day suits?',
    timesOfDay: {
      morning: 'Morning (before 12)',
      afternoon: 'Afternoon (12–5 pm)',
      evening: 'Evening (after 5 pm)',
    },
    genres: 'What kind of music does the host like?',
    genreNames: {
      'danish-songs': 'Danish songs and ballads',
      hymns: 'Hymns',
      evergreens: 'Evergreens and schlager',
      classical: 'Classical',
      jazz: 'Jazz',
      folk: 'Folk',
      'pop-rock': 'Pop and rock',
      world: 'Music from other parts of the world',
    },
    musicWishes: 'Particular music wishes',
    musicWishesHint: 'For example a song or an artist the host loves.',
    extraGuests: 'Extra guests',
    extraGuestsHint: 'Besides the host and the visiting friend. A living room has room for a few.',
    access: 'Practical matters',
    accessHint: 'Tick what the musician should know. Do not write about illnesses.',
    accessNeeds: {
      hearing: 'The host hears poorly',
      sight: 'The host sees poorly',
      stairs: 'There are stairs and no lift',
      wheelchair: 'The host uses a wheelchair',
      pets: 'There are animals in the home',
      smokeFree: 'No smoking during the visit',
    },
  },
  consent: {
    title: "The host's yes",
    notice: [
      'We use the details to plan and follow up a living-room concert. Only the programme’s coordinators see them, and the musician gets only what the visit needs. We do not keep CPR numbers or information about illness.',
      'The host can always say no and ask us to delete the details – through the visiting friend or the coordinator. Nothing is stored on this website.',
    ],
    label: 'The host has said yes to the visit, through their visiting friend',
    labels: {
      'local-expert': 'The host has said yes to the visit, through their visiting friend',
      relative: 'The host has said yes to the visit, through their visiting friend',
      'visiting-friend': 'The host said yes to the visit when I asked',
      self: 'I say yes to the visit',
    },
    controller: (name, address, contact) =>
      `Data controller: ${name}, ${address}. Questions about the details: ${contact}.`,
    ask: 'Questions about the nomination:',
    feedbackTitle: 'Answers after the visit (optional)',
    feedbackHint:
      "After the visit you can answer a few questions on the musician's tablet. The answers are only used together and without names.",
    feedbackLabels: {
      'visiting-friend': 'The host also says yes to us keeping the answers from the tablet',
      self: 'I also say yes to you keeping my answers from the tablet',
    },
  },
  review: {
    title: 'Check the nomination',
    intro: 'Look through the answers before you send.',
    change: 'Change',
    notGiven: 'Not given',
    any: 'All suit',
    none: 'None',
    yes: 'Yes',
    send: 'Send the nomination',
  },
  retry: 'Try sending again',
  sending: 'Sending…',
  notSent: {
    title: 'Not sent – please try again',
    setupTitle: 'The form cannot be sent from this page right now',
    retryable:
      'The nomination did not get through. What you typed is still here. Try sending it again in a moment.',
    rateLimited:
      'A lot of nominations are being sent right now. What you typed is still here. Wait a moment, then try again.',
    setup:
      'The form is not set up correctly on this page, so the nomination cannot be sent. This is not your fault. Please let the owner of this website know.',
    conflict:
      'The nomination has already been received, but with slightly different details from those shown now. The first one received is kept, and the coordinator can correct the rest when they phone the visiting friend.',
    code: 'Error code',
  },
  receipt: {
    title: 'Thank you – the nomination has been sent',
    reference: 'Reference:',
    copy: 'Copy the reference',
    copied: 'The reference is copied',
    print: 'Print the receipt',
    nextTitle: 'What happens next',
    next: [
      'A coordinator will phone the visiting friend to talk about the visit and find a day that suits.',
      'We will not phone the host. Everything goes through the visiting friend.',
      'Note down the reference if you want to ask about the nomination later.',
    ],
    ask: 'Questions? Contact',
    sentTitle: 'What you sent',
    consents: 'Consents',
    again: 'Nominate another pair',
  },
};

const texts: Record<Lang, NominationFormText> = { da, en };

/** The form's texts in `lang`. */
export function nominationFormText(lang: Lang): NominationFormText {
  return texts[lang];
}

/** Danish unless the page asks for English (`en`, `en-GB`, …): the programme is Danish first. */
export function toLang(value: string | null | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'da';
}
