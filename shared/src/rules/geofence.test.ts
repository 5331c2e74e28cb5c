import { describe, expect, it } from 'vitest';
import { decidePresensi } from './presensi.ts';
import { effectiveSchedule, measureFence, opdWeekly, nearestFence, polygonProblem, type Fence, type GeoPolygon } from './geofence.ts';

const O = { lat: -8.1335, lon: 113.2248 };
const M = 1 / 111_195.08; // degrees of latitude per metre
const MLON = M / Math.cos((O.lat * Math.PI) / 180); // degrees of longitude per metre at O
const at = (north: number, east: number) => ({ lat: O.lat + north * M, lon: O.lon + east * MLON });
const ring = (pts: [number, number][]): GeoPolygon => ({ type: 'Polygon', coordinates: [[...pts, pts[0]!].map(([n, e]) => [O.lon + e * MLON, O.lat + n * M] as [number, number])] });

// A 100 m square with its SW corner at O.
const square: Fence = { kind: 'polygon', polygon: ring([[0, 0], [0, 100], [100, 100], [100, 0]]) };
// An L (concave): the square without its NE quarter.
const ell: Fence = { kind: 'polygon', polygon: ring([[0, 0], [0, 100], [50, 100], [50, 50], [100, 50], [100, 0]]) };
const circle: Fence = { kind: 'circle', lat: O.lat, lon: O.lon, radiusM: 100 };

describe('measureFence', () => {
  it.each([
    ['circle centre', circle, at(0, 0), true, 0],
    ['circle inside', circle, at(60, 0), true, 60],
    ['circle exactly on the radius (float rounding aside)', circle, at(99.9999, 0), true, 100],
    ['circle just outside', circle, at(100.5, 0), false, 100.5],
    ['circle far', circle, at(0, 350), false, 350],
    ['square inside', square, at(50, 50), true, 0],
    ['square on the edge', square, at(0, 50), true, 0],
    ['square on a vertex', square, at(100, 100), true, 0],
    ['square outside east', square, at(50, 130), false, 30],
    ['square outside beyond a corner', square, at(-30, -40), false, 50],
    ['L inside the foot', ell, at(25, 75), true, 0],
    ['L inside the stem', ell, at(75, 25), true, 0],
    ['L in the notch (concave part)', ell, at(80, 80), false, 30],
    ['L on the inner edge', ell, at(50, 75), true, 0],
  ])('%s', (_l, fence, pos, inside, dist) => {
    const m = measureFence(pos, fence);
    expect(m.inside).toBe(inside);
    expect(m.distanceM).toBeCloseTo(dist, 0);
  });

  it('nearestFence: inside any wins; otherwise the nearest', () => {
    const home: Fence = { kind: 'circle', lat: O.lat + 5000 * M, lon: O.lon, radiusM: 50, label: 'lokasi WFH' };
    expect(nearestFence(at(5010, 0), [circle, home])!.fence).toBe(home);
    expect(nearestFence(at(400, 0), [circle, home])!.measure.distanceM).toBeCloseTo(400, 0);
    expect(nearestFence(at(0, 0), [])).toBeNull();
  });
});

describe('decidePresensi with polygons and approved locations', () => {
  const base = { jenis: 'MASUK' as const, at: new Date('2026-11-30T00:30:00Z'), schedule: { jamMasuk: '07:30', jamPulang: '16:00' }, calendar: { holidays: new Set<string>(), cutiBersama: new Set<string>() } };
  it.each([
    ['inside the polygon', square, [], at(50, 50), 12, 'ok', 0],
    ['outside the polygon: distance to the edge', square, [], at(50, 159.6), 12, 'outside', 60],
    ['concave notch refused', ell, [], at(75.4, 75.4), 12, 'outside', 26],
    ['poor accuracy inside', square, [], at(50, 50), 150, 'poor_accuracy', 0],
    ['far from the office but at the approved WFH place', circle, [{ kind: 'circle', lat: O.lat + 0.05, lon: O.lon, radiusM: 75, label: 'lokasi WFH' } as Fence], { lat: O.lat + 0.05, lon: O.lon }, 10, 'ok', 0],
    ['no office fence, only a field-duty polygon', null, [square], at(10, 10), 10, 'ok', 0],
    ['no fence at all', null, [], at(0, 0), 10, 'no_fence', null],
  ])('%s', (_l, fence, extra, pos, acc, code, dist) => {
    const d = decidePresensi({ ...base, fence: fence as Fence | null, extraFences: extra as Fence[], position: { ...pos, accuracyM: acc } });
    expect(d.code).toBe(code);
    expect(d.distanceM).toBe(dist);
  });

  it('the refusal names the polygon edge distance', () => {
    const d = decidePresensi({ ...base, fence: square, position: { ...at(50, 159.6), accuracyM: 5 } });
    expect(d.reason).toBe('Anda berada 60 m di luar batas area kantor.');
  });
});

