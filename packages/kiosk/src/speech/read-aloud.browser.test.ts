import { expect, fixtureCleanup } from '@open-wc/testing';
import { canReadAloud, readAloud, voiceFor } from './read-aloud.js';
import {
  deep,
  has,
  removeDb,
  renderApp,
  hostToFirstQuestion,
  seedTablet,
  startFeedback,
  unlock,
  type SeededTablet,
} from '../testing/kit.test-support.js';

/** A stand-in for `speechSynthesis` with the given voices, recording what it was asked to say. */
function fakeSpeech(langs: string[]) {
  const spoken: SpeechSynthesisUtterance[] = [];
  let cancelled = 0;
  const voices = langs.map(
    (lang, i) =>
      ({
        lang,
        name: `voice-${lang}`,
        default: i === 0,
        localService: true,
        voiceURI: lang,
      }) as SpeechSynthesisVoice,
  );
  const speech = {
    getVoices: () => voices,
    speak: (u: SpeechSynthesisUtterance) => spoken.push(u),
    cancel: () => {
      cancelled += 1;
    },
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  } as unknown as SpeechSynthesis;
  return { speech, spoken, cancelled: () => cancelled };
}

// Real utterances accept only the browser's own voices: a plain stand-in records what is set.
const RealUtterance = window.SpeechSynthesisUtterance;
class FakeUtterance {
  voice: SpeechSynthesisVoice | null = null;
  lang = '';
  rate = 1;
  constructor(readonly text: string) {}
}
beforeEach(() => {
  (window as { SpeechSynthesisUtterance: unknown }).SpeechSynthesisUtterance = FakeUtterance;
});
afterEach(() => {
  window.SpeechSynthesisUtterance = RealUtterance;
});

describe('read aloud', () => {
  it('reads Danish with a Danish voice, and English with an English one', () => {
    const { speech, spoken } = fakeSpeech(['en-GB', 'da-DK']);
    expect(voiceFor('da', speech)?.lang).to.equal('da-DK');
    expect(readAloud('Hvordan var besøget?', 'da', speech)).to.equal(true);
    expect(spoken[0]!.text).to.equal('Hvordan var besøget?');
    expect(spoken[0]!.voice?.lang).to.equal('da-DK');
    expect(spoken[0]!.lang).to.equal('da-DK');
    readAloud('How was the visit?', 'en', speech);
    expect(spoken[1]!.voice?.lang).to.equal('en-GB');
  });

  it('stays silent rather than reading Danish in a foreign voice', () => {
    const { speech, spoken } = fakeSpeech(['en-US']);
    expect(canReadAloud('da', speech)).to.equal(false);
    expect(readAloud('Hvordan var besøget?', 'da', speech)).to.equal(false);
    expect(spoken).to.deep.equal([]);
  });

  it('stays silent where the browser has no speech at all', () => {
    expect(canReadAloud('da', undefined)).to.equal(false);
    expect(readAloud('Hej', 'da', undefined)).to.equal(false);
  });
});

describe('the read-aloud button on a question', () => {
  let tablet: SeededTablet;
  const own = Object.getOwnPropertyDescriptor(window, 'speechSynthesis');

  beforeEach(async () => {
    tablet = await seedTablet();
  });

  afterEach(async () => {
    fixtureCleanup();
    if (own) Object.defineProperty(window, 'speechSynthesis', own);
    else delete (window as { speechSynthesis?: unknown }).speechSynthesis;
    await removeDb(tablet.dbName);
  });

  async function toFirstQuestion() {
    const app = await renderApp(tablet.dbName);
    await unlock(app);
    await startFeedback(app, tablet.bookings[0]!.bookingId);
    await hostToFirstQuestion(app);
    return app;
  }

  it('reads the question and its answers only when tapped, never by itself', async () => {
    const fake = fakeSpeech(['da-DK']);
    Object.defineProperty(window, 'speechSynthesis', { value: fake.speech, configurable: true });
    const app = await toFirstQuestion();
    expect(fake.spoken, 'no autoplay').to.deep.equal([]);
    const button = deep(app.shadowRoot!, '[data-action="read-aloud"]');
    expect(button.textContent).to.contain('Læs op');
    button.click();
    expect(fake.spoken).to.have.length(1);
    expect(fake.spoken[0]!.text).to.contain('Hvordan var det at få besøg af musikeren i dag?');
    expect(fake.spoken[0]!.text).to.contain('Midt imellem');
    expect(fake.spoken[0]!.voice?.lang).to.equal('da-DK');
  });

  it('leaves the button out when there is no Danish voice', async () => {
    const fake = fakeSpeech(['en-US']);
    Object.defineProperty(window, 'speechSynthesis', { value: fake.speech, configurable: true });
    const app = await toFirstQuestion();
    expect(has(app.shadowRoot!, '[data-action="read-aloud"]')).to.equal(false);
    // Back and skip are there all the same.
    expect(has(app.shadowRoot!, '[data-action="back"]')).to.equal(true);
    expect(has(app.shadowRoot!, '[data-action="skip"]')).to.equal(true);
  });
});
