// The Danish texts of the form's later steps: a chunk of its own, loaded when a person in Danish
// goes past the first step (or the form prefetches it while they read it).
import type { LaterStepsText } from './nomination-form.text.js';

export const text: LaterStepsText = {
  next: 'Fortsæt',
  back: 'Tilbage',
  optional: '(valgfrit)',
  errorPrefix: 'Fejl:',
  summaryTitle: 'Der er et problem',
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
