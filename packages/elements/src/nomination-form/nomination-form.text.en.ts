// The English texts of the form's later steps: a chunk of its own, loaded when a person in English
// goes past the first step (or the form prefetches it while they read it).
import type { LaterStepsText } from './nomination-form.text.js';

export const text: LaterStepsText = {
  next: 'Continue',
  back: 'Back',
  optional: '(optional)',
  errorPrefix: 'Error:',
  summaryTitle: 'There is a problem',
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
