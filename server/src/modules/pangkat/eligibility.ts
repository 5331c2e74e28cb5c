/**
 * KP eligibility of a whole scope at one period, set-based: one query reads every active PNS in
 * the scope with their SKP, penalties, diplomas and latest PAK (lateral aggregates on indexed
 * history tables), and the shared rules (kp-eligibility.ts) judge each row in JavaScript. No
 * per-employee query: the demo regency's 5,600 PNS take one round trip.
 */
import {
  dateToIso,
  determineBup,
  isGolongan,
  normalizeEducation,
  normalizeEselon,
  tmtPensiun,
  type Golongan,
  type HukdisRecord,
  type IsoDate,
  type JenisJabatan,
  type JenjangFungsional,
  type Pendidikan,
  type RumpunFungsional,
  type StatusKepegawaian,
  type TingkatHukdis,
} from '@simak/shared';
import {
  kpEligibility,
  type DiplomaRecord,
  type KpEligibility,
  type KpEligibilityInput,
} from '@simak/shared/rules/kp-eligibility';
import { kpSkpYears, type KpPeriodWindow, type KpRegimeWithWindow } from '@simak/shared/rules/kp-periods';
import type { Db, Tx } from '../../db.ts';
import { Prisma } from '../../db.ts';
import { fullName } from '../../lib/names.ts';

const sql = Prisma.sql;

/** Which active PNS to read: units (null = all), a name/NIP search, or one employee. */
export interface KpScope {
  opdIds: number[] | null;
  q?: string;
  employeeId?: number;
  /** Only these employees (a proposal's members). */
  employeeIds?: number[];
}

export interface KpInputRow {
  id: number;
  nip: string;
  nama: string;
  gelar_depan: string | null;
  gelar_belakang: string | null;
  opd_id: number;
  opd_kode: string;
  opd_nama: string;
  status: string;
  golongan: string | null;
  tmt_golongan: Date | null;
  jenis_jabatan: string;
  nama_jabatan: string | null;
  eselon: string | null;
  jenjang_fungsional: string | null;
  rumpun_fungsional: string | null;
  tmt_jabatan: Date | null;
  pendidikan_terakhir: string;
  tmt_cpns: Date | null;
  tanggal_lahir: Date;
  tmt_berhenti: Date | null;
  skp_tahun: number[] | null;
  skp_nilai: (number | null)[] | null;
  skp_predikat: (string | null)[] | null;
  hukdis: { tingkat: string; jenis: string | null; tanggalSk: string; tmt: string | null; tmtSelesai: string | null }[] | null;
  pd_jenjang: string[] | null;
  pd_tahun_lulus: (number | null)[] | null;
  ak_nilai: number | null;
  ak_tanggal: Date | null;
  ak_nomor: string | null;
  ak_document_id: number | null;
}

