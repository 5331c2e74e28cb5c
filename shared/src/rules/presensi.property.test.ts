import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { weekday, type HolidayCalendar } from './cuti.ts';
import { isoToDate, todayJakarta } from './dates.ts';
import { decidePresensi, DEFAULT_PRESENSI_POLICY, hhmmToMinutes, wibParts } from './presensi.ts';
import { isoDate, runs } from './property-arbitraries.ts';

const OFFICE = { lat: -8.1335, lon: 113.2248 };
const M_PER_DEG_LAT = 111_195.08;
const NO_HOLIDAYS: HolidayCalendar = { holidays: new Set(), cutiBersama: new Set() };
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
/** The instant of a WIB wall-clock minute on a calendar day (built from the date, never from the clock). */
const wibInstant = (date: string, minute: number) => new Date(isoToDate(date).getTime() + (minute - 7 * 60) * 60_000);

describe('presensi: WIB calendar parts of an instant', () => {
  it('agree with the Jakarta date, the weekday of that date and a minute of the day', () => {
    fc.assert(
      fc.property(isoDate(2000, 2040), fc.integer({ min: 0, max: 86_399_999 }), (date, ms) => {
        const at = new Date(isoToDate(date).getTime() + ms);
        const p = wibParts(at);
        expect(p.date).toBe(todayJakarta(at));
        expect(p.isoWeekday).toBe(weekday(p.date) || 7);
        expect(p.minutes).toBeGreaterThanOrEqual(0);
        expect(p.minutes).toBeLessThan(24 * 60);
        expect(wibParts(wibInstant(p.date, p.minutes)).date).toBe(p.date);
      }),
      runs(),
    );
  });
});

describe('presensi: decidePresensi with the office circle', () => {
  const reading = fc.record({
    jenis: fc.constantFrom('MASUK' as const, 'PULANG' as const),
    date: isoDate(2025, 2027),
    minute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    north: fc.double({ min: -400, max: 400, noNaN: true }),
    radiusM: fc.integer({ min: 30, max: 300 }),
    accuracyM: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 101, max: 500 })),
    start: fc.integer({ min: 6 * 60, max: 9 * 60 }),
    length: fc.integer({ min: 3 * 60, max: 9 * 60 }),
    holiday: fc.boolean(),
  });

  it('accepts exactly inside the fence, with good accuracy, on a working day, within the time window', () => {
    fc.assert(
      fc.property(reading, (r) => {
        const end = r.start + r.length;
        const d = decidePresensi({
          jenis: r.jenis,
          at: wibInstant(r.date, r.minute),
          position: { lat: OFFICE.lat + r.north / M_PER_DEG_LAT, lon: OFFICE.lon, accuracyM: r.accuracyM },
          fence: { ...OFFICE, radiusM: r.radiusM },
          schedule: { jamMasuk: hhmm(r.start), jamPulang: hhmm(end) },
          calendar: r.holiday ? { holidays: new Set([r.date]), cutiBersama: new Set() } : NO_HOLIDAYS,
        });
        const p = DEFAULT_PRESENSI_POLICY;
        expect(d.tanggal).toBe(r.date);
        const inside = Math.abs(r.north) <= r.radiusM - 0.01;
        const outside = Math.abs(r.north) >= r.radiusM + 0.01;
        const inWindow = r.jenis === 'MASUK' ? r.minute >= r.start - p.earlyMinutes && r.minute <= end : r.minute >= r.start && r.minute <= end + p.lateOutMinutes;
        if (outside || r.accuracyM > p.maxAccuracyM || r.holiday || !inWindow) expect(d.accepted).toBe(false);
        if (inside && r.accuracyM <= p.maxAccuracyM && !r.holiday && inWindow) {
          expect(d).toMatchObject({ accepted: true, code: 'ok', reason: null });
          expect(d.menit).toBe(r.jenis === 'MASUK' ? Math.max(0, r.minute - r.start) : Math.max(0, end - r.minute));
        }
        expect(d.accepted).toBe(d.code === 'ok');
        expect(d.menit).toBeGreaterThanOrEqual(0);
        // Whole metres rounded away from the fence: outside never reads as within the radius, inside never beyond it.
        if (d.code === 'outside') expect(d.distanceM!).toBeGreaterThan(r.radiusM);
        if (d.code === 'ok') expect(d.distanceM!).toBeLessThanOrEqual(r.radiusM);
      }),
      runs(),
    );
  });

  it('a later check-in is never less late (minutes late grow with the time of arrival)', () => {
    fc.assert(
      fc.property(isoDate(2025, 2027), fc.integer({ min: 5 * 60, max: 16 * 60 }), fc.integer({ min: 0, max: 120 }), (date, minute, later) => {
        const decide = (m: number) =>
          decidePresensi({
            jenis: 'MASUK',
            at: wibInstant(date, m),
            position: { ...OFFICE, accuracyM: 10 },
            fence: { ...OFFICE, radiusM: 100 },
            schedule: { jamMasuk: '07:30', jamPulang: '16:00' },
            calendar: NO_HOLIDAYS,
          });
        const a = decide(minute);
        const b = decide(minute + later);
        if (a.accepted && b.accepted) expect(b.menit).toBeGreaterThanOrEqual(a.menit);
        if (a.accepted) expect(a.menit).toBe(Math.max(0, minute - hhmmToMinutes('07:30')));
        expect(a.tanggal).toBe(date);
      }),
      runs(),
    );
  });
});
