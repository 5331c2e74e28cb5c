/**
 * Monthly attendance recap, the TPP basis and the discipline warning list, all from one
 * set-based grid (sql.ts); the TPP figures and the thresholds are the pure rules in shared.
 * Scoped in the query: BKD every unit, an OPD admin their units, an atasan their subordinates.
 */
import { addDays, appToday, compareDates, isoToDate, lastOfMonth, minDate, type IsoDate } from '@simak/shared';
import type { DinasLuarBody, DisiplinQuery, RekapQuery, TppConfigBody } from '@simak/shared/api/rekap';
import { disciplineWarning } from '@simak/shared/rules/disiplin';
import { computeTpp, DEFAULT_TPP_BASE, DEFAULT_TPP_DEDUCTIONS, TPP_CLASSES, tppClass, type Bands, type TppClass, type TppDeductionConfig } from '@simak/shared/rules/tpp';
import type { Actor } from '../../auth/actor.ts';
import { writeAudit, type RequestMeta } from '../../audit/audit.ts';
import type { Db, Tx } from '../../db.ts';
import { Prisma } from '../../db.ts';
import { Conflict, Forbidden, NotFound } from '../../errors.ts';
import { authorize, hasRole, isBkd } from '../../lib/authz.ts';
import { loadOpdTree } from '../indicators/scope.ts';
import { dinasLuarPolicy, disiplinPolicy, rekapPolicy } from './policy.ts';
import { absenceSql, recapSql, type AbsenceRow, type EmpScope, type RecapRow } from './sql.ts';

const sql = Prisma.sql;

interface OpdRef {
  kode: string;
  nama: string;
}

/** The units of the request: the OPD asked for (with its subtree) inside the actor's scope. */
async function resolveUnits(db: Db, actor: Actor, opdKode: string | undefined): Promise<{ units: number[] | null; opd: OpdRef | null; opdId?: number }> {
  authorize(rekapPolicy, 'view', actor, { opdId: null });
  const tree = await loadOpdTree(db);
  const own = isBkd(actor) ? null : actor.scopeOpdIds;
  if (!opdKode) return { units: own, opd: null };
  const node = tree.byKode.get(opdKode);
  if (!node) throw NotFound(`OPD dengan kode ${opdKode}`, 'opd_not_found');
  const sub = tree.subtree(node.id);
  if (own && !sub.every((u) => own.includes(u))) throw Forbidden('OPD ini di luar lingkup Anda.');
  const ref = tree.ref(node.id);
  return { units: sub, opd: { kode: ref.kode, nama: ref.nama }, opdId: node.id };
}

function monthRange(month: string): { from: IsoDate; to: IsoDate } {
  const from = `${month}-01` as IsoDate;
  return { from, to: lastOfMonth(from) };
}

interface EmployeeCols {
  nip: string;
  nama: string;
  gelar_depan: string | null;
  gelar_belakang: string | null;
  opd_kode: string;
  opd_nama: string;
  nama_jabatan: string | null;
  status_kepegawaian: string;
  jenis_jabatan: string;
  eselon: string | null;
  jenjang_fungsional: string | null;
}

const fullName = (r: EmployeeCols) => [r.gelar_depan, r.nama].filter(Boolean).join(' ') + (r.gelar_belakang ? `, ${r.gelar_belakang}` : '');

function withEmployees(inner: Prisma.Sql) {
  return sql`
    SELECT r.*, e.nip, e.nama, e.gelar_depan, e.gelar_belakang, e.nama_jabatan, e.status_kepegawaian::text, e.jenis_jabatan::text,
           e.eselon, e.jenjang_fungsional::text, o.kode AS opd_kode, o.nama AS opd_nama
    FROM (${inner}) r JOIN employee e ON e.id = r.id JOIN opd o ON o.id = e.opd_id
    ORDER BY o.kode, e.nama, e.id`;
}

/**
 * One statement in a transaction with planner settings: the grid's estimates are coarse (a
 * generated day series, CTEs), which tempted the planner into JIT-compiling (seconds of
 * compilation on this machine) and into nested loops over what are many thousands of rows.
 */
