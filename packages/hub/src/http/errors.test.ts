import { API_ERROR_CODES } from '@stue/core';
import { describe, expect, it } from 'vitest';
import { hubErrorCodes } from './errors.js';

describe('error codes', () => {
  it('are the same set in the hub and in @stue/core, so clients know every code', () => {
    expect(hubErrorCodes().sort()).toEqual([...API_ERROR_CODES].sort());
  });
});