/** A name fragment, or a NIP prefix when the query is 3–18 digits (as the employee search). */
function searchFilter(q: string | undefined) {
  const t = q?.trim();
  if (!t) return Prisma.empty;
  const digits = t.replace(/\s+/g, '');
  if (/^\d{3,18}$/.test(digits)) return sql`AND e.nip LIKE ${`${digits}%`}`;
  return sql`AND e.nama ILIKE ${`%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`;
}

/**
 * Every PNS in the scope still in service on `today` (PPPK, CPNS, contract staff and those
 * whose service has ended are not in the list), with the inputs of the rules, in one statement:
 * the scope once, each history table aggregated per employee with a hash join (7,000 employees:
 * tens of milliseconds). `skpFrom`: the first SKP year read.
 */
export async function loadKpInputs(db: Db | Tx, scope: KpScope, today: IsoDate, skpFrom: number): Promise<KpInputRow[]> {
  const units = scope.opdIds ? sql`AND e.opd_id = ANY(${scope.opdIds}::int[])` : Prisma.empty;
  const one = scope.employeeId != null ? sql`AND e.id = ${scope.employeeId}` : Prisma.empty;
  const some = scope.employeeIds ? sql`AND e.id = ANY(${scope.employeeIds}::int[])` : Prisma.empty;
  // Inside a caller's transaction (a transition's guard) the statement runs there: SET LOCAL then
  // lasts until that transaction ends, which only spares the rest of it a JIT compilation.
  const inTx = async (tx: Tx) => {
    // The row estimates of the aggregates are far too high, so PostgreSQL would spend a second
    // compiling the plan (JIT) to run a 100 ms query.
    await tx.$executeRaw`SET LOCAL jit = off`;
    return tx.$queryRaw<KpInputRow[]>`
      WITH pns AS (
        SELECT e.* FROM employee e
        WHERE e.status_kepegawaian = 'PNS' AND (e.tmt_berhenti IS NULL OR e.tmt_berhenti > ${today}::date)
          ${units} ${one} ${some} ${searchFilter(scope.q)}
      ),
      skp AS (
        SELECT s.employee_id, array_agg(s.tahun) AS tahun, array_agg(s.nilai::float8) AS nilai, array_agg(s.predikat::text) AS predikat
        FROM riwayat_skp s WHERE s.tahun >= ${skpFrom}::int AND s.employee_id IN (SELECT id FROM pns) GROUP BY s.employee_id
      ),
      hd AS (
        SELECT h.employee_id,
               json_agg(json_build_object('tingkat', h.tingkat, 'jenis', h.jenis, 'tanggalSk', h.tanggal_sk, 'tmt', h.tmt, 'tmtSelesai', h.tmt_selesai)) AS list
        FROM riwayat_hukdis h WHERE h.employee_id IN (SELECT id FROM pns) GROUP BY h.employee_id
      ),
      pd AS (
        SELECT p.employee_id, array_agg(p.jenjang) AS jenjang, array_agg(p.tahun_lulus) AS tahun_lulus
        FROM riwayat_pendidikan p WHERE p.employee_id IN (SELECT id FROM pns) GROUP BY p.employee_id
      ),
      ak AS (
        SELECT DISTINCT ON (a.employee_id) a.employee_id, a.nilai, a.tanggal_pak, a.nomor_pak, a.document_id
        FROM angka_kredit a JOIN pns ON pns.id = a.employee_id AND a.tanggal_pak >= pns.tmt_golongan
        ORDER BY a.employee_id, a.tanggal_pak DESC, a.id DESC
      )
      SELECT e.id, e.nip, e.nama, e.gelar_depan, e.gelar_belakang, e.opd_id, o.kode AS opd_kode, o.nama AS opd_nama,
             e.status_kepegawaian::text AS status, e.golongan, e.tmt_golongan, e.jenis_jabatan::text AS jenis_jabatan, e.nama_jabatan,
             e.eselon, e.jenjang_fungsional::text AS jenjang_fungsional, e.rumpun_fungsional::text AS rumpun_fungsional, e.tmt_jabatan,
             e.pendidikan_terakhir, e.tmt_cpns, e.tanggal_lahir, e.tmt_berhenti,
             skp.tahun AS skp_tahun, skp.nilai AS skp_nilai, skp.predikat AS skp_predikat, hd.list AS hukdis,
             pd.jenjang AS pd_jenjang, pd.tahun_lulus AS pd_tahun_lulus,
             ak.nilai::float8 AS ak_nilai, ak.tanggal_pak AS ak_tanggal, ak.nomor_pak AS ak_nomor, ak.document_id AS ak_document_id
      FROM pns e
      JOIN opd o ON o.id = e.opd_id
      LEFT JOIN skp ON skp.employee_id = e.id
      LEFT JOIN hd ON hd.employee_id = e.id
      LEFT JOIN pd ON pd.employee_id = e.id
      LEFT JOIN ak ON ak.employee_id = e.id
      ORDER BY e.nama, e.id`;
  };
  return '$transaction' in db ? db.$transaction(inTx) : inTx(db);
}

/** The rules' input for a row at a period; null (with the reason) when the rank data is incomplete. */
export function kpInputOf(
  r: KpInputRow,
  window: KpPeriodWindow,
  regimes: readonly KpRegimeWithWindow[],
): { input: KpEligibilityInput; problem: null } | { input: null; problem: string } {
  const golongan = r.golongan && isGolongan(r.golongan) ? (r.golongan as Golongan) : null;
  if (!golongan || !r.tmt_golongan) return { input: null, problem: 'Golongan atau TMT golongan belum tercatat.' };
  const pendidikan = normalizeEducation(r.pendidikan_terakhir);
  if (!pendidikan) return { input: null, problem: `Pendidikan terakhir "${r.pendidikan_terakhir}" tidak dikenal.` };
  const jenisJabatan = r.jenis_jabatan as JenisJabatan;
  const eselon = r.eselon ? normalizeEselon(r.eselon) : null;
  const jenjang = (r.jenjang_fungsional as JenjangFungsional | null) ?? null;
  const bup = determineBup({ jenisJabatan, eselon, jenjangFungsional: jenjang, rumpunFungsional: (r.rumpun_fungsional as RumpunFungsional | null) ?? null });
  const pension = tmtPensiun(dateToIso(r.tanggal_lahir), bup.bup);
  const ended = r.tmt_berhenti ? dateToIso(r.tmt_berhenti) : null;
  const diplomas: DiplomaRecord[] = (r.pd_jenjang ?? []).flatMap((j, i) => {
    const jenjangDiploma: Pendidikan | null = normalizeEducation(j);
    return jenjangDiploma ? [{ jenjang: jenjangDiploma, tahunLulus: r.pd_tahun_lulus?.[i] ?? null }] : [];
  });
  const hukdis: HukdisRecord[] = (r.hukdis ?? []).map((h) => ({
    tingkat: h.tingkat as TingkatHukdis,
    jenis: h.jenis,
    tanggalSk: h.tanggalSk,
    tmt: h.tmt,
    tmtSelesai: h.tmtSelesai,
  }));
  return {
    problem: null,
    input: {
      period: window.period,
      statusKepegawaian: r.status as StatusKepegawaian,
      golongan,
      tmtGolongan: dateToIso(r.tmt_golongan),
      pendidikan,
      jenisJabatan,
      eselon,
      jenjangFungsional: jenjang,
      tmtJabatan: r.tmt_jabatan ? dateToIso(r.tmt_jabatan) : null,
      skp: (r.skp_tahun ?? []).map((tahun, i) => ({ tahun, nilai: r.skp_nilai?.[i] ?? null, predikat: r.skp_predikat?.[i] ?? null })),
      skpYears: kpSkpYears(window),
      hukdis,
      angkaKredit:
        r.ak_nilai != null && r.ak_tanggal
          ? { nilai: r.ak_nilai, tanggal: dateToIso(r.ak_tanggal), nomor: r.ak_nomor, documentId: r.ak_document_id }
          : null,
      diplomas,
      tmtCpns: r.tmt_cpns ? dateToIso(r.tmt_cpns) : null,
      endOfService: ended && ended < pension ? ended : pension,
      regimes,
    },
  };
}

/** The rules' verdict, or a refusal for rank data the rules cannot read. */
export type KpResult = Omit<KpEligibility, 'from' | 'codes'> & { from: string; codes: string[] };

export interface KpVerdict {
  row: KpInputRow;
  nama: string;
  result: KpResult;
}

/** Judges every row at the period (pure: no database). */
export function judge(rows: readonly KpInputRow[], window: KpPeriodWindow, regimes: readonly KpRegimeWithWindow[]): KpVerdict[] {
  return rows.map((row) => {
    const nama = fullName({ nama: row.nama, gelarDepan: row.gelar_depan, gelarBelakang: row.gelar_belakang });
    const built = kpInputOf(row, window, regimes);
    if (built.input) return { row, nama, result: kpEligibility(built.input) };
    return {
      row,
      nama,
      result: { eligible: false, jenis: null, from: row.golongan ?? '-', to: null, reasons: [built.problem], codes: ['DATA_TIDAK_LENGKAP'], flags: [], candidates: [] },
    };
  });
}

/** The first SKP year any period's check needs (the window's two years). */
export const skpFromFor = (window: KpPeriodWindow) => kpSkpYears(window)[0];

/**
 * Some employees judged at a period (a proposal's members, or one member again at submission),
 * inside the caller's transaction when given one. Employees that are not active PNS on `today`
 * have no row, so they are absent from the map.
 */
export async function judgeEmployees(
  db: Db | Tx,
  window: KpPeriodWindow,
  regimes: readonly KpRegimeWithWindow[],
  employeeIds: number[],
  today: IsoDate,
): Promise<Map<number, KpVerdict>> {
  if (!employeeIds.length) return new Map();
  const rows = await loadKpInputs(db, { opdIds: null, employeeIds }, today, skpFromFor(window));
  return new Map(judge(rows, window, regimes).map((v) => [v.row.id, v]));
}
