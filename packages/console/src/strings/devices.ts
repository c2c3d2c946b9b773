import { pageStrings } from '../strings.js';

const da = {
  devices: {
    heading: 'Tablets',
    intro:
      'Hver musiker har en tablet med til koncerterne. En ny tablet tilmeldes med en engangskode.',
    enrolHeading: 'Tilmeld en tablet',
    musician: 'Musiker',
    chooseMusician: 'Vælg musiker',
    musicianRequired: 'Vælg den musiker, tabletten skal høre til',
    make: 'Lav engangskode',
    codeHeading: 'Engangskode',
    codeFor: (name: string) => `Til tabletten hos ${name}`,
    codeExpires: (when: string) => `Gælder til ${when} og kan bruges én gang.`,
    codeQr: 'QR-kode med engangskoden',
    codeHowTo:
      'Åbn Stue på tabletten, vælg »Tilmeld tabletten«, og skriv koden eller scan QR-koden.',
    noMusicians: 'Der er ingen musikere endnu. Opret dem under Musikere.',
    listHeading: 'Tilmeldte tablets',
    caption: 'Tablets, nyeste først',
    columns: {
      name: 'Navn',
      musician: 'Musiker',
      enrolled: 'Tilmeldt',
      lastSeen: 'Sidst set',
      state: 'Status',
      actions: 'Handling',
    },
    active: 'Aktiv',
    revokedOn: (when: string) => `Spærret ${when}`,
    never: 'Ikke endnu',
    revoke: (name: string) => `Spær ${name}`,
    revokeQuestion: (name: string) =>
      `Spær »${name}«? Tabletten kan ikke hente koncerter eller sende svar, før den tilmeldes igen med en ny kode.`,
    revokeYes: 'Ja, spær tabletten',
    revoked: (name: string) => `Tabletten »${name}« er spærret.`,
    none: 'Der er ingen tablets endnu.',
    tableLabel: 'Tablets (kan rulles vandret)',
    sequenceReusedHeading: 'Tjek disse tablets',
    sequenceReused: (name: string, musician: string, when: string) =>
      `»${name}« har sendt et løbenummer, den har brugt før — den kan være gendannet eller kopieret. Sidst ${when}. Tjek tabletten med ${musician}. Kan der findes en kopi, så spær tabletten, og tilmeld den rigtige igen med en ny kode.`,
    sequenceReusedTag: 'Tjek tabletten',
  },
};

const en: typeof da = {
  devices: {
    heading: 'Tablets',
    intro:
      'Each musician takes a tablet to the concerts. A new tablet is enrolled with a one-time code.',
    enrolHeading: 'Enrol a tablet',
    musician: 'Musician',
    chooseMusician: 'Choose a musician',
    musicianRequired: 'Choose the musician the tablet belongs to',
    make: 'Make a one-time code',
    codeHeading: 'One-time code',
    codeFor: (name) => `For ${name}’s tablet`,
    codeExpires: (when) => `Valid until ${when}, and can be used once.`,
    codeQr: 'QR code with the one-time code',
    codeHowTo:
      'Open Stue on the tablet, choose “Enrol this tablet” and type the code or scan the QR code.',
    noMusicians: 'There are no musicians yet. Add them under Musicians.',
    listHeading: 'Enrolled tablets',
    caption: 'Tablets, newest first',
    columns: {
      name: 'Name',
      musician: 'Musician',
      enrolled: 'Enrolled',
      lastSeen: 'Last seen',
      state: 'Status',
      actions: 'Action',
    },
    active: 'Active',
    revokedOn: (when) => `Revoked ${when}`,
    never: 'Not yet',
    revoke: (name) => `Revoke ${name}`,
    revokeQuestion: (name) =>
      `Revoke “${name}”? The tablet cannot fetch concerts or send answers until it is enrolled again with a new code.`,
    revokeYes: 'Yes, revoke the tablet',
    revoked: (name) => `The tablet “${name}” is revoked.`,
    none: 'There are no tablets yet.',
    tableLabel: 'Tablets (scrolls sideways)',
    sequenceReusedHeading: 'Check these tablets',
    sequenceReused: (name, musician, when) =>
      `“${name}” sent a sequence number it had used before — it may have been restored or copied. Last ${when}. Check the tablet with ${musician}. If a copy may exist, revoke the tablet and enrol the real one again with a new code.`,
    sequenceReusedTag: 'Check the tablet',
  },
};

/** The devices page's texts, with the console's shared ones, in Danish or English. */
export const devicesStrings = pageStrings(da, en);
