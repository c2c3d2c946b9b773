/** A point on the map in WGS84 degrees. A `Municipality` is one. */
export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** A point that may name its municipality, so a trip inside one municipality can be recognised. */
export interface Place extends LatLon {
  readonly code?: string;
}

/** The mean Earth radius (IUGG), which keeps haversine within about 0.5 % in Denmark. */
export const EARTH_RADIUS_KM = 6371.0088;

/**
 * How much longer the road is than the straight line. Danish roads run at about 1.2–1.4 times the
 * straight-line distance between towns; 1.3 is the middle and errs slightly long, which is the
 * safe side when planning three concerts in a day.
 */
export const ROAD_FACTOR = 1.3;

/**
 * The average door-to-door driving speed, km/h. Between municipalities a musician mixes motorway
 * (110–130), main roads (80) and towns (50); 60 allows for the towns at both ends.
 */
export const AVERAGE_SPEED_KMH = 60;

/** Minutes added to every trip for parking, carrying the instrument and finding the right door. */
export const ARRIVAL_OVERHEAD_MINUTES = 10;

/**
 * Minutes for a trip inside one municipality, overhead included. Two addresses in one municipality
 * can be 1 or 30 km apart and we only know the municipality, so this is a typical value.
 */
export const LOCAL_TRIP_MINUTES = 20;

/**
 * Municipalities that are islands without a bridge: Ærø, Fanø, Samsø, Læsø and Bornholm. A trip to
 * or from one of them needs a ferry (and for Bornholm a long one or a drive through Sweden), so a
 * road estimate is not meaningful.
 */
export const FERRY_MUNICIPALITY_CODES = ['400', '492', '563', '741', '825'] as const;

/** Options that override the documented defaults for one estimate. */
export interface DriveEstimateOptions {
  /** See {@link ROAD_FACTOR}. */
  roadFactor?: number;
  /** See {@link AVERAGE_SPEED_KMH}. */
  speedKmh?: number;
  /** See {@link ARRIVAL_OVERHEAD_MINUTES}. */
  overheadMinutes?: number;
  /** See {@link LOCAL_TRIP_MINUTES}. */
  localMinutes?: number;
}

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/**
 * The straight-line (great-circle) distance between two points in kilometres, by the haversine
 * formula.
 *
 * @example
 * distanceKm(municipalityByCode('101')!, municipalityByCode('751')!); // ≈ 157
 */
export function distanceKm(a: LatLon, b: LatLon): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLon = toRadians(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Whether a trip between two municipalities needs a ferry: they differ and at least one is an
 * island without a bridge ({@link FERRY_MUNICIPALITY_CODES}). Places without a code are assumed to
 * be connected by road.
 *
 * @example
 * crossesWater(municipalityByCode('400')!, municipalityByCode('101')!); // true – Bornholm
 */
export function crossesWater(a: Place, b: Place): boolean {
  if (a.code === undefined || b.code === undefined || a.code === b.code) return false;
  const ferry: readonly string[] = FERRY_MUNICIPALITY_CODES;
  return ferry.includes(a.code) || ferry.includes(b.code);
}

/**
 * A rough driving time in whole minutes (rounded up) from `a` to `b`, for planning a musician's
 * concert day:
 *
 * - same municipality (equal `code`, or the same point): {@link LOCAL_TRIP_MINUTES};
 * - otherwise: straight-line distance × {@link ROAD_FACTOR} at {@link AVERAGE_SPEED_KMH}, plus
 *   {@link ARRIVAL_OVERHEAD_MINUTES}.
 *
 * It knows nothing of water: across to Bornholm or another island without a bridge the figure is
 * not meaningful (a ferry and its timetable decide), so check {@link crossesWater} first. The
 * municipality centres are good to about 10 km, so treat the result as ± 15 minutes.
 *
 * @example
 * const aarhus = findMunicipality('Aarhus')!;
 * const randers = findMunicipality('Randers')!;
 * estimateDriveMinutes(aarhus, randers); // 65 – 42 km straight, ≈ 55 km by road at 60 km/h, + 10
 * estimateDriveMinutes(aarhus, aarhus); // 20
 */
export function estimateDriveMinutes(
  a: Place,
  b: Place,
  options: DriveEstimateOptions = {},
): number {
  const {
    roadFactor = ROAD_FACTOR,
    speedKmh = AVERAGE_SPEED_KMH,
    overheadMinutes = ARRIVAL_OVERHEAD_MINUTES,
    localMinutes = LOCAL_TRIP_MINUTES,
  } = options;
  const sameMunicipality = a.code !== undefined && a.code === b.code;
  if (sameMunicipality || (a.lat === b.lat && a.lon === b.lon)) return Math.ceil(localMinutes);
  const roadKm = distanceKm(a, b) * roadFactor;
  return Math.ceil((roadKm / speedKmh) * 60 + overheadMinutes);
}
