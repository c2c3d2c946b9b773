import { pageStrings, plural } from '../strings.js';

const da = {
  planning: {
    heading: 'Planlægning',
    intro:
      'Vælg en periode. Stue foreslår koncerter til de godkendte indstillinger på periodens turnédage. Du vælger, hvilke forslag der bliver til bookinger.',
    from: 'Fra dato',
    to: 'Til dato',
    run: 'Lav forslag',
    running: 'Lægger forslag …',
    periodHeading: 'Periode',
    summary: (concerts: number, left: number, drive: number) =>
      `${concerts} ${plural(concerts, 'koncert', 'koncerter')} foreslået, ${left} ${plural(left, 'indstilling', 'indstillinger')} uden plads, ${drive} minutters kørsel i alt.`,
    nothingToPlan: 'Der er ingen godkendte indstillinger uden booking.',
    noTourDays: 'Der er ingen turnédage i perioden. Opret dem under Turnédage.',
    proposalsHeading: 'Forslag dag for dag',
    dayHeading: (date: string, musician: string) => `${date} – ${musician}`,
    startsFrom: (place: string, window: string) => `Starter fra ${place}, ${window}.`,
    dayStats: (concerts: number, drive: number) =>
      `${concerts} ${plural(concerts, 'koncert', 'koncerter')}, ${drive} min. kørsel i alt (hjemturen med).`,
    dayEmpty: 'Ingen koncerter foreslået denne dag.',
    longDriveForOne: (drive: number) =>
      `Lang køretur for én koncert: ${drive} min. i bil i alt. Overvej at vente, til der er flere koncerter i området, eller at finde en musiker, der bor tættere på.`,
    drive: (n: number) => `${n} min. kørsel hertil`,
    alreadyBooked: (n: number) =>
      `Dagen har ${n} ${plural(n, 'booking', 'bookinger')} i forvejen; der er planlagt rundt om dem.`,
    createBookings: (n: number) => `Opret ${n} ${plural(n, 'booking', 'bookinger')} som forslag`,
    creating: 'Opretter bookinger …',
    created: (n: number) =>
      `${n} ${plural(n, 'booking', 'bookinger')} er oprettet. Ring til besøgsvennerne, og bekræft tiderne.`,
    createFailed: (n: number) =>
      `${n} ${plural(n, 'forslag', 'forslag')} kunne ikke oprettes – se ved forslaget.`,
    leftOverHeading: 'Uden plads i perioden',
    leftOverIntro: 'Disse indstillinger fik ingen koncert. Grunden står ved hver.',
    bookingsHeading: 'Bookinger i perioden',
    noBookings: 'Der er ingen bookinger i perioden endnu.',
    contact: 'Kontaktperson',
    reference: 'Indstilling',
    actions: {
      confirm: 'Bekræft',
      cancel: 'Aflys …',
      reschedule: 'Flyt …',
      hold: 'Afholdt',
      'mark-no-show': 'Ingen åbnede …',
    } as Record<string, string>,
    actionFor: (action: string, who: string) => `${action} – ${who}`,
    ics: 'Kalenderfil',
    openBooking: 'Åbn koncerten',
    openBookingFor: (who: string) => `Åbn koncerten hos ${who}: detaljer, feedback og evaluering`,
    icsFor: (who: string) => `Kalenderfil for koncerten hos ${who}`,
    cancelReason: 'Hvorfor aflyses koncerten?',
    noShowReason: 'Hvad skete der?',
    reasonRequired: 'Skriv en begrundelse',
    newStart: 'Ny tid (dansk tid)',
    newStartRequired: 'Vælg den nye tid',
    rescheduleReason: 'Begrundelse (kan udelades)',
    save: 'Gem',
    bookingMoved: (who: string, status: string) => `Koncerten hos ${who} er nu: ${status}.`,
    refusals: {
      tour_day_full: 'Turnédagen er fuld.',
      booking_overlap: 'Tiden overlapper en anden koncert på dagen.',
      nomination_has_booking: 'Indstillingen har allerede en booking.',
      nomination_not_accepted: 'Indstillingen er ikke længere godkendt.',
      record_conflict: 'Bookingen findes allerede med andre oplysninger.',
      illegal_transition: 'Bookingen er blevet ændret imens. Hent siden igen.',
    } as Record<string, string>,
    includeLabel: 'Tag med:',
    bookingCreated: 'Booking oprettet som forslag',
    bookingHeading: (when: string, who: string) => `${when} – ${who}`,
    musician: 'Musiker',
  },
};

