/**
 * Fast, deterministic generator of a large regency for the indicator benchmark:
 * OPDs (a tree), employees and the histories the indicators read (jabatan,
 * pendidikan, diklat, SKP, hukdis). Rows are built in JavaScript with a seeded
 * PRNG and shipped in chunks with INSERT … SELECT FROM unnest($1::int[], …),
 * one round trip per table per chunk. Ids are assigned here (sequences synced
 * at the end), so nothing is read back.
 */
import type pg from 'pg';

/** mulberry32: small, fast, deterministic. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const dayMs = (y: number, m = 1, d = 1) => Date.UTC(y, m - 1, d);

const EDU = ['SD', 'SMP', 'SMA', 'D1', 'D2', 'D3', 'D4', 'S1', 'PROFESI', 'S2', 'SP1', 'S3', 'SP2'] as const;
/** Cumulative distribution of the highest education (index into EDU). */
const EDU_DIST: [number, number][] = [
  [0.01, 0],
  [0.03, 1],
  [0.25, 2],
  [0.27, 3],
  [0.28, 4],
  [0.42, 5],
  [0.46, 6],
  [0.8, 7],
  [0.84, 8],
  [0.965, 9],
  [0.98, 10],
  [0.995, 11],
  [1, 12],
];
const ESELON = ['II.a', 'II.b', 'III.a', 'III.b', 'IV.a', 'IV.b'] as const;
type Diklat = 'KEPEMIMPINAN' | 'FUNGSIONAL' | 'TEKNIS' | 'WORKSHOP';
const PREDIKAT = ['SANGAT_BAIK', 'BAIK', 'BUTUH_PERBAIKAN', 'KURANG', 'SANGAT_KURANG'] as const;
const TINGKAT = ['RINGAN', 'SEDANG', 'BERAT'] as const;
const BERHENTI = ['PENSIUN', 'MENINGGAL', 'DIBERHENTIKAN', 'MENGUNDURKAN_DIRI'] as const;

type Cols = Record<string, unknown[]>;
interface TableSpec {
  table: string;
  /** column name → PostgreSQL array type of its unnest parameter */
  columns: Record<string, string>;
}

const TABLES: Record<string, TableSpec> = {
  employee: {
    table: 'employee',
    columns: {
      id: 'int[]',
      nip: 'text[]',
      nama: 'text[]',
      jenis_kelamin: '"JenisKelamin"[]',
      tanggal_lahir: 'date[]',
      status_kepegawaian: '"StatusKepegawaian"[]',
      tmt_cpns: 'date[]',
      tmt_pppk: 'date[]',
      tmt_berhenti: 'date[]',
      jenis_berhenti: '"JenisBerhenti"[]',
      opd_id: 'int[]',
      jenis_jabatan: '"JenisJabatan"[]',
      nama_jabatan: 'text[]',
      eselon: 'text[]',
      pendidikan_terakhir: 'text[]',
      tahun_lulus: 'int[]',
      updated_at: 'timestamp[]',
    },
  },
  jabatan: {
    table: 'riwayat_jabatan',
    columns: { employee_id: 'int[]', jenis_jabatan: '"JenisJabatan"[]', nama_jabatan: 'text[]', eselon: 'text[]', opd_id: 'int[]', tmt_jabatan: 'date[]', updated_at: 'timestamp[]' },
  },
  pendidikan: {
    table: 'riwayat_pendidikan',
    columns: { employee_id: 'int[]', jenjang: 'text[]', tahun_lulus: 'int[]', updated_at: 'timestamp[]' },
  },
  diklat: {
    table: 'riwayat_diklat',
    columns: { employee_id: 'int[]', jenis: '"JenisDiklat"[]', nama: 'text[]', tanggal_mulai: 'date[]', tanggal_selesai: 'date[]', jp: 'int[]', updated_at: 'timestamp[]' },
  },
  skp: {
    table: 'riwayat_skp',
    columns: { employee_id: 'int[]', tahun: 'int[]', nilai: 'numeric[]', predikat: '"PredikatSkp"[]', updated_at: 'timestamp[]' },
  },
  hukdis: {
    table: 'riwayat_hukdis',
    columns: { employee_id: 'int[]', tingkat: '"TingkatHukdis"[]', nomor_sk: 'text[]', tanggal_sk: 'date[]', updated_at: 'timestamp[]' },
  },
};

function emptyCols(spec: TableSpec): Cols {
  return Object.fromEntries(Object.keys(spec.columns).map((c) => [c, []]));
}

