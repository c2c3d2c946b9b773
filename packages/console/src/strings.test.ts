import { describe, expect, it } from 'vitest';
import { clock, CONSOLE_STRINGS } from './strings.js';

describe('the hub status’s clock', () => {
  it('writes the local time as Intl does for da-DK and en-GB, without Intl', () => {
    for (const time of [
      new Date(2026, 0, 2, 0, 4, 5),
      new Date(2026, 5, 30, 9, 0, 59),
      new Date(2026, 11, 31, 23, 59, 9),
    ]) {
      const intl = (locale: string) =>
        new Intl.DateTimeFormat(locale, {
          hour: '2-digit',
          minute: '2-digit',
          second: '2-digit',
        }).format(time);
      expect(clock(time, '.')).toBe(intl('da-DK'));
      expect(clock(time, ':')).toBe(intl('en-GB'));
    }
    const time = new Date(2026, 0, 2, 14, 5, 9);
    expect(CONSOLE_STRINGS.da.health.checkedAt(time)).toBe('Tjekket kl. 14.05.09');
    expect(CONSOLE_STRINGS.en.health.checkedAt(time)).toBe('Checked at 14:05:09');
  });
});
