import { StueHttpError } from '@stue/core';
import { describe, expect, it } from 'vitest';
import { CONSOLE_STRINGS } from '../strings.js';
import { failureMessage } from './forms.js';

// RELIABILITY.md F11: a full disk is said, not hidden behind "something went wrong".

const t = CONSOLE_STRINGS.da;

describe('failureMessage', () => {
  it("shows the hub's own words for a full disk, and the general message for other server errors", () => {
    const full = new StueHttpError(
      503,
      'storage_full',
      'Stue kan ikke gemme lige nu, fordi serveren ikke har mere plads.',
      60,
    );
    expect(failureMessage(t, full)).toBe(full.message);
    expect(
      failureMessage(t, new StueHttpError(500, 'internal', 'Der skete en fejl hos Stue.')),
    ).toBe(t.unexpected);
  });
});
