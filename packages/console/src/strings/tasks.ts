import { pageStrings, plural } from '../strings.js';

const da = {
  tasks: {
    heading: 'Opgaver',
    intro:
      'Musikere, der i deres evaluering har bedt om at blive ringet op efter en koncert. Ring, og markér opkaldet som gennemført.',
    filterLabel: 'Vis opgaver',
    open: 'Åbne',
    done: 'Gennemførte',
    caption: (n: number) => `${n} ${plural(n, 'musiker', 'musikere')} vil gerne ringes op`,
    doneCaption: 'Gennemførte opkald, nyeste først',
    tableLabel: 'Opgaver',
    noneOpen: 'Ingen musikere venter på et opkald.',
    noneDone: 'Ingen opkald er markeret som gennemført endnu.',
    columns: {
      musician: 'Musiker',
      concert: 'Koncert',
      received: 'Modtaget',
      howItWent: 'Hvordan gik det',
      action: 'Handling',
      done: 'Ringet op',
      note: 'Note',
    },
    concert: (when: string, who: string, place: string) => `${when} hos ${who}, ${place}`,
    concertWithdrawn: (when: string) => `${when}, værten har trukket sit samtykke tilbage`,
    unknownConcert: 'Ukendt koncert',
    markDone: 'Opkald gennemført …',
    markDoneFor: (musician: string) => `Opkald gennemført – ${musician}`,
    formHeading: (musician: string) => `Opkald til ${musician}`,
    noteLabel: 'Note fra opkaldet (kan udelades)',
    noteHint: 'Kort og om musikerens oplevelse. Skriv ikke om værtens helbred.',
    save: 'Markér som gennemført',
    marked: (musician: string) => `Opkaldet til ${musician} er markeret som gennemført.`,
    doneBy: (when: string, who: string) => `${when} af ${who}`,
    more: 'Hent flere',
  },
};

const en: typeof da = {
  tasks: {
    heading: 'Tasks',
    intro:
      'Musicians who asked in their debrief for a call after a concert. Phone them, and mark the call as done.',
    filterLabel: 'Show tasks',
    open: 'Open',
    done: 'Done',
    caption: (n) => `${n} ${plural(n, 'musician', 'musicians')} would like a call`,
    doneCaption: 'Calls made, most recent first',
    tableLabel: 'Tasks',
    noneOpen: 'No musician is waiting for a call.',
    noneDone: 'No call has been marked as done yet.',
    columns: {
      musician: 'Musician',
      concert: 'Concert',
      received: 'Received',
      howItWent: 'How it went',
      action: 'Action',
      done: 'Called',
      note: 'Note',
    },
    concert: (when, who, place) => `${when} with ${who}, ${place}`,
    concertWithdrawn: (when) => `${when}, the host has withdrawn consent`,
    unknownConcert: 'Unknown concert',
    markDone: 'Call done …',
    markDoneFor: (musician) => `Call done – ${musician}`,
    formHeading: (musician) => `Call to ${musician}`,
    noteLabel: 'Note from the call (optional)',
    noteHint: "Short, and about the musician's experience. Do not write about the host's health.",
    save: 'Mark as done',
    marked: (musician) => `The call to ${musician} is marked as done.`,
    doneBy: (when, who) => `${when} by ${who}`,
    more: 'Load more',
  },
};

/** The tasks page's texts, with the console's shared ones, in Danish or English. */
export const tasksStrings = pageStrings(da, en);
