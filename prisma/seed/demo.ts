// Deterministic demo regency ("Kabupaten Lumajang Demo"): OPDs, employees and
// login accounts, written in one transaction. Same options (employees, today) → same data.
// The generator works at the fixed REF_DATE; the column maps below move every date to
// the seed day (shift.ts) as the rows are written.
import { hash, verify } from '@node-rs/argon2';
import { appToday } from '@simak/shared';
import pg from 'pg';
import { buildAccounts, type RoleRow, type UserRow } from './accounts.ts';
import { REF_DATE } from './dates.ts';
import { generateDemo, type EmployeeRow, type OpdRow } from './employees.ts';
import { DEMO_NIPS, DEMO_PASSWORD, DEMO_USERNAMES } from './featured.ts';
import { historyChunks } from './histories.ts';
import type {
  CutiRow, DiklatRow, EmployeeExtra, HukdisRow, JabatanRow, KeluargaRow, KgbRow, PangkatRow, PendidikanRow, SkpRow,
} from './history-types.ts';
import { ShiftedIds, seedShift, type SeedShift } from './shift.ts';
import { analyzeTables } from '../../server/src/lib/planner-stats.ts';
import { insertBatched, sendQuery, syncSequence, tsvInsertSql, type Column } from './write.ts';

/** The tables the seed fills; ANALYZEd once it commits (the planner would otherwise plan for empty tables). */
export const SEEDED_TABLES = [
  'opd', 'employee', 'riwayat_pangkat', 'riwayat_kgb', 'riwayat_jabatan', 'riwayat_pendidikan', 'riwayat_diklat',
  'riwayat_skp', 'riwayat_hukdis', 'riwayat_cuti', 'keluarga', 'app_user', 'user_role',
] as const;

export { DEMO_NIPS, DEMO_PASSWORD, DEMO_USERNAMES } from './featured.ts';
export { REF_DATE } from './dates.ts';

export const DEFAULT_DEMO_EMPLOYEES = 7000;

/** app_setting key holding the reference date the regency is dated to (a JSON string 'YYYY-MM-DD'; read by `--stats`). */
export const REFERENCE_DATE_SETTING = 'demo.reference_date';

export interface SeedDemoOptions {
  databaseUrl: string;
  /** Number of employees (default 7000); the org chart needs a few hundred. */
  employees?: number;
  /**
   * The day to date the regency to (YYYY-MM-DD; default: today by the platform's clock,
   * i.e. APP_TODAY when set). Its reference date is REF_DATE moved by whole months to the
   * last such day on or before `today`; any day from REF_DATE to 2026-12-29 gives the
   * generator's own dates (DEMO_NIPS, Siti's KGB due 2027-01-01, …).
   */
  today?: string;
  log?: (msg: string) => void;
}

export interface SeedDemoResult {
  opds: number;
  employees: number;
  users: number;
  /** Rows written to the history tables (riwayat_*, keluarga). */
  historyRows: number;
  /** The day the regency was dated to (`today`). */
  today: string;
  /** Its reference date: REF_DATE moved by whole months, on or before `today`. */
  refDate: string;
}

/** Employees per generate-and-insert round (bounds memory; the rows do not depend on it). */
const CHUNK = 2000;

/**
 * Seeds an empty (migrated) database with the demo regency. Refuses to run when
 * the demo OPDs or accounts already exist; nothing is written on failure.
 */