describe('polygonProblem', () => {
  it.each([
    [square.kind === 'polygon' ? square.polygon : null, null],
    [{ type: 'Point', coordinates: [1, 2] }, 'Harus GeoJSON bertipe Polygon.'],
    [{ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] }, 'Setiap cincin poligon memerlukan 4–500 titik (titik pertama = titik terakhir).'],
    [{ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }, 'Cincin poligon harus tertutup (titik pertama = titik terakhir).'],
    [{ type: 'Polygon', coordinates: [[[0, 0], [200, 0], [1, 1], [0, 0]]] }, 'Bujur −180…180, lintang −90…90.'],
    [{ type: 'Polygon', coordinates: [[[0, 0], ['x', 0], [1, 1], [0, 0]]] }, 'Setiap titik berupa [bujur, lintang].'],
  ])('%j → %s', (v, msg) => expect(polygonProblem(v)).toBe(msg));
});

describe('effectiveSchedule', () => {
  const weekly = [1, 2, 3, 4].map((hari) => ({ hari, jamMasuk: '07:30', jamPulang: '16:00' })).concat([{ hari: 5, jamMasuk: '07:30', jamPulang: '11:00' }]);
  const ramadan = { nama: 'Ramadan 1448 H', mulai: '2027-02-08', selesai: '2027-03-09', items: [1, 2, 3, 4, 5].map((hari) => ({ hari, jamMasuk: '08:00', jamPulang: hari === 5 ? '11:30' : '15:00' })) };
  const oneDay = { nama: 'Apel HUT', mulai: '2027-02-10', selesai: '2027-02-10', items: [{ hari: 3, jamMasuk: '06:30', jamPulang: '15:00' }] };
  it.each([
    ['2027-02-01', 1, '07:30', '16:00', null],
    ['2027-02-05', 5, '07:30', '11:00', null],
    ['2027-02-08', 1, '08:00', '15:00', 'Ramadan 1448 H'],
    ['2027-03-09', 2, '08:00', '15:00', 'Ramadan 1448 H'],
    ['2027-03-10', 3, '07:30', '16:00', null],
    ['2027-02-12', 5, '08:00', '11:30', 'Ramadan 1448 H'],
    ['2027-02-10', 3, '06:30', '15:00', 'Apel HUT'],
  ])('%s (weekday %i) → %s–%s', (date, wd, masuk, pulang, special) => {
    expect(effectiveSchedule(date, wd, weekly, [ramadan, oneDay])).toEqual({ hari: wd, jamMasuk: masuk, jamPulang: pulang, special });
  });
  it('a weekday missing from the special schedule is not a working day', () => {
    expect(effectiveSchedule('2027-02-13', 6, weekly, [ramadan])).toBeNull();
    expect(effectiveSchedule('2027-02-11', 4, weekly, [oneDay])).toMatchObject({ jamMasuk: '07:30' });
  });
});

describe('opdWeekly + effectiveSchedule: an OPD own hours override the regency hours', () => {
  const regency = [1, 2, 3, 4].map((hari) => ({ hari, jamMasuk: '07:30', jamPulang: '16:00' })).concat([{ hari: 5, jamMasuk: '07:30', jamPulang: '11:00' }]);
  const rsud = [1, 2, 3, 4, 5, 6].map((hari) => ({ hari, jamMasuk: '08:00', jamPulang: '14:00' }));
  const ramadan = { nama: 'Ramadan 1448 H', mulai: '2027-02-08', selesai: '2027-03-09', items: [1, 2, 3, 4, 5].map((hari) => ({ hari, jamMasuk: '08:30', jamPulang: '15:00' })) };
  it.each([
    ['OPD without own rows, Monday', [], '2027-01-04', 1, '07:30', null],
    ['OPD without own rows, Saturday', [], '2027-01-09', 6, null, null],
    ['OPD with own rows, Monday', rsud, '2027-01-04', 1, '08:00', null],
    ['OPD with own rows, Saturday (own working day)', rsud, '2027-01-09', 6, '08:00', null],
    ['OPD with own rows, Sunday (no own row, regency irrelevant)', rsud, '2027-01-10', 7, null, null],
    ['OPD with only Monday: Tuesday is off although the regency works', [{ hari: 1, jamMasuk: '08:00', jamPulang: '12:00' }], '2027-01-05', 2, null, null],
    ['special schedule wins over the OPD hours', rsud, '2027-02-08', 1, '08:30', 'Ramadan 1448 H'],
    ['special schedule wins over the regency', [], '2027-02-09', 2, '08:30', 'Ramadan 1448 H'],
  ] as const)('%s', (_l, own, date, wd, masuk, special) => {
    const r = effectiveSchedule(date, wd, opdWeekly(regency, own), [ramadan]);
    if (masuk === null) expect(r).toBeNull();
    else expect(r).toMatchObject({ jamMasuk: masuk, special });
  });
});
