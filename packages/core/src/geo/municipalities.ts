import {
  foldMunicipalityName,
  MUNICIPALITY_ALIASES,
  municipalitySearchKey,
} from './municipality-fold.js';

/**
 * The five Danish regions, in their official order, with their Danish names.
 *
 * @example
 * REGIONS.find((region) => region.code === 'syddanmark')?.name; // 'Region Syddanmark'
 */
export const REGIONS = [
  { code: 'hovedstaden', name: 'Region Hovedstaden' },
  { code: 'sjaelland', name: 'Region Sjælland' },
  { code: 'syddanmark', name: 'Region Syddanmark' },
  { code: 'midtjylland', name: 'Region Midtjylland' },
  { code: 'nordjylland', name: 'Region Nordjylland' },
] as const;

/** A region's stable code, as stored in records. */
export type RegionCode = (typeof REGIONS)[number]['code'];

/** The region codes as a tuple, for `z.enum(REGION_CODES)`. */
export const REGION_CODES = [
  'hovedstaden',
  'sjaelland',
  'syddanmark',
  'midtjylland',
  'nordjylland',
] as const satisfies readonly RegionCode[];

/**
 * The official three-digit codes of all 98 Danish municipalities (kommunekoder), for
 * `z.enum(MUNICIPALITY_CODES)`. Records store the code, never the name, so a renamed or
 * differently spelled municipality is still the same place.
 */
// prettier-ignore
export const MUNICIPALITY_CODES = [
  '101', '147', '151', '153', '155', '157', '159', '161', '163', '165',
  '167', '169', '173', '175', '183', '185', '187', '190', '201', '210',
  '217', '219', '223', '230', '240', '250', '253', '259', '260', '265',
  '269', '270', '306', '316', '320', '326', '329', '330', '336', '340',
  '350', '360', '370', '376', '390', '400', '410', '420', '430', '440',
  '450', '461', '479', '480', '482', '492', '510', '530', '540', '550',
  '561', '563', '573', '575', '580', '607', '615', '621', '630', '657',
  '661', '665', '671', '706', '707', '710', '727', '730', '740', '741',
  '746', '751', '756', '760', '766', '773', '779', '787', '791', '810',
  '813', '820', '825', '840', '846', '849', '851', '860',
] as const;

/** An official municipality code, e.g. `'751'` for Aarhus. */
export type MunicipalityCode = (typeof MUNICIPALITY_CODES)[number];

/**
 * A Danish municipality: official code, official short Danish name (without "Kommune"), its region,
 * and an approximate centre (`lat`, `lon`, WGS84 degrees), good to about 10 km and meant for
 * travel-time estimates, not for maps.
 */
export interface Municipality {
  readonly code: MunicipalityCode;
  readonly name: string;
  readonly region: RegionCode;
  readonly lat: number;
  readonly lon: number;
}

/**
 * All 98 Danish municipalities, ordered by code. The coordinates are the "visual centre" the Danish
 * address register (DAWA, Dataforsyningen) publishes for each municipality, rounded to 0.01° (about
 * 1 km): a point guaranteed to lie inside the municipality, within about 10 km of its centroid. They
 * are for travel-time estimates, not maps; a long municipality's main town can be 15 km away.
 *
 * @example
 * MUNICIPALITIES.filter((m) => m.region === 'nordjylland').length; // 11
 */