export async function seedDemo(opts: SeedDemoOptions): Promise<SeedDemoResult> {
  const log = opts.log ?? (() => {});
  const count = opts.employees ?? DEFAULT_DEMO_EMPLOYEES;
  if (!Number.isInteger(count) || count <= 0) throw new Error(`employees must be a positive integer, got ${count}`);
  const today = opts.today ?? appToday();
  const shift = seedShift(today);

  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = Math.round(now - t);
    t = now;
    return `${ms} ms`;
  };

  // argon2 is deliberately slow: hash the shared demo password once.
  const passwordHash = await hash(DEMO_PASSWORD);
  const data = generateDemo(count);
  const { users, roles } = buildAccounts(data);
  // Shifted NIPs, once per employee in id order (employee.nip and the username agree).
  const ids = new ShiftedIds(shift);
  const nips = new Map(data.employees.map((e) => [e.id, { from: e.nip, to: ids.nip(e.nip, e.tmtPppk) }]));
  log(`Generated ${data.opds.length} OPDs, ${data.employees.length} employees, ${users.length} accounts (${lap()})`);
  if (shift.months) log(`Dated to ${shift.refDate} (reference ${REF_DATE} moved by ${shift.months} months, years by ${shift.years}) for ${today}`);

  let historyRows = 0;
  const client = new pg.Client({ connectionString: opts.databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('LOCK TABLE "opd", "employee", "app_user", "user_role" IN SHARE ROW EXCLUSIVE MODE');
    const clash = await client.query<{ what: string }>(
      `SELECT 'OPD ' || kode AS what FROM "opd" WHERE kode = ANY($1)
       UNION ALL SELECT 'user ' || username FROM "app_user" WHERE username = ANY($2)
       LIMIT 1`,
      [data.opds.map((o) => o.kode), [...Object.values(DEMO_USERNAMES), ...Object.values(data.featured).map((id) => nips.get(id)!.to)]],
    );
    if (clash.rows[0]) {
      throw new Error(`${clash.rows[0].what} already exists: the database is already seeded (use --if-empty, or a fresh database)`);
    }
    const base = (
      await client.query<{ opd: number; employee: number; app_user: number }>(
        `SELECT (SELECT COALESCE(MAX(id), 0) FROM "opd")::int AS opd,
                (SELECT COALESCE(MAX(id), 0) FROM "employee")::int AS employee,
                (SELECT COALESCE(MAX(id), 0) FROM "app_user")::int AS app_user`,
      )
    ).rows[0]!;
    const opdId = (id: number | null) => (id === null ? null : id + base.opd);
    const empId = (id: number | null) => (id === null ? null : id + base.employee);
    const userId = (id: number) => id + base.app_user;

    await insertBatched<OpdRow>(client, 'opd', opdColumns(opdId), data.opds, { touchUpdatedAt: true });
    // Employees and their histories, chunk by chunk: generate, insert, drop (superiors come first, so FKs hold).
    const employeeCols = employeeColumns(opdId, empId, shift);
    const t = { touchUpdatedAt: true };
    let inflight: Promise<unknown> | null = null;
    for (const chunk of historyChunks(data, CHUNK)) {
      const rows = data.employees.slice(chunk.first - 1, chunk.last).map((e, k) => {
        const x = chunk.extras[k]!;
        return { e, x, nip: nips.get(e.id)!.to, nik: ids.nik(x.nik, e.tanggalLahir) };
      });
      const sql =
        tsvInsertSql(`employee`, employeeCols, rows, t) +
        tsvInsertSql<PangkatRow>('riwayat_pangkat', pangkatColumns(empId, shift), chunk.pangkat, t) +
        tsvInsertSql<KgbRow>('riwayat_kgb', kgbColumns(empId, shift), chunk.kgb, t) +
        tsvInsertSql<JabatanRow>('riwayat_jabatan', jabatanColumns(empId, opdId, shift), chunk.jabatan, t) +
        tsvInsertSql<PendidikanRow>('riwayat_pendidikan', pendidikanColumns(empId, shift), chunk.pendidikan, t) +
        tsvInsertSql<DiklatRow>('riwayat_diklat', diklatColumns(empId, shift), chunk.diklat, t) +
        tsvInsertSql<SkpRow>('riwayat_skp', skpColumns(empId, shift), chunk.skp, t) +
        tsvInsertSql<HukdisRow>('riwayat_hukdis', hukdisColumns(empId, shift), chunk.hukdis, t) +
        tsvInsertSql<CutiRow>('riwayat_cuti', cutiColumns(empId, shift), chunk.cuti) +
        tsvInsertSql<KeluargaRow>('keluarga', keluargaColumns(empId, shift), chunk.keluarga, t);
      historyRows += chunk.pangkat.length + chunk.kgb.length + chunk.jabatan.length + chunk.pendidikan.length + chunk.diklat.length +
        chunk.skp.length + chunk.hukdis.length + chunk.cuti.length + chunk.keluarga.length;
      // One chunk in flight: Postgres inserts it while the next one is generated.
      if (inflight) await inflight;
      inflight = (await sendQuery(client, sql)).done;
    }
    if (inflight) await inflight;
    log(`Generated and inserted employees and ${historyRows} history rows (${lap()})`);
    // Accounts whose username is the employee's NIP get the shifted NIP.
    const username = (u: UserRow) => {
      const n = u.employeeId === null ? undefined : nips.get(u.employeeId);
      return n && n.from === u.username ? n.to : u.username;
    };
    await insertBatched<UserRow>(client, 'app_user', userColumns(userId, empId, passwordHash, username), users, { touchUpdatedAt: true });
    await insertBatched<RoleRow>(client, 'user_role', roleColumns(userId, opdId), roles);
    for (const table of ['opd', 'employee', 'app_user']) await syncSequence(client, table);
    await client.query(
      `INSERT INTO "app_setting" ("key", "value", "updated_at") VALUES ($1, $2::jsonb, now())
       ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "updated_at" = now()`,
      [REFERENCE_DATE_SETTING, JSON.stringify(shift.refDate)],
    );
    await client.query('COMMIT');
    log(`Inserted accounts and committed (${lap()})`);
    await analyzeTables((sql) => client.query(sql), SEEDED_TABLES);
    log(`Planner statistics refreshed (${lap()})`);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    await client.end();
  }
  return { opds: data.opds.length, employees: data.employees.length, users: users.length, historyRows, today, refDate: shift.refDate };
}

