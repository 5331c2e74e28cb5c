/**
 * Attendance (SIPERLU, DOMAIN-RULES §11) rules: the distance to the OPD's point (haversine),
 * the geofence decision with the reading's accuracy, and the time windows per weekday in WIB
 * (Asia/Jakarta, UTC+7 without daylight saving). Pure functions: the server stamps the instant.
 */
import type { HolidayCalendar } from './cuti.ts';
import type { IsoDate } from './dates.ts';
import { nearestFence, type Fence } from './geofence.ts';

export { distanceM } from './geofence.ts';

const WIB_OFFSET_MIN = 7 * 60;

/**
 * A national holiday or cuti bersama. For attendance, which weekdays are worked is decided by the
 * schedule (an OPD's own hours may include Saturday); the calendar only removes holidays.
 */
export const isHoliday = (date: IsoDate | string, cal: HolidayCalendar) => cal.holidays.has(date as IsoDate) || cal.cutiBersama.has(date as IsoDate);

/** The WIB calendar day, weekday (1 = Monday … 7 = Sunday) and minutes after midnight of an instant. */
export function wibParts(at: Date): { date: IsoDate; isoWeekday: number; minutes: number } {
  const local = new Date(at.getTime() + WIB_OFFSET_MIN * 60_000);
  const dow = local.getUTCDay();
  return { date: local.toISOString().slice(0, 10), isoWeekday: dow === 0 ? 7 : dow, minutes: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

export const hhmmToMinutes = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3, 5));
export const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface Schedule {
  jamMasuk: string;
  jamPulang: string;
}

export interface PresensiPolicy {
  /** Readings less precise than this (metres) are refused. */
  maxAccuracyM: number;
  /** A check-in is accepted from this many minutes before the start of work. */
  earlyMinutes: number;
  /** A check-out is accepted until this many minutes after the end of work. */
  lateOutMinutes: number;
}

export const DEFAULT_PRESENSI_POLICY: PresensiPolicy = { maxAccuracyM: 100, earlyMinutes: 120, lateOutMinutes: 240 };

export interface PresensiInput {
  jenis: 'MASUK' | 'PULANG';
  at: Date;
  position: { lat: number; lon: number; accuracyM: number };
  /** The OPD's point and radius, or its polygon (null when the OPD has none on record). */
  fence: { lat: number; lon: number; radiusM: number } | Fence | null;
  /** Approved work-from-home / field-duty locations for this day (any of them accepts). */
  extraFences?: readonly Fence[];
  /** The schedule of the weekday (null: not a working day). */
  schedule: Schedule | null;
  calendar: HolidayCalendar;
  policy?: PresensiPolicy;
}

export interface PresensiDecision {
  accepted: boolean;
  code: 'ok' | 'no_fence' | 'poor_accuracy' | 'outside' | 'not_working_day' | 'too_early' | 'too_late';
  reason: string | null;
  tanggal: IsoDate;
  distanceM: number | null;
  /** Minutes late (MASUK) or early (PULANG). */
  menit: number;
}

/** Accept or refuse one reading: location first (with its distance), then the day and the time window. */
export function decidePresensi(input: PresensiInput): PresensiDecision {
  const policy = input.policy ?? DEFAULT_PRESENSI_POLICY;
  const { date, minutes } = wibParts(input.at);
  const refuse = (code: PresensiDecision['code'], reason: string, distance: number | null): PresensiDecision => ({ accepted: false, code, reason, tanggal: date, distanceM: distance, menit: 0 });
  const fences: Fence[] = [...(input.fence ? [asFence(input.fence)] : []), ...(input.extraFences ?? [])];
  if (!fences.length) return refuse('no_fence', 'Lokasi kantor OPD belum ditetapkan; hubungi admin OPD.', null);
  const near = nearestFence(input.position, fences)!;
  const inside = near.measure.inside;
  // Reported in whole metres, rounded away from the fence so "101 m, outside 100 m" never reads "100 m".
  const distance = inside ? Math.floor(near.measure.distanceM) : Math.ceil(near.measure.distanceM);
  if (input.position.accuracyM > policy.maxAccuracyM) {
    return refuse('poor_accuracy', `Akurasi lokasi ${Math.round(input.position.accuracyM)} m terlalu rendah (paling besar ${policy.maxAccuracyM} m); coba lagi di tempat terbuka.`, distance);
  }
  if (!inside) {
    const f = near.fence;
    const where = f.label ?? 'kantor';
    return refuse('outside', f.kind === 'circle' ? `Anda berada ${distance} m dari ${where}, di luar radius ${f.radiusM} m.` : `Anda berada ${distance} m di luar batas area ${where}.`, distance);
  }
  if (!input.schedule || isHoliday(date, input.calendar)) return refuse('not_working_day', 'Hari ini bukan hari kerja.', distance);
  const start = hhmmToMinutes(input.schedule.jamMasuk);
  const end = hhmmToMinutes(input.schedule.jamPulang);
  if (input.jenis === 'MASUK') {
    if (minutes < start - policy.earlyMinutes) return refuse('too_early', `Presensi masuk dibuka mulai ${fmt(start - policy.earlyMinutes)} WIB.`, distance);
    if (minutes > end) return refuse('too_late', `Presensi masuk ditutup pukul ${input.schedule.jamPulang} WIB.`, distance);
    return { accepted: true, code: 'ok', reason: null, tanggal: date, distanceM: distance, menit: Math.max(0, minutes - start) };
  }
  if (minutes < start) return refuse('too_early', `Presensi pulang dibuka mulai ${input.schedule.jamMasuk} WIB.`, distance);
  if (minutes > end + policy.lateOutMinutes) return refuse('too_late', `Presensi pulang ditutup pukul ${fmt(end + policy.lateOutMinutes)} WIB.`, distance);
  return { accepted: true, code: 'ok', reason: null, tanggal: date, distanceM: distance, menit: Math.max(0, end - minutes) };
}

const fmt = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

const asFence = (f: { lat: number; lon: number; radiusM: number } | Fence): Fence => ('kind' in f ? f : { kind: 'circle', ...f });
