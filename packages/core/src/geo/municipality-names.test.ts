import { describe, expect, it } from 'vitest';
import { findMunicipality, MUNICIPALITIES } from './municipalities.js';
import {
  municipalityNamed,
  municipalityNames,
  searchMunicipalityNames,
} from './municipality-names.js';

describe('municipalityNames', () => {
  it('says what MUNICIPALITIES says: every code with its name, in code order', () => {
    expect(municipalityNames()).toEqual(MUNICIPALITIES.map(({ code, name }) => [code, name]));
  });
});

describe('searchMunicipalityNames', () => {
  const names = (text: string) => searchMunicipalityNames(text).map(([, name]) => name);

  it('finds the forms people write: old spellings, English names, "Kommune", no Danish letters', () => {
    expect(names('Århus')).toEqual(['Aarhus']);
    expect(names('århus kommune')).toEqual(['Aarhus']);
    expect(names('Copenhagen')).toEqual(['København']);
    expect(names('Copen')).toEqual(['København']);
    expect(names('Kobenhavn')).toEqual(['København']);
    expect(names('Københavns')).toEqual(['København']);
    expect(names('Hoeje Taastrup')).toEqual(['Høje-Taastrup']);
    expect(names('Elsinore')).toEqual(['Helsingør']);
    expect(names('Ålborg')).toEqual(['Aalborg']);
  });

  it('puts names starting with the text first, each group in Danish order', () => {
    expect(names('holm')).toEqual(['Bornholm', 'Hørsholm']);
    expect(names('fre')).toEqual([
      'Fredensborg',
      'Fredericia',
      'Frederiksberg',
      'Frederikshavn',
      'Frederikssund',
    ]);
    // Letters exactly as typed come before another spelling of them ("Aa" is also "Å" and "A").
    expect(names('Aa').slice(0, 4)).toEqual(['Aabenraa', 'Aalborg', 'Aarhus', 'Albertslund']);
    const all = names('');
    expect(all).toHaveLength(98);
    expect(all.slice(0, 2)).toEqual(['Albertslund', 'Allerød']);
    expect(all.slice(-3)).toEqual(['Aabenraa', 'Aalborg', 'Aarhus']);
  });

  it('finds nothing for a place that is no municipality', () => {
    expect(searchMunicipalityNames('Atlantis')).toEqual([]);
    expect(searchMunicipalityNames('Christiansø')).toEqual([]);
  });
});

describe('municipalityNamed', () => {
  it('names a municipality only for a whole name, agreeing with findMunicipality', () => {
    for (const text of [
      'aarhus',
      'Århus',
      'Copenhagen',
      'Lyngby',
      'Københavns Kommune',
      'Tåstrup',
    ]) {
      expect(municipalityNamed(text), text).toBe(findMunicipality(text)?.code);
    }
    expect(municipalityNamed('Copenhagen')).toBe('101');
    expect(municipalityNamed('Aar')).toBeUndefined();
    expect(municipalityNamed('')).toBeUndefined();
  });
});