function opdColumns(opdId: (id: number | null) => number | null): Column<OpdRow>[] {
  return [
    { name: 'id', type: 'int4[]', get: (o) => opdId(o.id) },
    { name: 'kode', type: 'text[]', get: (o) => o.kode },
    { name: 'nama', type: 'text[]', get: (o) => o.nama },
    { name: 'parent_id', type: 'int4[]', get: (o) => opdId(o.parentId) },
    { name: 'alamat', type: 'text[]', get: (o) => o.alamat },
    { name: 'latitude', type: 'numeric[]', get: (o) => o.latitude },
    { name: 'longitude', type: 'numeric[]', get: (o) => o.longitude },
    { name: 'radius_m', type: 'int4[]', get: (o) => o.radiusM },
  ];
}

/** An employee row with the columns the history generator fills, and its shifted NIP and NIK. */
interface EmployeeWithExtra {
  e: EmployeeRow;
  x: EmployeeExtra;
  nip: string;
  nik: string | null;
}

// Every date column goes through shift.date, every year column through shift.year, and
// letter numbers / titles ending in a year through shift.yearIn (identities when the
// regency is dated to its reference date).

function employeeColumns(
  opdId: (id: number | null) => number | null,
  empId: (id: number | null) => number | null,
  shift: SeedShift,
): Column<EmployeeWithExtra>[] {
  const d = shift.date;
  const base: Column<EmployeeRow>[] = [
    { name: 'id', type: 'int4[]', get: (e) => empId(e.id) },
    { name: 'nip_lama', type: 'text[]', get: (e) => e.nipLama },
    { name: 'nama', type: 'text[]', get: (e) => e.nama },
    { name: 'gelar_depan', type: 'text[]', get: (e) => e.gelarDepan },
    { name: 'gelar_belakang', type: 'text[]', get: (e) => e.gelarBelakang },
    { name: 'jenis_kelamin', type: '"JenisKelamin"[]', get: (e) => e.jenisKelamin },
    { name: 'tempat_lahir', type: 'text[]', get: (e) => e.tempatLahir },
    { name: 'tanggal_lahir', type: 'date[]', get: (e) => d(e.tanggalLahir) },
    { name: 'status_kepegawaian', type: '"StatusKepegawaian"[]', get: (e) => e.statusKepegawaian },
    { name: 'tmt_cpns', type: 'date[]', get: (e) => d(e.tmtCpns) },
    { name: 'tmt_pns', type: 'date[]', get: (e) => d(e.tmtPns) },
    { name: 'tmt_pppk', type: 'date[]', get: (e) => d(e.tmtPppk) },
    { name: 'opd_id', type: 'int4[]', get: (e) => opdId(e.opdId) },
    { name: 'unit_kerja', type: 'text[]', get: (e) => e.unitKerja },
    { name: 'jenis_jabatan', type: '"JenisJabatan"[]', get: (e) => e.jenisJabatan },
    { name: 'nama_jabatan', type: 'text[]', get: (e) => e.namaJabatan },
    { name: 'eselon', type: 'text[]', get: (e) => e.eselon },
    { name: 'jenjang_fungsional', type: '"JenjangFungsional"[]', get: (e) => e.jenjangFungsional },
    { name: 'rumpun_fungsional', type: '"RumpunFungsional"[]', get: (e) => e.rumpunFungsional },
    { name: 'tmt_jabatan', type: 'date[]', get: (e) => d(e.tmtJabatan) },
    { name: 'golongan', type: 'text[]', get: (e) => e.golongan },
    { name: 'tmt_golongan', type: 'date[]', get: (e) => d(e.tmtGolongan) },
    { name: 'mkg_tahun', type: 'int4[]', get: (e) => e.mkgTahun },
    { name: 'mkg_bulan', type: 'int4[]', get: (e) => e.mkgBulan },
    { name: 'pendidikan_terakhir', type: 'text[]', get: (e) => e.pendidikanTerakhir },
    { name: 'jurusan', type: 'text[]', get: (e) => e.jurusan },
    { name: 'tahun_lulus', type: 'int4[]', get: (e) => shift.year(e.tahunLulus) },
    { name: 'email', type: 'text[]', get: (e) => e.email },
    { name: 'no_hp', type: 'text[]', get: (e) => e.noHp },
    { name: 'atasan_id', type: 'int4[]', get: (e) => empId(e.atasanId) },
  ];
  const extra: Column<EmployeeExtra>[] = [
    { name: 'agama', type: 'text[]', get: (x) => x.agama },
    { name: 'status_perkawinan', type: 'text[]', get: (x) => x.statusPerkawinan },
    { name: 'alamat', type: 'text[]', get: (x) => x.alamat },
    { name: 'kota', type: 'text[]', get: (x) => x.kota },
    { name: 'kode_pos', type: 'text[]', get: (x) => x.kodePos },
    { name: 'gaji_pokok', type: 'int4[]', get: (x) => x.gajiPokok },
    { name: 'tmt_kgb_terakhir', type: 'date[]', get: (x) => d(x.tmtKgbTerakhir) },
  ];
  return [
    ...base.slice(0, 1).map((c) => ({ ...c, get: (r: EmployeeWithExtra) => c.get(r.e) })),
    { name: 'nip', type: 'text[]', get: (r) => r.nip },
    ...base.slice(1).map((c) => ({ ...c, get: (r: EmployeeWithExtra) => c.get(r.e) })),
    { name: 'nik', type: 'text[]', get: (r) => r.nik },
    ...extra.map((c) => ({ ...c, get: (r: EmployeeWithExtra) => c.get(r.x) })),
  ];
}

