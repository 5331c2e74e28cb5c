/**
 * What the leave rules read from the database: the holiday calendar (hari_libur), the leave
 * history (riwayat_cuti, granted) and the open leave requests (held against the balance and
 * never overlapped), and the employee facts the rules need.
 */
import {
  addYears,
  annualBalance,
  checkCuti,
  dateToIso,
  isoToDate,
  type CutiCheck,
  type CutiRequestInput,
  type CutiSubject,
  type HolidayCalendar,
  type IsoDate,
  type LeaveRecord,
} from '@simak/shared';
import type { Db, Tx } from '../../db.ts';
import { NotFound } from '../../errors.ts';
import { weeklyOf } from '../presensi/weekly.ts';

export const CUTI_TYPE = 'CUTI';

/**
 * The calendar for the days from `from` to `to`; with `opdId`, also the unit's working weekdays
 * (its weekly hours: a unit that works Saturdays counts them as working days).
 */
export async function loadCalendar(db: Db | Tx, from: IsoDate, to: IsoDate, opdId?: number): Promise<HolidayCalendar> {
  const [rows, weekly] = await Promise.all([
    db.hariLibur.findMany({ where: { tanggal: { gte: isoToDate(from), lte: isoToDate(to) } } }),
    opdId != null ? weeklyOf(db, opdId) : null,
  ]);
  const holidays = new Set<IsoDate>();
  const cutiBersama = new Set<IsoDate>();
  for (const r of rows) (r.jenis === 'CUTI_BERSAMA' ? cutiBersama : holidays).add(dateToIso(r.tanggal));
  // A unit without any weekly hours configured keeps the five-day week.
  const workWeek = weekly?.length ? new Set(weekly.map((h) => h.hari)) : undefined;
  return { holidays, cutiBersama, ...(workWeek ? { workWeek } : {}) };
}

export interface OpenLeave extends LeaveRecord {
  requestId: number;
}

/** Granted leave (riwayat_cuti) and the open requests of the employee (optionally without one). */
export async function leaveRecords(db: Db | Tx, employeeId: number, opts: { excludeRequestId?: number } = {}) {
  const [granted, open] = await Promise.all([
    db.riwayatCuti.findMany({ where: { employeeId }, orderBy: { tanggalMulai: 'desc' } }),
    db.workflowRequest.findMany({
      where: { employeeId, type: CUTI_TYPE, closedAt: null, ...(opts.excludeRequestId ? { NOT: { id: opts.excludeRequestId } } : {}) },
      select: { id: true, payload: true },
    }),
  ]);
  const grantedRecords: LeaveRecord[] = granted.map((r) => ({ jenis: r.jenisCuti, mulai: dateToIso(r.tanggalMulai), selesai: dateToIso(r.tanggalSelesai), lamaHari: r.lamaHari }));
  const pending: OpenLeave[] = open.map((r) => {
    const p = r.payload as { jenis: string; mulai: string; selesai: string; lamaHari: number };
    return { requestId: r.id, jenis: p.jenis, mulai: p.mulai, selesai: p.selesai, lamaHari: p.lamaHari };
  });
  return { granted, grantedRecords, pending };
}

export async function cutiSubject(db: Db | Tx, employeeId: number): Promise<CutiSubject & { id: number; opdId: number; atasanId: number | null; nama: string }> {
  const e = await db.employee.findUnique({
    where: { id: employeeId },
    select: { id: true, opdId: true, atasanId: true, nama: true, statusKepegawaian: true, jenisKelamin: true, tmtCpns: true, tmtPppk: true },
  });
  if (!e) throw NotFound('Pegawai');
  const start = e.tmtCpns ?? e.tmtPppk;
  return { ...e, serviceStart: start ? dateToIso(start) : null };
}

/** The rules' verdict on a period against the employee's granted and open leave. */
export async function checkAgainstHistory(db: Db | Tx, employeeId: number, req: CutiRequestInput, opts: { excludeRequestId?: number } = {}): Promise<CutiCheck> {
  const [subject, records] = await Promise.all([cutiSubject(db, employeeId), leaveRecords(db, employeeId, opts)]);
  // Enough calendar for the longest leave (CLTN: 4 years).
  const cal = await loadCalendar(db, req.mulai, req.selesai < addYears(req.mulai, 5) ? req.selesai : addYears(req.mulai, 5), subject.opdId);
  return checkCuti(req, subject, [...records.grantedRecords, ...records.pending], cal);
}

/** The annual balance of a year, with the working days held by open requests. */
export async function annualBalanceOf(db: Db | Tx, employeeId: number, year: number) {
  const [subject, records] = await Promise.all([cutiSubject(db, employeeId), leaveRecords(db, employeeId)]);
  const b = annualBalance({ year, serviceStart: subject.serviceStart, history: records.grantedRecords });
  const pending = records.pending.filter((r) => r.jenis === 'TAHUNAN' && Number(r.mulai.slice(0, 4)) === year).reduce((s, r) => s + r.lamaHari, 0);
  return { balance: { ...b, pending, remaining: Math.max(0, b.remaining - pending) }, subject, records };
}