async function flush(client: pg.Client, spec: TableSpec, cols: Cols) {
  const names = Object.keys(spec.columns);
  if (!cols[names[0]!]!.length) return;
  const sql = `INSERT INTO "${spec.table}" (${names.map((n) => `"${n}"`).join(', ')})
    SELECT * FROM unnest(${names.map((n, i) => `$${i + 1}::${spec.columns[n]}`).join(', ')})`;
  await client.query(sql, names.map((n) => cols[n]));
  for (const n of names) cols[n] = [];
}

export interface GenerateResult {
  opds: number;
  employees: number;
  rows: Record<string, number>;
}

/**
 * Fills an empty, migrated database with `n` employees (ids 1..n) and their histories.
 * Top-level OPDs: 40, each with up to 6 units under it and some with a third level.
 */
export async function generateRegency(client: pg.Client, n: number, seed = 20261130, chunk = 20_000): Promise<GenerateResult> {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const between = (from: number, to: number) => from + Math.floor(rnd() * (to - from + 1));
  const now = new Date().toISOString();

  // OPD tree
  const opds: { id: number; kode: string; nama: string; parent: number | null }[] = [];
  for (let t = 1; t <= 40; t++) {
    const top = { id: opds.length + 1, kode: `B${String(t).padStart(2, '0')}`, nama: `Perangkat Daerah ${t}`, parent: null };
    opds.push(top);
    const kids = between(0, 6);
    for (let c = 1; c <= kids; c++) {
      const kid = { id: opds.length + 1, kode: `${top.kode}.${c}`, nama: `Unit ${t}.${c}`, parent: top.id };
      opds.push(kid);
      if (rnd() < 0.2) for (let g = 1; g <= 3; g++) opds.push({ id: opds.length + 1, kode: `${kid.kode}.${g}`, nama: `Subunit ${t}.${c}.${g}`, parent: kid.id });
    }
  }
  await client.query(
    `INSERT INTO opd (id, kode, nama, parent_id, updated_at) SELECT * FROM unnest($1::int[], $2::text[], $3::text[], $4::int[], $5::timestamp[])`,
    [opds.map((o) => o.id), opds.map((o) => o.kode), opds.map((o) => o.nama), opds.map((o) => o.parent), opds.map(() => now)],
  );
  await client.query(`SELECT setval(pg_get_serial_sequence('opd', 'id'), (SELECT max(id) FROM opd))`);

  const cols = Object.fromEntries(Object.entries(TABLES).map(([k, s]) => [k, emptyCols(s)])) as Record<keyof typeof TABLES, Cols>;
  const rows: Record<string, number> = Object.fromEntries(Object.keys(TABLES).map((k) => [k, 0]));
  const push = (t: keyof typeof TABLES, row: Record<string, unknown>) => {
    const c = cols[t]!;
    for (const k of Object.keys(c)) c[k]!.push(row[k] ?? null);
    rows[t]!++;
  };

  for (let id = 1; id <= n; id++) {
    const r = rnd();
    const status = r < 0.8 ? 'PNS' : r < 0.95 ? 'PPPK' : r < 0.98 ? 'CPNS' : 'KONTRAK';
    const birth = dayMs(1962) + Math.floor(rnd() * 38 * 365) * DAY;
    const start =
      status === 'CPNS' ? dayMs(between(2024, 2026), between(1, 12)) : status === 'PPPK' ? dayMs(between(2019, 2026), between(1, 12)) : dayMs(between(1985, 2023), between(1, 12));
    const exit = rnd() < 0.05 ? dayMs(between(2019, 2026), between(1, 12)) : null;
    const unit = opds[Math.floor(rnd() * opds.length)]!.id;
    const jr = rnd();
    const jenis = jr < 0.05 ? 'STRUKTURAL' : jr < 0.43 ? 'FUNGSIONAL' : 'PELAKSANA';
    const eselon = jenis === 'STRUKTURAL' ? pick(ESELON) : null;
    const er = rnd();
    const eduIdx = EDU_DIST.find(([p]) => er < p)![1];
    const lulus = Math.min(2026, new Date(start).getUTCFullYear() - between(0, 3) + (rnd() < 0.05 ? 8 : 0));
    push('employee', {
      id,
      nip: `9${String(id).padStart(17, '0')}`,
      nama: `Pegawai ${id}`,
      jenis_kelamin: rnd() < 0.5 ? 'L' : 'P',
      tanggal_lahir: iso(birth),
      status_kepegawaian: status,
      tmt_cpns: status === 'PNS' || status === 'CPNS' ? (rnd() < 0.01 ? null : iso(start)) : null,
      tmt_pppk: status === 'PPPK' ? iso(start) : null,
      tmt_berhenti: exit && exit > start ? iso(exit) : null,
      jenis_berhenti: exit && exit > start ? pick(BERHENTI) : null,
      opd_id: unit,
      jenis_jabatan: jenis,
      nama_jabatan: jenis === 'FUNGSIONAL' ? 'Pranata Ahli' : jenis === 'STRUKTURAL' ? 'Kepala' : 'Pelaksana',
      eselon,
      pendidikan_terakhir: EDU[eduIdx],
      tahun_lulus: lulus,
      updated_at: now,
    });
    if (status !== 'KONTRAK') histories(id, start, unit, jenis, eselon, eduIdx, lulus);
    if (id % chunk === 0) {
      for (const [k, spec] of Object.entries(TABLES)) await flush(client, spec, cols[k]!);
    }
  }
  for (const [k, spec] of Object.entries(TABLES)) await flush(client, spec, cols[k]!);
  for (const t of ['employee', 'riwayat_jabatan', 'riwayat_pendidikan', 'riwayat_diklat', 'riwayat_skp', 'riwayat_hukdis']) {
    await client.query(`SELECT setval(pg_get_serial_sequence('${t}', 'id'), GREATEST((SELECT max(id) FROM "${t}"), 1))`);
  }
  return { opds: opds.length, employees: n, rows };

  function histories(id: number, start: number, unit: number, jenis: string, eselon: string | null, eduIdx: number, lulus: number) {
    // Position history: 0–3 earlier positions, then the current one (90 % have history).
    if (rnd() < 0.9) {
      const earlier = between(0, 3);
      let t = start;
      const span = Math.max(DAY, dayMs(2026, 6) - start);
      for (let k = 0; k < earlier; k++) {
        push('jabatan', { employee_id: id, jenis_jabatan: rnd() < 0.7 ? 'PELAKSANA' : 'FUNGSIONAL', nama_jabatan: 'Jabatan lama', eselon: null, opd_id: opds[Math.floor(rnd() * opds.length)]!.id, tmt_jabatan: iso(t), updated_at: now });
        t += Math.floor((span / (earlier + 1)) / DAY) * DAY + DAY;
      }
      push('jabatan', { employee_id: id, jenis_jabatan: jenis, nama_jabatan: 'Jabatan sekarang', eselon, opd_id: unit, tmt_jabatan: iso(t), updated_at: now });
    }

    // Education history (85 %): up to two lower levels, then the highest.
    if (rnd() < 0.85) {
      const levels = new Set<number>([eduIdx]);
      if (eduIdx > 2 && rnd() < 0.7) levels.add(2);
      if (eduIdx > 7 && rnd() < 0.6) levels.add(7);
      const sorted = [...levels].sort((a, b) => a - b);
      sorted.forEach((lv, i) => push('pendidikan', { employee_id: id, jenjang: EDU[lv], tahun_lulus: lulus - (sorted.length - 1 - i) * 4, updated_at: now }));
    }

    // Trainings 2015–2026.
    const trainings = between(0, 10);
    for (let k = 0; k < trainings; k++) {
      const dr = rnd();
      const dj = eselon && k === 0 && rnd() < 0.7 ? 'KEPEMIMPINAN' : dr < 0.1 ? 'KEPEMIMPINAN' : dr < 0.25 ? 'FUNGSIONAL' : dr < 0.65 ? 'TEKNIS' : 'WORKSHOP';
      const mulai = dayMs(2015) + Math.floor(rnd() * 12 * 365) * DAY;
      const days = dj === 'WORKSHOP' ? between(0, 2) : between(2, 30);
      push('diklat', { employee_id: id, jenis: dj as Diklat, nama: `Diklat ${k}`, tanggal_mulai: iso(mulai), tanggal_selesai: iso(mulai + days * DAY), jp: dj === 'WORKSHOP' ? between(2, 16) : between(8, 80), updated_at: now });
    }

    // SKP 2019–2026 (92 % of years present; 60 % numeric).
    for (let y = 2019; y <= 2026; y++) {
      if (rnd() > 0.92) continue;
      const numeric = rnd() < 0.6;
      push('skp', { employee_id: id, tahun: y, nilai: numeric ? (60 + rnd() * 39).toFixed(2) : null, predikat: numeric ? null : pick(PREDIKAT), updated_at: now });
    }

    // Penalties (2 %).
    if (rnd() < 0.02) {
      push('hukdis', { employee_id: id, tingkat: pick(TINGKAT), nomor_sk: `800/${id}/2026`, tanggal_sk: iso(dayMs(2020) + Math.floor(rnd() * 7 * 365) * DAY), updated_at: now });
    }
  }
}
