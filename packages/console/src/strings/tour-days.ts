import { pageStrings } from '../strings.js';

const da = {
  tourDays: {
    heading: 'Turnédage',
    intro:
      'En turnédag er en musikers dag i et område: et tidsrum, en kommune at starte fra og et antal koncerter.',
    periodHeading: 'Periode',
    from: 'Fra dato',
    to: 'Til dato',
    show: 'Vis turnédage',
    caption: (from: string, to: string) => `Turnédage fra ${from} til ${to}`,
    columns: {
      date: 'Dato',
      musician: 'Musiker',
      window: 'Tidsrum',
      base: 'Starter fra',
      concerts: 'Koncerter',
      length: 'Koncert og pause',
    },
    lengthText: (concert: number, buffer: number) => `${concert} min. + ${buffer} min.`,
    upTo: (n: number) => `Op til ${n}`,
    none: 'Der er ingen turnédage i perioden.',
    createHeading: 'Opret en turnédag',
    musician: 'Musiker',
    chooseMusician: 'Vælg musiker',
    date: 'Dato',
    windowStart: 'Fra kl.',
    windowEnd: 'Til kl.',
    base: 'Kommune, dagen starter fra',
    chooseMunicipality: 'Vælg kommune',
    maxConcerts: 'Højst antal koncerter',
    concertMinutes: 'Koncertens længde i minutter',
    bufferMinutes: 'Pause efter hver koncert i minutter',
    submit: 'Opret turnédag',
    created: (date: string) => `Turnédagen ${date} er oprettet.`,
    tableLabel: 'Turnédage (kan rulles vandret)',
    actionsColumn: 'Handling',
    editLabel: (date: string, musician: string) => `Redigér ${date} (${musician})`,
    editHeading: (date: string, musician: string) => `Turnédagen ${date} – ${musician}`,
    save: 'Gem ændringer',
    saved: (date: string) => `Ændringerne af turnédagen ${date} er gemt.`,
    delete: 'Slet turnédagen',
    confirmHeading: 'Vil du slette turnédagen?',
    confirmText: (date: string) =>
      `Turnédagen ${date} slettes. Foreslåede og aflyste koncerter på dagen slettes med den; historikken bevares.`,
    confirmDelete: 'Ja, slet turnédagen',
    deleted: (date: string) => `Turnédagen ${date} er slettet.`,
    keptBookings:
      'Turnédagen kan ikke slettes, fordi der er bekræftede eller holdte koncerter på den. Aflys eller flyt koncerterne først – så kan dagen slettes.',
    doesNotFit:
      'Ændringen kan ikke gemmes, fordi koncerterne på dagen så ikke længere passer. Flyt eller aflys dem først, eller vælg tider, der rummer dem.',
    gone: 'Turnédagen findes ikke længere. Listen er opdateret.',
  },
};

const en: typeof da = {
  tourDays: {
    heading: 'Tour days',
    intro:
      'A tour day is a musician’s day in an area: a time window, a municipality to start from and a number of concerts.',
    periodHeading: 'Period',
    from: 'From date',
    to: 'To date',
    show: 'Show tour days',
    caption: (from, to) => `Tour days from ${from} to ${to}`,
    columns: {
      date: 'Date',
      musician: 'Musician',
      window: 'Window',
      base: 'Starts from',
      concerts: 'Concerts',
      length: 'Concert and break',
    },
    lengthText: (concert, buffer) => `${concert} min + ${buffer} min`,
    upTo: (n) => `Up to ${n}`,
    none: 'There are no tour days in the period.',
    createHeading: 'Add a tour day',
    musician: 'Musician',
    chooseMusician: 'Choose a musician',
    date: 'Date',
    windowStart: 'From',
    windowEnd: 'Until',
    base: 'Municipality the day starts from',
    chooseMunicipality: 'Choose a municipality',
    maxConcerts: 'Most concerts',
    concertMinutes: 'Length of a concert in minutes',
    bufferMinutes: 'Break after each concert in minutes',
    submit: 'Add tour day',
    created: (date) => `The tour day ${date} has been added.`,
    tableLabel: 'Tour days (scrolls sideways)',
    actionsColumn: 'Action',
    editLabel: (date, musician) => `Edit ${date} (${musician})`,
    editHeading: (date, musician) => `The tour day ${date} – ${musician}`,
    save: 'Save changes',
    saved: (date) => `The changes to the tour day ${date} have been saved.`,
    delete: 'Delete the tour day',
    confirmHeading: 'Delete the tour day?',
    confirmText: (date) =>
      `The tour day ${date} will be deleted. Proposed and cancelled concerts on the day go with it; their history is kept.`,
    confirmDelete: 'Yes, delete the tour day',
    deleted: (date) => `The tour day ${date} has been deleted.`,
    keptBookings:
      'The tour day cannot be deleted because it has confirmed or held concerts. Cancel or move those concerts first – then the day can be deleted.',
    doesNotFit:
      'The change cannot be saved because the concerts on the day would no longer fit. Move or cancel them first, or choose times that hold them.',
    gone: 'The tour day no longer exists. The list has been updated.',
  },
};

/** The tour days page's texts, with the console's shared ones, in Danish or English. */
export const tourDaysStrings = pageStrings(da, en);
