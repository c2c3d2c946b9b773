import { describe, expect, it } from 'vitest';
import { originAllowed } from './keys.js';

describe('originAllowed', () => {
  const demo = ['http://127.0.0.1:*', 'http://localhost:*', 'https://besoeg.example'];

  it.each([
    ['http://127.0.0.1:8787', true],
    ['http://127.0.0.1', true],
    ['http://localhost:5173', true],
    ['https://besoeg.example', true],
    ['https://besoeg.example:8443', false],
    ['https://127.0.0.1:8787', false],
    ['http://127.0.0.1.evil.example:8787', false],
    ['https://evil.example', false],
    ['https://besoeg.example/path', false],
    ['null', false],
    ['', false],
  ])('%s → %s', (origin, expected) => {
    expect(originAllowed(origin, demo)).toBe(expected);
  });
});
