/**
 * Where and when attendance is accepted: the OPD's work location (point and radius, or polygon),
 * approved work-from-home / field-duty locations of the day, the effective hours of a day
 * (weekly pattern or a dated special schedule), and their administration by BKD (audited).
 */
import { dateToIso, effectiveSchedule, isoToDate, type Fence, type GeoPolygon, type SpecialSchedule, type WeekdayHours } from '@simak/shared';
import type { ScheduleBody } from '@simak/shared/api/presensi';
import type { JadwalKhususBody, LokasiKerjaBody, LokasiTugasBody } from '@simak/shared/api/presensi-lokasi';
import type { Actor } from '../../auth/actor.ts';
import { writeAudit, type RequestMeta } from '../../audit/audit.ts';
import type { Db, Tx } from '../../db.ts';
import { Conflict, NotFound } from '../../errors.ts';
import { Prisma } from '../../generated/prisma/client.ts';
import { createRequest } from '../../workflow/engine.ts';
import { JENIS_LOKASI_LABEL, lokasiTugasWorkflow, periodLabel } from './lokasi-definition.ts';
import { weeklyOf } from './weekly.ts';

type OpdGeo = { latitude: Prisma.Decimal | null; longitude: Prisma.Decimal | null; radiusM: number | null; geofence: Prisma.JsonValue | null };

/** The OPD's fence: its polygon when set, else its point and radius, else none. */
export function officeFence(opd: OpdGeo): Fence | null {
  if (opd.geofence) return { kind: 'polygon', polygon: opd.geofence as unknown as GeoPolygon };
  if (opd.latitude != null && opd.longitude != null && opd.radiusM != null) return { kind: 'circle', lat: Number(opd.latitude), lon: Number(opd.longitude), radiusM: opd.radiusM };
  return null;
}

/** Approved work-from-home / field-duty locations of the employee covering the WIB day. */
export async function approvedLocations(db: Db | Tx, employeeId: number, date: string) {
  const d = isoToDate(date);
  const rows = await db.lokasiTugas.findMany({ where: { employeeId, mulai: { lte: d }, selesai: { gte: d } }, orderBy: { id: 'asc' } });
  return rows.map((r) => ({
    id: r.id,
    requestId: r.requestId,
    jenis: r.jenis,
    nama: r.nama,
    mulai: dateToIso(r.mulai),
    selesai: dateToIso(r.selesai),
    fence: { kind: 'circle', lat: Number(r.latitude), lon: Number(r.longitude), radiusM: r.radiusM, label: `lokasi ${r.jenis === 'WFH' ? 'WFH' : 'dinas luar'} (${r.nama})` } satisfies Fence,
  }));
}

const toSpecial = (r: { id: number; nama: string; mulai: Date; selesai: Date; items: Prisma.JsonValue }): SpecialSchedule & { id: number } => ({
  id: r.id,
  nama: r.nama,
  mulai: dateToIso(r.mulai),
  selesai: dateToIso(r.selesai),
  items: r.items as unknown as WeekdayHours[],
});

/** The hours of a WIB day for an OPD (a special schedule covering it wins over the OPD's / regency's weekly pattern), or null. */
export async function scheduleOn(db: Db | Tx, date: string, isoWeekday: number, opdId: number) {
  const d = isoToDate(date);
  const [weekly, specials] = await Promise.all([weeklyOf(db, opdId), db.jadwalKhusus.findMany({ where: { mulai: { lte: d }, selesai: { gte: d } } })]);
  return effectiveSchedule(date, isoWeekday, weekly, specials.map(toSpecial));
}

// ---------------------------------------------------------------------------
// Administration (BKD_ADMIN)

export async function workLocations(db: Db | Tx) {
  const rows = await db.opd.findMany({ orderBy: { nama: 'asc' }, select: { id: true, kode: true, nama: true, latitude: true, longitude: true, radiusM: true, geofence: true } });
  return { items: rows.map(presentLocation) };
}

function presentLocation(o: { id: number; kode: string; nama: string } & OpdGeo) {
  return {
    opdId: o.id,
    kode: o.kode,
    nama: o.nama,
    kind: o.geofence ? ('POLYGON' as const) : o.latitude != null && o.radiusM != null ? ('POINT' as const) : null,
    latitude: o.latitude != null ? Number(o.latitude) : null,
    longitude: o.longitude != null ? Number(o.longitude) : null,
    radiusM: o.radiusM,
    polygon: (o.geofence as unknown as GeoPolygon | null) ?? null,
  };
}

