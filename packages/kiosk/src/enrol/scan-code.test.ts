import { describe, expect, it } from 'vitest';
import { codeFromScan } from './scan-code.js';

describe('codeFromScan', () => {
  it('reads the code itself, with or without the dash, in any case', () => {
    expect(codeFromScan('7KQ3-9XZD')).toBe('7KQ3-9XZD');
    expect(codeFromScan(' 7kq39xzd ')).toBe('7KQ3-9XZD');
    expect(codeFromScan('7KQ3 9XZD')).toBe('7KQ3-9XZD');
  });

  it('reads the code from an address', () => {
    expect(codeFromScan('https://stue.example/kiosk/?code=7kq3-9xzd')).toBe('7KQ3-9XZD');
    expect(codeFromScan('https://stue.example/kiosk/#code=7KQ39XZD')).toBe('7KQ3-9XZD');
  });

  it('passes over anything else', () => {
    for (const text of ['', 'hello', 'https://example.com/', 'ABCD-12345', 'https://x/?code=no']) {
      expect(codeFromScan(text), text).toBeUndefined();
    }
  });
});
