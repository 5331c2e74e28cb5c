/**
 * Work-location fences for attendance (DOMAIN-RULES §11): an OPD's point and radius, or a
 * polygon (GeoJSON, [lon, lat] pairs), plus approved work-from-home / field-duty locations for
 * given dates. Point-in-polygon by turf; the distance to a polygon is the distance to its
 * nearest edge (an equirectangular projection around the reading: metre-exact at office scale).
 */
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point, polygon as turfPolygon } from '@turf/helpers';

/** A GeoJSON Polygon: rings of [longitude, latitude], each closed (first = last), outer ring first. */
export interface GeoPolygon {
  type: 'Polygon';
  coordinates: [number, number][][];
}

export type Fence =
  | { kind: 'circle'; lat: number; lon: number; radiusM: number; label?: string }
  | { kind: 'polygon'; polygon: GeoPolygon; label?: string };

export interface FenceMeasure {
  inside: boolean;
  /** Metres to the centre (circle) or to the nearest edge (polygon, 0 inside). */
  distanceM: number;
}

const M_PER_DEG_LAT = 111_195.08;

/** Great-circle distance in metres (haversine, mean Earth radius 6,371,008.8 m). */
export function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const R = 6_371_008.8;
  const rad = (x: number) => (x * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLon = rad(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Distance in metres from p to the segment a–b, all [lon, lat], projected around p. */
function segmentDistanceM(p: [number, number], a: [number, number], b: [number, number]): number {
  const k = Math.cos((p[1] * Math.PI) / 180) * M_PER_DEG_LAT;
  const ax = (a[0] - p[0]) * k;
  const ay = (a[1] - p[1]) * M_PER_DEG_LAT;
  const bx = (b[0] - p[0]) * k;
  const by = (b[1] - p[1]) * M_PER_DEG_LAT;
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}

export function measureFence(position: { lat: number; lon: number }, fence: Fence): FenceMeasure {
  if (fence.kind === 'circle') {
    const d = distanceM(position, fence);
    return { inside: d <= fence.radiusM, distanceM: d };
  }
  const p: [number, number] = [position.lon, position.lat];
  // Points on the boundary count as inside.
  const inside = booleanPointInPolygon(point(p), turfPolygon(fence.polygon.coordinates), { ignoreBoundary: false });
  if (inside) return { inside, distanceM: 0 };
  let best = Infinity;
  for (const ring of fence.polygon.coordinates) {
    for (let i = 0; i + 1 < ring.length; i++) best = Math.min(best, segmentDistanceM(p, ring[i]!, ring[i + 1]!));
  }
  return { inside, distanceM: best };
}

/** The fence the reading falls in (the first), or the nearest one when it is in none. */
export function nearestFence(position: { lat: number; lon: number }, fences: readonly Fence[]): { fence: Fence; measure: FenceMeasure } | null {
  let best: { fence: Fence; measure: FenceMeasure } | null = null;
  for (const fence of fences) {
    const measure = measureFence(position, fence);
    if (measure.inside) return { fence, measure };
    if (!best || measure.distanceM < best.measure.distanceM) best = { fence, measure };
  }
  return best;
}

/** Why a polygon is not usable (Bahasa Indonesia), or null. At most 500 vertices per ring. */
export function polygonProblem(value: unknown): string | null {
  const v = value as GeoPolygon;
  if (!v || typeof v !== 'object' || v.type !== 'Polygon' || !Array.isArray(v.coordinates) || v.coordinates.length === 0) return 'Harus GeoJSON bertipe Polygon.';
  for (const ring of v.coordinates) {
    if (!Array.isArray(ring) || ring.length < 4 || ring.length > 500) return 'Setiap cincin poligon memerlukan 4–500 titik (titik pertama = titik terakhir).';
    for (const c of ring) {
      if (!Array.isArray(c) || c.length !== 2 || !c.every((x) => typeof x === 'number' && Number.isFinite(x))) return 'Setiap titik berupa [bujur, lintang].';
      if (Math.abs(c[0]!) > 180 || Math.abs(c[1]!) > 90) return 'Bujur −180…180, lintang −90…90.';
    }
    const [f, l] = [ring[0]!, ring[ring.length - 1]!];
    if (f[0] !== l[0] || f[1] !== l[1]) return 'Cincin poligon harus tertutup (titik pertama = titik terakhir).';
  }
  return null;
}

export interface WeekdayHours {
  hari: number;
  jamMasuk: string;
  jamPulang: string;
}

export interface SpecialSchedule {
  id?: number;
  nama: string;
  mulai: string;
  selesai: string;
  /** Hours per weekday in the range; a weekday without an entry is not a working day. */
  items: WeekdayHours[];
}

/**
 * The weekly hours that apply to an OPD: its own rows when it has any (a weekday without a row is
 * then not a working day for it), else the regency's table.
 */
export function opdWeekly<T extends WeekdayHours>(regency: readonly T[], own: readonly T[]): readonly T[] {
  return own.length > 0 ? own : regency;
}

/**
 * The hours of a WIB day: a special schedule covering the date (e.g. Ramadan; the one starting
 * latest wins when several overlap) replaces the weekly pattern. Null: not a working day.
 */
export function effectiveSchedule(date: string, isoWeekday: number, weekly: readonly WeekdayHours[], specials: readonly SpecialSchedule[]): (WeekdayHours & { special: string | null }) | null {
  const covering = specials.filter((s) => s.mulai <= date && date <= s.selesai).sort((a, b) => (a.mulai < b.mulai ? 1 : a.mulai > b.mulai ? -1 : 0))[0];
  const source = covering ? covering.items : weekly;
  const hit = source.find((h) => h.hari === isoWeekday);
  return hit ? { hari: hit.hari, jamMasuk: hit.jamMasuk, jamPulang: hit.jamPulang, special: covering?.nama ?? null } : null;
}