export const MUNICIPALITIES: readonly Municipality[] = [
  { code: '101', name: 'København', region: 'hovedstaden', lat: 55.7, lon: 12.49 },
  { code: '147', name: 'Frederiksberg', region: 'hovedstaden', lat: 55.68, lon: 12.52 },
  { code: '151', name: 'Ballerup', region: 'hovedstaden', lat: 55.73, lon: 12.37 },
  { code: '153', name: 'Brøndby', region: 'hovedstaden', lat: 55.65, lon: 12.4 },
  { code: '155', name: 'Dragør', region: 'hovedstaden', lat: 55.59, lon: 12.65 },
  { code: '157', name: 'Gentofte', region: 'hovedstaden', lat: 55.75, lon: 12.55 },
  { code: '159', name: 'Gladsaxe', region: 'hovedstaden', lat: 55.74, lon: 12.48 },
  { code: '161', name: 'Glostrup', region: 'hovedstaden', lat: 55.7, lon: 12.41 },
  { code: '163', name: 'Herlev', region: 'hovedstaden', lat: 55.74, lon: 12.43 },
  { code: '165', name: 'Albertslund', region: 'hovedstaden', lat: 55.68, lon: 12.35 },
  { code: '167', name: 'Hvidovre', region: 'hovedstaden', lat: 55.63, lon: 12.47 },
  { code: '169', name: 'Høje-Taastrup', region: 'hovedstaden', lat: 55.67, lon: 12.26 },
  { code: '173', name: 'Lyngby-Taarbæk', region: 'hovedstaden', lat: 55.78, lon: 12.51 },
  { code: '175', name: 'Rødovre', region: 'hovedstaden', lat: 55.68, lon: 12.45 },
  { code: '183', name: 'Ishøj', region: 'hovedstaden', lat: 55.62, lon: 12.33 },
  { code: '185', name: 'Tårnby', region: 'hovedstaden', lat: 55.6, lon: 12.55 },
  { code: '187', name: 'Vallensbæk', region: 'hovedstaden', lat: 55.64, lon: 12.37 },
  { code: '190', name: 'Furesø', region: 'hovedstaden', lat: 55.79, lon: 12.37 },
  { code: '201', name: 'Allerød', region: 'hovedstaden', lat: 55.85, lon: 12.32 },
  { code: '210', name: 'Fredensborg', region: 'hovedstaden', lat: 55.94, lon: 12.45 },
  { code: '217', name: 'Helsingør', region: 'hovedstaden', lat: 56.05, lon: 12.48 },
  { code: '219', name: 'Hillerød', region: 'hovedstaden', lat: 55.93, lon: 12.26 },
  { code: '223', name: 'Hørsholm', region: 'hovedstaden', lat: 55.89, lon: 12.51 },
  { code: '230', name: 'Rudersdal', region: 'hovedstaden', lat: 55.83, lon: 12.48 },
  { code: '240', name: 'Egedal', region: 'hovedstaden', lat: 55.79, lon: 12.21 },
  { code: '250', name: 'Frederikssund', region: 'hovedstaden', lat: 55.78, lon: 11.97 },
  { code: '253', name: 'Greve', region: 'sjaelland', lat: 55.59, lon: 12.25 },
  { code: '259', name: 'Køge', region: 'sjaelland', lat: 55.46, lon: 12.07 },
  { code: '260', name: 'Halsnæs', region: 'hovedstaden', lat: 56, lon: 12 },
  { code: '265', name: 'Roskilde', region: 'sjaelland', lat: 55.62, lon: 12.11 },
  { code: '269', name: 'Solrød', region: 'sjaelland', lat: 55.53, lon: 12.18 },
  { code: '270', name: 'Gribskov', region: 'hovedstaden', lat: 56.06, lon: 12.29 },
  { code: '306', name: 'Odsherred', region: 'sjaelland', lat: 55.85, lon: 11.6 },
  { code: '316', name: 'Holbæk', region: 'sjaelland', lat: 55.67, lon: 11.55 },
  { code: '320', name: 'Faxe', region: 'sjaelland', lat: 55.27, lon: 12.09 },
  { code: '326', name: 'Kalundborg', region: 'sjaelland', lat: 55.66, lon: 11.23 },
  { code: '329', name: 'Ringsted', region: 'sjaelland', lat: 55.47, lon: 11.82 },
  { code: '330', name: 'Slagelse', region: 'sjaelland', lat: 55.37, lon: 11.35 },
  { code: '336', name: 'Stevns', region: 'sjaelland', lat: 55.33, lon: 12.34 },
  { code: '340', name: 'Sorø', region: 'sjaelland', lat: 55.52, lon: 11.56 },
  { code: '350', name: 'Lejre', region: 'sjaelland', lat: 55.61, lon: 11.92 },
  { code: '360', name: 'Lolland', region: 'sjaelland', lat: 54.8, lon: 11.3 },
  { code: '370', name: 'Næstved', region: 'sjaelland', lat: 55.3, lon: 11.68 },
  { code: '376', name: 'Guldborgsund', region: 'sjaelland', lat: 54.82, lon: 11.96 },
  { code: '390', name: 'Vordingborg', region: 'sjaelland', lat: 55.06, lon: 11.97 },
  { code: '400', name: 'Bornholm', region: 'hovedstaden', lat: 55.13, lon: 14.88 },
  { code: '410', name: 'Middelfart', region: 'syddanmark', lat: 55.46, lon: 9.91 },
  { code: '420', name: 'Assens', region: 'syddanmark', lat: 55.3, lon: 10.04 },
  { code: '430', name: 'Faaborg-Midtfyn', region: 'syddanmark', lat: 55.21, lon: 10.37 },
  { code: '440', name: 'Kerteminde', region: 'syddanmark', lat: 55.39, lon: 10.57 },
  { code: '450', name: 'Nyborg', region: 'syddanmark', lat: 55.28, lon: 10.68 },
  { code: '461', name: 'Odense', region: 'syddanmark', lat: 55.39, lon: 10.3 },
  { code: '479', name: 'Svendborg', region: 'syddanmark', lat: 55.1, lon: 10.52 },
  { code: '480', name: 'Nordfyns', region: 'syddanmark', lat: 55.51, lon: 10.17 },
  { code: '482', name: 'Langeland', region: 'syddanmark', lat: 54.82, lon: 10.71 },
  { code: '492', name: 'Ærø', region: 'syddanmark', lat: 54.86, lon: 10.4 },
  { code: '510', name: 'Haderslev', region: 'syddanmark', lat: 55.24, lon: 9.3 },
  { code: '530', name: 'Billund', region: 'syddanmark', lat: 55.7, lon: 9.01 },
  { code: '540', name: 'Sønderborg', region: 'syddanmark', lat: 54.94, lon: 9.95 },
  { code: '550', name: 'Tønder', region: 'syddanmark', lat: 55.04, lon: 8.86 },
  { code: '561', name: 'Esbjerg', region: 'syddanmark', lat: 55.46, lon: 8.72 },
  { code: '563', name: 'Fanø', region: 'syddanmark', lat: 55.41, lon: 8.42 },
  { code: '573', name: 'Varde', region: 'syddanmark', lat: 55.69, lon: 8.61 },
  { code: '575', name: 'Vejen', region: 'syddanmark', lat: 55.49, lon: 9.05 },
  { code: '580', name: 'Aabenraa', region: 'syddanmark', lat: 54.96, lon: 9.28 },
  { code: '607', name: 'Fredericia', region: 'syddanmark', lat: 55.56, lon: 9.66 },
  { code: '615', name: 'Horsens', region: 'midtjylland', lat: 55.91, lon: 9.8 },
  { code: '621', name: 'Kolding', region: 'syddanmark', lat: 55.43, lon: 9.4 },
  { code: '630', name: 'Vejle', region: 'syddanmark', lat: 55.7, lon: 9.36 },
  { code: '657', name: 'Herning', region: 'midtjylland', lat: 56.22, lon: 8.89 },
  { code: '661', name: 'Holstebro', region: 'midtjylland', lat: 56.43, lon: 8.83 },
  { code: '665', name: 'Lemvig', region: 'midtjylland', lat: 56.47, lon: 8.29 },
  { code: '671', name: 'Struer', region: 'midtjylland', lat: 56.46, lon: 8.58 },
  { code: '706', name: 'Syddjurs', region: 'midtjylland', lat: 56.36, lon: 10.51 },
  { code: '707', name: 'Norddjurs', region: 'midtjylland', lat: 56.46, lon: 10.76 },
  { code: '710', name: 'Favrskov', region: 'midtjylland', lat: 56.29, lon: 9.92 },
  { code: '727', name: 'Odder', region: 'midtjylland', lat: 55.94, lon: 10.15 },
  { code: '730', name: 'Randers', region: 'midtjylland', lat: 56.54, lon: 10.09 },
  { code: '740', name: 'Silkeborg', region: 'midtjylland', lat: 56.21, lon: 9.56 },
  { code: '741', name: 'Samsø', region: 'midtjylland', lat: 55.8, lon: 10.59 },
  { code: '746', name: 'Skanderborg', region: 'midtjylland', lat: 56.09, lon: 9.85 },
  { code: '751', name: 'Aarhus', region: 'midtjylland', lat: 56.16, lon: 10.1 },
  { code: '756', name: 'Ikast-Brande', region: 'midtjylland', lat: 56.14, lon: 9.23 },
  { code: '760', name: 'Ringkøbing-Skjern', region: 'midtjylland', lat: 56.02, lon: 8.54 },
  { code: '766', name: 'Hedensted', region: 'midtjylland', lat: 55.74, lon: 9.82 },
  { code: '773', name: 'Morsø', region: 'nordjylland', lat: 56.75, lon: 8.71 },
  { code: '779', name: 'Skive', region: 'midtjylland', lat: 56.62, lon: 8.91 },
  { code: '787', name: 'Thisted', region: 'nordjylland', lat: 56.89, lon: 8.47 },
  { code: '791', name: 'Viborg', region: 'midtjylland', lat: 56.47, lon: 9.55 },
  { code: '810', name: 'Brønderslev', region: 'nordjylland', lat: 57.18, lon: 10.28 },
  { code: '813', name: 'Frederikshavn', region: 'nordjylland', lat: 57.32, lon: 10.41 },
  { code: '820', name: 'Vesthimmerlands', region: 'nordjylland', lat: 56.82, lon: 9.38 },
  { code: '825', name: 'Læsø', region: 'nordjylland', lat: 57.27, lon: 11.01 },
  { code: '840', name: 'Rebild', region: 'nordjylland', lat: 56.87, lon: 9.76 },
  { code: '846', name: 'Mariagerfjord', region: 'nordjylland', lat: 56.73, lon: 9.93 },
  { code: '849', name: 'Jammerbugt', region: 'nordjylland', lat: 57.17, lon: 9.62 },
  { code: '851', name: 'Aalborg', region: 'nordjylland', lat: 56.98, lon: 10 },
  { code: '860', name: 'Hjørring', region: 'nordjylland', lat: 57.47, lon: 10.08 },
];