// History tables (ids from their sequences, in generation order).

function pangkatColumns(empId: (id: number) => number | null, shift: SeedShift): Column<PangkatRow>[] {
  const d = shift.date;
  return [
    { name: 'employee_id', type: 'int4[]', get: (r) => empId(r.employeeId) },
    { name: 'golongan', type: 'text[]', get: (r) => r.golongan },
    { name: 'tmt_golongan', type: 'date[]', get: (r) => d(r.tmtGolongan) },
    { name: 'jenis_kp', type: '"JenisKp"[]', get: (r) => r.jenisKp },
    { name: 'nomor_sk', type: 'text[]', get: (r) => shift.yearIn(r.nomorSk) },
    { name: 'tanggal_sk', type: 'date[]', get: (r) => d(r.tanggalSk) },
    { name: 'mkg_tahun', type: 'int4[]', get: (r) => r.mkgTahun },
    { name: 'mkg_bulan', type: 'int4[]', get: (r) => r.mkgBulan },
    { name: 'gaji_pokok', type: 'int4[]', get: (r) => r.gajiPokok },
  ];
}

function kgbColumns(empId: (id: number) => number | null, shift: SeedShift): Column<KgbRow>[] {
  const d = shift.date;
  return [
    { name: 'employee_id', type: 'int4[]', get: (r) => empId(r.employeeId) },
    { name: 'tmt', type: 'date[]', get: (r) => d(r.tmt) },
    { name: 'golongan', type: 'text[]', get: (r) => r.golongan },
    { name: 'mkg_tahun', type: 'int4[]', get: (r) => r.mkgTahun },
    { name: 'mkg_bulan', type: 'int4[]', get: (r) => r.mkgBulan },
    { name: 'gaji_pokok_lama', type: 'int4[]', get: (r) => r.gajiPokokLama },
    { name: 'gaji_pokok', type: 'int4[]', get: (r) => r.gajiPokok },
    { name: 'nomor_surat', type: 'text[]', get: (r) => shift.yearIn(r.nomorSurat) },
    { name: 'tanggal_surat', type: 'date[]', get: (r) => d(r.tanggalSurat) },
  ];
}