async function noJit<T>(db: Db, q: Prisma.Sql): Promise<T[]> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SET LOCAL jit = off`;
      await tx.$executeRaw`SET LOCAL work_mem = '128MB'`;
      // The grouped grid is estimated at 200 rows whatever the headcount: joining the employee
      // columns by nested loop was quadratic (40 s at 20,000 employees). Hash joins only.
      await tx.$executeRaw`SET LOCAL enable_nestloop = off`;
      return tx.$queryRaw<T[]>(q);
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

export async function recapRows(db: Db, from: IsoDate, to: IsoDate, today: IsoDate, scope: EmpScope) {
  return noJit<RecapRow & EmployeeCols>(db, withEmployees(recapSql(from, to, today, scope)));
}

const COUNT_KEYS = ['hadir', 'cuti', 'dinasLuar', 'tanpaKeterangan', 'terlambatHari', 'terlambatMenit', 'pulangCepatHari', 'pulangCepatMenit'] as const;
type Counts = Record<(typeof COUNT_KEYS)[number], number>;

function present(r: RecapRow & EmployeeCols) {
  return {
    employee: { id: r.id, nip: r.nip, nama: fullName(r), jabatan: r.nama_jabatan, opd: { kode: r.opd_kode, nama: r.opd_nama } },
    hariKerja: r.hari_kerja,
    hadir: r.hadir,
    cuti: r.cuti,
    dinasLuar: r.dinas_luar,
    tanpaKeterangan: r.tanpa_keterangan,
    terlambatHari: r.terlambat_hari,
    terlambatMenit: r.terlambat_menit,
    pulangCepatHari: r.pulang_cepat_hari,
    pulangCepatMenit: r.pulang_cepat_menit,
    tl: r.tl as Bands,
    psw: r.psw as Bands,
  };
}
export type RecapEmployee = ReturnType<typeof present>;

export async function rekap(db: Db, actor: Actor, q: Omit<RekapQuery, 'format'>, today: IsoDate = appToday()) {
  const month = q.month ?? today.slice(0, 7);
  const { units, opd, opdId } = await resolveUnits(db, actor, q.opd);
  const { from, to } = monthRange(month);
  const start = await attendanceStart(db, today);
  const rows = (await recapRows(db, from, to, today, { units, start })).map(present);
  // Working days follow each OPD's hours (own weekly hours, else the regency's): per employee, per OPD,
  // and in the headline those of the OPD asked for, else the regency's.
  const perOpd = new Map<string, { opd: OpdRef; pegawai: number; hariKerja: number } & Counts>();
  for (const r of rows) {
    const o = perOpd.get(r.employee.opd.kode) ?? perOpd.set(r.employee.opd.kode, { opd: r.employee.opd, pegawai: 0, hariKerja: r.hariKerja, ...zero() }).get(r.employee.opd.kode)!;
    o.pegawai++;
    for (const k of COUNT_KEYS) o[k] += r[k];
  }
  const hariKerja = await workingDays(db, from, to, opdId ?? null);
  // The units asked for may work different weeks (a six-day school under a five-day office): the
  // headline gives the range of the employees' working days, not one unit's.
  const hariKerjaRange = rows.length
    ? rows.reduce((r, x) => ({ min: Math.min(r.min, x.hariKerja), max: Math.max(r.max, x.hariKerja) }), { min: Infinity, max: -Infinity })
    : { min: hariKerja, max: hariKerja };
  return { month, opd, hariKerja, hariKerjaRange, rows, opds: [...perOpd.values()] };
}
export type RecapResult = Awaited<ReturnType<typeof rekap>>;

const zero = (): Counts => ({ hadir: 0, cuti: 0, dinasLuar: 0, tanpaKeterangan: 0, terlambatHari: 0, terlambatMenit: 0, pulangCepatHari: 0, pulangCepatMenit: 0 });

/** Working days of the range for an OPD (its own weekly hours when it has any, else the regency's), or the regency's (null). */
async function workingDays(db: Db, from: IsoDate, to: IsoDate, opdId: number | null): Promise<number> {
  const [r] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM generate_series(${from}::date, ${to}::date, interval '1 day') g
    WHERE CASE WHEN EXISTS (SELECT 1 FROM jadwal_kerja_opd x WHERE x.opd_id = ${opdId}::int)
               THEN EXISTS (SELECT 1 FROM jadwal_kerja_opd x WHERE x.opd_id = ${opdId}::int AND x.hari = extract(isodow FROM g)::int)
               ELSE EXISTS (SELECT 1 FROM jadwal_kerja j WHERE j.hari = extract(isodow FROM g)::int) END
      AND NOT EXISTS (SELECT 1 FROM hari_libur h WHERE h.tanggal = g::date)`;
  return r?.n ?? 0;
}

// ---- TPP ----

const TPP_POTONGAN_KEY = 'tpp.potongan';
const TPP_BESARAN_KEY = 'tpp.besaran';

