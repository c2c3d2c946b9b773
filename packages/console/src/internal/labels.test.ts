import { MUNICIPALITIES } from '@stue/core';
import { describe, expect, it } from 'vitest';
import { municipalityChoices } from './labels.js';

describe('municipalityChoices', () => {
  it.each([
    ['da', 'da-DK'],
    ['en', 'en-GB'],
  ] as const)('lists all 98 municipalities in the order Intl.Collator gives %s', (lang, locale) => {
    const collator = new Intl.Collator(locale);
    const expected = MUNICIPALITIES.map((m) => m.name).sort((a, b) => collator.compare(a, b));
    const choices = municipalityChoices(lang);
    expect(choices.map((c) => c.label)).toEqual(expected);
    expect(choices).toHaveLength(98);
    for (const choice of choices) {
      expect(MUNICIPALITIES.find((m) => m.code === choice.value)?.name).toBe(choice.label);
    }
  });

  it('puts æ, ø, å and "aa" last in Danish, among the other letters in English', () => {
    const da = municipalityChoices('da').map((c) => c.label);
    expect(da.slice(-4)).toEqual(['Ærø', 'Aabenraa', 'Aalborg', 'Aarhus']);
    const en = municipalityChoices('en').map((c) => c.label);
    expect(en.slice(0, 4)).toEqual(['Aabenraa', 'Aalborg', 'Aarhus', 'Ærø']);
  });
});
