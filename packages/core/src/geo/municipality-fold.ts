import type { MunicipalityCode } from './municipalities.js';

/**
 * Names people commonly write for a municipality that folding alone does not reach: English,
 * short and older forms. Kept apart from the municipality data so that a form's search can use
 * them without downloading the coordinates.
 */
export const MUNICIPALITY_ALIASES: Readonly<Record<string, MunicipalityCode>> = {
  copenhagen: '101',
  kbh: '101',
  lyngby: '173',
  nordfyn: '480',
  vesthimmerland: '820',
  elsinore: '217',
};

/**
 * Folds a name so that the spellings people actually type meet: case, å/aa, ø/oe/o, æ/ae/a,
 * other accents, and spaces or dashes ("Høje Taastrup", "Hoeje-Taastrup", "Århus", "Kobenhavn").
 */
export function foldMunicipalityName(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'a')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/aa/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/ae/g, 'a')
    .replace(/[^a-z0-9]/g, '');
}

/** What a person typed, without a trailing "Kommune" or "Regionskommune", folded. */
export function municipalitySearchKey(text: string): string {
  return foldMunicipalityName(text.trim().replace(/\s+(?:regions)?kommune$/i, ''));
}
