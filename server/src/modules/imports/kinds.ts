/**
 * The ten import kinds of IMPORT-FORMAT.md as data: columns, row checks,
 * references, upsert key and target table. engine.ts runs them.
 */
import {
  classifyJenisHukdis,
  compareDates,
  HUBUNGAN_KELUARGA,
  JENIS_BERHENTI,
  JENIS_DIKLAT,
  JENIS_HUKDIS,
  JENIS_JABATAN,
  JENIS_KELAMIN,
  JENIS_KP,
  JENJANG_FUNGSIONAL,
  parseNip,
  PENDIDIKAN,
  predikatFromNilai,
  RUMPUN_FUNGSIONAL,
  STATUS_KEPEGAWAIAN,
  TINGKAT_HUKDIS,
  appToday,
  type JenisKelamin,
  type StatusKepegawaian,
} from '@simak/shared';
import type { ImportKind } from '@simak/shared/api/imports';
import {
  anyGolongan,
  date,
  decimal,
  education,
  email,
  eselon,
  golonganFor,
  int,
  key,
  nipRef,
  oneOf,
  phone,
  predikat,
  text,
  year,
  yesNo,
} from './columns.ts';
import type { ColumnDef, KindDef, RefSpec, RowCtx, SqlCheck, TargetCol, TargetSpec } from './types.ts';

const col = (name: string, sql: string | undefined, parse: ColumnDef['parse'], required = false): ColumnDef => ({
  name,
  sql,
  parse,
  required,
});
/** A target column taken as is from the file column of the same name. */
const same = (name: string): TargetCol => ({ col: name, expr: `s.${name}`, from: [name] });

const JK_ALIASES = { LAKI_LAKI: 'L', LAKI: 'L', PRIA: 'L', PEREMPUAN: 'P', WANITA: 'P' } as const;

// ---------------------------------------------------------------------------
// References

const nipRefSpec: RefSpec = {
  column: 'nip',
  stageCol: 'nip',
  idCol: 'employee_id',
  table: 'employee',
  keyCol: 'nip',
  message: (v) => `NIP ${v} tidak ditemukan di data pegawai; impor berkas pegawai terlebih dahulu.`,
};

const opdRefSpec: RefSpec = {
  column: 'opd_kode',
  stageCol: 'opd_kode',
  idCol: 'opd_id',
  table: 'opd',
  keyCol: 'kode',
  message: (v) => `Kode OPD ${v} tidak ditemukan; impor berkas opd terlebih dahulu.`,
};

// ---------------------------------------------------------------------------
// Shared row checks

function jabatanRules(ctx: RowCtx) {
  const { v } = ctx;
  if (v.eselon != null && v.jenis_jabatan !== 'STRUKTURAL' && v.jenis_jabatan != null) {
    ctx.error('eselon', 'Eselon hanya diisi untuk jabatan STRUKTURAL.');
  }
  if (v.jenjang_fungsional != null && v.jenis_jabatan !== 'FUNGSIONAL' && v.jenis_jabatan != null) {
    ctx.error('jenjang_fungsional', 'Jenjang fungsional hanya diisi untuk jabatan FUNGSIONAL.');
  }
}

function notBefore(ctx: RowCtx, later: string, earlier: string, message: string) {
  const a = ctx.v[later];
  const b = ctx.v[earlier];
  if (typeof a === 'string' && typeof b === 'string' && compareDates(a, b) < 0) ctx.error(later, message);
}

function notInFuture(ctx: RowCtx, column: string, message: string) {
  const d = ctx.v[column];
  if (typeof d === 'string' && compareDates(d, appToday()) > 0) ctx.error(column, message);
}

// ---------------------------------------------------------------------------
// History targets: upsert on (employee, …key) with the other columns as values.

