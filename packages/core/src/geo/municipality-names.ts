import { MUNICIPALITY_CODES, type MunicipalityCode } from './municipalities.js';
import {
  foldMunicipalityName,
  MUNICIPALITY_ALIASES,
  municipalitySearchKey,
} from './municipality-fold.js';

// The names in code order (the order of MUNICIPALITY_CODES), as one string: a form that offers the
// municipalities needs their codes and names, not the coordinates, regions and search aliases that
// come with MUNICIPALITIES (about 1.5 KB gzip a browser would download for nothing). The test
// beside it checks that it says what MUNICIPALITIES says.
const NAMES =
  'København|Frederiksberg|Ballerup|Brøndby|Dragør|Gentofte|Gladsaxe|Glostrup|Herlev|Albertslund|Hvidovre|Høje-Taastrup|Lyngby-Taarbæk|Rødovre|Ishøj|Tårnby|Vallensbæk|Furesø|Allerød|Fredensborg|Helsingør|Hillerød|Hørsholm|Rudersdal|Egedal|Frederikssund|Greve|Køge|Halsnæs|Roskilde|Solrød|Gribskov|Odsherred|Holbæk|Faxe|Kalundborg|Ringsted|Slagelse|Stevns|Sorø|Lejre|Lolland|Næstved|Guldborgsund|Vordingborg|Bornholm|Middelfart|Assens|Faaborg-Midtfyn|Kerteminde|Nyborg|Odense|Svendborg|Nordfyns|Langeland|Ærø|Haderslev|Billund|Sønderborg|Tønder|Esbjerg|Fanø|Varde|Vejen|Aabenraa|Fredericia|Horsens|Kolding|Vejle|Herning|Holstebro|Lemvig|Struer|Syddjurs|Norddjurs|Favrskov|Odder|Randers|Silkeborg|Samsø|Skanderborg|Aarhus|Ikast-Brande|Ringkøbing-Skjern|Hedensted|Morsø|Skive|Thisted|Viborg|Brønderslev|Frederikshavn|Vesthimmerlands|Læsø|Rebild|Mariagerfjord|Jammerbugt|Aalborg|Hjørring';

let names: readonly (readonly [MunicipalityCode, string])[] | undefined;

/**
 * The 98 municipalities as `[code, name]`, in code order: what a form needs to offer them. The
 * same names as {@link MUNICIPALITIES}, without the data for travel estimates and search.
 *
 * @example
 * municipalityNames().find(([code]) => code === '751')?.[1]; // 'Aarhus'
 */
export function municipalityNames(): readonly (readonly [MunicipalityCode, string])[] {
  names ??= NAMES.split('|').map((name, i) => [MUNICIPALITY_CODES[i]!, name] as const);
  return names;
}

/**
 * The municipalities whose name (or a common other name: "Copenhagen", "Lyngby") contains what a
 * person typed, in any common spelling ("Århus", "Kobenhavn", "Høje Taastrup", "Aarhus Kommune"):
 * those starting with it as typed first, then in another spelling, then those containing it; each
 * group in Danish alphabetical order. Empty text gives all 98.
 *
 * @example
 * searchMunicipalityNames('Århus'); // [['751', 'Aarhus']]
 * searchMunicipalityNames('holm').map(([, name]) => name); // ['Bornholm', 'Hørsholm']
 */
export function searchMunicipalityNames(
  text: string,
): readonly (readonly [MunicipalityCode, string])[] {
  const key = municipalitySearchKey(text);
  const typed = text.trim().toLocaleLowerCase('da');
  const found = searchFor(key, typed);
  // "Københavns", "Nordfyns": the genitive s of "Københavns Kommune" as typed without "Kommune".
  return found.length === 0 && key.endsWith('s') ? searchFor(key.slice(0, -1), typed) : found;
}

/**
 * The municipality a text names in full, in any spelling {@link searchMunicipalityNames} knows,
 * or `undefined`: "aarhus" and "Copenhagen" name one; "Aar" does not.
 */
export function municipalityNamed(text: string): MunicipalityCode | undefined {
  const key = municipalitySearchKey(text);
  if (key === '') return undefined;
  const named = (k: string) =>
    MUNICIPALITY_ALIASES[k] ??
    municipalityNames().find(([, name]) => foldMunicipalityName(name) === k)?.[0];
  return named(key) ?? (key.endsWith('s') ? named(key.slice(0, -1)) : undefined);
}

type Entry = readonly [MunicipalityCode, string];

// Three groups: names starting with the letters exactly as typed ("Aa" finds Aabenraa before
// Albertslund), then those starting with them in another spelling or by another name, then those
// containing them.
function searchFor(key: string, typed: string): readonly Entry[] {
  const aliased = new Set(
    Object.entries(MUNICIPALITY_ALIASES)
      .filter(([alias]) => alias.startsWith(key))
      .map(([, code]) => code),
  );
  const groups: [Entry[], Entry[], Entry[]] = [[], [], []];
  for (const entry of municipalityNames()) {
    const folded = foldMunicipalityName(entry[1]);
    if (entry[1].toLocaleLowerCase('da').startsWith(typed)) groups[0].push(entry);
    else if (folded.startsWith(key) || aliased.has(entry[0])) groups[1].push(entry);
    else if (folded.includes(key)) groups[2].push(entry);
  }
  const byName = (a: Entry, b: Entry) => a[1].localeCompare(b[1], 'da');
  return groups.flatMap((group) => group.sort(byName));
}
