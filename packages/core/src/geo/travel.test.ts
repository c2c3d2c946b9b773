import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MUNICIPALITIES, municipalityByCode } from './municipalities.js';
import {
  ARRIVAL_OVERHEAD_MINUTES,
  AVERAGE_SPEED_KMH,
  crossesWater,
  distanceKm,
  estimateDriveMinutes,
  LOCAL_TRIP_MINUTES,
  ROAD_FACTOR,
} from './travel.js';

const byCode = (code: string) => municipalityByCode(code)!;
const municipality = fc.constantFrom(...MUNICIPALITIES);

describe('distanceKm', () => {
  it('measures known distances', () => {
    // Rådhuspladsen to Aarhus town hall is about 157 km as the crow flies.
    expect(distanceKm({ lat: 55.6761, lon: 12.5683 }, { lat: 56.1535, lon: 10.2039 })).toBeCloseTo(
      156.9,
      0,
    );
    expect(distanceKm({ lat: 55, lon: 10 }, { lat: 56, lon: 10 })).toBeCloseTo(111.2, 1);
  });

  it('is zero for a point, symmetric, and obeys the triangle inequality', () => {
    fc.assert(
      fc.property(municipality, municipality, municipality, (a, b, c) => {
        expect(distanceKm(a, a)).toBe(0);
        expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9);
        expect(distanceKm(a, c)).toBeLessThanOrEqual(distanceKm(a, b) + distanceKm(b, c) + 1e-9);
      }),
    );
  });

  it('keeps every pair of municipalities within the size of Denmark', () => {
    for (const a of MUNICIPALITIES) {
      for (const b of MUNICIPALITIES) expect(distanceKm(a, b)).toBeLessThan(500);
    }
  });
});

describe('estimateDriveMinutes', () => {
  it('uses the local default inside one municipality', () => {
    expect(estimateDriveMinutes(byCode('751'), byCode('751'))).toBe(LOCAL_TRIP_MINUTES);
    expect(estimateDriveMinutes({ lat: 56, lon: 10 }, { lat: 56, lon: 10 })).toBe(
      LOCAL_TRIP_MINUTES,
    );
    expect(estimateDriveMinutes(byCode('751'), byCode('751'), { localMinutes: 25 })).toBe(25);
  });

  it('is road distance at the average speed plus the overhead, rounded up', () => {
    const a = byCode('751');
    const b = byCode('730');
    const expected = Math.ceil(
      ((distanceKm(a, b) * ROAD_FACTOR) / AVERAGE_SPEED_KMH) * 60 + ARRIVAL_OVERHEAD_MINUTES,
    );
    expect(estimateDriveMinutes(a, b)).toBe(expected);
    expect(expected).toBeGreaterThan(50);
    expect(expected).toBeLessThan(80);
  });

  it('honours its options', () => {
    const a = { lat: 55, lon: 10 };
    const b = { lat: 56, lon: 10 }; // 111.2 km
    // 111.2 km at 100 km/h is 66.7 minutes; + 5 is 71.7, rounded up.
    expect(estimateDriveMinutes(a, b, { roadFactor: 1, speedKmh: 100, overheadMinutes: 5 })).toBe(
      72,
    );
  });

  it('is symmetric, whole, at least the overhead, and grows with distance', () => {
    fc.assert(
      fc.property(municipality, municipality, municipality, (a, b, c) => {
        const ab = estimateDriveMinutes(a, b);
        expect(Number.isInteger(ab)).toBe(true);
        expect(ab).toBe(estimateDriveMinutes(b, a));
        if (a.code !== b.code) expect(ab).toBeGreaterThanOrEqual(ARRIVAL_OVERHEAD_MINUTES);
        if (a.code !== b.code && a.code !== c.code && distanceKm(a, b) < distanceKm(a, c)) {
          expect(ab).toBeLessThanOrEqual(estimateDriveMinutes(a, c));
        }
      }),
    );
  });
});

describe('crossesWater', () => {
  it('flags Bornholm and the islands without a bridge against everywhere else', () => {
    expect(crossesWater(byCode('400'), byCode('101'))).toBe(true);
    expect(crossesWater(byCode('101'), byCode('400'))).toBe(true);
    expect(crossesWater(byCode('741'), byCode('751'))).toBe(true); // Samsø
    expect(crossesWater(byCode('825'), byCode('813'))).toBe(true); // Læsø
  });

  it('does not flag bridged places, a trip inside an island, or places without a code', () => {
    expect(crossesWater(byCode('101'), byCode('461'))).toBe(false); // Storebælt has a bridge
    expect(crossesWater(byCode('482'), byCode('479'))).toBe(false); // Langeland
    expect(crossesWater(byCode('400'), byCode('400'))).toBe(false);
    expect(crossesWater({ lat: 55.1, lon: 14.7 }, byCode('101'))).toBe(false);
  });
});
