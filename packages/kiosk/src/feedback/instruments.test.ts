import { DEFAULT_INSTRUMENT } from '@stue/core';
import type { DeviceProgramme } from '@stue/core/client';
import { describe, expect, it } from 'vitest';
import { carriedInstrument, instrumentFor, programmeOf } from './instruments.js';

const programme = (feedbackInstrumentId: string) =>
  ({ slug: 'syngende-besoeg', feedbackInstrumentId }) as DeviceProgramme;

describe('instrumentFor', () => {
  it('uses the instrument the programme names when the tablet carries it', () => {
    expect(instrumentFor(programme('stue-home-concert'))).toEqual({
      instrument: DEFAULT_INSTRUMENT,
    });
  });

  it('falls back to the default, saying which id is missing, and without a programme', () => {
    expect(instrumentFor(programme('stemmer-sang'))).toEqual({
      instrument: DEFAULT_INSTRUMENT,
      missing: 'stemmer-sang',
    });
    expect(instrumentFor(undefined)).toEqual({ instrument: DEFAULT_INSTRUMENT });
  });

  it('finds a finished response’s instrument by id and version only', () => {
    expect(carriedInstrument({ id: 'stue-home-concert', version: 1 })).toBe(DEFAULT_INSTRUMENT);
    expect(carriedInstrument({ id: 'stue-home-concert', version: 2 })).toBeUndefined();
  });
});

describe('programmeOf', () => {
  const day = { programmes: [programme('stue-home-concert')] };
  it("finds a concert's programme in the day, and none in a day kept before programmes", () => {
    expect(programmeOf(day, { programme: 'syngende-besoeg' })?.slug).toBe('syngende-besoeg');
    expect(programmeOf(day, { programme: 'musikalske-besoegsvenner' })).toBeUndefined();
    expect(programmeOf({}, { programme: 'syngende-besoeg' })).toBeUndefined();
    expect(programmeOf(day, {})).toBeUndefined();
  });
});
