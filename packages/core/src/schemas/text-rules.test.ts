import { describe, expect, it } from 'vitest';
import { readablePhone } from './text-rules.js';

describe('readablePhone', () => {
  it('writes a Danish number in pairs without +45, and any other as stored', () => {
    expect(readablePhone('+4570203040')).toBe('70 20 30 40');
    expect(readablePhone('+46701234567')).toBe('+46701234567');
    expect(readablePhone('+491511234567')).toBe('+491511234567');
  });
});