function historyTarget(
  table: string,
  keyCols: string[],
  cols: TargetCol[],
  opts: { nullableKeys?: string[] } = {},
): TargetSpec {
  return {
    table,
    entity: table,
    idCol: 'target_id',
    actionCol: 'action',
    key: [
      { col: 'employee_id', expr: 's.employee_id' },
      ...keyCols.map((k) => ({ col: k, expr: `s.${k}`, nullable: opts.nullableKeys?.includes(k) })),
    ],
    cols,
    employeeId: 's.employee_id',
  };
}

const nipColumn = col('nip', 'text', nipRef, true);

/**
 * The latest history row of each employee (file rows and stored rows not replaced by
 * the file) must agree with the employee's current value; `cand` lists the candidates.
 */
function latestConflict(opts: {
  table: string;
  /** Columns selected from staging (s) and stored rows (t) under the same names, order column first. */
  select: (alias: 's' | 't') => string;
  order: string;
  disagree: string;
  detail: string;
}): string {
  return `
    WITH cand AS (
      SELECT s.employee_id, s.row_no, ${opts.select('s')} FROM imp_stage s WHERE s.ok
      UNION ALL
      SELECT t.employee_id, NULL::int AS row_no, ${opts.select('t')} FROM ${opts.table} t
      WHERE t.employee_id IN (SELECT employee_id FROM imp_stage WHERE ok)
        AND NOT EXISTS (SELECT 1 FROM imp_stage s WHERE s.ok AND s.target_id = t.id)
    ), latest AS (
      SELECT DISTINCT ON (employee_id) * FROM cand
      ORDER BY employee_id, ${opts.order}, (row_no IS NULL), row_no DESC
    )
    SELECT l.row_no, ${opts.detail}
    FROM latest l JOIN employee e ON e.id = l.employee_id
    WHERE l.row_no IS NOT NULL AND (${opts.disagree})
    ORDER BY l.row_no`;
}

const pangkatConflict: SqlCheck = {
  column: 'golongan',
  sql: latestConflict({
    table: 'riwayat_pangkat',
    select: (a) => `${a}.tmt_golongan AS d, ${a}.golongan AS g`,
    order: 'd DESC',
    disagree: `e.golongan IS NOT NULL AND (e.golongan <> l.g OR (e.tmt_golongan IS NOT NULL AND e.tmt_golongan <> l.d))`,
    detail: `l.g AS value, l.d::text AS d, e.golongan AS cur, e.tmt_golongan::text AS cur_d`,
  }),
  message: (r) =>
    `Konflik dengan data pegawai: riwayat pangkat terakhir (${r.value}, TMT ${r.d}) tidak sama dengan golongan saat ini ` +
    `(${r.cur}${r.cur_d ? `, TMT ${r.cur_d}` : ''}).`,
};

const jabatanConflict: SqlCheck = {
  column: 'nama_jabatan',
  sql: latestConflict({
    table: 'riwayat_jabatan',
    select: (a) => `${a}.tmt_jabatan AS d, ${a}.jenis_jabatan AS j, ${a}.nama_jabatan AS n, ${a}.opd_id AS o`,
    order: 'd DESC',
    disagree: `e.jenis_jabatan <> l.j OR e.opd_id <> l.o
      OR (e.nama_jabatan IS NOT NULL AND lower(e.nama_jabatan) <> lower(l.n))
      OR (e.tmt_jabatan IS NOT NULL AND e.tmt_jabatan <> l.d)`,
    detail: `l.n AS value, l.d::text AS d, l.j::text AS j, (SELECT kode FROM opd WHERE id = l.o) AS opd,
      e.nama_jabatan AS cur, e.jenis_jabatan::text AS cur_j, e.tmt_jabatan::text AS cur_d,
      (SELECT kode FROM opd WHERE id = e.opd_id) AS cur_opd`,
  }),
  message: (r) =>
    `Konflik dengan data pegawai: riwayat jabatan terakhir (${r.j} ${r.value}, OPD ${r.opd}, TMT ${r.d}) tidak sama dengan ` +
    `jabatan saat ini (${r.cur_j} ${r.cur ?? '-'}, OPD ${r.cur_opd}${r.cur_d ? `, TMT ${r.cur_d}` : ''}).`,
};