function jabatanColumns(empId: (id: number) => number | null, opdId: (id: number | null) => number | null, shift: SeedShift): Column<JabatanRow>[] {
  const d = shift.date;
  return [
    { name: 'employee_id', type: 'int4[]', get: (r) => empId(r.employeeId) },
    { name: 'jenis_jabatan', type: '"JenisJabatan"[]', get: (r) => r.jenisJabatan },
    { name: 'nama_jabatan', type: 'text[]', get: (r) => r.namaJabatan },
    { name: 'eselon', type: 'text[]', get: (r) => r.eselon },
    { name: 'jenjang_fungsional', type: '"JenjangFungsional"[]', get: (r) => r.jenjangFungsional },
    { name: 'rumpun_fungsional', type: '"RumpunFungsional"[]', get: (r) => r.rumpunFungsional },
    { name: 'opd_id', type: 'int4[]', get: (r) => opdId(r.opdId) },
    { name: 'unit_kerja', type: 'text[]', get: (r) => r.unitKerja },
    { name: 'tmt_jabatan', type: 'date[]', get: (r) => d(r.tmtJabatan) },
    { name: 'nomor_sk', type: 'text[]', get: (r) => shift.yearIn(r.nomorSk) },
    { name: 'tanggal_sk', type: 'date[]', get: (r) => d(r.tanggalSk) },
  ];
}

function pendidikanColumns(empId: (id: number) => number | null, shift: SeedShift): Column<PendidikanRow>[] {
  return [
    { name: 'employee_id', type: 'int4[]', get: (r) => empId(r.employeeId) },
    { name: 'jenjang', type: 'text[]', get: (r) => r.jenjang },
    { name: 'jurusan', type: 'text[]', get: (r) => r.jurusan },
    { name: 'institusi', type: 'text[]', get: (r) => r.institusi },
    { name: 'tahun_lulus', type: 'int4[]', get: (r) => shift.year(r.tahunLulus) },
  ];
}