export interface TppConfig {
  potongan: TppDeductionConfig;
  besaran: Record<TppClass, number>;
  /** Attendance counts from this day (no unexcused day before it); null = from the first accepted reading. */
  mulaiBerlaku: IsoDate | null;
}

const MULAI_KEY = 'presensi.mulai_berlaku';

/** The first day attendance is counted: the setting, else the first accepted reading, else today. */
export async function attendanceStart(db: Db | Tx, today: IsoDate): Promise<IsoDate> {
  const row = await db.appSetting.findUnique({ where: { key: MULAI_KEY } });
  if (typeof row?.value === 'string') return row.value as IsoDate;
  const [r] = await db.$queryRaw<{ d: Date | null }[]>`SELECT min(tanggal) AS d FROM presensi WHERE accepted`;
  return r?.d ? (r.d.toISOString().slice(0, 10) as IsoDate) : today;
}

export async function tppConfig(db: Db | Tx): Promise<TppConfig> {
  const rows = await db.appSetting.findMany({ where: { key: { in: [TPP_POTONGAN_KEY, TPP_BESARAN_KEY, MULAI_KEY] } } });
  const get = (k: string) => rows.find((r) => r.key === k)?.value as unknown;
  const potongan = { ...DEFAULT_TPP_DEDUCTIONS, ...((get(TPP_POTONGAN_KEY) as Partial<TppDeductionConfig> | undefined) ?? {}) };
  const stored = (get(TPP_BESARAN_KEY) as Partial<Record<TppClass, number>> | undefined) ?? {};
  const besaran = Object.fromEntries(TPP_CLASSES.map((c) => [c, typeof stored[c] === 'number' ? stored[c] : DEFAULT_TPP_BASE[c]])) as Record<TppClass, number>;
  const mulai = get(MULAI_KEY);
  return { potongan, besaran, mulaiBerlaku: typeof mulai === 'string' ? (mulai as IsoDate) : null };
}

export async function putTppConfig(db: Db, meta: RequestMeta, body: TppConfigBody): Promise<TppConfig> {
  await db.$transaction(async (tx) => {
    const before = await tppConfig(tx);
    const besaran = { ...before.besaran, ...body.besaran };
    if (body.mulaiBerlaku === null) await tx.appSetting.deleteMany({ where: { key: MULAI_KEY } });
    const entries: [string, unknown][] = [[TPP_POTONGAN_KEY, body.potongan], [TPP_BESARAN_KEY, besaran]];
    if (body.mulaiBerlaku) entries.push([MULAI_KEY, body.mulaiBerlaku]);
    for (const [key, value] of entries) {
      await tx.appSetting.upsert({
        where: { key },
        create: { key, value: value as Prisma.InputJsonValue, updatedById: meta.actorUserId },
        update: { value: value as Prisma.InputJsonValue, updatedById: meta.actorUserId },
      });
    }
    await writeAudit(tx, meta, { action: 'tpp.config_updated', entityType: 'app_setting', entityId: 'tpp', before: before as unknown as Prisma.InputJsonValue, after: { potongan: body.potongan, besaran, mulaiBerlaku: body.mulaiBerlaku ?? before.mulaiBerlaku } });
  });
  return tppConfig(db);
}

export async function tpp(db: Db, actor: Actor, q: Omit<RekapQuery, 'format'>, today: IsoDate = appToday()) {
  const month = q.month ?? today.slice(0, 7);
  const { units, opd } = await resolveUnits(db, actor, q.opd);
  const { from, to } = monthRange(month);
  const start = await attendanceStart(db, today);
  const [raw, config] = await Promise.all([recapRows(db, from, to, today, { units, start }), tppConfig(db)]);
  const rows = raw.map((r) => {
    const kelas = tppClass({ statusKepegawaian: r.status_kepegawaian, jenisJabatan: r.jenis_jabatan, eselon: r.eselon, jenjangFungsional: r.jenjang_fungsional });
    const result = computeTpp(config.besaran[kelas], { terlambat: r.tl as Bands, pulangCepat: r.psw as Bands, tanpaKeterangan: r.tanpa_keterangan }, config.potongan);
    return { ...present(r), kelas, ...result };
  });
  const totals = rows.reduce((t, r) => ({ base: t.base + r.base, potongan: t.potongan + r.potongan, jumlah: t.jumlah + r.jumlah }), { base: 0, potongan: 0, jumlah: 0 });
  return { month, opd, config, rows, totals, canEditConfig: hasRole(actor, 'BKD_ADMIN') };
}
export type TppResultSet = Awaited<ReturnType<typeof tpp>>;