const EDUCATION_ORDER = `ARRAY[${PENDIDIKAN.map((p) => `'${p}'`).join(',')}]`;
const pendidikanConflict: SqlCheck = {
  column: 'jenjang',
  sql: latestConflict({
    table: 'riwayat_pendidikan',
    select: (a) => `${a}.tahun_lulus AS y, array_position(${EDUCATION_ORDER}, ${a}.jenjang) AS rank, ${a}.jenjang AS j`,
    order: 'y DESC NULLS LAST, rank DESC',
    disagree: `e.pendidikan_terakhir <> l.j`,
    detail: `l.j AS value, l.y AS y, e.pendidikan_terakhir AS cur`,
  }),
  message: (r) =>
    `Konflik dengan data pegawai: pendidikan terakhir di riwayat (${r.value}${r.y ? `, lulus ${r.y}` : ''}) tidak sama dengan ` +
    `pendidikan terakhir pegawai (${r.cur}).`,
};

const opdCycle: SqlCheck = {
  column: 'induk_kode',
  sql: `
    WITH RECURSIVE g(kode, parent) AS (
      SELECT s.kode, s.induk_kode FROM imp_stage s WHERE s.ok
      UNION ALL
      SELECT o.kode, p.kode FROM opd o LEFT JOIN opd p ON p.id = o.parent_id
      WHERE NOT EXISTS (SELECT 1 FROM imp_stage s WHERE s.ok AND s.kode = o.kode)
    ), walk(start, cur, depth) AS (
      SELECT g.kode, g.parent, 1 FROM g JOIN imp_stage s ON s.ok AND s.kode = g.kode WHERE g.parent IS NOT NULL
      UNION ALL
      SELECT w.start, g.parent, w.depth + 1 FROM walk w JOIN g ON g.kode = w.cur
      WHERE w.cur <> w.start AND g.parent IS NOT NULL AND w.depth < 200
    )
    SELECT s.row_no, s.induk_kode AS value FROM imp_stage s
    WHERE s.ok AND s.kode IN (SELECT start FROM walk WHERE cur = start)
    ORDER BY s.row_no`,
  message: (r) => `Induk OPD membentuk lingkaran (OPD menjadi induk bagi dirinya sendiri melalui ${r.value}).`,
};

// ---------------------------------------------------------------------------
// Kinds

const opd: KindDef = {
  kind: 'opd',
  columns: [
    col('kode', 'text', key(50), true),
    col('nama', 'text', text(), true),
    col('induk_kode', 'text', key(50)),
    col('alamat', 'text', text(500)),
    col('latitude', 'numeric(9,6)', decimal(-90, 90, 6)),
    col('longitude', 'numeric(9,6)', decimal(-180, 180, 6)),
    col('radius_m', 'int4', int(1, 100_000)),
  ],
  check: (ctx) => {
    if (ctx.v.induk_kode != null && ctx.v.induk_kode === ctx.v.kode) {
      ctx.error('induk_kode', 'OPD tidak boleh menjadi induk dirinya sendiri.');
    }
    if ((ctx.v.latitude == null) !== (ctx.v.longitude == null)) {
      ctx.error(ctx.v.latitude == null ? 'latitude' : 'longitude', 'Latitude dan longitude diisi berpasangan.');
    }
  },
  dedupe: { cols: ['kode'], column: 'kode' },
  refs: [
    {
      column: 'induk_kode',
      stageCol: 'induk_kode',
      idCol: 'parent_id',
      table: 'opd',
      keyCol: 'kode',
      selfKey: 'kode',
      message: (v) => `Kode OPD induk ${v} tidak ditemukan di basis data maupun di berkas ini.`,
    },
  ],
  target: {
    table: 'opd',
    entity: 'opd',
    idCol: 'target_id',
    actionCol: 'action',
    key: [{ col: 'kode', expr: 's.kode' }],
    cols: [
      same('nama'),
      same('alamat'),
      same('latitude'),
      same('longitude'),
      same('radius_m'),
      { col: 'parent_id', expr: 's.parent_id', from: ['induk_kode'] },
    ],
    employeeId: 'NULL::int',
  },
  loopChecks: [opdCycle],
};

