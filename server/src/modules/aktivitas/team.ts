/**
 * The atasan's "Tim hari ini": each direct subordinate's state today (WIB, by the server's
 * clock) — present, late, on approved leave, not yet in, absent — with counts, approved
 * WFH / field-duty locations and the activities waiting for review. Scoped in the query to
 * employee.atasanId = the actor.
 */
import { hhmmToMinutes, isHoliday, isoToDate, wibParts } from '@simak/shared';
import type { Actor } from '../../auth/actor.ts';
import type { Db } from '../../db.ts';
import { NotFound } from '../../errors.ts';
import { loadCalendar } from '../cuti/history.ts';
import { scheduleOn } from '../presensi/locations.ts';

export const TEAM_STATUSES = ['HADIR', 'TERLAMBAT', 'CUTI', 'BELUM_HADIR', 'TIDAK_HADIR', 'LIBUR'] as const;
export type TeamStatus = (typeof TEAM_STATUSES)[number];

export async function teamToday(db: Db, actor: Actor, now: Date) {
  if (!actor.employeeId) throw NotFound('Data kepegawaian akun ini', 'no_employee_record');
  const { date, isoWeekday, minutes } = wibParts(now);
  const d = isoToDate(date);
  const members = await db.employee.findMany({
    where: { atasanId: actor.employeeId, id: { not: actor.employeeId }, OR: [{ tmtBerhenti: null }, { tmtBerhenti: { gt: d } }] },
    select: { id: true, nip: true, nama: true, namaJabatan: true, statusKepegawaian: true, opdId: true },
    orderBy: { nama: 'asc' },
    take: 500,
  });
  const ids = members.map((m) => m.id);
  const self = await db.employee.findUnique({ where: { id: actor.employeeId }, select: { opdId: true } });
  if (!self) throw NotFound('Pegawai');
  // Each member's hours are those of their own OPD (own weekly hours, else the regency's); the header shows the atasan's OPD.
  const opdIds = [...new Set([self.opdId, ...members.map((m) => m.opdId)])];
  const [schedules, calendar, readings, leave, places, pending] = await Promise.all([
    Promise.all(opdIds.map(async (o) => [o, await scheduleOn(db, date, isoWeekday, o)] as const)).then((e) => new Map(e)),
    loadCalendar(db, date, date),
    db.presensi.findMany({ where: { employeeId: { in: ids }, tanggal: d, accepted: true }, select: { employeeId: true, jenis: true, at: true, menit: true } }),
    db.riwayatCuti.findMany({ where: { employeeId: { in: ids }, tanggalMulai: { lte: d }, tanggalSelesai: { gte: d } }, select: { employeeId: true, jenisCuti: true } }),
    db.lokasiTugas.findMany({ where: { employeeId: { in: ids }, mulai: { lte: d }, selesai: { gte: d } }, select: { employeeId: true, jenis: true, nama: true } }),
    db.aktivitasHarian.groupBy({ by: ['employeeId'], where: { employeeId: { in: ids }, status: 'DIAJUKAN' }, _count: { _all: true } }),
  ]);
  const dayOf = (opdId: number) => {
    const sched = schedules.get(opdId) ?? null;
    return { sched, working: !!sched && !isHoliday(date, calendar), over: sched ? minutes > hhmmToMinutes(sched.jamPulang) : true };
  };
  const { sched, working } = dayOf(self.opdId);
  const items = members.map((m) => {
    const { working, over } = dayOf(m.opdId);
    const masuk = readings.find((r) => r.employeeId === m.id && r.jenis === 'MASUK');
    const pulang = readings.find((r) => r.employeeId === m.id && r.jenis === 'PULANG');
    const cuti = leave.find((l) => l.employeeId === m.id);
    const status: TeamStatus = !working ? 'LIBUR' : cuti ? 'CUTI' : masuk ? (masuk.menit > 0 ? 'TERLAMBAT' : 'HADIR') : over ? 'TIDAK_HADIR' : 'BELUM_HADIR';
    const place = places.find((p) => p.employeeId === m.id);
    return {
      employeeId: m.id,
      nip: m.nip,
      nama: m.nama,
      jabatan: m.namaJabatan,
      statusKepegawaian: m.statusKepegawaian,
      status,
      masuk: masuk ? { at: masuk.at.toISOString(), terlambatMenit: masuk.menit } : null,
      pulang: pulang ? { at: pulang.at.toISOString() } : null,
      jenisCuti: cuti?.jenisCuti ?? null,
      lokasiTugas: place ? { jenis: place.jenis, nama: place.nama } : null,
      aktivitasMenunggu: pending.find((p) => p.employeeId === m.id)?._count._all ?? 0,
    };
  });
  const counts = Object.fromEntries(TEAM_STATUSES.map((s) => [s, items.filter((i) => i.status === s).length])) as Record<TeamStatus, number>;
  return {
    tanggal: date,
    serverTime: now.toISOString(),
    workingDay: working,
    schedule: sched ? { jamMasuk: sched.jamMasuk, jamPulang: sched.jamPulang, special: sched.special } : null,
    total: items.length,
    counts,
    aktivitasMenunggu: items.reduce((s, i) => s + i.aktivitasMenunggu, 0),
    items,
  };
}
