import type { Lang, NominatorRole } from '@stue/core';

/** Every text the nomination form shows, in one language. */
export interface NominationFormText {
  title: string;
  intro: string[];
  nominator: {
    legend: string;
    roleLegend: string;
    roles: Record<NominatorRole, string>;
    name: string;
    contactLegend: string;
    contactHint: string;
    phone: string;
    email: string;
  };
  host: {
    legend: string;
    hint: string;
    firstName: string;
    firstNameHint: string;
    municipality: string;
    municipalityChoose: string;
  };
  friend: {
    legend: string;
    why: string;
    firstName: string;
    phone: string;
  };
  consent: {
    legend: string;
    label: string;
    hint: string;
  };
  submit: string;
  retry: string;
  sending: string;
  errorPrefix: string;
  summaryTitle: string;
  notSent: {
    title: string;
    retryable: string;
    rateLimited: string;
    setup: string;
    conflict: string;
    code: string;
  };
  receipt: {
    title: string;
    reference: string;
    nextTitle: string;
    next: string[];
    again: string;
  };
}

const da: NominationFormText = {
  title: 'Indstil en vært og besøgsven til en koncert i stuen',
  intro: [
    'En koncert i stuen er et besøg af én professionel musiker, som spiller sine egne sange akustisk – uden højttalere – i værtens egen stue.',
    'Besøgsvennen er med, og besøget varer omkring en time. Der er tid til en kop kaffe og en snak bagefter.',
  ],
  nominator: {
    legend: 'Om dig, der indstiller',
    roleLegend: 'Hvem er du?',
    roles: {
      'local-expert': 'Jeg arbejder i en besøgstjeneste eller kommune',
      'visiting-friend': 'Jeg er besøgsven',
      relative: 'Jeg er pårørende',
      self: 'Jeg er selv værten',
    },
    name: 'Dit navn',
    contactLegend: 'Hvordan kan vi kontakte dig?',
    contactHint: 'Skriv dit telefonnummer, din e-mail eller begge dele.',
    phone: 'Telefonnummer',
    email: 'E-mail',
  },
  host: {
    legend: 'Værten',
    hint: 'Værten er den person, der får koncerten i sin stue.',
    firstName: 'Værtens fornavn',
    firstNameHint: 'Kun fornavnet. Resten får koordinatoren at vide gennem besøgsvennen.',
    municipality: 'Kommune',
    municipalityChoose: 'Vælg kommune',
  },
  friend: {
    legend: 'Besøgsvennen',
    why: 'Koordinatoren kontakter altid besøgsvennen og aldrig værten direkte. Så bliver værten ikke ringet op af en fremmed, og besøgsvennen kan tale med værten om besøget i ro og mag.',
    firstName: 'Besøgsvennens fornavn',
    phone: 'Besøgsvennens telefonnummer',
  },
  consent: {
    legend: 'Værtens ja',
    label: 'Værten har sagt ja til besøget gennem sin besøgsven',
    hint: 'Indstil kun, hvis værten selv har sagt ja. Værten kan altid sige nej senere.',
  },
  submit: 'Send indstillingen',
  retry: 'Prøv at sende igen',
  sending: 'Sender…',
  errorPrefix: 'Fejl:',
  summaryTitle: 'Der er et problem',
  notSent: {
    title: 'Ikke sendt – prøv igen',
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
    reference: 'Referencen er',
    nextTitle: 'Det sker nu',
    next: [
      'En koordinator ringer til besøgsvennen for at tale om besøget og finde en dag, der passer.',
      'Værten bliver ikke ringet op af os. Alt går gennem besøgsvennen.',
      'Skriv gerne referencen ned, hvis I vil spørge til indstillingen senere.',
    ],
    again: 'Indstil et andet par',
  },
};

const en: NominationFormText = {
  title: 'Nominate a host and visiting friend for a living-room concert',
  intro: [
    "A living-room concert is a visit from one professional musician, who plays their own songs acoustically – no speakers – in the host's own living room.",
    'The visiting friend is there too, and the visit lasts about an hour. There is time for a cup of coffee and a chat afterwards.',
  ],
  nominator: {
    legend: 'About you, the person nominating',
    roleLegend: 'Who are you?',
    roles: {
      'local-expert': 'I work for a visit service or a municipality',
      'visiting-friend': 'I am the visiting friend',
      relative: 'I am a relative',
      self: 'I am the host',
    },
    name: 'Your name',
    contactLegend: 'How can we contact you?',
    contactHint: 'Enter your phone number, your email address or both.',
    phone: 'Phone number',
    email: 'Email',
  },
  host: {
    legend: 'The host',
    hint: 'The host is the person who has the concert in their living room.',
    firstName: "Host's first name",
    firstNameHint: 'First name only. The coordinator learns the rest through the visiting friend.',
    municipality: 'Municipality',
    municipalityChoose: 'Choose a municipality',
  },
  friend: {
    legend: 'The visiting friend',
    why: 'The coordinator always contacts the visiting friend, never the host directly. That way the host is not phoned by a stranger, and the visiting friend can talk the visit over with the host in their own time.',
    firstName: "Visiting friend's first name",
    phone: "Visiting friend's phone number",
  },
  consent: {
    legend: "The host's yes",
    label: 'The host has said yes to the visit, through their visiting friend',
    hint: 'Only nominate if the host has said yes themselves. They can always say no later.',
  },
  submit: 'Send the nomination',
  retry: 'Try sending again',
  sending: 'Sending…',
  errorPrefix: 'Error:',
  summaryTitle: 'There is a problem',
  notSent: {
    title: 'Not sent – please try again',
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
    reference: 'The reference is',
    nextTitle: 'What happens next',
    next: [
      'A coordinator will phone the visiting friend to talk about the visit and find a day that suits.',
      'We will not phone the host. Everything goes through the visiting friend.',
      'Note down the reference if you want to ask about the nomination later.',
    ],
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