const pegawaiCols: ColumnDef[] = [
  col('nip', 'text', (raw) => {
    const v = raw.replace(/\s+/g, '');
    return v.length > 30 ? { ok: false, error: 'NIP terlalu panjang.' } : { ok: true, value: v };
  }, true),
  col('nama', 'text', text(), true),
  col('gelar_depan', 'text', text(50)),
  col('gelar_belakang', 'text', text(100)),
  col('jenis_kelamin', '"JenisKelamin"', oneOf(JENIS_KELAMIN, JK_ALIASES), true),
  col('tempat_lahir', 'text', text(100)),
  col('tanggal_lahir', 'date', date, true),
  col('status_kepegawaian', '"StatusKepegawaian"', oneOf(STATUS_KEPEGAWAIAN), true),
  col('tmt_cpns', 'date', date),
  col('tmt_pns', 'date', date),
  col('tmt_pppk', 'date', date),
  col('tmt_berhenti', 'date', date),
  col('jenis_berhenti', '"JenisBerhenti"', oneOf(JENIS_BERHENTI)),
  col('opd_kode', 'text', key(50), true),
  col('unit_kerja', 'text', text()),
  col('jenis_jabatan', '"JenisJabatan"', oneOf(JENIS_JABATAN), true),
  col('nama_jabatan', 'text', text()),
  col('eselon', 'text', eselon),
  col('jenjang_fungsional', '"JenjangFungsional"', oneOf(JENJANG_FUNGSIONAL)),
  col('rumpun_fungsional', '"RumpunFungsional"', oneOf(RUMPUN_FUNGSIONAL)),
  col('tmt_jabatan', 'date', date),
  col('golongan', 'text', (raw, row) => golonganFor((row.status_kepegawaian as string | null) ?? null, raw)),
  col('tmt_golongan', 'date', date),
  col('mkg_tahun', 'int4', int(0, 60)),
  col('mkg_bulan', 'int4', int(0, 11)),
  col('pendidikan_terakhir', 'text', education, true),
  col('jurusan', 'text', text()),
  col('tahun_lulus', 'int4', year),
  col('email', 'text', email),
  col('no_hp', 'text', phone),
  col('atasan_nip', 'text', nipRef),
];

/** Where the row check leaves the NIP warning codes for the staging column. */
const NIP_WARNINGS = '_nipWarnings';

