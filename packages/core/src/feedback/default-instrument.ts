import type { LocalisedText } from './fields.js';
import type { FeedbackInstrument, FeedbackOption } from './instrument.js';

/**
 * The pictograms {@link DEFAULT_INSTRUMENT} uses: names the kiosk maps to pictures at build time, so
 * it ships these and no more. A test keeps this list and the instrument in step.
 */
export const DEFAULT_PICTOGRAMS = [
  'face-happy',
  'face-neutral',
  'face-unhappy',
  'rather-not-say',
  'heart',
  'calm',
  'memory',
  'tear',
  'longing',
  'sleep',
  'energy',
  'yes',
  'a-little',
  'no',
  'maybe',
] as const;
export type DefaultPictogram = (typeof DEFAULT_PICTOGRAMS)[number];

// A text in Danish and English, in that order (the published version's digest is tested).
const text = (da: string, en: string): LocalisedText => ({ da, en });

// One option of a question, its fields in the order the published version 1 has them (its digest
// is tested).
function option(
  id: string,
  pictogram: DefaultPictogram,
  label: FeedbackOption['label'],
  readAloud: FeedbackOption['readAloud'],
): FeedbackOption {
  return { id, pictogram, label, readAloud };
}

// Every judgement question ends with the same way out, worded so that declining is never a failure.
const ratherNotSay: FeedbackOption = option(
  'rather-not-say',
  'rather-not-say',
  text('Helst ikke svare', 'Rather not say'),
  {
    da: 'Du vil helst ikke svare, og det er helt i orden.',
    en: 'You would rather not say, and that is quite all right.',
  },
);

const yesALittleNo = (yes: FeedbackOption['readAloud']): FeedbackOption[] => [
  option('yes', 'yes', text('Ja', 'Yes'), yes),
  option('a-little', 'a-little', text('Lidt', 'A little'), text('Ja, lidt.', 'Yes, a little.')),
  option('no', 'no', text('Nej', 'No'), text('Nej, ikke rigtigt.', 'No, not really.')),
  ratherNotSay,
];

/**
 * Stue's default feedback instrument for a home concert (`stue-home-concert`, version 1), asked of
 * the host, the visiting friend and any guest, one question per screen: how the visit was (a
 * three-point scale with pictures, in the manner of Talking Mats, plus "rather not say"); what was
 * felt (any number of feelings, pleasant and unpleasant side by side and equally valid); whether
 * they felt seen; whether they shared it (worded for the host, the visiting friend, or the two
 * together); whether it gave them something to talk about; whether they would like another visit.
 * Every question can be skipped.
 *
 * Published: never edit it in place. A changed text is a new `version` (see
 * `feedbackInstrumentSchema`).
 *
 * @example
 * const questions = questionsFor(DEFAULT_INSTRUMENT, 'host');
 */
