import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES } from './municipalities.js';
import { municipalityNames } from './municipality-names.js';

describe('municipalityNames', () => {
  it('says what MUNICIPALITIES says: every code with its name, in code order', () => {
    expect(municipalityNames()).toEqual(MUNICIPALITIES.map(({ code, name }) => [code, name]));
  });
});