const pegawai: KindDef = {
  kind: 'pegawai',
  columns: pegawaiCols,
  extraStage: [
    {
      name: 'nip_warnings',
      sql: 'text[]',
      get: (v) => ((v[NIP_WARNINGS] as string[] | undefined) ?? []).join(','),
    },
  ],
  check: (ctx) => {
    const { v } = ctx;
    if (typeof v.nip === 'string' && !ctx.hasError('nip')) {
      const r = parseNip(v.nip, {
        statusKepegawaian: (v.status_kepegawaian as StatusKepegawaian | null) ?? null,
        tanggalLahir: (v.tanggal_lahir as string | null) ?? null,
        tmtCpns: (v.tmt_cpns as string | null) ?? null,
        jenisKelamin: (v.jenis_kelamin as JenisKelamin | null) ?? null,
      });
      for (const e of r.errors) ctx.error('nip', e.message);
      for (const w of r.warnings) ctx.warn('nip', `${w.message} (disimpan untuk verifikasi BKD)`);
      v[NIP_WARNINGS] = [...new Set(r.warnings.map((w) => w.code))];
    }
    if ((v.tmt_berhenti == null) !== (v.jenis_berhenti == null) && !ctx.hasError('tmt_berhenti') && !ctx.hasError('jenis_berhenti')) {
      if (v.tmt_berhenti == null) ctx.error('tmt_berhenti', 'tmt_berhenti wajib diisi bila jenis_berhenti diisi.');
      else ctx.error('jenis_berhenti', 'jenis_berhenti wajib diisi bila tmt_berhenti diisi.');
    }
    jabatanRules(ctx);
    if (v.atasan_nip != null && v.atasan_nip === v.nip) ctx.error('atasan_nip', 'Pegawai tidak boleh menjadi atasan dirinya sendiri.');
    notInFuture(ctx, 'tanggal_lahir', 'Tanggal lahir tidak boleh di masa depan.');
  },
  dedupe: { cols: ['nip'], column: 'nip' },
  refs: [
    opdRefSpec,
    {
      column: 'atasan_nip',
      stageCol: 'atasan_nip',
      idCol: 'atasan_id',
      table: 'employee',
      keyCol: 'nip',
      selfKey: 'nip',
      message: (v) => `NIP atasan ${v} tidak ditemukan di basis data maupun di berkas ini.`,
    },
  ],
  target: {
    table: 'employee',
    entity: 'employee',
    idCol: 'target_id',
    actionCol: 'action',
    key: [{ col: 'nip', expr: 's.nip' }],
    cols: [
      ...[
        'nama',
        'gelar_depan',
        'gelar_belakang',
        'jenis_kelamin',
        'tempat_lahir',
        'tanggal_lahir',
        'status_kepegawaian',
        'tmt_cpns',
        'tmt_pns',
        'tmt_pppk',
        'tmt_berhenti',
        'jenis_berhenti',
      ].map(same),
      { col: 'opd_id', expr: 's.opd_id', from: ['opd_kode'] },
      ...[
        'unit_kerja',
        'jenis_jabatan',
        'nama_jabatan',
        'eselon',
        'jenjang_fungsional',
        'rumpun_fungsional',
        'tmt_jabatan',
        'golongan',
        'tmt_golongan',
        'mkg_tahun',
        'mkg_bulan',
        'pendidikan_terakhir',
        'jurusan',
        'tahun_lulus',
        'email',
        'no_hp',
      ].map(same),
      { col: 'atasan_id', expr: 's.atasan_id', from: ['atasan_nip'] },
      { col: 'nip_warnings', expr: 's.nip_warnings', from: ['nip'] },
    ],
    employeeId: 's.target_id',
    bumpVersion: true,
  },
  sideTargets: [
    {
      table: 'riwayat_pangkat',
      entity: 'riwayat_pangkat',
      idCol: 'pangkat_id',
      actionCol: 'pangkat_action',
      where: 's.golongan IS NOT NULL AND s.tmt_golongan IS NOT NULL',
      key: [
        { col: 'employee_id', expr: 's.target_id' },
        { col: 'golongan', expr: 's.golongan' },
        { col: 'tmt_golongan', expr: 's.tmt_golongan' },
      ],
      cols: [
        { col: 'mkg_tahun', expr: 'coalesce(s.mkg_tahun, 0)', from: ['mkg_tahun'] },
        { col: 'mkg_bulan', expr: 'coalesce(s.mkg_bulan, 0)', from: ['mkg_bulan'] },
      ],
      employeeId: 's.target_id',
    },
    {
      table: 'riwayat_jabatan',
      entity: 'riwayat_jabatan',
      idCol: 'jabatan_id',
      actionCol: 'jabatan_action',
      where: 's.tmt_jabatan IS NOT NULL AND s.nama_jabatan IS NOT NULL',
      key: [
        { col: 'employee_id', expr: 's.target_id' },
        { col: 'tmt_jabatan', expr: 's.tmt_jabatan' },
      ],
      cols: [
        same('jenis_jabatan'),
        same('nama_jabatan'),
        same('eselon'),
        same('jenjang_fungsional'),
        same('rumpun_fungsional'),
        { col: 'opd_id', expr: 's.opd_id', from: ['opd_kode'] },
        same('unit_kerja'),
      ],
      employeeId: 's.target_id',
    },
    {
      table: 'riwayat_pendidikan',
      entity: 'riwayat_pendidikan',
      idCol: 'pendidikan_id',
      actionCol: 'pendidikan_action',
      key: [
        { col: 'employee_id', expr: 's.target_id' },
        { col: 'jenjang', expr: 's.pendidikan_terakhir' },
        { col: 'tahun_lulus', expr: 's.tahun_lulus', nullable: true },
      ],
      cols: [same('jurusan')],
      employeeId: 's.target_id',
    },
  ],
  accounts: true,
};

