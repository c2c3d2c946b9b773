import { describe, expect, it } from 'vitest';
import { nodeTooOld } from './node-version.js';

describe('nodeTooOld', () => {
  it('compares the running version with a >= range part by part', () => {
    expect(nodeTooOld('>=22.18', '20.20.2')).toBe(true);
    expect(nodeTooOld('>=22.18', '22.17.9')).toBe(true);
    expect(nodeTooOld('>=22.18', '22.18.0')).toBe(false);
    expect(nodeTooOld('>=22.18', '22.9.0')).toBe(true);
    expect(nodeTooOld('>=22.18', '24.1.0')).toBe(false);
    expect(nodeTooOld('>= 22', '21.99.99')).toBe(true);
    expect(nodeTooOld('>=22.18.1', '22.18.0')).toBe(true);
  });

  it('does not judge a range of another form', () => {
    expect(nodeTooOld('^22 || ^24', '20.0.0')).toBe(false);
  });
});