const en: typeof da = {
  planning: {
    heading: 'Planning',
    intro:
      'Choose a period. Stue proposes concerts for the accepted nominations on the period’s tour days. You choose which proposals become bookings.',
    from: 'From date',
    to: 'To date',
    run: 'Make proposals',
    running: 'Planning …',
    periodHeading: 'Period',
    summary: (concerts, left, drive) =>
      `${concerts} ${plural(concerts, 'concert', 'concerts')} proposed, ${left} ${plural(left, 'nomination', 'nominations')} without a place, ${drive} minutes of driving in all.`,
    nothingToPlan: 'There are no accepted nominations without a booking.',
    noTourDays: 'There are no tour days in the period. Add them under Tour days.',
    proposalsHeading: 'Proposals day by day',
    dayHeading: (date, musician) => `${date} – ${musician}`,
    startsFrom: (place, window) => `Starts from ${place}, ${window}.`,
    longDriveForOne: (drive) =>
      `A long drive for one concert: ${drive} min on the road in all. Consider waiting until there are more concerts in the area, or finding a musician who lives closer.`,
    dayStats: (concerts, drive) =>
      `${concerts} ${plural(concerts, 'concert', 'concerts')}, ${drive} min of driving in all (the drive home included).`,
    dayEmpty: 'No concerts proposed on this day.',
    drive: (n) => `${n} min drive here`,
    alreadyBooked: (n) =>
      `The day already has ${n} ${plural(n, 'booking', 'bookings')}; the plan works around them.`,
    createBookings: (n) => `Create ${n} ${plural(n, 'booking', 'bookings')} as proposals`,
    creating: 'Creating bookings …',
    created: (n) =>
      `${n} ${plural(n, 'booking has', 'bookings have')} been created. Phone the visiting friends and confirm the times.`,
    createFailed: (n) =>
      `${n} ${plural(n, 'proposal', 'proposals')} could not be created – see beside the proposal.`,
    leftOverHeading: 'Without a place in the period',
    leftOverIntro: 'These nominations got no concert. The reason is given beside each.',
    bookingsHeading: 'Bookings in the period',
    noBookings: 'There are no bookings in the period yet.',
    contact: 'Contact person',
    reference: 'Nomination',
    actions: {
      confirm: 'Confirm',
      cancel: 'Cancel …',
      reschedule: 'Move …',
      hold: 'Held',
      'mark-no-show': 'Nobody opened …',
    },
    actionFor: (action, who) => `${action} – ${who}`,
    ics: 'Calendar file',
    openBooking: 'Open the concert',
    openBookingFor: (who) => `Open the concert with ${who}: details, feedback and debrief`,
    icsFor: (who) => `Calendar file for the concert with ${who}`,
    cancelReason: 'Why is the concert cancelled?',
    noShowReason: 'What happened?',
    reasonRequired: 'Enter a reason',
    newStart: 'New time (Danish time)',
    newStartRequired: 'Choose the new time',
    rescheduleReason: 'Reason (optional)',
    save: 'Save',
    bookingMoved: (who, status) => `The concert with ${who} is now: ${status}.`,
    refusals: {
      tour_day_full: 'The tour day is full.',
      booking_overlap: 'The time overlaps another concert that day.',
      nomination_has_booking: 'The nomination already has a booking.',
      nomination_not_accepted: 'The nomination is no longer accepted.',
      record_conflict: 'The booking already exists with other details.',
      illegal_transition: 'The booking was changed in the meantime. Load the page again.',
    },
    includeLabel: 'Include:',
    bookingCreated: 'Booking created as a proposal',
    bookingHeading: (when, who) => `${when} – ${who}`,
    musician: 'Musician',
  },
};

/** The planning page's texts, with the console's shared ones, in Danish or English. */
export const planningStrings = pageStrings(da, en);
