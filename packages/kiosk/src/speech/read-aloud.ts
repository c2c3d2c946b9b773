import type { Lang } from '@stue/core';

const BCP47: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

function synthesis(): SpeechSynthesis | undefined {
  return typeof globalThis.speechSynthesis === 'object' ? globalThis.speechSynthesis : undefined;
}

/**
 * The voice to read `lang` with: one whose language matches (a Danish voice for Danish), the
 * device's default among them first; `undefined` when there is none, since a text read in
 * another language's voice is worse than silence.
 *
 * @example
 * voiceFor('da'); // SpeechSynthesisVoice { lang: 'da-DK', … } or undefined
 */
export function voiceFor(lang: Lang, speech = synthesis()): SpeechSynthesisVoice | undefined {
  const voices = speech?.getVoices() ?? [];
  const matching = voices.filter((voice) => voice.lang.toLowerCase().startsWith(lang));
  return matching.find((voice) => voice.default) ?? matching[0];
}

/** Whether the tablet can read `lang` aloud now; the read-aloud button shows only then. */
export function canReadAloud(lang: Lang, speech = synthesis()): boolean {
  return voiceFor(lang, speech) !== undefined;
}

/**
 * Reads `text` aloud in `lang`, stopping anything read before; returns false (and says nothing)
 * when there is no voice for the language. Only ever called from a tap: never autoplay.
 *
 * @example
 * readAloud('Hvordan var besøget?', 'da');
 */
export function readAloud(text: string, lang: Lang, speech = synthesis()): boolean {
  const voice = voiceFor(lang, speech);
  if (!speech || !voice) return false;
  speech.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.voice = voice;
  utterance.lang = BCP47[lang];
  // A little slower than the default: easier for old ears.
  utterance.rate = 0.9;
  speech.speak(utterance);
  return true;
}

/** Stops reading (when the screen changes). */
export function stopReading(speech = synthesis()): void {
  speech?.cancel();
}

/**
 * Calls `listener` when the list of voices changes (voices load late in some browsers); returns
 * the function that stops listening.
 */
export function onVoicesChanged(listener: () => void, speech = synthesis()): () => void {
  if (!speech || typeof speech.addEventListener !== 'function') return () => undefined;
  speech.addEventListener('voiceschanged', listener);
  return () => speech.removeEventListener('voiceschanged', listener);
}