const pendidikan: KindDef = {
  kind: 'pendidikan',
  columns: [
    nipColumn,
    col('jenjang', 'text', education, true),
    col('jurusan', 'text', text()),
    col('institusi', 'text', text()),
    col('tahun_lulus', 'int4', year),
    col('nomor_ijazah', 'text', text(100)),
    col('tanggal_ijazah', 'date', date),
  ],
  dedupe: { cols: ['nip', 'jenjang', 'tahun_lulus'], column: 'jenjang' },
  refs: [nipRefSpec],
  target: historyTarget(
    'riwayat_pendidikan',
    ['jenjang', 'tahun_lulus'],
    ['jurusan', 'institusi', 'nomor_ijazah', 'tanggal_ijazah'].map(same),
    { nullableKeys: ['tahun_lulus'] },
  ),
  finalChecks: [pendidikanConflict],
};

const pangkat: KindDef = {
  kind: 'pangkat',
  columns: [
    nipColumn,
    col('golongan', 'text', anyGolongan, true),
    col('tmt_golongan', 'date', date, true),
    col('jenis_kp', '"JenisKp"', oneOf(JENIS_KP)),
    col('nomor_sk', 'text', text(100)),
    col('tanggal_sk', 'date', date),
    col('pertek_nomor', 'text', text(100)),
    col('pertek_tanggal', 'date', date),
    col('mkg_tahun', 'int4', int(0, 60), true),
    col('mkg_bulan', 'int4', int(0, 11), true),
    col('gaji_pokok', 'int4', int(0, 100_000_000)),
  ],
  dedupe: { cols: ['nip', 'golongan', 'tmt_golongan'], column: 'tmt_golongan' },
  refs: [nipRefSpec],
  target: historyTarget(
    'riwayat_pangkat',
    ['golongan', 'tmt_golongan'],
    ['jenis_kp', 'nomor_sk', 'tanggal_sk', 'pertek_nomor', 'pertek_tanggal', 'mkg_tahun', 'mkg_bulan', 'gaji_pokok'].map(same),
  ),
  finalChecks: [pangkatConflict],
};

const jabatan: KindDef = {
  kind: 'jabatan',
  columns: [
    nipColumn,
    col('jenis_jabatan', '"JenisJabatan"', oneOf(JENIS_JABATAN), true),
    col('nama_jabatan', 'text', text(), true),
    col('eselon', 'text', eselon),
    col('jenjang_fungsional', '"JenjangFungsional"', oneOf(JENJANG_FUNGSIONAL)),
    col('rumpun_fungsional', '"RumpunFungsional"', oneOf(RUMPUN_FUNGSIONAL)),
    col('opd_kode', 'text', key(50), true),
    col('unit_kerja', 'text', text()),
    col('tmt_jabatan', 'date', date, true),
    col('nomor_sk', 'text', text(100)),
    col('tanggal_sk', 'date', date),
  ],
  check: jabatanRules,
  dedupe: { cols: ['nip', 'tmt_jabatan'], column: 'tmt_jabatan' },
  refs: [nipRefSpec, opdRefSpec],
  target: historyTarget('riwayat_jabatan', ['tmt_jabatan'], [
    same('jenis_jabatan'),
    same('nama_jabatan'),
    same('eselon'),
    same('jenjang_fungsional'),
    same('rumpun_fungsional'),
    { col: 'opd_id', expr: 's.opd_id', from: ['opd_kode'] },
    same('unit_kerja'),
    same('nomor_sk'),
    same('tanggal_sk'),
  ]),
  finalChecks: [jabatanConflict],
};

