/**
 * Attendance: a check-in/out stamped with the server's instant, accepted only inside the OPD's
 * point and radius and within the weekday's working hours; every refused reading is kept with its
 * reason and distance. The month view marks approved leave days as excused.
 */
import { addDays, appToday, compareDates, dateToIso, decidePresensi, isHoliday, isoToDate, wibParts, type IsoDate } from '@simak/shared';
import type { PresensiBody, ScheduleBody } from '@simak/shared/api/presensi';
import type { Actor } from '../../auth/actor.ts';
import { writeAudit, type RequestMeta } from '../../audit/audit.ts';
import type { Db, Tx } from '../../db.ts';
import { AppError, Conflict, NotFound } from '../../errors.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { authorize } from '../../lib/authz.ts';
import { loadCalendar } from '../cuti/history.ts';
import { approvedLocations, officeFence, scheduleOn } from './locations.ts';
import { weeklyOf } from './weekly.ts';
import { presensiPolicy } from './policy.ts';

export async function schedule(db: Db | Tx) {
  const rows = await db.jadwalKerja.findMany({ orderBy: { hari: 'asc' } });
  return { items: rows.map((r) => ({ hari: r.hari, jamMasuk: r.jamMasuk, jamPulang: r.jamPulang })) };
}

export async function replaceSchedule(db: Db, body: ScheduleBody, meta: RequestMeta) {
  await db.$transaction(async (tx) => {
    const before = await schedule(tx);
    await tx.jadwalKerja.deleteMany({});
    await tx.jadwalKerja.createMany({ data: body.items });
    await writeAudit(tx, meta, { action: 'jadwal_kerja.replaced', entityType: 'jadwal_kerja', entityId: 'all', before: before.items, after: body.items });
  });
  return schedule(db);
}

/** Records one reading. Accepted → 201 with the row; refused → the row is kept, then 422 with the reason and distance. */
export async function recordPresensi(db: Db, actor: Actor, body: PresensiBody, meta: RequestMeta, now: Date) {
  if (!actor.employeeId) throw NotFound('Data kepegawaian akun ini', 'no_employee_record');
  const employee = await db.employee.findUnique({ where: { id: actor.employeeId }, select: { id: true, opd: { select: { id: true, latitude: true, longitude: true, radiusM: true, geofence: true } } } });
  if (!employee) throw NotFound('Pegawai');
  authorize(presensiPolicy, 'record', actor, { employeeId: employee.id });
  const { opd } = employee;
  const { date, isoWeekday } = wibParts(now);
  const [sched, calendar, extra] = await Promise.all([scheduleOn(db, date, isoWeekday, opd.id), loadCalendar(db, date, date), approvedLocations(db, employee.id, date)]);
  const fence = officeFence(opd);
  const decision = decidePresensi({
    jenis: body.jenis,
    at: now,
    position: { lat: body.latitude, lon: body.longitude, accuracyM: body.accuracy },
    fence,
    extraFences: extra.map((e) => e.fence),
    schedule: sched,
    calendar,
  });
  const data = {
    employeeId: employee.id,
    opdId: opd.id,
    tanggal: isoToDate(decision.tanggal),
    jenis: body.jenis,
    at: now,
    latitude: new Prisma.Decimal(body.latitude.toFixed(6)),
    longitude: new Prisma.Decimal(body.longitude.toFixed(6)),
    accuracyM: Math.round(body.accuracy),
    distanceM: decision.distanceM,
    accepted: decision.accepted,
    reason: decision.reason,
    menit: decision.menit,
  };
  if (!decision.accepted) {
    const row = await db.presensi.create({ data });
    throw new AppError(422, `presensi_${decision.code}`, decision.reason!, { reason: decision.reason, distanceM: decision.distanceM, radiusM: fence?.kind === 'circle' ? fence.radiusM : null, logId: row.id, serverTime: now.toISOString() });
  }
  try {
    return await db.$transaction(async (tx) => {
      const row = await tx.presensi.create({ data });
      await writeAudit(tx, meta, { action: `presensi.${body.jenis.toLowerCase()}`, entityType: 'presensi', entityId: row.id, employeeId: employee.id, after: { tanggal: decision.tanggal, at: now.toISOString(), distanceM: decision.distanceM, menit: decision.menit } });
      return { id: row.id, jenis: row.jenis, tanggal: decision.tanggal, at: now.toISOString(), distanceM: decision.distanceM, menit: decision.menit, accepted: true };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw Conflict('presensi_exists', body.jenis === 'MASUK' ? 'Anda sudah presensi masuk hari ini.' : 'Anda sudah presensi pulang hari ini.');
    }
    throw err;
  }
}

export type DayStatus = 'HADIR' | 'CUTI' | 'LIBUR' | 'TANPA_KETERANGAN' | 'BELUM';

/** The month of the actor: each day's status; approved leave (riwayat_cuti) makes a working day excused. */
export async function myMonth(db: Db, actor: Actor, month: string) {
  if (!actor.employeeId) throw NotFound('Data kepegawaian akun ini', 'no_employee_record');
  authorize(presensiPolicy, 'read', actor, { employeeId: actor.employeeId });
  const from = `${month}-01` as IsoDate;
  const last = dateToIso(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)));
  const employee = await db.employee.findUnique({ where: { id: actor.employeeId }, select: { opdId: true } });
  if (!employee) throw NotFound('Pegawai');
  const [sched, calendar, rows, leave] = await Promise.all([
    weeklyOf(db, employee.opdId),
    loadCalendar(db, from, last),
    db.presensi.findMany({ where: { employeeId: actor.employeeId, accepted: true, tanggal: { gte: isoToDate(from), lte: isoToDate(last) } } }),
    db.riwayatCuti.findMany({ where: { employeeId: actor.employeeId, tanggalMulai: { lte: isoToDate(last) }, tanggalSelesai: { gte: isoToDate(from) } } }),
  ]);
  const byDay = new Map(sched.map((s) => [s.hari, s]));
  const today = appToday();
  const days = [];
  for (let d = from; compareDates(d, last) <= 0; d = addDays(d, 1)) {
    const wd = new Date(`${d}T00:00:00Z`).getUTCDay() || 7;
    const working = byDay.has(wd) && !isHoliday(d, calendar);
    const masuk = rows.find((r) => dateToIso(r.tanggal) === d && r.jenis === 'MASUK');
    const pulang = rows.find((r) => dateToIso(r.tanggal) === d && r.jenis === 'PULANG');
    const onLeave = leave.find((l) => compareDates(dateToIso(l.tanggalMulai), d) <= 0 && compareDates(d, dateToIso(l.tanggalSelesai)) <= 0);
    const status: DayStatus = !working ? 'LIBUR' : onLeave ? 'CUTI' : masuk ? 'HADIR' : compareDates(d, today) < 0 ? 'TANPA_KETERANGAN' : 'BELUM';
    days.push({
      tanggal: d,
      status,
      excused: status === 'CUTI',
      jenisCuti: onLeave?.jenisCuti ?? null,
      masuk: masuk ? { at: masuk.at.toISOString(), terlambatMenit: masuk.menit } : null,
      pulang: pulang ? { at: pulang.at.toISOString(), cepatMenit: pulang.menit } : null,
    });
  }
  return { month, days };
}