function diklatColumns(empId: (id: number) => number | null, shift: SeedShift): Column<DiklatRow>[] {
  const d = shift.date;
  return [
    { name: 'employee_id', type: 'int4[]', get: (r) => empId(r.employeeId) },
    { name: 'jenis', type: '"JenisDiklat"[]', get: (r) => r.jenis },
    { name: 'nama', type: 'text[]', get: (r) => shift.yearIn(r.nama) },
    { name: 'penyelenggara', type: 'text[]', get: (r) => r.penyelenggara },
    { name: 'tanggal_mulai', type: 'date[]', get: (r) => d(r.tanggalMulai) },
    { name: 'tanggal_selesai', type: 'date[]', get: (r) => d(r.tanggalSelesai) },
    { name: 'jp', type: 'int4[]', get: (r) => r.jp },
    { name: 'nomor_sertifikat', type: 'text[]', get: (r) => shift.yearIn(r.nomorSertifikat) },
  ];
}

function skpColumns(empId: (id: number) => number | null, shift: SeedShift): Column<SkpRow>[] {
  return [
    { name: 'employee_id', type: 'int4[]', get: (r) => empId(r.employeeId) },
    { name: 'tahun', type: 'int4[]', get: (r) => shift.year(r.tahun) },
    { name: 'nilai', type: 'numeric[]', get: (r) => r.nilai },
    { name: 'predikat', type: '"PredikatSkp"[]', get: (r) => r.predikat },
  ];
}

function hukdisColumns(empId: (id: number) => number | null, shift: SeedShift): Column<HukdisRow>[] {
  const d = shift.date;
  return [
    { name: 'employee_id', type: 'int4[]', get: (r) => empId(r.employeeId) },
    { name: 'tingkat', type: '"TingkatHukdis"[]', get: (r) => r.tingkat },
    { name: 'jenis', type: 'text[]', get: (r) => r.jenis },
    { name: 'nomor_sk', type: 'text[]', get: (r) => shift.yearIn(r.nomorSk) },
    { name: 'tanggal_sk', type: 'date[]', get: (r) => d(r.tanggalSk) },
    { name: 'tmt', type: 'date[]', get: (r) => d(r.tmt) },
    { name: 'tmt_selesai', type: 'date[]', get: (r) => d(r.tmtSelesai) },
    { name: 'keterangan', type: 'text[]', get: (r) => r.keterangan },
  ];
}

function cutiColumns(empId: (id: number) => number | null, shift: SeedShift): Column<CutiRow>[] {
  const d = shift.date;
  return [
    { name: 'employee_id', type: 'int4[]', get: (r) => empId(r.employeeId) },
    { name: 'jenis_cuti', type: 'text[]', get: (r) => r.jenisCuti },
    { name: 'tanggal_mulai', type: 'date[]', get: (r) => d(r.tanggalMulai) },
    { name: 'tanggal_selesai', type: 'date[]', get: (r) => d(r.tanggalSelesai) },
    { name: 'lama_hari', type: 'int4[]', get: (r) => r.lamaHari },
    { name: 'nomor_surat', type: 'text[]', get: (r) => shift.yearIn(r.nomorSurat) },
    { name: 'keterangan', type: 'text[]', get: (r) => r.keterangan },
  ];
}

