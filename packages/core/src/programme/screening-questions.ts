// The screening questions a nomination form asks, without the texts only a coordinator reads
// (`whenNo`, in programme.ts): what a browser needs to ask them, in a module without a schema.

/**
 * How a visiting friend answers a screening question about the person they visit. "Not sure" is a
 * real answer, not a gap: it asks a coordinator to talk first.
 */
export const SCREENING_ANSWERS = ['yes', 'no', 'not-sure'] as const;

/** `'yes' | 'no' | 'not-sure'`. */
export type ScreeningAnswer = (typeof SCREENING_ANSWERS)[number];

/**
 * Whether a criterion is part of the format (`required`: a "no" means the format does not suit the
 * host) or helps a coordinator prioritise (`supporting`: a "no" is something to talk about).
 */
export const CRITERION_KINDS = ['required', 'supporting'] as const;

/** `'required' | 'supporting'`. */
export type CriterionKind = (typeof CRITERION_KINDS)[number];

// A module of its own, so that code needing only the id (an embed's first step) does not load
// the questions.
export { DEFAULT_PROGRAMME_ID } from './default-id.js';

/** A question and its help line, in both languages. */
export interface ScreeningWording {
  readonly question: { readonly da: string; readonly en: string };
  readonly help?: { readonly da: string; readonly en: string } | undefined;
}

/**
 * A question as a form shows it. `question` and `help` speak to the visiting friend ("the person
 * you visit"); `thirdPerson` is the same question for staff and relatives ("the host"), and `host`
 * for the host themself ("du"). A form without a variant asks the visiting friend's wording.
 */
export interface ScreeningQuestion extends ScreeningWording {
  readonly id: string;
  readonly kind: CriterionKind;
  readonly thirdPerson?: ScreeningWording | undefined;
  readonly host?: ScreeningWording | undefined;
}

/**
 * The wording of `question` for a nominator in `role`: the visiting friend's own words for the
 * visiting friend (and while nobody has said who they are), the third person for staff and
 * relatives, and "du" for the host.
 *
 * @example
 * screeningWording(DEFAULT_SCREENING_QUESTIONS[0]!, 'self').question.da;
 * // 'Bor du i dit eget hjem?'
 */
export function screeningWording(
  question: ScreeningQuestion,
  role: 'local-expert' | 'visiting-friend' | 'relative' | 'self' | '' | undefined,
): ScreeningWording {
  if (role === 'self') return question.host ?? question;
  if (role === 'local-expert' || role === 'relative') return question.thirdPerson ?? question;
  return question;
}

/**
 * The screening questions of the default programme, Musikalske Besøgsvenner, in its order (see
 * `DEFAULT_PROGRAMME`, whose criteria are these plus the coordinator's `whenNo` texts).
 */
export const DEFAULT_SCREENING_QUESTIONS: readonly ScreeningQuestion[] = [
  {
    id: 'own-home',
    kind: 'required',
    question: {
      da: 'Bor den, du besøger, i sit eget hjem?',
      en: 'Does the person you visit live in their own home?',
    },
    help: {
      da: 'Hus, lejlighed og ældrebolig tæller alle med. Et plejehjem gør ikke – koncerten foregår i personens egen stue.',
      en: 'A house, a flat or a sheltered flat all count. A care home does not – the concert takes place in their own living room.',
    },
  },
  {
    id: 'little-access-to-concerts',
    kind: 'supporting',
    question: {
      da: 'Er det svært for den, du besøger, at komme ud og høre levende musik?',
      en: 'Is it hard for the person you visit to get out and hear live music?',
    },
    help: {
      da: 'Fx fordi det er svært at gå, en lang tur er for meget, eller en stor sal er for larmende.',
      en: 'For example because walking is hard, a long trip is too much, or a big hall is too noisy.',
    },
  },
  {
    id: 'risk-of-loneliness',
    kind: 'supporting',
    question: {
      da: 'Er den, du besøger, meget alene i hverdagen?',
      en: 'Is the person you visit alone much of the time?',
    },
    help: {
      da: 'Fx få besøg eller få at tale med. Du behøver ikke spørge – svar ud fra det, du ved.',
      en: 'For example few visitors or few people to talk to. You need not ask – answer from what you know.',
    },
  },
  {
    id: 'enjoys-music',
    kind: 'required',
    question: {
      da: 'Kan den, du besøger, glæde sig over musik – lytte og reagere på den?',
      en: 'Can the person you visit enjoy music – listen and respond to it?',
    },
    help: {
      da: 'Et smil, et nik eller at nynne med er nok.',
      en: 'A smile, a nod or humming along is enough.',
    },
  },
  {
    id: 'takes-part-in-conversation',
    kind: 'required',
    question: {
      da: 'Kan den, du besøger, være med i en samtale, fx om musikken eller gamle minder?',
      en: 'Can the person you visit take part in a conversation, for example about the music or old memories?',
    },
    help: {
      da: 'Korte svar er fine. Dårlig hørelse er også fint – musikeren tager hensyn.',
      en: 'Short answers are fine. Poor hearing is fine too – the musician adapts.',
    },
  },
  {
    id: 'said-yes',
    kind: 'required',
    question: {
      da: 'Har den, du besøger, selv sagt ja til en koncert, da du fortalte om den?',
      en: 'Has the person you visit said yes to a concert when you told them about it?',
    },
    help: {
      da: 'Vi kontakter kun personen gennem dig. Er du i tvivl, så spørg gerne igen.',
      en: 'We only contact them through you. If you are unsure, ask them again.',
    },
  },
];