/**
 * The check-in page's view of today (WIB, by the server's clock): the hours (special schedule
 * named), whether it is a working day (holiday / cuti bersama / approved leave), the fences the
 * reading is checked against, today's accepted check-in/out and the last refusal.
 */
export async function today(db: Db, actor: Actor, now: Date) {
  if (!actor.employeeId) throw NotFound('Data kepegawaian akun ini', 'no_employee_record');
  authorize(presensiPolicy, 'read', actor, { employeeId: actor.employeeId });
  const employee = await db.employee.findUnique({ where: { id: actor.employeeId }, select: { id: true, nama: true, statusKepegawaian: true, opd: { select: { id: true, nama: true, latitude: true, longitude: true, radiusM: true, geofence: true } } } });
  if (!employee) throw NotFound('Pegawai');
  const { date, isoWeekday } = wibParts(now);
  const d = isoToDate(date);
  const [sched, calendar, extra, rows, leave] = await Promise.all([
    scheduleOn(db, date, isoWeekday, employee.opd.id),
    loadCalendar(db, date, date),
    approvedLocations(db, employee.id, date),
    db.presensi.findMany({ where: { employeeId: employee.id, tanggal: d }, orderBy: { id: 'desc' } }),
    db.riwayatCuti.findFirst({ where: { employeeId: employee.id, tanggalMulai: { lte: d }, tanggalSelesai: { gte: d } } }),
  ]);
  const holiday = await db.hariLibur.findUnique({ where: { tanggal: d } });
  const office = officeFence(employee.opd);
  const accepted = (jenis: string) => {
    const r = rows.find((x) => x.accepted && x.jenis === jenis);
    return r ? { at: r.at.toISOString(), menit: r.menit, distanceM: r.distanceM } : null;
  };
  const refused = rows.find((x) => !x.accepted);
  return {
    tanggal: date,
    serverTime: now.toISOString(),
    employee: { nama: employee.nama, statusKepegawaian: employee.statusKepegawaian, opd: employee.opd.nama },
    schedule: sched ? { jamMasuk: sched.jamMasuk, jamPulang: sched.jamPulang, special: sched.special } : null,
    workingDay: !!sched && !isHoliday(date, calendar),
    holiday: holiday ? { jenis: holiday.jenis, keterangan: holiday.keterangan } : null,
    onLeave: leave ? { jenisCuti: leave.jenisCuti } : null,
    office,
    approvedLocations: extra.map(({ fence, ...rest }) => ({ ...rest, latitude: fence.lat, longitude: fence.lon, radiusM: fence.radiusM })),
    masuk: accepted('MASUK'),
    pulang: accepted('PULANG'),
    lastRefusal: refused && (!rows[0] || rows[0].id === refused.id) ? { at: refused.at.toISOString(), jenis: refused.jenis, reason: refused.reason, distanceM: refused.distanceM } : null,
  };
}
