import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import {
  findMunicipality,
  MUNICIPALITIES,
  MUNICIPALITY_CODES,
  municipalityByCode,
  REGION_CODES,
  REGIONS,
  type RegionCode,
} from './municipalities.js';
import { distanceKm } from './travel.js';

describe('MUNICIPALITIES', () => {
  it('has exactly the 98 municipalities, with unique three-digit codes and unique names', () => {
    expect(MUNICIPALITIES).toHaveLength(98);
    expect(new Set(MUNICIPALITIES.map((m) => m.code)).size).toBe(98);
    expect(new Set(MUNICIPALITIES.map((m) => m.name)).size).toBe(98);
    for (const m of MUNICIPALITIES) expect(m.code).toMatch(/^\d{3}$/);
  });

  it('lists the same codes, in the same order, as MUNICIPALITY_CODES', () => {
    expect(MUNICIPALITIES.map((m) => m.code)).toEqual([...MUNICIPALITY_CODES]);
    expect([...MUNICIPALITY_CODES].sort()).toEqual([...MUNICIPALITY_CODES]);
  });

  it('puts the expected number of municipalities in each region', () => {
    const counts: Record<RegionCode, number> = {
      hovedstaden: 0,
      sjaelland: 0,
      syddanmark: 0,
      midtjylland: 0,
      nordjylland: 0,
    };
    for (const m of MUNICIPALITIES) counts[m.region] += 1;
    expect(counts).toEqual({
      hovedstaden: 29,
      sjaelland: 17,
      syddanmark: 22,
      midtjylland: 19,
      nordjylland: 11,
    });
  });

  it('places every centre inside Denmark', () => {
    for (const m of MUNICIPALITIES) {
      expect(m.lat, m.name).toBeGreaterThanOrEqual(54.5);
      expect(m.lat, m.name).toBeLessThanOrEqual(57.8);
      expect(m.lon, m.name).toBeGreaterThanOrEqual(8.0);
      expect(m.lon, m.name).toBeLessThanOrEqual(15.2);
    }
  });

  it.each([
    ['101', 'København', 'hovedstaden'],
    ['147', 'Frederiksberg', 'hovedstaden'],
    ['169', 'Høje-Taastrup', 'hovedstaden'],
    ['260', 'Halsnæs', 'hovedstaden'],
    ['270', 'Gribskov', 'hovedstaden'],
    ['400', 'Bornholm', 'hovedstaden'],
    ['265', 'Roskilde', 'sjaelland'],
    ['461', 'Odense', 'syddanmark'],
    ['621', 'Kolding', 'syddanmark'],
    ['751', 'Aarhus', 'midtjylland'],
    ['741', 'Samsø', 'midtjylland'],
    ['851', 'Aalborg', 'nordjylland'],
    ['825', 'Læsø', 'nordjylland'],
  ] as const)('knows %s as %s in %s', (code, name, region) => {
    expect(municipalityByCode(code)).toMatchObject({ code, name, region });
  });

  it('does not count Christiansø (411), which is not a municipality', () => {
    expect(municipalityByCode('411')).toBeUndefined();
    expect(findMunicipality('Christiansø')).toBeUndefined();
  });

  // Town centres people know, against their municipality's centre: a swapped or mistyped
  // coordinate shows up as tens of kilometres.
  it.each([
    ['101', 55.676, 12.568],
    ['461', 55.396, 10.388],
    ['751', 56.157, 10.211],
    ['851', 57.048, 9.919],
    ['400', 55.1, 14.7],
    ['813', 57.441, 10.537],
    ['550', 54.933, 8.867],
  ] as const)('puts %s within 20 km of its main town', (code, lat, lon) => {
    expect(distanceKm(municipalityByCode(code)!, { lat, lon })).toBeLessThan(20);
  });

  it('has regions with the five official names, usable in z.enum', () => {
    expect(REGIONS.map((r) => r.name)).toEqual([
      'Region Hovedstaden',
      'Region Sjælland',
      'Region Syddanmark',
      'Region Midtjylland',
      'Region Nordjylland',
    ]);
    expect(REGIONS.map((r) => r.code)).toEqual([...REGION_CODES]);
    expect(z.safeParse(z.enum(REGION_CODES), 'sjaelland').success).toBe(true);
  });

  it('gives codes that z.enum accepts and refuses', () => {
    const schema = z.enum(MUNICIPALITY_CODES);
    expect(z.safeParse(schema, '751').success).toBe(true);
    expect(z.safeParse(schema, '411').success).toBe(false);
    expect(z.safeParse(schema, 751).success).toBe(false);
  });
});

describe('findMunicipality', () => {
  it.each([
    ['751', '751'],
    ['0751', '751'],
    [' 101 ', '101'],
    ['Aarhus', '751'],
    ['Århus', '751'],
    ['AARHUS KOMMUNE', '751'],
    ['København', '101'],
    ['Kobenhavn', '101'],
    ['Koebenhavn', '101'],
    ['Københavns Kommune', '101'],
    ['Copenhagen', '101'],
    ['Høje-Taastrup', '169'],
    ['Høje Taastrup', '169'],
    ['hoeje-taastrup kommune', '169'],
    ['Høje-Tåstrup', '169'],
    ['Lyngby-Taarbæk', '173'],
    ['Lyngby', '173'],
    ['Tårnby', '185'],
    ['Taarnby', '185'],
    ['Bornholms Regionskommune', '400'],
    ['Nordfyns Kommune', '480'],
    ['Nordfyn', '480'],
    ['Vesthimmerland', '820'],
    ['Åbenrå', '580'],
    ['Ringkøbing Skjern', '760'],
    ['Ålborg', '851'],
    ['Naestved', '370'],
    ['Ærø', '492'],
    ['Aeroe', '492'],
  ])('finds %j as %s', (text, code) => {
    expect(findMunicipality(text)?.code).toBe(code);
  });

  it.each(['', '   ', 'Kommune', '999', '411', 'Malmö', 'Berlin', '12345'])(
    'finds nothing for %j',
    (text) => {
      expect(findMunicipality(text)).toBeUndefined();
    },
  );

  it('finds every municipality by its code, its name, and its name as a register writes it', () => {
    for (const m of MUNICIPALITIES) {
      expect(findMunicipality(m.code)).toBe(m);
      expect(findMunicipality(m.name)).toBe(m);
      expect(findMunicipality(`${m.name.toUpperCase()} Kommune`)).toBe(m);
      expect(findMunicipality(`${m.name}s Kommune`)).toBe(m);
    }
  });

  it('never throws, whatever is typed', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const found = findMunicipality(text);
        expect(found === undefined || MUNICIPALITIES.includes(found)).toBe(true);
      }),
    );
  });
});