let byFoldedName: Map<string, Municipality> | undefined;
let byCode: Map<string, Municipality> | undefined;

// Built on first use rather than at import, so importing the data costs nothing until it is searched.
function codeIndex(): Map<string, Municipality> {
  byCode ??= new Map(MUNICIPALITIES.map((m) => [m.code, m]));
  return byCode;
}

function nameIndex(): Map<string, Municipality> {
  if (byFoldedName === undefined) {
    byFoldedName = new Map(MUNICIPALITIES.map((m) => [foldMunicipalityName(m.name), m]));
    for (const [alias, code] of Object.entries(MUNICIPALITY_ALIASES)) {
      byFoldedName.set(foldMunicipalityName(alias), codeIndex().get(code)!);
    }
  }
  return byFoldedName;
}

/**
 * The municipality with an official code, or `undefined`.
 *
 * @example
 * municipalityByCode('751')?.name; // 'Aarhus'
 * municipalityByCode('411'); // undefined – Christiansø is not a municipality
 */
export function municipalityByCode(code: string): Municipality | undefined {
  return codeIndex().get(code);
}

/**
 * Finds a municipality from what a person or a partner system wrote: its code (`'751'`, or the
 * four-digit `'0751'` some registers use), or its name in any common spelling. Case, a trailing
 * "Kommune" (or "Regionskommune"), a genitive "s" ("Københavns Kommune"), å/aa, ø/oe/o, æ/ae and
 * spaces versus dashes do not matter.
 *
 * @example
 * findMunicipality('Århus')?.code; // '751'
 * findMunicipality('Kobenhavns Kommune')?.code; // '101'
 * findMunicipality('Høje Taastrup')?.code; // '169'
 * findMunicipality('Christiansø'); // undefined
 */
export function findMunicipality(text: string): Municipality | undefined {
  const trimmed = text.trim();
  const code = /^0?(\d{3})$/.exec(trimmed);
  if (code) return municipalityByCode(code[1]!);
  const key = municipalitySearchKey(trimmed);
  if (key === '') return undefined;
  const names = nameIndex();
  return names.get(key) ?? (key.endsWith('s') ? names.get(key.slice(0, -1)) : undefined);
}