/**
 * The default questions in the words of staff and relatives (`thirdPerson`) and of the host
 * (`host`), by criterion id: part of the default programme's record (`DEFAULT_PROGRAMME`), which a
 * form reads from the hub. A form that cannot reach the hub asks the visiting friend's wording.
 */
export const DEFAULT_SCREENING_WORDING: Readonly<
  Record<string, Pick<ScreeningQuestion, 'thirdPerson' | 'host'>>
> = {
  'own-home': {
    thirdPerson: {
      question: { da: 'Bor værten i sit eget hjem?', en: 'Does the host live in their own home?' },
      help: {
        da: 'Hus, lejlighed og ældrebolig tæller alle med. Et plejehjem gør ikke – koncerten foregår i værtens egen stue.',
        en: "A house, a flat or a sheltered flat all count. A care home does not – the concert takes place in the host's own living room.",
      },
    },
    host: {
      question: { da: 'Bor du i dit eget hjem?', en: 'Do you live in your own home?' },
      help: {
        da: 'Hus, lejlighed og ældrebolig tæller alle med. Et plejehjem gør ikke – koncerten foregår i din egen stue.',
        en: 'A house, a flat or a sheltered flat all count. A care home does not – the concert takes place in your own living room.',
      },
    },
  },
  'little-access-to-concerts': {
    thirdPerson: {
      question: {
        da: 'Er det svært for værten at komme ud og høre levende musik?',
        en: 'Is it hard for the host to get out and hear live music?',
      },
      help: {
        da: 'Fx fordi det er svært at gå, en lang tur er for meget, eller en stor sal er for larmende.',
        en: 'For example because walking is hard, a long trip is too much, or a big hall is too noisy.',
      },
    },
    host: {
      question: {
        da: 'Er det svært for dig at komme ud og høre levende musik?',
        en: 'Is it hard for you to get out and hear live music?',
      },
      help: {
        da: 'Fx fordi det er svært at gå, en lang tur er for meget, eller en stor sal er for larmende.',
        en: 'For example because walking is hard, a long trip is too much, or a big hall is too noisy.',
      },
    },
  },
  'risk-of-loneliness': {
    thirdPerson: {
      question: {
        da: 'Er værten meget alene i hverdagen?',
        en: 'Is the host alone much of the time?',
      },
      help: {
        da: 'Fx få besøg eller få at tale med. Svar ud fra det, du ved.',
        en: 'For example few visitors or few people to talk to. Answer from what you know.',
      },
    },
    host: {
      question: { da: 'Er du meget alene i hverdagen?', en: 'Are you alone much of the time?' },
      help: {
        da: 'Fx få besøg eller få at tale med.',
        en: 'For example few visitors or few people to talk to.',
      },
    },
  },
  'enjoys-music': {
    thirdPerson: {
      question: {
        da: 'Kan værten glæde sig over musik – lytte og reagere på den?',
        en: 'Can the host enjoy music – listen and respond to it?',
      },
      help: {
        da: 'Et smil, et nik eller at nynne med er nok.',
        en: 'A smile, a nod or humming along is enough.',
      },
    },
    host: {
      question: {
        da: 'Kan du glæde dig over musik – lytte og reagere på den?',
        en: 'Can you enjoy music – listen and respond to it?',
      },
      help: {
        da: 'Et smil, et nik eller at nynne med er nok.',
        en: 'A smile, a nod or humming along is enough.',
      },
    },
  },
  'takes-part-in-conversation': {
    thirdPerson: {
      question: {
        da: 'Kan værten være med i en samtale, fx om musikken eller gamle minder?',
        en: 'Can the host take part in a conversation, for example about the music or old memories?',
      },
      help: {
        da: 'Korte svar er fine. Dårlig hørelse er også fint – musikeren tager hensyn.',
        en: 'Short answers are fine. Poor hearing is fine too – the musician adapts.',
      },
    },
    host: {
      question: {
        da: 'Har du lyst til en snak, fx om musikken eller gamle minder?',
        en: 'Would you like a chat, for example about the music or old memories?',
      },
      help: {
        da: 'Korte svar er fine. Dårlig hørelse er også fint – musikeren tager hensyn.',
        en: 'Short answers are fine. Poor hearing is fine too – the musician adapts.',
      },
    },
  },
  'said-yes': {
    thirdPerson: {
      question: {
        da: 'Har værten selv sagt ja til en koncert?',
        en: 'Has the host said yes to a concert themselves?',
      },
      help: {
        da: 'Vi kontakter kun værten gennem besøgsvennen. Er du i tvivl, så spørg gerne besøgsvennen.',
        en: 'We only contact the host through the visiting friend. If you are unsure, ask the visiting friend.',
      },
    },
    host: {
      question: {
        da: 'Vil du gerne have en koncert i din stue?',
        en: 'Would you like a concert in your living room?',
      },
      help: {
        da: 'Vi kontakter dig gennem din besøgsven.',
        en: 'We contact you through your visiting friend.',
      },
    },
  },
};
