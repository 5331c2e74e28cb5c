import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distanceM, measureFence, nearestFence, polygonProblem, type Fence, type GeoPolygon } from './geofence.ts';
import { runs } from './property-arbitraries.ts';

const M_PER_DEG_LAT = 111_195.08;
const EARTH_HALF_CIRCUMFERENCE = Math.PI * 6_371_008.8;

/** A point in Indonesia (about 11° S – 6° N, 95° – 141° E). */
const indonesia = fc.record({
  lat: fc.double({ min: -11, max: 6, noNaN: true }),
  lon: fc.double({ min: 95, max: 141, noNaN: true }),
});
/** Anywhere on Earth (away from the poles, where longitudes meet). */
const anywhere = fc.record({
  lat: fc.double({ min: -85, max: 85, noNaN: true }),
  lon: fc.double({ min: -180, max: 180, noNaN: true }),
});
/** A point `north`/`east` metres from an origin (local flat approximation, exact enough at office scale). */
function offset(o: { lat: number; lon: number }, north: number, east: number) {
  return { lat: o.lat + north / M_PER_DEG_LAT, lon: o.lon + east / (M_PER_DEG_LAT * Math.cos((o.lat * Math.PI) / 180)) };
}
const metres = (max: number) => fc.double({ min: -max, max, noNaN: true });

/** An office block: a rectangle of 20–500 m sides around an origin, as a closed GeoJSON ring. */
const rectangle = fc
  .record({ origin: indonesia, width: fc.double({ min: 20, max: 500, noNaN: true }), height: fc.double({ min: 20, max: 500, noNaN: true }) })
  .map(({ origin, width, height }) => {
    const corners = [offset(origin, 0, 0), offset(origin, 0, width), offset(origin, height, width), offset(origin, height, 0)];
    const ring = [...corners, corners[0]!].map((p) => [p.lon, p.lat] as [number, number]);
    const polygon: GeoPolygon = { type: 'Polygon', coordinates: [ring] };
    return { origin, width, height, fence: { kind: 'polygon', polygon } as Fence };
  });

describe('geofence: distanceM (haversine)', () => {
  it('is zero from a point to itself, symmetric, non-negative and at most half the Earth round', () => {
    fc.assert(
      fc.property(anywhere, anywhere, (a, b) => {
        expect(distanceM(a, a)).toBe(0);
        const d = distanceM(a, b);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(EARTH_HALF_CIRCUMFERENCE + 1e-6);
        expect(Math.abs(d - distanceM(b, a))).toBeLessThanOrEqual(1e-6 * Math.max(1, d));
      }),
      runs(),
    );
  });

  it('obeys the triangle inequality', () => {
    fc.assert(
      fc.property(anywhere, anywhere, anywhere, (a, b, c) => {
        // Haversine's asin loses ~0.1 m of precision near antipodal points (20,000 km apart);
        // in Indonesia, at office scale, the slack is a micrometre.
        expect(distanceM(a, c)).toBeLessThanOrEqual(distanceM(a, b) + distanceM(b, c) + 1);
      }),
      runs(),
    );
    fc.assert(
      fc.property(indonesia, metres(5000), metres(5000), metres(5000), metres(5000), (o, n1, e1, n2, e2) => {
        const b = offset(o, n1, e1);
        const c = offset(o, n2, e2);
        expect(distanceM(o, c)).toBeLessThanOrEqual(distanceM(o, b) + distanceM(b, c) + 1e-6);
      }),
      runs(),
    );
  });

  it('matches the metres walked north and east at office scale (within 0.5 %)', () => {
    fc.assert(
      fc.property(indonesia, metres(3000), metres(3000), (o, north, east) => {
        const expected = Math.hypot(north, east);
        fc.pre(expected > 1);
        expect(Math.abs(distanceM(o, offset(o, north, east)) - expected)).toBeLessThanOrEqual(expected * 0.005);
      }),
      runs(),
    );
  });
});

describe('geofence: measureFence', () => {
  it('circle: inside exactly when the distance to the centre is at most the radius', () => {
    fc.assert(
      fc.property(indonesia, fc.integer({ min: 10, max: 1000 }), metres(2000), metres(2000), (centre, radiusM, north, east) => {
        const fence: Fence = { kind: 'circle', ...centre, radiusM };
        const p = offset(centre, north, east);
        const m = measureFence(p, fence);
        expect(m.distanceM).toBe(distanceM(p, centre));
        expect(m.inside).toBe(m.distanceM <= radiusM);
      }),
      runs(),
    );
  });

  it('polygon: a point inside the block is inside at distance 0', () => {
    fc.assert(
      fc.property(rectangle, fc.double({ min: 0.02, max: 0.98, noNaN: true }), fc.double({ min: 0.02, max: 0.98, noNaN: true }), (r, fy, fx) => {
        const m = measureFence(offset(r.origin, fy * r.height, fx * r.width), r.fence);
        expect(m).toEqual({ inside: true, distanceM: 0 });
      }),
      runs(),
    );
  });

  it('polygon: a point outside the block is outside, at its distance to the nearest edge', () => {
    fc.assert(
      fc.property(rectangle, metres(1500), metres(1500), (r, north, east) => {
        // Distance to the rectangle [0, height] × [0, width] in local metres.
        const dy = north < 0 ? -north : north > r.height ? north - r.height : 0;
        const dx = east < 0 ? -east : east > r.width ? east - r.width : 0;
        const expected = Math.hypot(dx, dy);
        fc.pre(expected > 1);
        const m = measureFence(offset(r.origin, north, east), r.fence);
        expect(m.inside).toBe(false);
        expect(Math.abs(m.distanceM - expected)).toBeLessThanOrEqual(0.5 + expected * 0.005);
      }),
      runs(),
    );
  });

  it('nearestFence: a fence that contains the point wins, else the result is the nearest', () => {
    const fence = fc.oneof(
      rectangle.map((r) => r.fence),
      fc.record({ c: indonesia, radiusM: fc.integer({ min: 10, max: 500 }) }).map(({ c, radiusM }): Fence => ({ kind: 'circle', ...c, radiusM })),
    );
    fc.assert(
      fc.property(fc.array(fence, { minLength: 1, maxLength: 4 }), fc.nat(), metres(800), metres(800), (fences, i, north, east) => {
        // Place the reading near one of the fences so that it is sometimes inside.
        const near = fences[i % fences.length]!;
        const anchor = near.kind === 'circle' ? near : { lat: near.polygon.coordinates[0]![0]![1], lon: near.polygon.coordinates[0]![0]![0] };
        const p = offset(anchor, north, east);
        const result = nearestFence(p, fences)!;
        const measures = fences.map((f) => measureFence(p, f));
        const firstInside = measures.findIndex((m) => m.inside);
        if (firstInside >= 0) {
          expect(result.fence).toBe(fences[firstInside]);
          expect(result.measure.inside).toBe(true);
        } else {
          expect(result.measure.inside).toBe(false);
          expect(result.measure.distanceM).toBe(Math.min(...measures.map((m) => m.distanceM)));
        }
      }),
      runs(),
    );
  });
});

describe('geofence: polygonProblem', () => {
  it('accepts every generated block and refuses it once the ring is opened', () => {
    fc.assert(
      fc.property(rectangle, (r) => {
        if (r.fence.kind !== 'polygon') return;
        expect(polygonProblem(r.fence.polygon)).toBeNull();
        const open = { type: 'Polygon', coordinates: [r.fence.polygon.coordinates[0]!.slice(0, -1).concat([[0, 0]])] };
        expect(polygonProblem(open)).not.toBeNull();
      }),
      runs(100),
    );
  });
});