/** Sets an OPD's work location; a polygon replaces the point and radius (kept for the map pin). */
export async function setWorkLocation(db: Db, opdId: number, body: LokasiKerjaBody, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const before = await tx.opd.findUnique({ where: { id: opdId }, select: { id: true, kode: true, nama: true, latitude: true, longitude: true, radiusM: true, geofence: true } });
    if (!before) throw NotFound('OPD');
    const data =
      body.kind === 'POINT'
        ? { latitude: new Prisma.Decimal(body.latitude.toFixed(6)), longitude: new Prisma.Decimal(body.longitude.toFixed(6)), radiusM: body.radiusM, geofence: Prisma.DbNull }
        : { geofence: body.polygon as unknown as Prisma.InputJsonValue };
    const after = await tx.opd.update({ where: { id: opdId }, data, select: { id: true, kode: true, nama: true, latitude: true, longitude: true, radiusM: true, geofence: true } });
    await writeAudit(tx, meta, { action: 'opd.lokasi_kerja.updated', entityType: 'opd', entityId: opdId, before: presentLocation(before), after: presentLocation(after) });
    return presentLocation(after);
  });
}

/** An OPD's weekly hours: its own rows (empty = it follows the regency's table, shown beside). */
export async function opdSchedule(db: Db | Tx, opdId: number) {
  const opd = await db.opd.findUnique({ where: { id: opdId }, select: { id: true, kode: true, nama: true } });
  if (!opd) throw NotFound('OPD');
  const hours = { hari: true, jamMasuk: true, jamPulang: true } as const;
  const [own, regency] = await Promise.all([
    db.jadwalKerjaOpd.findMany({ where: { opdId }, orderBy: { hari: 'asc' }, select: hours }),
    db.jadwalKerja.findMany({ orderBy: { hari: 'asc' }, select: hours }),
  ]);
  return { opdId: opd.id, kode: opd.kode, nama: opd.nama, ikutKabupaten: own.length === 0, items: own, kabupaten: regency };
}

/** Replaces an OPD's weekly hours (no items = follow the regency's table again), audited in the same transaction. */
export async function replaceOpdSchedule(db: Db, opdId: number, body: ScheduleBody, meta: RequestMeta) {
  await db.$transaction(async (tx) => {
    const before = await opdSchedule(tx, opdId);
    await tx.jadwalKerjaOpd.deleteMany({ where: { opdId } });
    if (body.items.length) await tx.jadwalKerjaOpd.createMany({ data: body.items.map((i) => ({ opdId, hari: i.hari, jamMasuk: i.jamMasuk, jamPulang: i.jamPulang })) });
    await writeAudit(tx, meta, { action: 'jadwal_kerja_opd.replaced', entityType: 'opd', entityId: opdId, before: before.items, after: body.items });
  });
  return opdSchedule(db, opdId);
}

export async function specialSchedules(db: Db | Tx) {
  const rows = await db.jadwalKhusus.findMany({ orderBy: [{ mulai: 'desc' }, { id: 'desc' }] });
  return { items: rows.map(toSpecial) };
}

export async function createSpecialSchedule(db: Db, body: JadwalKhususBody, meta: RequestMeta) {
  return db.$transaction(async (tx) => {
    const row = await tx.jadwalKhusus.create({ data: { nama: body.nama, mulai: isoToDate(body.mulai), selesai: isoToDate(body.selesai), items: body.items } });
    await writeAudit(tx, meta, { action: 'jadwal_khusus.created', entityType: 'jadwal_khusus', entityId: row.id, after: body });
    return toSpecial(row);
  });
}

export async function deleteSpecialSchedule(db: Db, id: number, meta: RequestMeta) {
  await db.$transaction(async (tx) => {
    const row = await tx.jadwalKhusus.findUnique({ where: { id } });
    if (!row) throw NotFound('Jadwal khusus');
    await tx.jadwalKhusus.delete({ where: { id } });
    await writeAudit(tx, meta, { action: 'jadwal_khusus.deleted', entityType: 'jadwal_khusus', entityId: id, before: toSpecial(row) });
  });
}

// ---------------------------------------------------------------------------
// The employee's request for a WFH / field-duty location

export async function requestLokasiTugas(db: Db, actor: Actor, body: LokasiTugasBody, meta: RequestMeta) {
  if (!actor.employeeId) throw NotFound('Data kepegawaian akun ini', 'no_employee_record');
  const employeeId = actor.employeeId;
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM employee WHERE id = ${employeeId} FOR UPDATE`;
    const employee = await tx.employee.findUniqueOrThrow({ where: { id: employeeId }, select: { nama: true, opdId: true } });
    const overlapping = await tx.workflowRequest.count({
      where: { employeeId, type: lokasiTugasWorkflow.type, closedAt: null, AND: [{ payload: { path: ['mulai'], lte: body.selesai } }, { payload: { path: ['selesai'], gte: body.mulai } }] },
    });
    if (overlapping) throw Conflict('lokasi_tugas_overlap', 'Sudah ada permohonan lokasi kerja yang menunggu untuk tanggal tersebut.');
    return createRequest(
      tx,
      lokasiTugasWorkflow,
      {
        employeeId,
        opdId: employee.opdId,
        title: `${JENIS_LOKASI_LABEL[body.jenis]} ${periodLabel(body)} — ${employee.nama}`.slice(0, 250),
        payload: { ...body },
        note: body.alasan,
      },
      { actor, meta },
    );
  });
}