export const DEFAULT_INSTRUMENT: FeedbackInstrument = {
  schemaVersion: 1,
  id: 'stue-home-concert',
  version: 1,
  title: { da: 'Efter koncerten', en: 'After the concert' },
  respondentRoles: ['host', 'visiting-friend', 'guest'],
  questions: [
    {
      id: 'visit',
      kind: 'single',
      prompt: { da: 'Hvordan var besøget?', en: 'How was the visit?' },
      readAloud: {
        da: 'Hvordan var det at få besøg af musikeren i dag? Tryk på det billede, der passer bedst.',
        en: 'How was it to have the musician visit today? Tap the picture that fits best.',
      },
      allowSkip: true,
      options: [
        option('good', 'face-happy', text('Godt', 'Good'), text('Det var godt.', 'It was good.')),
        option(
          'in-between',
          'face-neutral',
          text('Midt imellem', 'In between'),
          text('Det var midt imellem.', 'It was somewhere in between.'),
        ),
        option(
          'not-good',
          'face-unhappy',
          text('Ikke godt', 'Not good'),
          text('Det var ikke godt.', 'It was not good.'),
        ),
        ratherNotSay,
      ],
    },
    {
      id: 'feelings',
      kind: 'multi',
      prompt: { da: 'Hvad mærkede du under musikken?', en: 'What did you feel during the music?' },
      readAloud: {
        da: 'Musik kan vække mange slags følelser, og de er alle lige gode svar. Tryk på alle dem, du mærkede – så mange du vil.',
        en: 'Music can stir many kinds of feelings, and every one of them is a good answer. Tap all the ones you felt – as many as you like.',
      },
      allowSkip: true,
      // Pleasant and unpleasant feelings alternate, so that no kind of feeling is the last resort.
      options: [
        option(
          'happy',
          'face-happy',
          text('Glad', 'Happy'),
          text('Jeg blev glad.', 'I felt happy.'),
        ),
        option('sad', 'tear', text('Trist', 'Sad'), text('Jeg blev trist.', 'I felt sad.')),
        option('moved', 'heart', text('Rørt', 'Moved'), text('Jeg blev rørt.', 'I was moved.')),
        option('longing', 'longing', text('Savn', 'Missing someone'), {
          da: 'Jeg kom til at savne nogen eller noget.',
          en: 'I found myself missing someone or something.',
        }),
        option(
          'calm',
          'calm',
          text('Rolig', 'Calm'),
          text('Jeg blev rolig indeni.', 'I felt calm inside.'),
        ),
        option('tired', 'sleep', text('Træt', 'Tired'), text('Jeg blev træt.', 'I felt tired.')),
        option(
          'reminded',
          'memory',
          text('Mindet om noget', 'Reminded of something'),
          text('Musikken mindede mig om noget.', 'The music reminded me of something.'),
        ),
        option(
          'energised',
          'energy',
          text('Fuld af energi', 'Full of energy'),
          text('Jeg fik ny energi.', 'I felt full of energy.'),
        ),
      ],
    },
    {
      id: 'seen',
      kind: 'single',
      prompt: { da: 'Følte du dig set?', en: 'Did you feel seen?' },
      readAloud: {
        da: 'Følte du dig set og lyttet til i dag?',
        en: 'Did you feel seen and listened to today?',
      },
      allowSkip: true,
      options: yesALittleNo({ da: 'Ja, jeg følte mig set.', en: 'Yes, I felt seen.' }),
    },
    {
      id: 'shared-with-friend',
      kind: 'single',
      roles: ['host'],
      prompt: {
        da: 'Delte du oplevelsen med din besøgsven?',
        en: 'Did you share it with your visiting friend?',
      },
      readAloud: {
        da: 'Var musikken noget, du og din besøgsven delte sammen?',
        en: 'Was the music something you and your visiting friend shared?',
      },
      allowSkip: true,
      options: yesALittleNo({ da: 'Ja, vi delte den.', en: 'Yes, we shared it.' }),
    },
    {
      id: 'shared-with-host',
      kind: 'single',
      roles: ['visiting-friend'],
      prompt: {
        da: 'Delte du oplevelsen med den, du besøger?',
        en: 'Did you share it with the person you visit?',
      },
      readAloud: {
        da: 'Var musikken noget, du og den, du besøger, delte sammen?',
        en: 'Was the music something you and the person you visit shared?',
      },
      allowSkip: true,
      options: yesALittleNo({ da: 'Ja, vi delte den.', en: 'Yes, we shared it.' }),
    },
    {
      id: 'shared-together',
      kind: 'single',
      roles: ['together'],
      prompt: { da: 'Delte I oplevelsen?', en: 'Did you share it?' },
      readAloud: {
        da: 'Var musikken noget, I to delte med hinanden?',
        en: 'Was the music something the two of you shared?',
      },
      allowSkip: true,
      options: yesALittleNo({ da: 'Ja, vi delte den.', en: 'Yes, we shared it.' }),
    },
    {
      id: 'something-to-talk-about',
      kind: 'single',
      prompt: {
        da: 'Fik du noget at tale om bagefter?',
        en: 'Did it give you something to talk about?',
      },
      readAloud: {
        da: 'Har musikken givet dig noget, du har lyst til at tale med nogen om bagefter?',
        en: 'Has the music given you something you would like to talk to someone about afterwards?',
      },
      allowSkip: true,
      options: yesALittleNo({
        da: 'Ja, noget at tale om.',
        en: 'Yes, something to talk about.',
      }),
    },
    {
      id: 'another-visit',
      kind: 'single',
      prompt: { da: 'Vil du gerne have besøg igen?', en: 'Would you like another visit?' },
      readAloud: {
        da: 'Kunne du tænke dig, at en musiker kom på besøg igen en anden gang?',
        en: 'Would you like a musician to come and visit again another time?',
      },
      allowSkip: true,
      options: [
        option(
          'yes',
          'yes',
          text('Ja', 'Yes'),
          text('Ja, meget gerne.', 'Yes, I would like that.'),
        ),
        option(
          'maybe',
          'maybe',
          text('Måske', 'Maybe'),
          text('Måske, det ved jeg ikke endnu.', 'Maybe, I am not sure yet.'),
        ),
        option('no', 'no', text('Nej', 'No'), text('Nej tak.', 'No, thank you.')),
        ratherNotSay,
      ],
    },
  ],
  provenance: {
    basedOn: [
      {
        name: 'Talking Mats',
        reference:
          'Murphy J, Oliver T (2013). The use of Talking Mats to support people with dementia and their carers to make decisions together. Health & Social Care in the Community 21(2):171–180. https://doi.org/10.1111/hsc.12005 — https://www.talkingmats.com/',
        licence:
          'Talking Mats is a registered trademark of Talking Mats Ltd; Stue uses none of its symbols, only the idea of a three-point picture scale.',
      },
      {
        name: 'Canterbury Wellbeing Scales',
        reference:
          'Johnson J, Culverwell A, Hulbert S, Robertson M, Camic PM (2017). Museum activities in dementia care: using visual analog scales to measure subjective wellbeing. Dementia 16(5):591–610. https://doi.org/10.1177/1471301215611763',
      },
      {
        name: 'PrEmo (Product Emotion Measurement Instrument)',
        reference:
          'Desmet PMA (2003). Measuring emotion: development and application of an instrument to measure emotional responses to products. In Blythe MA et al. (eds), Funology: from usability to enjoyment, 111–123. Kluwer. https://diopd.org/premo-product-emotion-measurement-instrument/',
        licence:
          'Free for non-commercial academic use, commercial use licensed; Stue uses none of its cartoons.',
      },
      {
        name: 'Geneva Emotion Wheel',
        reference:
          'Scherer KR (2005). What are emotions? And how can they be measured? Social Science Information 44(4):695–729. https://doi.org/10.1177/0539018405058216',
      },
    ],
    adaptation: {
      da: 'Spørgsmålene, billederne og svarmulighederne er Stues egen billedtilpasning af idéerne bag disse instrumenter. De er ikke de offentliggjorte instrumenter, og svarene kan ikke sammenlignes direkte med deres resultater.',
      en: 'The questions, pictures and options are Stue’s own pictorial adaptation of the ideas behind these instruments. They are not the published instruments, and the answers cannot be compared directly with their results.',
    },
  },
};