const kgb: KindDef = {
  kind: 'kgb',
  columns: [
    nipColumn,
    col('tmt', 'date', date, true),
    col('golongan', 'text', anyGolongan, true),
    col('mkg_tahun', 'int4', int(0, 60), true),
    col('mkg_bulan', 'int4', int(0, 11), true),
    col('gaji_pokok_lama', 'int4', int(0, 100_000_000)),
    col('gaji_pokok', 'int4', int(1, 100_000_000), true),
    col('nomor_surat', 'text', text(100)),
    col('tanggal_surat', 'date', date),
  ],
  dedupe: { cols: ['nip', 'tmt'], column: 'tmt' },
  refs: [nipRefSpec],
  target: historyTarget(
    'riwayat_kgb',
    ['tmt'],
    ['golongan', 'mkg_tahun', 'mkg_bulan', 'gaji_pokok_lama', 'gaji_pokok', 'nomor_surat', 'tanggal_surat'].map(same),
  ),
};

const EXPECTED_JK: Partial<Record<string, JenisKelamin>> = { SUAMI: 'L', AYAH: 'L', ISTRI: 'P', IBU: 'P' };

const keluarga: KindDef = {
  kind: 'keluarga',
  columns: [
    nipColumn,
    col('hubungan', '"HubunganKeluarga"', oneOf(HUBUNGAN_KELUARGA), true),
    col('nama', 'text', text(), true),
    col('tanggal_lahir', 'date', date),
    col('jenis_kelamin', '"JenisKelamin"', oneOf(JENIS_KELAMIN, JK_ALIASES)),
    col('tanggal_nikah', 'date', date),
    col('status_tunjangan', 'boolean', yesNo),
    col('keterangan', 'text', text(500)),
  ],
  check: (ctx) => {
    const expected = EXPECTED_JK[String(ctx.v.hubungan)];
    if (expected && ctx.v.jenis_kelamin != null && ctx.v.jenis_kelamin !== expected) {
      ctx.warn('jenis_kelamin', `Jenis kelamin tidak lazim untuk hubungan ${String(ctx.v.hubungan)}.`);
    }
    notInFuture(ctx, 'tanggal_lahir', 'Tanggal lahir tidak boleh di masa depan.');
  },
  dedupe: { cols: ['nip', 'hubungan', 'nama'], column: 'nama' },
  refs: [nipRefSpec],
  target: historyTarget('keluarga', ['hubungan', 'nama'], [
    same('tanggal_lahir'),
    same('jenis_kelamin'),
    same('tanggal_nikah'),
    { col: 'status_tunjangan', expr: 'coalesce(s.status_tunjangan, false)', from: ['status_tunjangan'] },
    same('keterangan'),
  ]),
};

const diklat: KindDef = {
  kind: 'diklat',
  columns: [
    nipColumn,
    col('jenis', '"JenisDiklat"', oneOf(JENIS_DIKLAT, { SEMINAR: 'WORKSHOP', BIMTEK: 'WORKSHOP' }), true),
    col('nama', 'text', text(), true),
    col('penyelenggara', 'text', text()),
    col('tanggal_mulai', 'date', date, true),
    col('tanggal_selesai', 'date', date, true),
    col('jp', 'int4', int(0, 10_000), true),
    col('nomor_sertifikat', 'text', text(100)),
  ],
  check: (ctx) => notBefore(ctx, 'tanggal_selesai', 'tanggal_mulai', 'Tanggal selesai tidak boleh sebelum tanggal mulai.'),
  dedupe: { cols: ['nip', 'jenis', 'nama', 'tanggal_mulai'], column: 'nama' },
  refs: [nipRefSpec],
  target: historyTarget('riwayat_diklat', ['jenis', 'nama', 'tanggal_mulai'], [
    same('penyelenggara'),
    same('tanggal_selesai'),
    same('jp'),
    same('nomor_sertifikat'),
  ]),
};

