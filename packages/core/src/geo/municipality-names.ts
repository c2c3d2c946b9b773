import { MUNICIPALITY_CODES, type MunicipalityCode } from './municipalities.js';

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
