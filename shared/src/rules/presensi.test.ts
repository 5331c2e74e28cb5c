import { describe, expect, it } from 'vitest';
import type { HolidayCalendar } from './cuti.ts';
import { decidePresensi, distanceM, wibParts, type PresensiInput } from './presensi.ts';

const OFFICE = { lat: -8.1335, lon: 113.2248 };
/** Degrees of latitude per metre with the mean Earth radius. */
const M = 1 / 111_195.08;
const CAL: HolidayCalendar = { holidays: new Set(['2026-12-25']), cutiBersama: new Set(['2026-12-24']) };
const MON_THU = { jamMasuk: '07:30', jamPulang: '16:00' };

const input = (over: Partial<PresensiInput> & { north?: number; accuracy?: number; wib?: string }): PresensiInput => ({
  jenis: 'MASUK',
  // A WIB wall-clock time on Monday 30 Nov 2026 unless given.
  at: new Date(`${over.wib ?? '2026-11-30T07:20'}:00+07:00`),
  position: { lat: OFFICE.lat + (over.north ?? 0) * M, lon: OFFICE.lon, accuracyM: over.accuracy ?? 10 },
  fence: { ...OFFICE, radiusM: 100 },
  schedule: MON_THU,
  calendar: CAL,
  ...over,
});

describe('wibParts', () => {
  it.each([
    ['2026-11-30T23:59:00Z', '2026-12-01', 2, 6 * 60 + 59], // 23:59 UTC Monday is Tuesday 06:59 WIB
    ['2026-11-30T16:59:00Z', '2026-11-30', 1, 23 * 60 + 59],
    ['2026-11-30T17:00:00Z', '2026-12-01', 2, 0],
    ['2026-12-05T23:30:00Z', '2026-12-06', 7, 6 * 60 + 30], // Sunday
  ])('%s → %s (weekday %i, minute %i)', (iso, date, wd, min) => {
    expect(wibParts(new Date(iso))).toEqual({ date, isoWeekday: wd, minutes: min });
  });
});

describe('geofence', () => {
  it('distance: 100 m north is 100 m', () => {
    expect(distanceM(OFFICE, { lat: OFFICE.lat + 100 * M, lon: OFFICE.lon })).toBeCloseTo(100, 3);
  });

  it.each<[string, number, number, boolean, string, number | null]>([
    ['at the point', 0, 10, true, 'ok', 0],
    ['inside', 60, 10, true, 'ok', 60],
    ['on the radius', 99.999, 10, true, 'ok', 99],
    ['just outside', 100.5, 10, false, 'outside', 101],
    ['far outside', 2499.6, 10, false, 'outside', 2500],
    ['poor accuracy inside', 20, 150, false, 'poor_accuracy', 20],
    ['accuracy at the limit', 20, 100, true, 'ok', 20],
  ])('%s', (_c, north, accuracy, accepted, code, distance) => {
    const r = decidePresensi(input({ north, accuracy }));
    expect(r).toMatchObject({ accepted, code, distanceM: distance });
    if (!accepted) expect(r.reason).toBeTruthy();
  });

  it('outside names the distance and the radius; an OPD without a point refuses', () => {
    expect(decidePresensi(input({ north: 2499.6 })).reason).toBe('Anda berada 2500 m dari kantor, di luar radius 100 m.');
    expect(decidePresensi(input({ fence: null }))).toMatchObject({ accepted: false, code: 'no_fence', distanceM: null });
  });
});

describe('time windows (WIB)', () => {
  it.each<[string, 'MASUK' | 'PULANG', string, boolean, string, number]>([
    ['check-in before 05:30 is too early', 'MASUK', '2026-11-30T05:29', false, 'too_early', 0],
    ['check-in at 05:30', 'MASUK', '2026-11-30T05:30', true, 'ok', 0],
    ['on time', 'MASUK', '2026-11-30T07:30', true, 'ok', 0],
    ['late 45 min', 'MASUK', '2026-11-30T08:15', true, 'ok', 45],
    ['after work ends', 'MASUK', '2026-11-30T16:01', false, 'too_late', 0],
    ['check-out before work starts', 'PULANG', '2026-11-30T07:00', false, 'too_early', 0],
    ['left 30 min early', 'PULANG', '2026-11-30T15:30', true, 'ok', 30],
    ['check-out on time', 'PULANG', '2026-11-30T16:05', true, 'ok', 0],
    ['check-out after 20:00', 'PULANG', '2026-11-30T20:01', false, 'too_late', 0],
    ['Saturday with hours for it (an OPD working Saturdays): the schedule decides the weekday', 'MASUK', '2026-12-05T07:30', true, 'ok', 0],
    ['Christmas', 'MASUK', '2026-12-25T07:30', false, 'not_working_day', 0],
    ['cuti bersama', 'MASUK', '2026-12-24T07:30', false, 'not_working_day', 0],
  ])('%s', (_c, jenis, wib, accepted, code, menit) => {
    const r = decidePresensi(input({ jenis, wib }));
    expect(r).toMatchObject({ accepted, code, menit });
  });

  it('23:59 UTC is the next WIB day: the reading belongs to Tuesday at 06:59 (accepted, not late)', () => {
    const r = decidePresensi({ ...input({}), at: new Date('2026-11-30T23:59:00Z') });
    expect(r).toMatchObject({ accepted: true, tanggal: '2026-12-01', menit: 0 });
  });

  it('no schedule for the weekday: not a working day', () => {
    expect(decidePresensi(input({ schedule: null }))).toMatchObject({ accepted: false, code: 'not_working_day' });
  });
});
