import { describe, expect, it } from 'vitest';
import { bytes, clockTime, longDate } from './format.js';

describe('formats for the musician', () => {
  it('shows a booking’s Danish local start as it is, in either language', () => {
    expect(clockTime('2030-05-07T10:00', 'da')).toBe('10.00');
    expect(clockTime('2030-05-07T14:30', 'en')).toBe('14:30');
    expect(clockTime('2030-05-07T14:30:00', 'da')).toBe('14.30');
  });

  it('shows an instant in Danish time', () => {
    expect(clockTime('2030-05-07T08:00:00Z', 'da')).toBe('10.00');
    expect(clockTime('2030-12-07T08:00:00Z', 'en')).toBe('09:00');
  });

  it('writes dates and sizes the way each language does', () => {
    expect(longDate('2030-05-07', 'da')).toBe('tirsdag 7. maj');
    expect(longDate('2030-05-07', 'en')).toBe('Tuesday 7 May');
    expect(bytes(1_300_000, 'da')).toBe('1,3 MB');
    expect(bytes(2_500_000_000, 'en')).toBe('2.5 GB');
  });
});
