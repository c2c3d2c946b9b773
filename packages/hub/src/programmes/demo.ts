import { DEFAULT_PROGRAMME, DEFAULT_PROGRAMME_ID, type ProgrammeContent } from '@stue/core';
import type { HubDatabase } from '../db/database.js';
import { createProgramme, currentVersion } from './store.js';

/**
 * Musikalske Besøgsvenner as demo mode seeds it: a solo living-room concert of about an hour,
 * the default screening criteria, and the host's yes to keeping feedback asked in the form, no
 * peers yet (the demo data's second version names one, once its musicians exist). The
 * data controller and the contact are invented for the demo; a real hub's coordinators write
 * their own in the console.
 */
export const DEMO_DEFAULT_PROGRAMME: ProgrammeContent = {
  name: DEFAULT_PROGRAMME.name,
  format: {
    kind: 'home-concert',
    minutes: 60,
    description: {
      da: 'En professionel musiker spiller sine egne sange akustisk i værtens stue, med besøgsvennen ved siden af. Besøget varer omkring en time, med tid til kaffe og en snak.',
      en: "A professional musician plays their own songs acoustically in the host's living room, with the visiting friend there too. The visit lasts about an hour, with time for coffee and a chat.",
    },
  },
  controller: {
    name: 'Musikalske Besøgsvenner (demo)',
    address: 'Eksempelvej 1, 8000 Aarhus C',
    contact: 'data@musikalske-besoegsvenner.example.dk',
  },
  notice: {
    da: 'Vi bruger oplysningerne til at planlægge en koncert i stuen og til at kontakte besøgsvennen om den. Kun programmets koordinatorer ser dem, og musikeren får kun det, der er brug for til besøget. Vi gemmer ikke CPR-numre eller oplysninger om sygdom.\n\nVærten kan altid sige nej og bede os slette oplysningerne – gennem besøgsvennen eller koordinatoren. Intet gemmes på denne hjemmeside.',
    en: 'We use the details to plan a living-room concert and to contact the visiting friend about it. Only the programme’s coordinators see them, and the musician gets only what the visit needs. We do not keep CPR numbers or information about illness.\n\nThe host can always say no and ask us to delete the details – through the visiting friend or the coordinator. Nothing is stored on this website.',
  },
  nominatorContact: {
    phone: '+4570203040',
    email: 'koordinator@musikalske-besoegsvenner.example.dk',
  },
  callWithin: {
    da: 'En koordinator ringer til besøgsvennen inden for cirka to uger.',
    en: 'A coordinator phones the visiting friend within about two weeks.',
  },
  criteria: DEFAULT_PROGRAMME.eligibility.criteria,
  feedbackInstrumentId: DEFAULT_PROGRAMME.feedbackInstrumentId,
  feedbackConsent: 'widget',
  // Demo mode's musicians are made after the programme; the demo data's next version names one.
  peers: [],
};

/** Seeds the default programme once, in demo mode; later starts leave its versions as they are. */
export async function seedDemoProgrammes(db: HubDatabase): Promise<void> {
  if (await currentVersion(db, DEFAULT_PROGRAMME_ID)) return;
  await createProgramme(
    db,
    { slug: DEFAULT_PROGRAMME_ID, ...DEMO_DEFAULT_PROGRAMME },
    'system:demo',
  );
}
