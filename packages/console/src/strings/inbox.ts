import { pageStrings, plural } from '../strings.js';

const da = {
  inbox: {
    heading: 'Indbakke',
    intro: 'Nye og ventende indstillinger. Den, der har ventet længst, står øverst.',
    filtersHeading: 'Filtrér',
    status: 'Status',
    partner: 'Partner',
    allPartners: 'Alle partnere',
    municipality: 'Kommune',
    allMunicipalities: 'Alle kommuner',
    waiting: 'Ventetid',
    waitingAny: 'Uanset ventetid',
    waitingAtLeast: (n: number) => `Mindst ${n} dage`,
    apply: 'Vis indstillinger',
    reset: 'Nulstil filtre',
    caption: 'Indstillinger, længst ventende først',
    columns: {
      reference: 'Reference',
      host: 'Vært',
      municipality: 'Kommune',
      partner: 'Partner',
      waiting: 'Venter',
      status: 'Status',
      screening: 'Screening',
    },
    count: (n: number, more: boolean) =>
      `${n} ${plural(n, 'indstilling', 'indstillinger')} vises${more ? ' – der er flere' : ''}.`,
    empty: 'Ingen indstillinger passer til filtrene.',
    more: 'Hent flere',
    tableLabel: 'Indstillinger (kan rulles vandret)',
  },
};

const en: typeof da = {
  inbox: {
    heading: 'Inbox',
    intro: 'New and waiting nominations. Whoever has waited longest comes first.',
    filtersHeading: 'Filter',
    status: 'Status',
    partner: 'Partner',
    allPartners: 'All partners',
    municipality: 'Municipality',
    allMunicipalities: 'All municipalities',
    waiting: 'Waiting time',
    waitingAny: 'Any waiting time',
    waitingAtLeast: (n) => `At least ${n} days`,
    apply: 'Show nominations',
    reset: 'Reset filters',
    caption: 'Nominations, longest waiting first',
    columns: {
      reference: 'Reference',
      host: 'Host',
      municipality: 'Municipality',
      partner: 'Partner',
      waiting: 'Waiting',
      status: 'Status',
      screening: 'Screening',
    },
    count: (n, more) =>
      `${n} ${plural(n, 'nomination', 'nominations')} shown${more ? ' – there are more' : ''}.`,
    empty: 'No nominations match the filters.',
    more: 'Load more',
    tableLabel: 'Nominations (scrolls sideways)',
  },
};

/** The inbox page's texts, with the console's shared ones, in Danish or English. */
export const inboxStrings = pageStrings(da, en);