// ---- Discipline warnings ----

export async function disiplin(db: Db, actor: Actor, q: Omit<DisiplinQuery, 'format'>, today: IsoDate = appToday()) {
  authorize(disiplinPolicy, 'view', actor, null);
  const year = q.year ?? Number(today.slice(0, 4));
  const start = await attendanceStart(db, today);
  let scope: EmpScope;
  let opd: OpdRef | null = null;
  if (isBkd(actor)) {
    const r = await resolveUnits(db, actor, q.opd);
    scope = { units: r.units, start };
    opd = r.opd;
  } else {
    if (q.opd) throw Forbidden('Atasan melihat bawahan langsungnya saja.');
    scope = { units: null, atasanId: actor.employeeId, start };
  }
  const from = `${year}-01-01` as IsoDate;
  const to = minDate(`${year}-12-31` as IsoDate, addDays(today, -1));
  const raw = compareDates(to, from) < 0 ? [] : await noJit<AbsenceRow & EmployeeCols>(db, withEmployees(absenceSql(from, to, today, scope)));
  const rows = raw
    .map((r) => {
      const w = disciplineWarning(r.hari, r.beruntun);
      return {
        employee: { id: r.id, nip: r.nip, nama: fullName(r), jabatan: r.nama_jabatan, opd: { kode: r.opd_kode, nama: r.opd_nama } },
        hari: r.hari,
        beruntun: r.beruntun,
        tingkat: w.threshold?.tingkat ?? null,
        kode: w.threshold?.kode ?? null,
        hukuman: w.threshold?.hukuman ?? null,
        karenaBeruntun: w.byConsecutive,
        ambangBerikutnya: w.nextAt,
      };
    })
    .sort((a, b) => b.hari - a.hari || b.beruntun - a.beruntun || a.employee.nama.localeCompare(b.employee.nama));
  return { year, sampai: to, opd, rows };
}
export type DisiplinResult = Awaited<ReturnType<typeof disiplin>>;

// ---- Official duty (dinas luar) ----

export async function recordDinasLuar(db: Db, actor: Actor, meta: RequestMeta, body: DinasLuarBody) {
  const emp = await db.employee.findUnique({ where: { nip: body.nip }, select: { id: true, opdId: true, nama: true } });
  if (!emp) throw NotFound('Pegawai dengan NIP ini', 'employee_not_found');
  authorize(dinasLuarPolicy, 'record', actor, emp);
  const days: IsoDate[] = [];
  for (let d = body.tanggalMulai as IsoDate; compareDates(d, body.tanggalSelesai as IsoDate) <= 0; d = addDays(d, 1)) days.push(d);
  try {
    return await db.$transaction(async (tx) => {
      await tx.dinasLuar.createMany({
        data: days.map((d) => ({ employeeId: emp.id, tanggal: isoToDate(d), nomorSurat: body.nomorSurat, keterangan: body.keterangan ?? null, createdById: actor.userId })),
      });
      await writeAudit(tx, meta, { action: 'dinas_luar.recorded', entityType: 'dinas_luar', entityId: `${emp.id}:${body.tanggalMulai}`, employeeId: emp.id, after: { ...body, hari: days.length } });
      return { employeeId: emp.id, nama: emp.nama, hari: days.length, tanggalMulai: body.tanggalMulai, tanggalSelesai: body.tanggalSelesai };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
      throw Conflict('dinas_luar_exists', 'Sebagian tanggal sudah tercatat sebagai dinas luar untuk pegawai ini.');
    }
    throw err;
  }
}

export async function listDinasLuar(db: Db, actor: Actor, q: Omit<RekapQuery, 'format'>, today: IsoDate = appToday()) {
  const month = q.month ?? today.slice(0, 7);
  const { units } = await resolveUnits(db, actor, q.opd);
  const { from, to } = monthRange(month);
  const rows = await db.dinasLuar.findMany({
    where: { tanggal: { gte: isoToDate(from), lte: isoToDate(to) }, ...(units ? { employee: { opdId: { in: units } } } : {}) },
    orderBy: [{ tanggal: 'asc' }, { id: 'asc' }],
    take: 2000,
    select: { id: true, tanggal: true, nomorSurat: true, keterangan: true, employee: { select: { nip: true, nama: true } } },
  });
  return { month, items: rows.map((r) => ({ id: r.id, tanggal: r.tanggal.toISOString().slice(0, 10), nomorSurat: r.nomorSurat, keterangan: r.keterangan, nip: r.employee.nip, nama: r.employee.nama })) };
}