function keluargaColumns(empId: (id: number) => number | null, shift: SeedShift): Column<KeluargaRow>[] {
  const d = shift.date;
  return [
    { name: 'employee_id', type: 'int4[]', get: (r) => empId(r.employeeId) },
    { name: 'hubungan', type: '"HubunganKeluarga"[]', get: (r) => r.hubungan },
    { name: 'nama', type: 'text[]', get: (r) => r.nama },
    { name: 'tanggal_lahir', type: 'date[]', get: (r) => d(r.tanggalLahir) },
    { name: 'jenis_kelamin', type: '"JenisKelamin"[]', get: (r) => r.jenisKelamin },
    { name: 'tanggal_nikah', type: 'date[]', get: (r) => d(r.tanggalNikah) },
    { name: 'status_tunjangan', type: 'bool[]', get: (r) => r.statusTunjangan },
    { name: 'keterangan', type: 'text[]', get: (r) => r.keterangan },
  ];
}

function userColumns(
  userId: (id: number) => number,
  empId: (id: number | null) => number | null,
  passwordHash: string,
  username: (u: UserRow) => string,
): Column<UserRow>[] {
  return [
    { name: 'id', type: 'int4[]', get: (u) => userId(u.id) },
    { name: 'username', type: 'text[]', get: username },
    { name: 'password_hash', type: 'text[]', get: () => passwordHash },
    { name: 'display_name', type: 'text[]', get: (u) => u.displayName },
    { name: 'employee_id', type: 'int4[]', get: (u) => empId(u.employeeId) },
    { name: 'must_change_password', type: 'bool[]', get: (u) => u.mustChangePassword },
  ];
}

function roleColumns(userId: (id: number) => number, opdId: (id: number | null) => number | null): Column<RoleRow>[] {
  return [
    { name: 'user_id', type: 'int4[]', get: (r) => userId(r.userId) },
    { name: 'role', type: '"Role"[]', get: (r) => r.role },
    { name: 'opd_id', type: 'int4[]', get: (r) => opdId(r.opdId) },
  ];
}

// ---------------------------------------------------------------------------

export interface DemoAccount {
  role: string;
  username: string;
  password: string;
  name: string;
  note: string;
}

interface AccountQueryRow {
  username: string;
  display_name: string;
  password_hash: string;
  must_change_password: boolean;
  nip: string | null;
  nama_jabatan: string | null;
  golongan: string | null;
  opd_kode: string | null;
  bawahan: number;
  roles: { role: string; opd: string | null }[];
}

const ACCOUNT_SQL = `
  SELECT u.username, u.display_name, u.password_hash, u.must_change_password,
         e.nip, e.nama_jabatan, e.golongan, o.kode AS opd_kode,
         (SELECT COUNT(*) FROM "employee" b WHERE b.atasan_id = e.id)::int AS bawahan,
         COALESCE(
           (SELECT json_agg(json_build_object('role', r.role, 'opd', ro.kode) ORDER BY r.role, ro.kode)
              FROM "user_role" r LEFT JOIN "opd" ro ON ro.id = r.opd_id WHERE r.user_id = u.id),
           '[]'::json) AS roles
    FROM "app_user" u
    LEFT JOIN "employee" e ON e.id = u.employee_id
    LEFT JOIN "opd" o ON o.id = e.opd_id`;

/**
 * The featured demo accounts as they are in the database now (roles, scope,
 * whether the demo password still works), plus one example imported ASN account.
 */
