import { describe, expect, it, vi } from 'vitest';
import { isUuidV7, newId, UUID_V7_PATTERN } from './ids.js';

describe('newId', () => {
  it('makes UUIDv7s that carry the time they were made', () => {
    const before = Date.now();
    const id = newId();
    const after = Date.now();
    expect(id).toMatch(new RegExp(UUID_V7_PATTERN));
    expect(isUuidV7(id)).toBe(true);
    const time = parseInt(id.replaceAll('-', '').slice(0, 12), 16);
    expect(time).toBeGreaterThanOrEqual(before);
    expect(time).toBeLessThanOrEqual(after);
  });

  it('sorts ids made in the same millisecond in the order they were made, and never repeats one', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1), toFake: ['Date'] });
    try {
      const ids = Array.from({ length: 5000 }, () => newId());
      expect(ids.toSorted()).toEqual(ids);
      expect(new Set(ids).size).toBe(ids.length);
      // The counter runs on through the millisecond; the time stays that of the clock.
      expect(new Set(ids.map((id) => id.slice(0, 13))).size).toBe(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the order when the clock goes back', () => {
    vi.useFakeTimers({ now: Date.UTC(2026, 0, 1, 12), toFake: ['Date'] });
    try {
      const first = newId();
      vi.setSystemTime(Date.UTC(2026, 0, 1, 11));
      const second = newId();
      expect(second > first).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('puts the time first, big-endian, so later ids sort after earlier ones', () => {
    // 2030-01-01T00:00:00Z is 1,893,456,000,000 ms: 0x01b8dac5b400.
    vi.useFakeTimers({ now: Date.UTC(2030, 0, 1), toFake: ['Date'] });
    try {
      expect(newId().slice(0, 13)).toBe('01b8dac5-b400');
      vi.setSystemTime(Date.UTC(2030, 0, 1) + 1);
      expect(newId().slice(0, 13)).toBe('01b8dac5-b401');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('isUuidV7', () => {
  it.each([
    ['0193b5a2-7c1e-7a4b-9f3d-2b8c1e6f0a9d', true],
    ['0193B5A2-7C1E-7A4B-BF3D-2B8C1E6F0A9D', true],
    // Another version, another variant, the nil and max UUIDs, no dashes, not a string.
    ['0193b5a2-7c1e-4a4b-9f3d-2b8c1e6f0a9d', false],
    ['0193b5a2-7c1e-7a4b-cf3d-2b8c1e6f0a9d', false],
    ['00000000-0000-0000-0000-000000000000', false],
    ['ffffffff-ffff-ffff-ffff-ffffffffffff', false],
    ['0193b5a27c1e7a4b9f3d2b8c1e6f0a9d', false],
    [' 0193b5a2-7c1e-7a4b-9f3d-2b8c1e6f0a9d', false],
    [42, false],
  ])('%s: %s', (value, expected) => {
    expect(isUuidV7(value)).toBe(expected);
  });
});
