import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { DEFAULT_INSTRUMENT, DEFAULT_PICTOGRAMS, RESPONSE_ROLES } from '@stue/core';
import { describe, expect, it } from 'vitest';
import { hasPictogram } from './pictogram.js';

describe('pictures', () => {
  it('has one for every pictogram the default instrument uses', () => {
    for (const name of DEFAULT_PICTOGRAMS) expect(hasPictogram(name), name).toBe(true);
    for (const question of DEFAULT_INSTRUMENT.questions) {
      for (const option of question.options) expect(hasPictogram(option.pictogram)).toBe(true);
    }
  });

  it('has one for every role, the hand-over and the thank-you', () => {
    for (const role of RESPONSE_ROLES) expect(hasPictogram(`role-${role}`), role).toBe(true);
    expect(hasPictogram('hand-over')).toBe(true);
    expect(hasPictogram('thanks')).toBe(true);
  });

  it('ships exactly the emoji the generator picks (the file is up to date)', () => {
    const script = fileURLToPath(new URL('../../scripts/pictograms.ts', import.meta.url));
    expect(() =>
      execFileSync(process.execPath, [script, '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});