export async function listDemoAccounts(databaseUrl: string): Promise<DemoAccount[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // The featured ASN and ATASAN by their usernames (databases seeded before they had fixed
    // usernames: by their NIPs at the reference date).
    const wanted = [
      DEMO_USERNAMES.bkdAdmin, DEMO_USERNAMES.bkdVerifier, DEMO_USERNAMES.dinkesAdmin, DEMO_USERNAMES.disdikAdmin,
      DEMO_USERNAMES.asn, DEMO_USERNAMES.atasan, DEMO_NIPS.asn, DEMO_NIPS.atasan, DEMO_USERNAMES.kontrak,
    ];
    const found = await client.query<AccountQueryRow>(`${ACCOUNT_SQL} WHERE u.username = ANY($1)`, [wanted]);
    const byName = new Map(found.rows.map((r) => [r.username, r]));
    const sample = await client.query<AccountQueryRow>(
      `${ACCOUNT_SQL}
        WHERE u.must_change_password AND e.jenis_jabatan = 'FUNGSIONAL' AND u.username <> ALL($1)
          AND NOT EXISTS (SELECT 1 FROM "employee" b WHERE b.atasan_id = e.id)
        ORDER BY u.id LIMIT 1`,
      [wanted],
    );

    const out: DemoAccount[] = [];
    const push = async (row: AccountQueryRow | undefined, note: (r: AccountQueryRow) => string, roleLabel?: (r: AccountQueryRow) => string) => {
      if (!row) return;
      const ok = await verify(row.password_hash, DEMO_PASSWORD).catch(() => false);
      out.push({
        role: roleLabel ? roleLabel(row) : formatRoles(row.roles),
        username: row.username,
        password: ok ? DEMO_PASSWORD : '(changed)',
        name: row.display_name,
        note: note(row) + (row.must_change_password ? '; must change password at first login' : ''),
      });
    };
    const job = (r: AccountQueryRow) => (r.nip ? `${r.nama_jabatan ?? '-'} (${r.golongan ?? '-'}), ${r.opd_kode}; NIP ${r.nip}` : '');
    await push(byName.get(DEMO_USERNAMES.bkdAdmin), (r) => `BKD administrator, also an ASN: ${job(r)}`);
    await push(byName.get(DEMO_USERNAMES.bkdVerifier), (r) => `BKD verifier: ${job(r)}`);
    await push(byName.get(DEMO_USERNAMES.dinkesAdmin), (r) => `OPD admin for ${scopes(r)}; not an employee`);
    await push(byName.get(DEMO_USERNAMES.disdikAdmin), (r) => `OPD admin for ${scopes(r)}; not an employee`);
    await push(byName.get(DEMO_USERNAMES.asn) ?? byName.get(DEMO_NIPS.asn), (r) => `Featured ASN: ${job(r)}`);
    await push(
      byName.get(DEMO_USERNAMES.atasan) ?? byName.get(DEMO_NIPS.atasan),
      (r) => `Featured ATASAN: ${job(r)}; ${r.bawahan} direct subordinates`,
      (r) => `${formatRoles(r.roles)} + ATASAN (derived)`,
    );
    await push(byName.get(DEMO_USERNAMES.kontrak), (r) => `Contract staff (KONTRAK): ${r.nama_jabatan ?? '-'}, ${r.opd_kode}; attendance and activities`, () => 'KONTRAK (ASN self-service)');
    await push(sample.rows[0], (r) => `Any imported ASN, e.g. ${job(r)}; username = NIP`);
    return out;
  } finally {
    await client.end();
  }
}

function scopes(r: AccountQueryRow): string {
  return r.roles.filter((x) => x.opd).map((x) => x.opd).join(', ');
}

function formatRoles(roles: AccountQueryRow['roles']): string {
  const grouped = new Map<string, string[]>();
  for (const r of roles) {
    const list = grouped.get(r.role) ?? [];
    if (r.opd) list.push(r.opd);
    grouped.set(r.role, list);
  }
  return [...grouped].map(([role, opds]) => (opds.length ? `${role} (${opds.join(', ')})` : role)).join(' + ');
}

/** Plain-text table of the demo accounts for the console. */
export function formatAccountsTable(rows: DemoAccount[]): string {
  const head: DemoAccount = { role: 'Role', username: 'Username', password: 'Password', name: 'Name', note: 'Note' };
  const keys = ['role', 'username', 'password', 'name', 'note'] as const;
  const all = [head, ...rows];
  const width = keys.map((k) => Math.max(...all.map((r) => r[k].length)));
  const line = (r: DemoAccount) => keys.map((k, i) => r[k].padEnd(width[i]!)).join('  ').trimEnd();
  return [line(head), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
