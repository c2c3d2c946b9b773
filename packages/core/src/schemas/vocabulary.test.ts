import { describe, expect, it } from 'vitest';
import { VISIT_LANGUAGES, visitLanguageName } from './vocabulary.js';

describe('visitLanguageName', () => {
  it('names every visit language in Danish and in English', () => {
    for (const code of VISIT_LANGUAGES) {
      expect(visitLanguageName(code, 'da'), code).toMatch(/^\p{Ll}+$/u);
      expect(visitLanguageName(code, 'en'), code).toMatch(/^\p{Lu}\p{Ll}+$/u);
    }
    expect(visitLanguageName('kl', 'da')).toBe('grønlandsk');
    expect(visitLanguageName('kl', 'en')).toBe('Greenlandic');
  });

  it('knows no other code, not even one that names a property of every object', () => {
    expect(visitLanguageName('xx', 'da')).toBeUndefined();
    expect(visitLanguageName('constructor', 'en')).toBeUndefined();
  });
});