const skp: KindDef = {
  kind: 'skp',
  columns: [
    nipColumn,
    col('tahun', 'int4', year, true),
    col('nilai', 'numeric(5,2)', decimal(0, 100, 2)),
    col('predikat', '"PredikatSkp"', predikat),
  ],
  check: (ctx) => {
    const { v } = ctx;
    if (v.nilai == null && v.predikat == null) {
      if (!ctx.hasError('nilai') && !ctx.hasError('predikat')) ctx.error('nilai', 'Isi nilai atau predikat (salah satu wajib).');
      return;
    }
    if (v.nilai != null) {
      const fromNilai = predikatFromNilai(Number(v.nilai));
      if (v.predikat != null && v.predikat !== fromNilai) {
        ctx.warn('predikat', `Predikat tidak sesuai nilai ${String(v.nilai)}; dipakai ${fromNilai} (nilai menentukan).`);
      }
      v.predikat = fromNilai;
    }
  },
  dedupe: { cols: ['nip', 'tahun'], column: 'tahun' },
  refs: [nipRefSpec],
  target: historyTarget('riwayat_skp', ['tahun'], [
    { col: 'nilai', expr: 's.nilai', from: ['nilai'] },
    { col: 'predikat', expr: 's.predikat', from: [] },
  ]),
};

const hukdis: KindDef = {
  kind: 'hukdis',
  columns: [
    nipColumn,
    col('tingkat', '"TingkatHukdis"', oneOf(TINGKAT_HUKDIS), true),
    col('jenis', 'text', text(500)),
    col('nomor_sk', 'text', text(100), true),
    col('tanggal_sk', 'date', date, true),
    col('tmt', 'date', date),
    col('tmt_selesai', 'date', date),
    col('keterangan', 'text', text(500)),
  ],
  check: (ctx) => {
    const { v } = ctx;
    const start = (v.tmt ?? v.tanggal_sk) as string | null;
    if (typeof v.tmt_selesai === 'string' && start && compareDates(v.tmt_selesai, start) < 0) {
      ctx.error('tmt_selesai', 'tmt_selesai tidak boleh sebelum TMT hukuman.');
    }
    const kind = classifyJenisHukdis(v.jenis as string | null);
    if (kind && v.tingkat != null && JENIS_HUKDIS[kind].tingkat !== v.tingkat) {
      ctx.warn('tingkat', `Jenis hukuman "${JENIS_HUKDIS[kind].label}" termasuk tingkat ${JENIS_HUKDIS[kind].tingkat}.`);
    }
    if (!kind && v.jenis != null && v.tmt_selesai == null && v.tingkat !== 'RINGAN') {
      ctx.warn('jenis', 'Jenis hukuman tidak dikenali; akhir masa berlaku memakai durasi bawaan tingkatnya. Isi tmt_selesai bila diketahui.');
    }
  },
  dedupe: { cols: ['nip', 'nomor_sk'], column: 'nomor_sk' },
  refs: [nipRefSpec],
  target: historyTarget('riwayat_hukdis', ['nomor_sk'], [
    same('tingkat'),
    same('jenis'),
    same('tanggal_sk'),
    same('tmt'),
    same('tmt_selesai'),
    same('keterangan'),
  ]),
};

export const KINDS: Record<ImportKind, KindDef> = {
  opd,
  pegawai,
  pendidikan,
  pangkat,
  jabatan,
  kgb,
  keluarga,
  diklat,
  skp,
  hukdis,
};

/** Header names of a kind, required ones first (for templates and messages). */
export function kindColumns(kind: ImportKind): { name: string; required: boolean }[] {
  return KINDS[kind].columns.map((c) => ({ name: c.name, required: !!c.required }));
}
